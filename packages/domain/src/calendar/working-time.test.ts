import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { formatVietnamDateTime, MS_PER_HOUR, MS_PER_MINUTE, vietnamTime } from './civil-date.ts';
import { OFFICE_HOURS_WITH_SATURDAY_MORNING } from './office-hours.ts';
import { buildCalendar, isWorkingDay, type WorkingCalendar } from './working-calendar.ts';
import {
  addWorkingDays,
  addWorkingHours,
  addWorkingTime,
  isWithinOfficeHours,
  nextWorkingInstant,
  officeStatus,
  workingDaysBetween,
  workingTimeBetween,
} from './working-time.ts';

const published = buildCalendar();
const statutoryOnly = buildCalendar({ schedules: [] });
const saturdayUnit = buildCalendar({ officeHours: OFFICE_HOURS_WITH_SATURDAY_MORNING });

/** `vietnamTime` with a space: `at('2025-03-14 16:59')`. */
const at = (text: string) => {
  const [date = '', time = '00:00'] = text.split(' ');
  return vietnamTime(date, time);
};
const show = (instant: Date) => formatVietnamDateTime(instant).slice(0, 16).replace('T', ' ');

describe('adding working days', () => {
  it('counts 16:59 on a Friday as one minute of Friday, and 17:01 from Monday 08:00', () => {
    expect(show(addWorkingDays(published, at('2025-03-14 16:59'), 1))).toBe('2025-03-17 16:59');
    expect(show(addWorkingDays(published, at('2025-03-14 17:01'), 1))).toBe('2025-03-17 17:00');
    expect(show(addWorkingDays(published, at('2025-03-14 16:59'), 5))).toBe('2025-03-21 16:59');
    expect(show(addWorkingDays(published, at('2025-03-14 17:01'), 5))).toBe('2025-03-21 17:00');
    expect(show(addWorkingDays(published, at('2025-03-14 17:01'), 0))).toBe('2025-03-17 08:00');
    expect(show(addWorkingDays(published, at('2025-03-17 08:00'), 1))).toBe('2025-03-17 17:00');
  });

  it('keeps the time of day and skips the weekend', () => {
    expect(show(addWorkingDays(published, at('2025-03-11 10:00'), 3))).toBe('2025-03-14 10:00');
    expect(show(addWorkingDays(published, at('2025-03-11 10:00'), 4))).toBe('2025-03-17 10:00');
    expect(show(addWorkingDays(published, at('2025-03-15 10:00'), 1))).toBe('2025-03-17 17:00');
  });

  it('answers the closing, not the reopening, when the time runs out at the lunch break', () => {
    expect(show(addWorkingDays(published, at('2025-03-11 13:00'), 2))).toBe('2025-03-13 12:00');
    expect(show(addWorkingDays(published, at('2025-03-13 12:00'), -2))).toBe('2025-03-11 13:00');
    expect(show(addWorkingDays(published, at('2025-03-11 12:30'), 0))).toBe('2025-03-11 13:00');
  });

  it('spans Tết 2025 with its bridge Monday and its swap Saturday', () => {
    // Off: Mon 27 Jan (bridge), 28 Jan-1 Feb (Tết), weekends. Worked: Sat 8 Feb (swap).
    expect(show(addWorkingDays(published, at('2025-01-24 10:00'), 1))).toBe('2025-02-03 10:00');
    expect(show(addWorkingDays(published, at('2025-01-24 10:00'), 5))).toBe('2025-02-07 10:00');
    expect(show(addWorkingDays(published, at('2025-01-24 10:00'), 6))).toBe('2025-02-08 10:00');
    expect(show(addWorkingDays(published, at('2025-01-24 10:00'), 7))).toBe('2025-02-10 10:00');
    // With the statutory rules alone Monday 27 January is a working day.
    expect(show(addWorkingDays(statutoryOnly, at('2025-01-24 10:00'), 5))).toBe('2025-02-06 10:00');
  });

  it('spans the 30 April to 4 May 2025 bridge and works the swap Saturday 26 April', () => {
    expect(show(addWorkingDays(published, at('2025-04-24 09:00'), 2))).toBe('2025-04-26 09:00');
    expect(show(addWorkingDays(published, at('2025-04-24 09:00'), 4))).toBe('2025-04-29 09:00');
    expect(show(addWorkingDays(published, at('2025-04-24 09:00'), 5))).toBe('2025-05-05 09:00');
    expect(show(addWorkingDays(published, at('2025-04-24 09:00'), 15))).toBe('2025-05-19 09:00');
    expect(show(addWorkingDays(published, at('2025-04-29 17:30'), 1))).toBe('2025-05-05 17:00');
    expect(show(addWorkingDays(published, at('2025-05-05 09:00'), -5))).toBe('2025-04-24 09:00');
  });

  it('skips the Hùng Kings day', () => {
    expect(show(addWorkingDays(published, at('2025-04-04 09:00'), 1))).toBe('2025-04-08 09:00');
    expect(show(addWorkingDays(published, at('2026-04-24 09:00'), 1))).toBe('2026-04-28 09:00');
  });

  it('counts a Saturday morning as a whole working day, scaling the time of day', () => {
    expect(show(addWorkingDays(saturdayUnit, at('2025-03-14 13:00'), 1))).toBe('2025-03-15 10:00');
    expect(show(addWorkingDays(saturdayUnit, at('2025-03-15 11:00'), 1))).toBe('2025-03-17 15:00');
    expect(show(addWorkingDays(saturdayUnit, at('2025-03-15 10:00'), -1))).toBe('2025-03-14 13:00');
  });

  it('accepts fractional days and epoch milliseconds', () => {
    expect(show(addWorkingDays(published, at('2025-03-11 08:00').getTime(), 0.5))).toBe('2025-03-11 12:00');
    expect(show(addWorkingDays(published, at('2025-03-11 08:00'), 1.25))).toBe('2025-03-12 10:00');
    expect(() => addWorkingDays(published, at('2025-03-11 08:00'), Number.NaN)).toThrow(DomainError);
    expect(() => addWorkingDays(published, new Date(Number.NaN), 1)).toThrow(DomainError);
  });
});

