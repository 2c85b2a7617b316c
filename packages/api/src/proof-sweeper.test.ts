import { Db, migrate, spendProof } from '@pakn/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExpiredProofSweeper } from './proof-of-work.ts';

let db: Db;
const start = new Date('2026-03-02T02:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);

beforeEach(async () => {
  db = await Db.open({ url: ':memory:' });
  await migrate(db);
});
afterEach(() => db.close());

async function remaining(): Promise<number> {
  return Number((await db.execute('SELECT COUNT(*) AS n FROM used_proofs')).rows[0]?.n);
}

describe('the sweeper of expired proofs', () => {
  it('purges a batch at most every interval, and batch after batch while a backlog remains', async () => {
    await db.write(async (tx) => {
      for (let i = 0; i < 5; i++) await spendProof(tx, `old-${i}`, at(-1000 - i));
      await spendProof(tx, 'live', at(120_000));
    });
    const sweeper = new ExpiredProofSweeper({ intervalMs: 60_000, batchSize: 2 });
    const sweep = (ms: number) => db.write((tx) => sweeper.sweepIfDue(tx, at(ms)));
    // Full batches: the next submission takes the next one, whatever the interval.
    expect(await sweep(0)).toBe(2);
    expect(await sweep(0)).toBe(2);
    expect(await sweep(0)).toBe(1);
    expect(await remaining()).toBe(1);
    // The backlog is gone: nothing more until the interval has passed, even once more has expired.
    await db.write((tx) => spendProof(tx, 'soon', at(10_000)));
    expect(await sweep(30_000)).toBe(0);
    expect(await remaining()).toBe(2);
    expect(await sweep(60_000)).toBe(1);
    expect(await remaining()).toBe(1);
  });
});
