import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Db } from './connection.ts';
import { migrate } from './migrate.ts';
import { PURGE_EXPIRED_PROOFS_SQL, purgeExpiredProofs, spendProof } from './submissions.ts';

let db: Db;
const now = new Date('2026-03-02T02:00:00Z');

beforeEach(async () => {
  db = await Db.open({ url: ':memory:' });
  await migrate(db);
});
afterEach(() => db.close());

async function signatures(): Promise<string[]> {
  return (await db.execute('SELECT signature FROM used_proofs ORDER BY signature')).rows.map((row) => String(row.signature));
}

describe('spent proofs of work', () => {
  it('are spent once', async () => {
    const expiresAt = new Date(now.getTime() + 600_000);
    expect(await db.write((tx) => spendProof(tx, 'sig', expiresAt))).toBe(true);
    expect(await db.write((tx) => spendProof(tx, 'sig', expiresAt))).toBe(false);
  });

  it('are purged once expired, oldest first, in batches of at most the limit, never before they expire', async () => {
    await db.write(async (tx) => {
      for (let i = 0; i < 7; i++) await spendProof(tx, `old-${i}`, new Date(now.getTime() - (7 - i) * 1000));
      for (let i = 0; i < 3; i++) await spendProof(tx, `live-${i}`, new Date(now.getTime() + (i + 1) * 1000));
      // Expiring exactly now: still valid for a check at `now`, so kept.
      await spendProof(tx, 'edge', now);
    });
    expect(await db.write((tx) => purgeExpiredProofs(tx, now, 5))).toBe(5);
    expect(await signatures()).toEqual(['edge', 'live-0', 'live-1', 'live-2', 'old-5', 'old-6']);
    expect(await db.write((tx) => purgeExpiredProofs(tx, now, 5))).toBe(2);
    expect(await db.write((tx) => purgeExpiredProofs(tx, now, 5))).toBe(0);
    expect(await signatures()).toEqual(['edge', 'live-0', 'live-1', 'live-2']);
  });

  it('are purged through the expiry index, not by scanning the table', async () => {
    const plan = await db.execute({ sql: `EXPLAIN QUERY PLAN ${PURGE_EXPIRED_PROOFS_SQL}`, args: [now.toISOString(), 500] });
    const details = plan.rows.map((row) => String(row.detail));
    expect(details.some((d) => d.includes('USING COVERING INDEX used_proofs_expires_at'))).toBe(true);
    expect(details.filter((d) => /^SCAN used_proofs\b/.test(d) && !d.includes('INDEX'))).toEqual([]);
  });
});