describe('working hours and working time', () => {
  it('adds and subtracts office hours across lunch and nights', () => {
    expect(show(addWorkingHours(published, at('2025-03-11 11:00'), 2))).toBe('2025-03-11 14:00');
    expect(show(addWorkingHours(published, at('2025-03-11 11:00'), 1))).toBe('2025-03-11 12:00');
    expect(show(addWorkingHours(published, at('2025-03-11 12:30'), 1))).toBe('2025-03-11 14:00');
    expect(show(addWorkingHours(published, at('2025-03-14 16:00'), 2))).toBe('2025-03-17 09:00');
    expect(show(addWorkingHours(published, at('2025-03-17 09:00'), -2))).toBe('2025-03-14 16:00');
    expect(show(addWorkingHours(published, at('2025-03-11 14:00'), -1))).toBe('2025-03-11 13:00');
    expect(show(addWorkingHours(published, at('2025-03-11 14:00'), 0))).toBe('2025-03-11 14:00');
  });

  it('measures office time and working days between two instants', () => {
    expect(workingTimeBetween(published, at('2025-03-14 16:00'), at('2025-03-17 09:00'))).toBe(2 * MS_PER_HOUR);
    expect(workingTimeBetween(published, at('2025-03-17 09:00'), at('2025-03-14 16:00'))).toBe(-2 * MS_PER_HOUR);
    expect(workingTimeBetween(published, at('2025-01-24 10:00'), at('2025-02-03 10:00'))).toBe(8 * MS_PER_HOUR);
    expect(workingTimeBetween(published, at('2025-03-15 10:00'), at('2025-03-16 10:00'))).toBe(0);
    expect(workingDaysBetween(published, at('2025-04-24 09:00'), at('2025-05-19 09:00'))).toBe(15);
    expect(workingDaysBetween(published, at('2025-03-11 08:00'), at('2025-03-11 12:00'))).toBe(0.5);
    expect(workingDaysBetween(published, at('2025-03-14 17:01'), at('2025-03-17 08:00'))).toBe(0);
  });
});

