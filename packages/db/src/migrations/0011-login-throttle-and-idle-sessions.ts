import type { Migration } from './migration.ts';

/**
 * Issue 9, defects 3 and 12: the staff login throttle and the idle session timeout.
 *
 * login_throttle keeps, per key, the failed sign-ins that still count and the time before which no attempt
 * is taken. Keys are `account:<username folded to lower case>` (unknown usernames too, so that a lock says
 * nothing about whether an account exists), `address:<client address>` and `prefix:<IPv4 /24 or IPv6 /64>`.
 * It lives in the database so that a restart does not reset it and every server process shares it.
 *
 * sessions.last_seen_at is when the session was last used (written at most once a minute); a session idle
 * for longer than the configured timeout no longer signs anyone in. NULL (sessions made before this
 * migration) counts as its creation time.
 */
export const loginThrottleAndIdleSessions: Migration = {
  version: 11,
  name: 'login-throttle-and-idle-sessions',
  statements: [
    `CREATE TABLE login_throttle (
      key TEXT PRIMARY KEY,
      failures INTEGER NOT NULL,
      last_failure_at TEXT NOT NULL,
      blocked_until TEXT
    ) STRICT`,
    // Old rows are pruned by age, a few at a time.
    `CREATE INDEX login_throttle_last_failure ON login_throttle(last_failure_at)`,
    `ALTER TABLE sessions ADD COLUMN last_seen_at TEXT`,
  ],
};
