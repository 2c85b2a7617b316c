/**
 * Clock arithmetic on a working calendar.
 *
 * The working timeline. Only office time exists on it: the periods of working days, laid end to end.
 * Every instant has a position on it; an instant outside office hours (a lunch break, the evening, a
 * weekend, a holiday) sits at the same position as the next opening, which is also the same position as
 * the preceding closing. So 17:01 on Friday, 17:00 on Friday and 08:00 on Monday are one position.
 *
 * Working days. A position is (working day, office time elapsed that day). Adding N working days keeps
 * the share of the day already elapsed and moves N working days on: 10:00 Tuesday + 3 = 10:00 Friday;
 * 16:59 Friday + 1 = 16:59 Monday; 17:01 Friday counts from 08:00 Monday, so + 1 = 17:00 Monday (one
 * working day's worth of time ends at the close of Monday). A shorter day (a Saturday morning) counts as
 * a whole working day, and the elapsed share is scaled to it. N may be fractional; 0.5 is half a day.
 *
 * Where a result lands on a boundary between two periods, adding (N > 0) answers the earlier instant,
 * the closing (17:00, or 12:00 rather than 13:00): the moment the time runs out. Subtracting (N < 0) and
 * N = 0 answer the later one, the opening. Hence add-then-subtract gives back any instant that is inside
 * office hours or at the opening of a period, and a result never falls on a day off.
 *
 * Working time. `addWorkingTime` and `workingTimeBetween` count office milliseconds, with the same
 * boundary rule; a working day of the standard week is 8 hours.
 */
import { DomainError } from '../errors.ts';
import { dayNumberOfInstant, MS_PER_HOUR, startOfDayMs, toEpochMs, type Instant } from './civil-date.ts';
import { calendarInternals, type CalendarInternals, type WorkingCalendar } from './working-calendar.ts';

/** A position on the working timeline: a working day and the office time elapsed on it. */
interface Position {
  readonly dayNumber: number;
  /** 0 at the day's opening, `duration` at its closing. */
  readonly elapsed: number;
}

type Bias = 'closing' | 'opening';

export interface WorkingPeriod {
  readonly start: Date;
  readonly end: Date;
}

export type OfficeStatus = { readonly open: true; readonly period: WorkingPeriod } | { readonly open: false; readonly nextPeriod: WorkingPeriod };

function locate(internals: CalendarInternals, ms: number): Position {
  const dayNumber = dayNumberOfInstant(ms);
  const day = internals.day(dayNumber);
  if (day.duration === 0) return { dayNumber: internals.nextWorkingDay(dayNumber), elapsed: 0 };
  const offset = ms - startOfDayMs(dayNumber);
  let elapsed = 0;
  for (const [start, end] of day.periods) {
    if (offset <= start) return { dayNumber, elapsed };
    if (offset < end) return { dayNumber, elapsed: elapsed + offset - start };
    elapsed += end - start;
  }
  return { dayNumber, elapsed };
}

function instantAt(internals: CalendarInternals, position: Position, bias: Bias): number {
  let { dayNumber, elapsed } = position;
  if (bias === 'closing' && elapsed === 0) {
    dayNumber = internals.previousWorkingDay(dayNumber);
    elapsed = internals.day(dayNumber).duration;
  } else if (bias === 'opening' && elapsed === internals.day(dayNumber).duration) {
    dayNumber = internals.nextWorkingDay(dayNumber);
    elapsed = 0;
  }
  const day = internals.day(dayNumber);
  let remaining = elapsed;
  for (const [start, end] of day.periods) {
    const length = end - start;
    if (remaining < length || (remaining === length && bias === 'closing')) {
      return startOfDayMs(dayNumber) + start + remaining;
    }
    remaining -= length;
  }
  throw new DomainError('invalid', 'Position outside the working day');
}

function stepWorkingDays(internals: CalendarInternals, dayNumber: number, count: number): number {
  let current = dayNumber;
  for (let i = 0; i < Math.abs(count); i += 1) {
    current = count > 0 ? internals.nextWorkingDay(current) : internals.previousWorkingDay(current);
  }
  return current;
}

function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new DomainError('invalid', `${what} must be a finite number`);
}

/** Number of working days from day `from` to day `to` (both working days), negative when `to` is earlier. */
function workingDaysFromTo(internals: CalendarInternals, from: number, to: number): number {
  if (to < from) return -workingDaysFromTo(internals, to, from);
  let count = 0;
  for (let current = from; current < to; current = internals.nextWorkingDay(current)) count += 1;
  return count;
}

/** Rounds away floating-point noise (a nanosecond-scale share of a day) so thresholds compare exactly. */
function cleanDays(days: number): number {
  return Math.round(days * 1e9) / 1e9;
}

/**
 * The instant N working days after (N < 0: before) an instant. See the module comment for the exact rule.
 * `n` may be fractional.
 */