describe('office hours', () => {
  it('is open from the opening up to, not including, the closing', () => {
    expect(isWithinOfficeHours(published, at('2025-03-14 08:00'))).toBe(true);
    expect(isWithinOfficeHours(published, at('2025-03-14 16:59'))).toBe(true);
    expect(isWithinOfficeHours(published, at('2025-03-14 17:00'))).toBe(false);
    expect(isWithinOfficeHours(published, at('2025-03-14 12:15'))).toBe(false);
    expect(isWithinOfficeHours(published, at('2025-03-15 09:00'))).toBe(false);
    expect(isWithinOfficeHours(saturdayUnit, at('2025-03-15 09:00'))).toBe(true);
    expect(isWithinOfficeHours(published, at('2025-04-26 09:00'))).toBe(true);
  });

  it('says when the next period starts', () => {
    const friday = officeStatus(published, at('2025-03-14 17:01'));
    expect(friday.open).toBe(false);
    if (!friday.open) expect(show(friday.nextPeriod.start)).toBe('2025-03-17 08:00');
    const lunch = officeStatus(published, at('2025-03-14 12:15'));
    if (!lunch.open) expect(show(lunch.nextPeriod.start)).toBe('2025-03-14 13:00');
    else expect.unreachable('closed at lunch');
    const open = officeStatus(published, at('2025-03-14 10:00'));
    if (open.open) expect(show(open.period.end)).toBe('2025-03-14 12:00');
    else expect.unreachable('open at 10:00');
    expect(show(nextWorkingInstant(published, at('2025-01-27 10:00')))).toBe('2025-02-03 08:00');
    expect(show(nextWorkingInstant(published, at('2025-01-24 10:00')))).toBe('2025-01-24 10:00');
  });
});

const FROM = vietnamTime('2024-01-01').getTime();
const TO = vietnamTime('2029-12-31').getTime();
const calendars: [string, WorkingCalendar][] = [
  ['published schedules', published],
  ['statutory rules only', statutoryOnly],
  ['Saturday mornings', saturdayUnit],
];
const anyInstant = fc.integer({ min: FROM / MS_PER_MINUTE, max: TO / MS_PER_MINUTE }).map((minute) => minute * MS_PER_MINUTE);
const periodStart = (calendar: WorkingCalendar) =>
  anyInstant.map((instant) => {
    const status = officeStatus(calendar, instant);
    return (status.open ? status.period.start : status.nextPeriod.start).getTime();
  });
const days = fc.integer({ min: -40, max: 40 });
fc.configureGlobal({ numRuns: 300 });

describe.each(calendars)('working-day properties (%s)', (_name, calendar) => {
  it('returns the start after adding then subtracting N working days, from the start of a period', () => {
    fc.assert(
      fc.property(periodStart(calendar), fc.integer({ min: 0, max: 40 }), (start, n) => {
        expect(addWorkingDays(calendar, addWorkingDays(calendar, start, n), -n).getTime()).toBe(start);
      }),
    );
  });

  it('never answers a day off', () => {
    fc.assert(
      fc.property(anyInstant, days, (instant, n) => {
        const result = addWorkingDays(calendar, instant, n);
        expect(isWorkingDay(calendar, result)).toBe(true);
        // Inside office hours, or exactly at a closing.
        expect(isWithinOfficeHours(calendar, result) || isWithinOfficeHours(calendar, result.getTime() - 1)).toBe(true);
      }),
    );
  });

  it('gives later deadlines for more working days, and for later starts', () => {
    fc.assert(
      fc.property(anyInstant, days, days, (instant, a, b) => {
        fc.pre(a !== b);
        const [fewer, more] = a < b ? [a, b] : [b, a];
        expect(addWorkingDays(calendar, instant, fewer).getTime()).toBeLessThan(addWorkingDays(calendar, instant, more).getTime());
      }),
    );
    fc.assert(
      fc.property(anyInstant, anyInstant, days, (x, y, n) => {
        const [early, late] = x <= y ? [x, y] : [y, x];
        expect(addWorkingDays(calendar, early, n).getTime()).toBeLessThanOrEqual(addWorkingDays(calendar, late, n).getTime());
      }),
    );
  });

  it('measures back the working days it added', () => {
    fc.assert(
      fc.property(anyInstant, days, (instant, n) => {
        expect(workingDaysBetween(calendar, instant, addWorkingDays(calendar, instant, n))).toBeCloseTo(n, 6);
      }),
    );
  });

  it('measures back the working time it added', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: -200 * 60, max: 200 * 60 }), (instant, minutes) => {
        const ms = minutes * MS_PER_MINUTE;
        expect(workingTimeBetween(calendar, instant, addWorkingTime(calendar, instant, ms))).toBe(ms);
      }),
    );
  });
});

describe('working-day properties with equal working days', () => {
  it('returns any instant strictly inside a period after adding then subtracting, either way round', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 1, max: 40 }), (instant, n) => {
        // At an opening, subtract-then-add answers the preceding closing: the same working position.
        fc.pre(isWithinOfficeHours(published, instant) && isWithinOfficeHours(published, instant - 1));
        expect(addWorkingDays(published, addWorkingDays(published, instant, n), -n).getTime()).toBe(instant);
        expect(addWorkingDays(published, addWorkingDays(published, instant, -n), n).getTime()).toBe(instant);
      }),
    );
  });
});
