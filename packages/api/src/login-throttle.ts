import {
  blockedLoginKeys,
  deleteLoginThrottle,
  pruneLoginThrottle,
  readLoginThrottle,
  saveLoginThrottle,
  type Db,
  type Executor,
  type LoginThrottleRow,
} from '@pakn/db';
import { DomainError } from '@pakn/domain';
import { addressPrefix } from './address-prefix.ts';

/**
 * How failed sign-ins slow down the next attempts for one kind of key. After `free` failures each further
 * failure makes the key wait `baseDelayMs`, doubling up to `maxDelayMs`; at `lockAfter` failures (accounts
 * only) every failure locks the key for `lockMs`. Failures are forgotten after `forgetMs` without one.
 */
export interface LoginThrottleRule {
  readonly free: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly lockAfter: number | null;
  readonly lockMs: number;
  readonly forgetMs: number;
}

/** Per account (the username typed, known or not), per client address, per network (IPv4 /24, IPv6 /64). */
export interface LoginThrottlePolicy {
  readonly account: LoginThrottleRule;
  readonly address: LoginThrottleRule;
  readonly prefix: LoginThrottleRule;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * The defaults allow, in the worst hour, about 13 guesses on one account, 34 from one address and 64 from
 * one network (measured by issue-9-login-throttle.test.ts): an office behind one NAT address can still
 * absorb a morning of typos, and an attacker gets nowhere near the 270,000 an hour of issue 9.
 */
const DEFAULT_LOGIN_THROTTLE: LoginThrottlePolicy = {
  account: { free: 3, baseDelayMs: SECOND, maxDelayMs: 15 * MINUTE, lockAfter: 10, lockMs: 15 * MINUTE, forgetMs: HOUR },
  address: { free: 20, baseDelayMs: SECOND, maxDelayMs: 10 * MINUTE, lockAfter: null, lockMs: 0, forgetMs: HOUR },
  prefix: { free: 50, baseDelayMs: SECOND, maxDelayMs: 10 * MINUTE, lockAfter: null, lockMs: 0, forgetMs: HOUR },
};

export function loginThrottlePolicy(overrides: Partial<{ [K in keyof LoginThrottlePolicy]: Partial<LoginThrottleRule> }> = {}): LoginThrottlePolicy {
  return {
    account: { ...DEFAULT_LOGIN_THROTTLE.account, ...overrides.account },
    address: { ...DEFAULT_LOGIN_THROTTLE.address, ...overrides.address },
    prefix: { ...DEFAULT_LOGIN_THROTTLE.prefix, ...overrides.prefix },
  };
}

/** The throttle key of a username: case-folded as the staff table compares usernames (COLLATE NOCASE). */
export function accountThrottleKey(username: string): string {
  return `account:${username.normalize('NFC').toLowerCase()}`;
}

interface Keyed {
  readonly key: string;
  readonly rule: LoginThrottleRule;
}

function keysFor(policy: LoginThrottlePolicy, username: string, address: string): Keyed[] {
  const keys: Keyed[] = [
    { key: accountThrottleKey(username), rule: policy.account },
    { key: `address:${address}`, rule: policy.address },
  ];
  const prefix = addressPrefix(address);
  // A non-address (tests without a socket) has no network beyond itself: one key is enough.
  if (prefix !== address) keys.push({ key: `prefix:${prefix}`, rule: policy.prefix });
  return keys;
}

/** The state of a key after one more failure at `now`. Pure: the policy in one place. */
function afterFailure(rule: LoginThrottleRule, key: string, previous: LoginThrottleRow | undefined, now: Date): LoginThrottleRow & { locked: boolean } {
  const at = now.getTime();
  const forgotten = !previous || at - Date.parse(previous.lastFailureAt) >= rule.forgetMs;
  const failures = (forgotten ? 0 : previous.failures) + 1;
  let delay = failures < rule.free ? 0 : Math.min(rule.baseDelayMs * 2 ** (failures - rule.free), rule.maxDelayMs);
  const locked = rule.lockAfter !== null && failures >= rule.lockAfter;
  if (locked) delay = Math.max(delay, rule.lockMs);
  // A block already running is never shortened by a later failure.
  const blocked = Math.max(delay > 0 ? at + delay : 0, previous?.blockedUntil ? Date.parse(previous.blockedUntil) : 0);
  return { key, failures, lastFailureAt: now.toISOString(), blockedUntil: blocked > at ? new Date(blocked).toISOString() : null, locked };
}

/** What one sign-in attempt holds between its reservation and its result. */
export interface LoginAttempt {
  readonly accountKey: string;
  readonly otherKeys: readonly string[];
  /** Set when this attempt's failure locked the account, until when. */
  readonly lockedUntil: string | null;
}

/**
 * Takes one attempt, or refuses it (rate_limited with `retryAfterSeconds`) while any of its keys waits. The
 * attempt is counted as a failure at once, in one write transaction, so that simultaneous guesses see each
 * other; a successful sign-in gives it back (settleLogin). The check reads the same rows whether or not the
 * account exists, and runs before the username is looked up.
 */
export async function reserveLoginAttempt(db: Db, policy: LoginThrottlePolicy, username: string, address: string, now: Date): Promise<LoginAttempt> {
  const keyed = keysFor(policy, username, address);
  const keys = keyed.map((k) => k.key);
  const refuseIfBlocked = (rows: Map<string, LoginThrottleRow>) => {
    const until = Math.max(0, ...[...rows.values()].map((row) => (row.blockedUntil ? Date.parse(row.blockedUntil) : 0)));
    if (until > now.getTime()) throw new LoginThrottledError(Math.ceil((until - now.getTime()) / 1000));
  };
  // A flood of refused guesses is answered from a read, without queueing for the write lock.
  refuseIfBlocked(await readLoginThrottle(db, keys));
  return db.write(async (tx) => {
    const rows = await readLoginThrottle(tx, keys);
    refuseIfBlocked(rows);
    let lockedUntil: string | null = null;
    for (const { key, rule } of keyed) {
      const next = afterFailure(rule, key, rows.get(key), now);
      await saveLoginThrottle(tx, next);
      if (next.locked && key === keyed[0]?.key) lockedUntil = next.blockedUntil;
    }
    return { accountKey: keyed[0]?.key ?? '', otherKeys: keyed.slice(1).map((k) => k.key), lockedUntil };
  });
}

/**
 * After a successful sign-in: the account starts afresh, and the address and network get this attempt back
 * (a colleague's success behind the same NAT must not count against the others).
 */
export async function settleSuccessfulLogin(db: Db, policy: LoginThrottlePolicy, attempt: LoginAttempt): Promise<void> {
  await db.write(async (tx) => {
    await deleteLoginThrottle(tx, attempt.accountKey);
    const rows = await readLoginThrottle(tx, attempt.otherKeys);
    for (const row of rows.values()) {
      const rule = row.key.startsWith('prefix:') ? policy.prefix : policy.address;
      const failures = Math.max(0, row.failures - 1);
      if (failures === 0) await deleteLoginThrottle(tx, row.key);
      else await saveLoginThrottle(tx, { ...row, failures, blockedUntil: failures < rule.free ? null : row.blockedUntil });
    }
  });
}

/** The accounts locked now, by throttle key, and until when (for the admin's list of users). */
export function lockedAccounts(db: Db, now: Date): Promise<Map<string, string>> {
  return blockedLoginKeys(db, 'account:', now);
}

/** The admin lifts an account's lock and forgets its failures. */
export function unlockAccount(tx: Executor, username: string): Promise<boolean> {
  return deleteLoginThrottle(tx, accountThrottleKey(username));
}

/** Forgets a few rows whose failures no longer count (see pruneLoginThrottle), inside the caller's write. */
export function pruneLoginFailures(tx: Executor, policy: LoginThrottlePolicy, now: Date): Promise<number> {
  const longest = Math.max(policy.account.forgetMs, policy.address.forgetMs, policy.prefix.forgetMs);
  return pruneLoginThrottle(tx, new Date(now.getTime() - longest));
}

export class LoginThrottledError extends DomainError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('rate_limited', 'Too many failed sign-ins', { reason: 'login_throttled' });
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }
}
