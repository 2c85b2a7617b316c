/**
 * A unit's office hours: the periods of each weekday in which its clock runs. A weekday without periods
 * is a weekly day off, which matters for compensatory days off (a holiday on a weekly day off moves to
 * the next working day).
 */
import * as z from 'zod/mini';
import { DomainError } from '../errors.ts';
import { CLOCK_TIME_PATTERN, MS_PER_MINUTE, minutesOfClockTime, type ClockTime, type IsoWeekday } from './civil-date.ts';

export interface OfficePeriod {
  readonly start: ClockTime;
  readonly end: ClockTime;
}

export const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

export interface OfficeHours {
  /** Periods for each weekday; an empty list makes the weekday a weekly day off. */
  readonly weekly: Readonly<Record<WeekdayName, readonly OfficePeriod[]>>;
  /** Periods on a weekend day that the yearly schedule turns into a working day (a swap day). */
  readonly swapDay: readonly OfficePeriod[];
}

/** 08:00-12:00 and 13:00-17:00, the working day of state offices. */
export const STANDARD_WORKING_DAY: readonly OfficePeriod[] = Object.freeze([
  Object.freeze({ start: '08:00', end: '12:00' }),
  Object.freeze({ start: '13:00', end: '17:00' }),
]);

export const SATURDAY_MORNING: readonly OfficePeriod[] = Object.freeze([Object.freeze({ start: '08:00', end: '12:00' })]);

/** Monday to Friday, 08:00-12:00 and 13:00-17:00. */
export const STANDARD_OFFICE_HOURS: OfficeHours = Object.freeze({
  weekly: Object.freeze({
    monday: STANDARD_WORKING_DAY,
    tuesday: STANDARD_WORKING_DAY,
    wednesday: STANDARD_WORKING_DAY,
    thursday: STANDARD_WORKING_DAY,
    friday: STANDARD_WORKING_DAY,
    saturday: [],
    sunday: [],
  }),
  swapDay: STANDARD_WORKING_DAY,
});

/** The standard week plus Saturday mornings (08:00-12:00), kept by some one-stop-shop units. */
export const OFFICE_HOURS_WITH_SATURDAY_MORNING: OfficeHours = Object.freeze({
  weekly: Object.freeze({ ...STANDARD_OFFICE_HOURS.weekly, saturday: SATURDAY_MORNING }),
  swapDay: STANDARD_WORKING_DAY,
});

/** A day's periods as [start, end) in milliseconds after local midnight, sorted, touching periods merged. */
export type CompiledPeriods = readonly (readonly [number, number])[];

/**
 * Validates and compiles a day's periods. Throws `invalid` for an empty or reversed period or for
 * overlapping periods.
 */
export function compileDayPeriods(periods: readonly OfficePeriod[]): CompiledPeriods {
  const ranges = periods
    .map((period) => {
      const start = minutesOfClockTime(period.start);
      const end = minutesOfClockTime(period.end);
      if (end <= start) throw new DomainError('invalid', `Office period ${period.start}-${period.end} ends before it starts`);
      return [start * MS_PER_MINUTE, end * MS_PER_MINUTE] as const;
    })
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last && start < last[1]) throw new DomainError('invalid', 'Office periods overlap');
    if (last && start === last[1]) last[1] = end;
    else merged.push([start, end]);
  }
  return merged;
}

export function weekdayName(weekday: IsoWeekday): WeekdayName {
  return WEEKDAY_NAMES[weekday - 1] as WeekdayName;
}

function periodsAreValid(periods: readonly OfficePeriod[]): boolean {
  try {
    compileDayPeriods(periods);
    return true;
  } catch {
    return false;
  }
}

const ClockTimeSchema = z.string().check(z.regex(CLOCK_TIME_PATTERN, { error: 'clock_time_format' }));

export const OfficePeriodSchema = z.object({ start: ClockTimeSchema, end: ClockTimeSchema });

const DayPeriodsSchema = z.array(OfficePeriodSchema).check(z.refine((periods) => periodsAreValid(periods), { error: 'office_periods_invalid' }));

/** Office hours as an administrator enters them (JSON with weekday names as keys). */
export const OfficeHoursSchema = z
  .object({
    weekly: z.object({
      monday: DayPeriodsSchema,
      tuesday: DayPeriodsSchema,
      wednesday: DayPeriodsSchema,
      thursday: DayPeriodsSchema,
      friday: DayPeriodsSchema,
      saturday: DayPeriodsSchema,
      sunday: DayPeriodsSchema,
    }),
    swapDay: DayPeriodsSchema.check(z.minLength(1, { error: 'swap_day_periods_required' })),
  })
  .check(
    z.refine((hours) => WEEKDAY_NAMES.some((name) => hours.weekly[name].length > 0), {
      error: 'no_working_weekday',
      path: ['weekly'],
    }),
  );
