import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Db, migrate, insertUnit, saveSetting } from '@pakn/db';
import { DEFAULT_CITIZEN_LIMITS } from './citizen-policy.ts';
import { PublicStatisticsService, SingleFlightCache } from './public-statistics.ts';
import { createFixture, type Fixture } from './test-fixture.ts';

/** Issue 12: the public figures are computed at most once per lifetime, whoever asks and however many at once. */
describe('SingleFlightCache', () => {
  let clock = 0;
  let computed = 0;
  const cache = () => new SingleFlightCache<number>(1000, () => clock);
  const compute = () => Promise.resolve(++computed);
  beforeEach(() => {
    clock = 0;
    computed = 0;
  });

  it('serves the second request from the cache until its lifetime is over, then computes again', async () => {
    const c = cache();
    expect(await c.get('month', compute)).toBe(1);
    clock = 999;
    expect(await c.get('month', compute)).toBe(1);
    clock = 1000;
    expect(await c.get('month', compute)).toBe(2);
    expect(await c.get('year', compute)).toBe(3);
  });

  it('computes once for requests that arrive together', async () => {
    const c = cache();
    let release = () => {};
    const slow = () =>
      new Promise<number>((resolve) => {
        computed++;
        release = () => resolve(computed);
      });
    const waiting = Array.from({ length: 20 }, () => c.get('month', slow));
    release();
    expect(await Promise.all(waiting)).toEqual(Array.from({ length: 20 }, () => 1));
    expect(computed).toBe(1);
  });

  it('forgets a failed computation, so that the next request tries again', async () => {
    const c = cache();
    await expect(c.get('month', () => Promise.reject(new Error('database busy')))).rejects.toThrow('database busy');
    expect(await c.get('month', compute)).toBe(1);
  });
});

describe('PublicStatisticsService', () => {
  let db: Db;
  let cacheClock = 0;
  let now = new Date('2026-12-08T03:00:00Z');
  beforeEach(async () => {
    db = await Db.open({ url: ':memory:' });
    await migrate(db);
    await insertUnit(db, { id: 'ward-a', kind: 'ward', name: 'Phường A', parentId: null }, now);
  });
  afterEach(() => db.close());

  /** Letters approved on 2 December, in both grains, as the triggers of migration 0019 keep them. */
  const addLetters = async (n: number) => {
    for (const [table, key, value] of [
      ['unit_day_facts', 'day', '2026-12-02'],
      ['unit_month_facts', 'month', '2026-12'],
    ] as const) {
      await db.execute({
        sql: `INSERT INTO ${table} (${key}, unit_id, letters) VALUES (?, 'ward-a', ?) ON CONFLICT (${key}, unit_id) DO UPDATE SET letters = letters + excluded.letters`,
        args: [value, n],
      });
    }
  };

  it('keeps a period’s figures and their version for its lifetime, then reads the new facts', async () => {
    const service = new PublicStatisticsService({ db, now: () => now, cacheClock: () => cacheClock, ttlMs: 300_000 });
    await addLetters(2);
    const first = await service.snapshot('month');
    expect(first.statistics.units[0]?.received).toBe(2);
    await addLetters(3);
    cacheClock = 299_999;
    expect(await service.snapshot('month')).toBe(first);
    cacheClock = 300_000;
    const second = await service.snapshot('month');
    expect(second.statistics.units[0]?.received).toBe(5);
    expect(second.version).not.toBe(first.version);
  });

  it('reads another day’s period under another key (the month changes at midnight in Vietnam)', async () => {
    const service = new PublicStatisticsService({ db, now: () => now, cacheClock: () => cacheClock });
    await addLetters(2);
    expect((await service.snapshot('month')).period).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
    now = new Date('2026-12-31T17:00:00Z'); // 1 January 2027, 00:00 in Hanoi
    const january = await service.snapshot('month');
    expect(january.period).toMatchObject({ from: '2027-01-01', to: '2027-01-31' });
    expect(january.statistics.units[0]?.received).toBe(0);
  });

  it('cuts the reporting periods at the day the admin set (Decree 09’s 15th by default)', async () => {
    now = new Date('2026-12-08T03:00:00Z');
    const service = new PublicStatisticsService({ db, now: () => now, cacheClock: () => cacheClock, ttlMs: 1000 });
    // 8 December 2026: in the year whose report runs 15 December 2025 – 14 December 2026.
    expect((await service.snapshot('report-year')).period).toMatchObject({ from: '2025-12-15', to: '2026-12-14' });
    await saveSetting(db, 'report_cut_off_day', 1, 'admin-1', now);
    cacheClock += 1000;
    expect((await service.snapshot('report-year')).period).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
    expect((await service.snapshot('report-quarter')).period).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
  });
});

describe('statistics.public (issue 12)', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await createFixture('embedded', { limits: { ...DEFAULT_CITIZEN_LIMITS, statisticsPerAddress: 3 } });
  });
  afterEach(() => f.close());

  it('lets anyone read a unit’s figures through the real workflow: two cases forwarded, one answered on time', async () => {
    const first = await f.submit();
    const second = await f.submit();
    const ids = (await f.as('intake').case.inbox({ status: 'all' })).items.filter((c) => [first.reference, second.reference].includes(c.reference));
    for (const { id } of ids) {
      await f.as('intake').case.classify({ caseId: id, scope: 'in', category: 'late_result' });
      await f.forward(id, 'ward-a');
    }
    const [answered] = ids;
    if (!answered) throw new Error('the two cases are in the inbox');
    await f.answer(answered.id, 'Phường đã trả kết quả cho công dân và rút kinh nghiệm với cán bộ tiếp nhận hồ sơ.');
    const read = await f.anonymous({ origin: 'https://any-ward.example' }).statistics.public({ period: 'month', unitId: 'ward-a' });
    expect(read).toMatchObject({
      period: { key: 'month', from: '2026-03-01', to: '2026-03-31' },
      minCases: 5,
      unit: { unitId: 'ward-a', received: 2, answered: 1, answeredOnTime: 1, onTimeRate: 100, satisfaction: null, ratings: 0, fewCases: true },
    });
  });

  it('refuses an unknown unit as not found, and a source over its hourly limit as too many requests', async () => {
    const anyone = f.anonymous();
    await expect(anyone.statistics.public({ unitId: 'constructor' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await anyone.statistics.public({});
    await anyone.statistics.public({ period: 'last-year' });
    await expect(anyone.statistics.public({})).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    // Another address still reads.
    await expect(f.anonymous({ clientAddress: '203.0.113.9' }).statistics.public({})).resolves.toMatchObject({ period: { key: 'month' } });
  });
});
