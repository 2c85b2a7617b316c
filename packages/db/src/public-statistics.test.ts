import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publicStatistics, type UnitKind } from '@pakn/domain';
import { Db } from './connection.ts';
import { migrate } from './migrate.ts';
import { publicStatisticsFacts } from './public-statistics.ts';
import { insertUnit } from './units.ts';

/**
 * Issue 12: the public figures, against a fixture computed by hand. The period 10 January – 31 March 2026 is read
 * as the months February and March plus the days 10–31 January: January's monthly row, days before the 10th and
 * April must not count, and a case forwarded twice to a unit within the period counts once.
 */
const PERIOD = { from: '2026-01-10', to: '2026-03-31' };
const NANO = 1_000_000_000;

let db: Db;
beforeEach(async () => {
  db = await Db.open({ url: ':memory:' });
  await migrate(db);
  const units: [string, UnitKind, string][] = [
    ['centre', 'centre', 'Trung tâm'],
    ['ward-a', 'ward', 'Phường Hoàn Kiếm'],
    ['branch-b', 'branch', 'Chi nhánh Đông Anh'],
    ['dept-c', 'department', 'Sở Xây dựng'],
    ['commune-d', 'commune', 'Xã Bát Tràng'],
  ];
  for (const [id, kind, name] of units) await insertUnit(db, { id, kind, name, parentId: null }, new Date('2025-01-01T00:00:00Z'));
  const fact = (table: 'unit_day_facts' | 'unit_month_facts', key: string, unit: string, v: number[]) =>
    db.execute({
      sql: `INSERT INTO ${table} (${table === 'unit_day_facts' ? 'day' : 'month'}, unit_id, letters, answers, answers_on_time, answers_timed, answer_nanodays, ratings, rating_sum)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [key, unit, ...v],
    });
  //                                          letters answers onTime timed nanodays   ratings sum
  await fact('unit_month_facts', '2026-02', 'ward-a', [4, 3, 2, 3, 7.5 * NANO, 2, 9]);
  await fact('unit_month_facts', '2026-03', 'ward-a', [2, 3, 3, 2, 4 * NANO, 3, 12]);
  await fact('unit_day_facts', '2026-01-20', 'ward-a', [1, 1, 0, 1, 6 * NANO, 0, 0]);
  // Outside the period: before its first day, January's whole month, April.
  await fact('unit_day_facts', '2026-01-05', 'ward-a', [10, 10, 10, 10, 10 * NANO, 10, 50]);
  await fact('unit_month_facts', '2026-01', 'ward-a', [11, 11, 10, 11, 16 * NANO, 10, 50]);
  await fact('unit_month_facts', '2026-04', 'ward-a', [50, 50, 50, 50, 50 * NANO, 50, 250]);
  await fact('unit_month_facts', '2026-03', 'branch-b', [3, 2, 1, 2, 5 * NANO, 1, 1]);
  await fact('unit_month_facts', '2026-02', 'centre', [1, 0, 0, 0, 0, 1, 1]);
  // Case c1 was forwarded to ward A twice in the period (counts once); c2 once before it and once in it (counts once).
  const repeat = (letter: string, unit: string, caseId: string, day: string) =>
    db.execute({ sql: 'INSERT INTO approval_repeats (letter_id, unit_id, case_id, day) VALUES (?, ?, ?, ?)', args: [letter, unit, caseId, day] });
  await repeat('l1', 'ward-a', 'c1', '2026-02-03');
  await repeat('l2', 'ward-a', 'c1', '2026-03-04');
  await repeat('l3', 'ward-a', 'c2', '2026-01-05');
  await repeat('l4', 'ward-a', 'c2', '2026-02-10');
});
afterEach(() => db.close());

describe('public statistics (issue 12)', () => {
  it('sums the months and the days of the period, and counts a case forwarded twice once', async () => {
    const facts = await publicStatisticsFacts(db, PERIOD);
    expect({ ...facts.received }).toEqual({ 'ward-a': 6, 'branch-b': 3, centre: 1 });
    expect({ ...facts.answers }).toEqual({ 'ward-a': { count: 7, onTime: 5, timed: 6, days: 17.5 }, 'branch-b': { count: 2, onTime: 1, timed: 2, days: 5 } });
    expect({ ...facts.ratings }).toEqual({ 'ward-a': { sum: 21, count: 5 }, 'branch-b': { sum: 1, count: 1 }, centre: { sum: 1, count: 1 } });
  });

  it('gives every public unit its figures by name, marks small samples, withholds a mean of few ratings', async () => {
    const units = [
      { id: 'centre', kind: 'centre' as const, name: 'Trung tâm' },
      { id: 'ward-a', kind: 'ward' as const, name: 'Phường Hoàn Kiếm' },
      { id: 'branch-b', kind: 'branch' as const, name: 'Chi nhánh Đông Anh' },
      { id: 'dept-c', kind: 'department' as const, name: 'Sở Xây dựng' },
      { id: 'commune-d', kind: 'commune' as const, name: 'Xã Bát Tràng' },
    ];
    const stats = publicStatistics(units, await publicStatisticsFacts(db, PERIOD), PERIOD);
    const empty = { received: 0, answered: 0, answeredOnTime: 0, onTimeRate: null, averageWorkingDays: null, satisfaction: null, ratings: 0, fewCases: true };
    expect(stats.units).toEqual([
      // 2 answers, 1 on time; one rating: its mean is that citizen's own score, not published.
      {
        unitId: 'branch-b',
        name: 'Chi nhánh Đông Anh',
        group: 'branch',
        received: 3,
        answered: 2,
        answeredOnTime: 1,
        onTimeRate: 50,
        averageWorkingDays: 2.5,
        satisfaction: null,
        ratings: 1,
        fewCases: true,
      },
      // 7 answers, 5 of the 6 timed on time (83%), 17.5 working days over 6 timed answers (2.9), 21 points over 5 ratings.
      {
        unitId: 'ward-a',
        name: 'Phường Hoàn Kiếm',
        group: 'local',
        received: 6,
        answered: 7,
        answeredOnTime: 5,
        onTimeRate: 83,
        averageWorkingDays: 2.9,
        satisfaction: 4.2,
        ratings: 5,
        fewCases: false,
      },
      { unitId: 'dept-c', name: 'Sở Xây dựng', group: 'department', ...empty },
      { unitId: 'commune-d', name: 'Xã Bát Tràng', group: 'local', ...empty },
    ]);
    // The city: every unit, the Centre's letter and rating too. 6 of 8 timed on time; 22.5 days / 8; 23 points / 7.
    expect(stats.city).toEqual({
      received: 10,
      answered: 9,
      answeredOnTime: 6,
      onTimeRate: 75,
      averageWorkingDays: 2.8,
      satisfaction: 3.3,
      ratings: 7,
      fewCases: false,
    });
    expect(stats).toMatchObject(PERIOD);
  });
});
