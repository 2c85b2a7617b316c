import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  civilFromDays,
  dateOfDayNumber,
  dayNumberOfDate,
  daysFromCivil,
  formatVietnamDateTime,
  isIsoDate,
  isoWeekdayOfDayNumber,
  vietnamDateOf,
  vietnamTime,
} from './civil-date.ts';

describe('civil dates in Vietnam', () => {
  it('counts days from 1970-01-01 like Date.UTC does', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2025, 1, 29)).toBe(Date.UTC(2025, 0, 29) / 86_400_000);
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 150_000 }), (dayNumber) => {
        const { year, month, day } = civilFromDays(dayNumber);
        expect(daysFromCivil(year, month, day)).toBe(dayNumber);
        expect(dateOfDayNumber(dayNumber)).toBe(new Date(dayNumber * 86_400_000).toISOString().slice(0, 10));
      }),
    );
  });

  it('knows the weekday', () => {
    expect(isoWeekdayOfDayNumber(dayNumberOfDate('2025-01-29'))).toBe(3);
    expect(isoWeekdayOfDayNumber(dayNumberOfDate('2029-09-02'))).toBe(7);
    expect(isoWeekdayOfDayNumber(dayNumberOfDate('1969-12-29'))).toBe(1);
  });

  it('rejects dates that do not exist', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('25-01-01')).toBe(false);
    expect(() => dayNumberOfDate('2025-04-31')).toThrow(DomainError);
    expect(() => vietnamTime('2025-04-30', '25:00')).toThrow(DomainError);
  });

  it('reads and writes instants at +07:00', () => {
    expect(vietnamTime('2025-01-24', '16:59').toISOString()).toBe('2025-01-24T09:59:00.000Z');
    expect(formatVietnamDateTime(Date.UTC(2025, 0, 28, 17, 30, 5, 7))).toBe('2025-01-29T00:30:05.007+07:00');
    expect(vietnamDateOf(Date.UTC(2025, 0, 28, 16, 59, 59, 999))).toBe('2025-01-28');
    expect(vietnamDateOf(Date.UTC(2025, 0, 28, 17, 0))).toBe('2025-01-29');
    expect(() => vietnamDateOf(new Date(Number.NaN))).toThrow(DomainError);
  });
});
