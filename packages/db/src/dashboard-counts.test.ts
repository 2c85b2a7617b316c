import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Db } from './connection.ts';
import { compareDashboardCounts, dashboardCounts, keptPeriodKey } from './dashboard-counts.ts';
import { migrate } from './migrate.ts';
import { seededRandom as random } from './testing/seeded-random.ts';

const UNITS = [
  ['w1', 'ward'],
  ['c1', 'commune'],
  ['b1', 'branch'],
  ['d1', 'department'],
  ['centre', 'centre'],
] as const;
const CHANNELS = ['hotline', 'zalo', 'web_widget', 'viber'];
const CATEGORIES = ['office_culture', 'other_violation'];
const PHONES = ['0901000001', '0901000002', '0901000003', null];

let db: Db;
beforeEach(async () => {
  db = await Db.open({ url: ':memory:' });
  await migrate(db);
  for (const [id, kind] of UNITS) {
    await db.execute({ sql: `INSERT INTO units (id, kind, name, created_at) VALUES (?, ?, ?, '2026-01-01T00:00:00Z')`, args: [id, kind, id] });
  }
});
afterEach(() => db.close());

describe('dashboard counts (issue 12: kept on write, equal to a full recount)', () => {
  it('equals a recount from the cases after random inserts, classifications, forwardings, merges and deletions', async () => {
    for (const seed of [1, 2, 3]) {
      const rnd = random(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
      const ids: string[] = [];
      for (let step = 0; step < 120; step++) {
        const roll = rnd();
        if (roll < 0.4 || ids.length < 3) {
          const id = `s${seed}-${step}`;
          // Arrival instants around midnight Vietnamese time, so the UTC+7 day matters.
          const at = new Date(Date.UTC(2026, Math.floor(rnd() * 3), 1 + Math.floor(rnd() * 28), Math.floor(rnd() * 24))).toISOString();
          await db.execute({
            sql: `INSERT INTO cases (id, reference, access_key_hash, channel, status, description, contact_phone, contact_email, created_at, updated_at)
                  VALUES (?, ?, 'h', ?, 'received', 'd', ?, ?, ?, ?)`,
            args: [id, id, pick(CHANNELS), pick(PHONES), rnd() < 0.3 ? 'A@Example.vn' : null, at, at],
          });
          ids.push(id);
        } else if (roll < 0.6) {
          await db.execute({ sql: 'UPDATE cases SET category = ?, status = ? WHERE id = ?', args: [pick(CATEGORIES), 'accepted', pick(ids)] });
        } else if (roll < 0.7) {
          await db.execute({ sql: `UPDATE cases SET out_of_scope_class = 'crime_report', status = 'referred' WHERE id = ?`, args: [pick(ids)] });
        } else if (roll < 0.85) {
          await db.execute({ sql: `UPDATE cases SET unit_id = ?, status = 'forwarded' WHERE id = ?`, args: [pick(UNITS)[0], pick(ids)] });
        } else if (roll < 0.92) {
          const [a, b] = [pick(ids), pick(ids)];
          if (a !== b) await db.execute({ sql: `UPDATE cases SET merged_into = ?, status = 'merged' WHERE id = ?`, args: [b, a] });
        } else if (roll < 0.96) {
          await db.execute({ sql: 'UPDATE cases SET contact_phone = ? WHERE id = ?', args: [pick(PHONES), pick(ids)] });
        } else {
          const id = pick(ids);
          await db.execute({ sql: 'UPDATE cases SET merged_into = NULL WHERE merged_into = ?', args: [id] });
          await db.execute({ sql: 'DELETE FROM cases WHERE id = ?', args: [id] });
          ids.splice(ids.indexOf(id), 1);
        }
        if (step % 20 === 19) {
          const sums = await compareDashboardCounts(db);
          expect(sums.stored.length).toBeGreaterThan(0);
          expect(sums.stored).toEqual(sums.recounted);
        }
      }
    }
  });

  it('reads a period across whole months and days as the sum of its days', async () => {
    const at = ['2026-01-31T18:00:00Z', '2026-02-10T03:00:00Z', '2026-03-01T02:00:00Z', '2026-03-02T02:00:00Z'];
    for (const [i, instant] of at.entries()) {
      await db.execute({
        sql: `INSERT INTO cases (id, reference, access_key_hash, channel, status, description, contact_phone, created_at, updated_at, unit_id)
              VALUES (?, ?, 'h', 'hotline', 'received', 'd', '0901000009', ?, ?, 'w1')`,
        args: [`p${i}`, `p${i}`, instant, instant],
      });
    }
    // 2026-01-31T18:00Z is 1 February in Hanoi: the period 1 Feb – 1 Mar holds three of the four.
    const counts = await dashboardCounts(db, { kind: 'group', group: 'wards' }, '2026-02-01', '2026-03-01');
    expect(counts.totals.channel).toEqual({ hotline: 3 });
    expect(counts.totals.unit).toEqual({ w1: 3 });
    expect(counts.contacts).toEqual({ hotline: 1 });
    // A kept period (February) and a range read from its months and days agree.
    expect((await dashboardCounts(db, { kind: 'city' }, '2026-02-01', '2026-02-28')).contacts).toEqual({ hotline: 1 });
    expect((await dashboardCounts(db, { kind: 'unit', unitId: 'w1' }, '2026-01-15', '2026-03-02')).contacts).toEqual({ hotline: 1 });
    expect(counts.days.map((d) => d.day)).toEqual(['2026-02-01', '2026-02-10', '2026-03-01']);
    expect((await dashboardCounts(db, { kind: 'group', group: 'branches' }, '2026-02-01', '2026-03-01')).totals.channel).toEqual({});
  });
});

describe('keptPeriodKey', () => {
  it('names the calendar periods whose distinct contacts are kept, and no other range', () => {
    expect(keptPeriodKey('2026-03-05', '2026-03-05')).toBe('2026-03-05');
    expect(keptPeriodKey('2026-02-01', '2026-02-28')).toBe('2026-02');
    expect(keptPeriodKey('2026-04-01', '2026-06-30')).toBeNull();
    expect(keptPeriodKey('2026-01-01', '2026-12-31')).toBe('2026');
    expect(keptPeriodKey('2026-02-01', '2026-04-30')).toBeNull();
    expect(keptPeriodKey('2026-03-02', '2026-03-08')).toBeNull();
    expect(keptPeriodKey('2025-12-01', '2026-01-31')).toBeNull();
  });
});
