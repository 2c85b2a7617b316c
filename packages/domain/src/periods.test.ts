import { describe, expect, it } from 'vitest';
import {
  calendarPeriod,
  previousRange,
  previousReportPeriod,
  rangeDays,
  reportPeriodName,
  reportPeriodOf,
  reportRange,
  ReportPeriodSchema,
  type ReportPeriod,
} from './periods.ts';

const period = (kind: ReportPeriod['kind'], year: number, index: number): ReportPeriod => ({ kind, year, index });

describe('reporting periods of Decree 09/2019/NĐ-CP art. 12 (cut-off day 15)', () => {
  it('cuts a month from the 15th of the month before to its own 14th', () => {
    expect(reportRange(period('month', 2026, 6))).toEqual({ from: '2026-05-15', to: '2026-06-14' });
    expect(reportRange(period('month', 2026, 1))).toEqual({ from: '2025-12-15', to: '2026-01-14' });
    expect(reportRange(period('month', 2028, 3))).toEqual({ from: '2028-02-15', to: '2028-03-14' });
  });

  it('cuts a quarter from the 15th of the month before it to the 14th of its last month', () => {
    expect(reportRange(period('quarter', 2026, 1))).toEqual({ from: '2025-12-15', to: '2026-03-14' });
    expect(reportRange(period('quarter', 2026, 4))).toEqual({ from: '2026-09-15', to: '2026-12-14' });
  });

  it('cuts six months 15 Dec–14 Jun and 15 Jun–14 Dec, and a year 15 Dec–14 Dec', () => {
    expect(reportRange(period('half', 2026, 1))).toEqual({ from: '2025-12-15', to: '2026-06-14' });
    expect(reportRange(period('half', 2026, 2))).toEqual({ from: '2026-06-15', to: '2026-12-14' });
    expect(reportRange(period('year', 2026, 1))).toEqual({ from: '2025-12-15', to: '2026-12-14' });
  });

  it('tiles a year: the months of a year cover its report range with no gap or overlap', () => {
    const months = Array.from({ length: 12 }, (_, i) => reportRange(period('month', 2027, i + 1)));
    const year = reportRange(period('year', 2027, 1));
    expect(months[0]?.from).toBe(year.from);
    expect(months[11]?.to).toBe(year.to);
    const days = months.reduce((sum, m) => sum + rangeDays(m), 0);
    expect(days).toBe(rangeDays(year));
  });

  it('gives calendar periods with cut-off day 1, and refuses a day some month lacks', () => {
    expect(reportRange(period('quarter', 2026, 1), 1)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(reportRange(period('month', 2028, 2), 1)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(reportRange(period('month', 2026, 3), 20)).toEqual({ from: '2026-02-20', to: '2026-03-19' });
    expect(() => reportRange(period('month', 2026, 3), 29)).toThrow(RangeError);
  });

  it('places a day in its reporting period: from the 15th a day belongs to the next month', () => {
    expect(reportPeriodOf('year', '2026-12-14')).toEqual(period('year', 2026, 1));
    expect(reportPeriodOf('year', '2026-12-15')).toEqual(period('year', 2027, 1));
    expect(reportPeriodOf('quarter', '2026-03-15')).toEqual(period('quarter', 2026, 2));
    expect(reportPeriodOf('half', '2026-06-14')).toEqual(period('half', 2026, 1));
    expect(reportPeriodOf('month', '2026-07-31', 1)).toEqual(period('month', 2026, 7));
    for (const date of ['2026-01-01', '2026-06-15', '2026-12-31', '2027-02-28']) {
      for (const kind of ['month', 'quarter', 'half', 'year'] as const) {
        const range = reportRange(reportPeriodOf(kind, date));
        expect(range.from <= date && date <= range.to, `${kind} ${date}`).toBe(true);
      }
    }
  });

  it('steps back across a year for the comparison period', () => {
    expect(previousReportPeriod(period('quarter', 2026, 1))).toEqual(period('quarter', 2025, 4));
    expect(previousReportPeriod(period('month', 2026, 7))).toEqual(period('month', 2026, 6));
    expect(previousReportPeriod(period('year', 2026, 1))).toEqual(period('year', 2025, 1));
  });

  it('names periods as a report title does, in both languages', () => {
    expect(reportPeriodName(period('quarter', 2026, 2), 'vi')).toBe('Quý II năm 2026');
    expect(reportPeriodName(period('half', 2026, 1), 'vi')).toBe('6 tháng đầu năm 2026');
    expect(reportPeriodName(period('half', 2026, 2), 'en')).toBe('Second half of 2026');
    expect(reportPeriodName(period('month', 2026, 9), 'en')).toBe('September 2026');
  });

  it('refuses a period index the kind does not have', () => {
    expect(ReportPeriodSchema.safeParse(period('quarter', 2026, 5)).success).toBe(false);
    expect(ReportPeriodSchema.safeParse(period('half', 2026, 2)).success).toBe(true);
    expect(ReportPeriodSchema.safeParse(period('year', 2026, 2)).success).toBe(false);
  });
});

describe('calendar periods of the dashboard', () => {
  it('finds the week (Monday–Sunday), month, quarter, half and year of a day', () => {
    expect(calendarPeriod('week', '2026-12-07')).toEqual({ from: '2026-12-07', to: '2026-12-13' }); // a Monday
    expect(calendarPeriod('week', '2026-12-13')).toEqual({ from: '2026-12-07', to: '2026-12-13' }); // a Sunday
    expect(calendarPeriod('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(calendarPeriod('quarter', '2026-08-31')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(calendarPeriod('half', '2026-06-30')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(calendarPeriod('year', '2026-06-30')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(calendarPeriod('day', '2026-06-30')).toEqual({ from: '2026-06-30', to: '2026-06-30' });
  });

  it('compares with the period before: the same kind, or as many days for a typed range', () => {
    expect(previousRange(calendarPeriod('month', '2026-03-05'), 'month')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousRange(calendarPeriod('quarter', '2026-01-05'), 'quarter')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(previousRange({ from: '2026-03-01', to: '2026-03-10' })).toEqual({ from: '2026-02-19', to: '2026-02-28' });
  });
});
