/**
 * Civil dates and instants in Vietnam's time zone, computed with a fixed +07:00 offset.
 *
 * Asia/Ho_Chi_Minh has been UTC+7 without daylight saving since 1975, so the offset is a constant and
 * nothing here consults the host's time zone: no local-time `Date` methods, no `Intl`. Civil dates are
 * turned into day numbers with integer arithmetic, so the result is the same on a server set to UTC,
 * New York or Hanoi.
 */
import { DomainError } from '../errors.ts';

/** A civil date in Vietnam, `YYYY-MM-DD`. */
export type IsoDate = string;

/** A point in time: a `Date` or milliseconds since the Unix epoch. */
export type Instant = Date | number;

/** A wall-clock time in Vietnam, `HH:MM` (00:00 to 24:00). */
export type ClockTime = string;

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const VIETNAM_UTC_OFFSET_MS = 7 * 60 * 60 * 1000;
export const MS_PER_MINUTE = 60 * 1000;
export const MS_PER_HOUR = 60 * MS_PER_MINUTE;
export const MS_PER_DAY = 24 * MS_PER_HOUR;

/** ISO weekday: 1 is Monday, 7 is Sunday. */
export const IsoWeekday = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
} as const;
export type IsoWeekday = (typeof IsoWeekday)[keyof typeof IsoWeekday];

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
export const CLOCK_TIME_PATTERN = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The proleptic Gregorian date of a day number (H. Hinnant's civil_from_days). */
export function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Parses `YYYY-MM-DD`, rejecting dates that do not exist (2025-02-29). Returns null when invalid. */
export function parseIsoDate(date: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE_PATTERN.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  const back = civilFromDays(daysFromCivil(year, month, day));
  return back.month === month && back.day === day ? { year, month, day } : null;
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

/** Day number (days since 1970-01-01) of a civil date. Throws `invalid` for a malformed date. */
export function dayNumberOfDate(date: IsoDate): number {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new DomainError('invalid', `Not a date (YYYY-MM-DD): ${date}`);
  return daysFromCivil(parsed.year, parsed.month, parsed.day);
}

export function dateOfDayNumber(dayNumber: number): IsoDate {
  const { year, month, day } = civilFromDays(dayNumber);
  return formatIsoDate(year, month, day);
}

export function yearOfDayNumber(dayNumber: number): number {
  return civilFromDays(dayNumber).year;
}

/** 1970-01-01 was a Thursday. */
export function isoWeekdayOfDayNumber(dayNumber: number): IsoWeekday {
  return (((((dayNumber + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/** Epoch milliseconds of an instant. Throws `invalid` for an invalid `Date` or a non-finite number. */
export function toEpochMs(instant: Instant): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new DomainError('invalid', 'Not a valid instant');
  return ms;
}

/** The Vietnamese civil day (as a day number) an instant falls on. */
export function dayNumberOfInstant(ms: number): number {
  return Math.floor((ms + VIETNAM_UTC_OFFSET_MS) / MS_PER_DAY);
}

/** Epoch milliseconds of 00:00 in Vietnam on a day. */
export function startOfDayMs(dayNumber: number): number {
  return dayNumber * MS_PER_DAY - VIETNAM_UTC_OFFSET_MS;
}

/** The Vietnamese civil date of an instant. */
export function vietnamDateOf(instant: Instant): IsoDate {
  return dateOfDayNumber(dayNumberOfInstant(toEpochMs(instant)));
}

/** Minutes after midnight for `HH:MM`; throws `invalid` when malformed. */
export function minutesOfClockTime(time: ClockTime): number {
  const match = CLOCK_TIME_PATTERN.exec(time);
  if (!match) throw new DomainError('invalid', `Not a clock time (HH:MM): ${time}`);
  if (match[1] === undefined) return 24 * 60;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The instant at a wall-clock time in Vietnam: `vietnamTime('2025-01-24', '16:59')`. */
export function vietnamTime(date: IsoDate, time: ClockTime = '00:00'): Date {
  return new Date(startOfDayMs(dayNumberOfDate(date)) + minutesOfClockTime(time) * MS_PER_MINUTE);
}

/** ISO 8601 text of an instant in Vietnam's zone, e.g. `2025-01-24T16:59:00+07:00`. */
export function formatVietnamDateTime(instant: Instant): string {
  const ms = toEpochMs(instant);
  const dayNumber = dayNumberOfInstant(ms);
  const inDay = ms - startOfDayMs(dayNumber);
  const hours = Math.floor(inDay / MS_PER_HOUR);
  const minutes = Math.floor((inDay % MS_PER_HOUR) / MS_PER_MINUTE);
  const seconds = Math.floor((inDay % MS_PER_MINUTE) / 1000);
  const millis = inDay % 1000;
  const fraction = millis === 0 ? '' : `.${pad(millis, 3)}`;
  return `${dateOfDayNumber(dayNumber)}T${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}${fraction}+07:00`;
}
