import { describe, expect, it } from 'vitest';
import { calendarKindOf, change, countsBy, dashboardPreviousRange, DashboardInputSchema, percent, weekOf } from './dashboard.ts';

describe('dashboard shaping (issue 12)', () => {
  it('compares a calendar period with the one before it and a typed range with as many days before', () => {
    expect(calendarKindOf({ from: '2026-01-01', to: '2026-12-31' })).toBe('year');
    expect(dashboardPreviousRange({ from: '2026-01-01', to: '2026-12-31' })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(dashboardPreviousRange({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(dashboardPreviousRange({ from: '2026-12-07', to: '2026-12-13' })).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(calendarKindOf({ from: '2026-03-05', to: '2026-03-14' })).toBeNull();
    expect(dashboardPreviousRange({ from: '2026-03-05', to: '2026-03-14' })).toEqual({ from: '2026-02-23', to: '2026-03-04' });
  });

  it('sums days by Monday-to-Sunday weeks and by months, per channel', () => {
    const days = [
      { day: '2026-12-06', channel: 'hotline', cases: 1 }, // a Sunday
      { day: '2026-12-07', channel: 'hotline', cases: 2 }, // the Monday after
      { day: '2026-12-08', channel: 'hotline', cases: 3 },
      { day: '2026-12-08', channel: 'zalo', cases: 4 },
    ];
    expect(weekOf('2026-12-06')).toBe('2026-11-30');
    expect(countsBy(days, 'week')).toEqual([
      { day: '2026-11-30', channel: 'hotline', cases: 1 },
      { day: '2026-12-07', channel: 'hotline', cases: 5 },
      { day: '2026-12-07', channel: 'zalo', cases: 4 },
    ]);
    expect(countsBy(days, 'month')).toEqual([
      { day: '2026-12', channel: 'hotline', cases: 6 },
      { day: '2026-12', channel: 'zalo', cases: 4 },
    ]);
  });

  it('gives no rate or change from zero', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBeNull();
    expect(change(15, 10)).toBe(50);
    expect(change(3, 0)).toBeNull();
  });

  it('refuses a group and a unit together, a reversed period and one over two years', () => {
    expect(DashboardInputSchema.safeParse({ from: '2026-01-01', to: '2026-12-31', group: 'wards' }).success).toBe(true);
    expect(DashboardInputSchema.safeParse({ from: '2026-01-01', to: '2026-12-31', group: 'wards', unitId: 'w' }).success).toBe(false);
    expect(DashboardInputSchema.safeParse({ from: '2026-02-01', to: '2026-01-31' }).success).toBe(false);
    expect(DashboardInputSchema.safeParse({ from: '2023-01-01', to: '2026-01-31' }).success).toBe(false);
    expect(DashboardInputSchema.safeParse({ from: '2026-01-01', to: '2026-01-31', group: 'cities' }).success).toBe(false);
  });
});