export function addWorkingDays(calendar: WorkingCalendar, instant: Instant, n: number): Date {
  assertFinite(n, 'The number of working days');
  const internals = calendarInternals(calendar);
  const from = locate(internals, toEpochMs(instant));
  const fromDuration = internals.day(from.dayNumber).duration;
  let target: Position;
  if (Number.isInteger(n)) {
    const dayNumber = stepWorkingDays(internals, from.dayNumber, n);
    const duration = internals.day(dayNumber).duration;
    const elapsed = duration === fromDuration ? from.elapsed : Math.round((from.elapsed * duration) / fromDuration);
    target = { dayNumber, elapsed };
  } else {
    const total = from.elapsed / fromDuration + n;
    const whole = Math.floor(total);
    const dayNumber = stepWorkingDays(internals, from.dayNumber, whole);
    target = { dayNumber, elapsed: Math.round((total - whole) * internals.day(dayNumber).duration) };
  }
  const moved = target.dayNumber !== from.dayNumber || target.elapsed !== from.elapsed;
  return new Date(instantAt(internals, target, n > 0 && moved ? 'closing' : 'opening'));
}

/** The instant `milliseconds` of office time after (negative: before) an instant. */
export function addWorkingTime(calendar: WorkingCalendar, instant: Instant, milliseconds: number): Date {
  assertFinite(milliseconds, 'The working time');
  const internals = calendarInternals(calendar);
  let { dayNumber, elapsed } = locate(internals, toEpochMs(instant));
  let remaining = Math.round(Math.abs(milliseconds));
  if (remaining > 0 && milliseconds > 0) {
    for (;;) {
      const available = internals.day(dayNumber).duration - elapsed;
      if (remaining <= available) return new Date(instantAt(internals, { dayNumber, elapsed: elapsed + remaining }, 'closing'));
      remaining -= available;
      dayNumber = internals.nextWorkingDay(dayNumber);
      elapsed = 0;
    }
  }
  for (;;) {
    if (remaining <= elapsed) return new Date(instantAt(internals, { dayNumber, elapsed: elapsed - remaining }, 'opening'));
    remaining -= elapsed;
    dayNumber = internals.previousWorkingDay(dayNumber);
    elapsed = internals.day(dayNumber).duration;
  }
}

export function addWorkingHours(calendar: WorkingCalendar, instant: Instant, hours: number): Date {
  assertFinite(hours, 'The number of working hours');
  return addWorkingTime(calendar, instant, hours * MS_PER_HOUR);
}

/** Office time in milliseconds from `from` to `to`; negative when `to` is earlier. */
export function workingTimeBetween(calendar: WorkingCalendar, from: Instant, to: Instant): number {
  const internals = calendarInternals(calendar);
  const fromMs = toEpochMs(from);
  const toMs = toEpochMs(to);
  if (toMs < fromMs) return -workingTimeBetween(calendar, toMs, fromMs);
  const a = locate(internals, fromMs);
  const b = locate(internals, toMs);
  if (a.dayNumber === b.dayNumber) return b.elapsed - a.elapsed;
  let total = internals.day(a.dayNumber).duration - a.elapsed;
  for (let current = internals.nextWorkingDay(a.dayNumber); current < b.dayNumber; current = internals.nextWorkingDay(current)) {
    total += internals.day(current).duration;
  }
  return total + b.elapsed;
}

/**
 * Working days from `from` to `to` on the working timeline (fractional; negative when `to` is earlier):
 * the inverse of `addWorkingDays`.
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: Instant, to: Instant): number {
  const internals = calendarInternals(calendar);
  const a = locate(internals, toEpochMs(from));
  const b = locate(internals, toEpochMs(to));
  const whole = workingDaysFromTo(internals, a.dayNumber, b.dayNumber);
  const aDuration = internals.day(a.dayNumber).duration;
  const bDuration = internals.day(b.dayNumber).duration;
  const share = aDuration === bDuration ? (b.elapsed - a.elapsed) / aDuration : b.elapsed / bDuration - a.elapsed / aDuration;
  return cleanDays(whole + share);
}

/** Whether the unit's office is open at an instant (a period's opening counts, its closing does not). */
export function isWithinOfficeHours(calendar: WorkingCalendar, instant: Instant): boolean {
  return officeStatus(calendar, instant).open;
}

/** Whether the office is open at an instant, with the current period, or else the next one. */
export function officeStatus(calendar: WorkingCalendar, instant: Instant): OfficeStatus {
  const internals = calendarInternals(calendar);
  const ms = toEpochMs(instant);
  const dayNumber = dayNumberOfInstant(ms);
  const offset = ms - startOfDayMs(dayNumber);
  const periodOf = (day: number, [start, end]: readonly [number, number]): WorkingPeriod => ({
    start: new Date(startOfDayMs(day) + start),
    end: new Date(startOfDayMs(day) + end),
  });
  for (const period of internals.day(dayNumber).periods) {
    if (offset < period[0]) return { open: false, nextPeriod: periodOf(dayNumber, period) };
    if (offset < period[1]) return { open: true, period: periodOf(dayNumber, period) };
  }
  const next = internals.nextWorkingDay(dayNumber);
  const first = internals.day(next).periods[0];
  if (!first) throw new DomainError('invalid', 'A working day without office periods');
  return { open: false, nextPeriod: periodOf(next, first) };
}

/** The next opening at or after an instant: the instant itself when the office is open. */
export function nextWorkingInstant(calendar: WorkingCalendar, instant: Instant): Date {
  const status = officeStatus(calendar, instant);
  return status.open ? new Date(toEpochMs(instant)) : status.nextPeriod.start;
}
