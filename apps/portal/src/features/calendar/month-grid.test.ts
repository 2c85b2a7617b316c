import { describe, expect, it } from 'vitest';
import { daysInMonth, isoWeekday, monthWeeks } from './month-grid.ts';
import { monthName } from './strings.ts';

describe('monthWeeks', () => {
  it('lays April 2025 out in Monday-first weeks', () => {
    const weeks = monthWeeks(2025, 4);
    // 1 April 2025 was a Tuesday; 30 April a Wednesday.
    expect(weeks[0]).toEqual([null, '2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-05', '2025-04-06']);
    expect(weeks).toHaveLength(5);
    expect(weeks[3]?.[5]).toBe('2025-04-26');
    expect(weeks[4]).toEqual(['2025-04-28', '2025-04-29', '2025-04-30', null, null, null, null]);
  });

  it('starts a month that begins on a Monday in the first cell, and handles leap years', () => {
    expect(monthWeeks(2027, 2)[0]?.[0]).toBe('2027-02-01');
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2027, 2)).toBe(28);
    expect(monthWeeks(2028, 2).flat().filter(Boolean)).toHaveLength(29);
  });
});

describe('isoWeekday', () => {
  it('counts Monday as 1 and Sunday as 7, whatever the zone', () => {
    expect(isoWeekday('2025-04-26')).toBe(6);
    expect(isoWeekday('2025-04-27')).toBe(7);
    expect(isoWeekday('2025-04-28')).toBe(1);
  });
});

describe('monthName', () => {
  it('names a month in Vietnamese and in English', () => {
    expect(monthName(1, 2026, 'vi')).toBe('Tháng 1 năm 2026');
    expect(monthName(1, 2026, 'en')).toBe('January 2026');
    expect(monthName(12, 2031, 'en')).toBe('December 2031');
  });
});
