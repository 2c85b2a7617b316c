import { describe, expect, it } from 'vitest';
import { isPublicPeriodKey, publicPeriod, publicUnitGroup, PUBLIC_PERIOD_KEYS } from './public-statistics.ts';

describe('public statistics periods (issue 12)', () => {
  it('reads this month, quarter and year, and last year, as calendar periods of today', () => {
    const today = '2026-12-08';
    expect(publicPeriod('month', today)).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
    expect(publicPeriod('quarter', today)).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(publicPeriod('year', today)).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
    expect(publicPeriod('last-year', today)).toMatchObject({ from: '2025-01-01', to: '2025-12-31', name: { vi: 'Năm trước', en: 'Last year' } });
  });

  it('reads the reporting periods with the Decree 09 cut-off (15th): 20 December is in the next year’s report', () => {
    expect(publicPeriod('report-month', '2026-12-08')).toMatchObject({ from: '2026-11-15', to: '2026-12-14' });
    expect(publicPeriod('report-half', '2026-12-08')).toMatchObject({
      from: '2026-06-15',
      to: '2026-12-14',
      name: { vi: 'Kỳ báo cáo: 6 tháng cuối năm 2026' },
    });
    expect(publicPeriod('report-year', '2026-12-20')).toMatchObject({ from: '2026-12-15', to: '2027-12-14', name: { en: 'Reporting period: Year 2027' } });
    expect(publicPeriod('report-quarter', '2026-03-15', 1)).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
  });

  it('knows its period keys and groups, and no other', () => {
    for (const key of PUBLIC_PERIOD_KEYS) expect(isPublicPeriodKey(key)).toBe(true);
    expect(isPublicPeriodKey('constructor')).toBe(false);
    expect(isPublicPeriodKey(undefined)).toBe(false);
    expect([publicUnitGroup('ward'), publicUnitGroup('commune'), publicUnitGroup('branch'), publicUnitGroup('department'), publicUnitGroup('centre')]).toEqual([
      'local',
      'local',
      'branch',
      'department',
      null,
    ]);
  });
});
