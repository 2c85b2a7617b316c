import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { lastDayOfLunarYear, lengthOfLastLunarMonth, lunarNewYear, lunarToSolar, solarToLunar } from './lunar.ts';

describe('lunar calendar', () => {
  it.each([
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2024, '2024-02-10'],
    [2022, '2022-02-01'],
  ])('puts Tết %i on %s', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
  });

  it('follows Vietnam, not China, where the calendars differ (1985, 2007)', () => {
    // China celebrated on 1985-02-20 and 2007-02-18; Vietnam's calendar is computed for UTC+7.
    expect(lunarNewYear(1985)).toBe('1985-01-21');
    expect(lunarNewYear(2007)).toBe('2007-02-17');
    expect(solarToLunar('1985-02-20')).toEqual({ day: 1, month: 2, year: 1985, leap: false });
    expect(solarToLunar('2007-02-18')).toEqual({ day: 2, month: 1, year: 2007, leap: false });
  });

  it('finds the last day of the lunar year whether the 12th month has 29 or 30 days', () => {
    expect(lastDayOfLunarYear(2024)).toBe('2025-01-28');
    expect(lengthOfLastLunarMonth(2024)).toBe(29);
    expect(lastDayOfLunarYear(2023)).toBe('2024-02-09');
    expect(lengthOfLastLunarMonth(2023)).toBe(30);
    expect(lastDayOfLunarYear(2025)).toBe('2026-02-16');
    expect(lastDayOfLunarYear(2026)).toBe('2027-02-05');
  });

  it('rejects the 30th of a 29-day month instead of sliding into the new year', () => {
    // The library alone turns 30/12/2024 into 2025-01-29, which is 1/1/2025.
    expect(() => lunarToSolar({ day: 30, month: 12, year: 2024 })).toThrow(DomainError);
    expect(lunarToSolar({ day: 30, month: 12, year: 2023 })).toBe('2024-02-09');
  });

  it('converts leap months and rejects leap months a year does not have', () => {
    expect(lunarToSolar({ day: 1, month: 2, year: 2023, leap: true })).toBe('2023-03-22');
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(lunarToSolar({ day: 1, month: 2, year: 2023 })).toBe('2023-02-20');
    expect(() => lunarToSolar({ day: 10, month: 3, year: 2023, leap: true })).toThrow(DomainError);
  });

  it('puts the Hùng Kings day (10/3 lunar) on the right dates', () => {
    expect(lunarToSolar({ day: 10, month: 3, year: 2025 })).toBe('2025-04-07');
    expect(lunarToSolar({ day: 10, month: 3, year: 2026 })).toBe('2026-04-26');
  });

  it('refuses years outside the converter tables and malformed input', () => {
    expect(() => lunarNewYear(1100)).toThrow(DomainError);
    expect(() => solarToLunar('2025-02-30')).toThrow(DomainError);
    expect(() => lunarToSolar({ day: 31, month: 1, year: 2025 })).toThrow(DomainError);
  });
});
