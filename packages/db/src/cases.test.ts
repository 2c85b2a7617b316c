import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Db } from './connection.ts';
import { migrate } from './migrate.ts';
import { getCase, insertCase, nextReference, updateCase } from './cases.ts';

let db: Db;
const now = new Date('2026-03-02T02:00:00Z');

beforeEach(async () => {
  db = await Db.open({ url: ':memory:' });
  await migrate(db);
});
afterEach(() => db.close());

describe('case references', () => {
  it('count per year, starting at 1', async () => {
    const refs = await db.write(async (tx) => [await nextReference(tx, 2026), await nextReference(tx, 2026), await nextReference(tx, 2027)]);
    expect(refs).toEqual(['PAKN-2026-000001', 'PAKN-2026-000002', 'PAKN-2027-000001']);
  });
});

describe('updateCase', () => {
  it('refuses a stale version, so concurrent edits do not overwrite each other', async () => {
    await db.write(async (tx) => {
      await insertCase(
        tx,
        {
          id: 'c1',
          reference: 'PAKN-2026-000001',
          accessKeyHash: 'x',
          channel: 'hotline',
          siteKey: null,
          reportedCategory: 'late_result',
          concernedUnitId: null,
          description: 'Mô tả đủ dài để lưu vào cơ sở dữ liệu.',
          contact: undefined,
          confidential: true,
          consentAt: null,
          lang: 'vi',
        },
        now,
      );
    });
    const first = await db.write((tx) => updateCase(tx, 'c1', 1, { status: 'accepted', category: 'late_result' }, now));
    const second = await db.write((tx) => updateCase(tx, 'c1', 1, { status: 'referred' }, now));
    expect([first, second]).toEqual([true, false]);
    const stored = await getCase(db, 'c1');
    expect(stored?.status).toBe('accepted');
    expect(stored?.version).toBe(2);
  });
});
