import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueRank } from '@pakn/domain';
import { Db } from './connection.ts';
import { migrate } from './migrate.ts';
import { insertCase, nextReference, updateCase } from './cases.ts';
import { insertUnit } from './units.ts';
import { countCaseQueue, listCaseQueue, type QueuePosition } from './case-queue.ts';

let db: Db;
const now = new Date('2026-03-02T02:00:00Z'); // Monday, 09:00 in Hanoi

beforeEach(async () => {
  db = await Db.open({ url: ':memory:' });
  await migrate(db);
});
afterEach(() => db.close());

async function addCase(id: string, createdAt: Date): Promise<void> {
  await db.write(async (tx) => {
    const reference = await nextReference(tx, 2026);
    await insertCase(
      tx,
      {
        id,
        reference,
        accessKeyHash: 'x',
        channel: 'hotline',
        siteKey: null,
        reportedCategory: null,
        concernedUnitId: null,
        description: 'Mô tả đủ dài để lưu vào cơ sở dữ liệu.',
        contact: undefined,
        confidential: false,
        consentAt: null,
        lang: 'vi',
      },
      createdAt,
    );
  });
}

describe('the stored list key (migration 0014)', () => {
  it('is computed at start for rows that have none, from the working calendar', async () => {
    await addCase('a', now);
    await addCase('b', new Date('2026-03-06T02:00:00Z')); // Friday: due Monday
    await db.write((tx) => updateCase(tx, 'b', 1, { status: 'referred' }, now));
    // As rows written before the migration, or by a bulk tool, are.
    await db.execute('UPDATE cases SET queue_rank = NULL, queue_at = NULL');
    await migrate(db);
    const rows = await db.execute('SELECT id, queue_rank, queue_at FROM cases ORDER BY id');
    expect(rows.rows.map((r) => [r.id, Number(r.queue_rank), r.queue_at])).toEqual([
      ['a', QueueRank.running, '2026-03-03T02:00:00.000Z'], // one working day after receipt
      ['b', QueueRank.closed, '2026-03-06T02:00:00.000Z'], // closed: its receipt
    ]);
  });

  it('pages in key order through every case, and counts from the counters as the table does', async () => {
    await db.write((tx) => insertUnit(tx, { id: 'ward', kind: 'ward', name: 'Phường', parentId: null }, now));
    for (let i = 0; i < 7; i++) await addCase(`c${i}`, new Date(now.getTime() - i * 3_600_000));
    await db.write((tx) => updateCase(tx, 'c3', 1, { status: 'referred' }, now));
    await db.write((tx) => updateCase(tx, 'c4', 1, { status: 'accepted', unitId: 'ward' }, now));
    const seen: QueuePosition[] = [];
    let after: QueuePosition | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof listCaseQueue>> = await listCaseQueue(db, {}, after, 3);
      seen.push(...page.map((r) => r.position));
      const last = page[page.length - 1];
      if (page.length < 3 || !last) break;
      after = last.position;
    }
    expect(seen.map((p) => p.id).sort()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    const keys = seen.map((p) => [p.rank, p.at, p.id].join('|'));
    expect(keys).toEqual([...keys].sort());

    const table = await db.execute(`SELECT IFNULL(unit_id, '') AS unit, status, COUNT(*) AS n FROM cases GROUP BY 1, 2 ORDER BY 1, 2`);
    const counters = await db.execute('SELECT unit_id AS unit, status, n FROM case_counts WHERE n > 0 ORDER BY 1, 2');
    expect(counters.rows.map((r) => [r.unit, r.status, Number(r.n)])).toEqual(table.rows.map((r) => [r.unit, r.status, Number(r.n)]));
    expect(await countCaseQueue(db, {})).toBe(7);
    expect(await countCaseQueue(db, { status: 'open' })).toBe(6);
    expect(await countCaseQueue(db, { unitId: 'ward' })).toBe(1);
  });
});
