import type { Executor } from './connection.ts';
import { num, str, strOrNull } from './rows.ts';

/** The failed sign-ins that still count against one key (an account, an address or a network). */
export interface LoginThrottleRow {
  readonly key: string;
  readonly failures: number;
  readonly lastFailureAt: string;
  /** No attempt for this key is taken before this instant (ISO), or null. */
  readonly blockedUntil: string | null;
}

export async function readLoginThrottle(db: Executor, keys: readonly string[]): Promise<Map<string, LoginThrottleRow>> {
  const out = new Map<string, LoginThrottleRow>();
  if (keys.length === 0) return out;
  const result = await db.execute({
    sql: `SELECT key, failures, last_failure_at, blocked_until FROM login_throttle WHERE key IN (${keys.map(() => '?').join(', ')})`,
    args: [...keys],
  });
  for (const row of result.rows) {
    out.set(str(row, 'key'), {
      key: str(row, 'key'),
      failures: num(row, 'failures'),
      lastFailureAt: str(row, 'last_failure_at'),
      blockedUntil: strOrNull(row, 'blocked_until'),
    });
  }
  return out;
}

export async function saveLoginThrottle(tx: Executor, row: LoginThrottleRow): Promise<void> {
  await tx.execute({
    sql: `INSERT INTO login_throttle (key, failures, last_failure_at, blocked_until) VALUES (?, ?, ?, ?)
          ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure_at = excluded.last_failure_at,
            blocked_until = excluded.blocked_until`,
    args: [row.key, row.failures, row.lastFailureAt, row.blockedUntil],
  });
}

export async function deleteLoginThrottle(tx: Executor, key: string): Promise<boolean> {
  const result = await tx.execute({ sql: 'DELETE FROM login_throttle WHERE key = ?', args: [key] });
  return result.rowsAffected > 0;
}

/** Keys with the given prefix that are blocked at `now`, and until when. */
export async function blockedLoginKeys(db: Executor, keyPrefix: string, now: Date): Promise<Map<string, string>> {
  const result = await db.execute({
    sql: `SELECT key, blocked_until FROM login_throttle WHERE key >= ? AND key < ? AND blocked_until > ?`,
    // Every key that starts with the prefix sorts between it and the prefix followed by the highest code point.
    args: [keyPrefix, `${keyPrefix}\u{10FFFF}`, now.toISOString()],
  });
  return new Map(result.rows.map((row) => [str(row, 'key'), str(row, 'blocked_until')]));
}

/**
 * Forgets up to `limit` rows that no longer block and whose failures no longer count (older than `before`):
 * called on each failed sign-in, so the table stays small even when an attack spreads over many addresses.
 */
export async function pruneLoginThrottle(tx: Executor, before: Date, limit = 100): Promise<number> {
  const cutoff = before.toISOString();
  const result = await tx.execute({
    sql: `DELETE FROM login_throttle WHERE rowid IN (
            SELECT rowid FROM login_throttle
            WHERE last_failure_at < ? AND (blocked_until IS NULL OR blocked_until < ?)
            ORDER BY last_failure_at LIMIT ?)`,
    args: [cutoff, cutoff, limit],
  });
  return result.rowsAffected;
}
