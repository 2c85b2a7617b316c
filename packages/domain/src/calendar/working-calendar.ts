/**
 * A unit's working calendar: its office hours, the statutory holidays, the compensatory days off they
 * cause, and the yearly schedules the government publishes.
 *
 * What decides a day, first match wins:
 *   1. a schedule's working day (swap day)           -> worked, with `officeHours.swapDay`
 *   2. a schedule's extra day off                    -> off
 *   3. a statutory holiday (after the schedule's Tết, National Day companion and removed days)
 *                                                    -> off
 *   4. a compensatory day off                        -> off
 *   5. the weekly pattern                            -> worked with that weekday's periods, or a weekly day off
 *
 * Compensation (Labour Code 2019, art. 111(3)): a statutory holiday that falls on one of the unit's weekly
 * days off gives the next day that is a working day by the weekly pattern and not already off or a swap
 * day. The Tết days are not compensated: the government's schedule covers the whole Tết block. A unit that
 * works Saturday mornings has no weekly day off on Saturday, so a holiday on a Saturday is not compensated
 * there.
 */
import { DomainError } from '../errors.ts';
import {
  dateOfDayNumber,
  dayNumberOfDate,
  dayNumberOfInstant,
  daysFromCivil,
  isoWeekdayOfDayNumber,
  toEpochMs,
  yearOfDayNumber,
  type Instant,
  type IsoDate,
} from './civil-date.ts';
import { statutoryHolidays, type StatutoryChoices, type StatutoryHoliday } from './holidays.ts';
import {
  compileDayPeriods,
  STANDARD_OFFICE_HOURS,
  WEEKDAY_NAMES,
  weekdayName,
  type CompiledPeriods,
  type OfficeHours,
  type OfficePeriod,
  type WeekdayName,
} from './office-hours.ts';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR, PUBLISHED_YEAR_SCHEDULES, YearScheduleSchema, type ScheduleDay, type YearSchedule } from './year-schedule.ts';

export const DayKind = {
  working: 'working',
  swap_working_day: 'swap_working_day',
  weekly_day_off: 'weekly_day_off',
  public_holiday: 'public_holiday',
  compensatory_day_off: 'compensatory_day_off',
  extra_day_off: 'extra_day_off',
} as const;
export type DayKind = (typeof DayKind)[keyof typeof DayKind];

export interface CalendarDay {
  readonly date: IsoDate;
  readonly weekday: WeekdayName;
  readonly kind: DayKind;
  readonly working: boolean;
  /** The office periods of the day; empty on a day off. */
  readonly periods: readonly OfficePeriod[];
  /** Vietnamese name of a holiday, compensatory day, extra day off or swap day; null on ordinary days. */
  readonly name: string | null;
  /** The statutory holiday of the day, or the one a compensatory day off makes up for. */
  readonly holiday: StatutoryHoliday | null;
}

export interface CalendarOptions {
  /** Default: Monday to Friday, 08:00-12:00 and 13:00-17:00. */
  readonly officeHours?: OfficeHours;
  /**
   * The yearly schedules. Default: PUBLISHED_YEAR_SCHEDULES. Passing a list replaces the defaults;
   * pass `[]` for the statutory rules alone.
   */
  readonly schedules?: readonly YearSchedule[];
}

/** Build with `buildCalendar`; query with the functions of this module and of working-time.ts. */
export interface WorkingCalendar {
  readonly officeHours: OfficeHours;
  readonly schedules: readonly YearSchedule[];
}

/** A day as the clock arithmetic needs it. */
interface CompiledDay {
  readonly kind: DayKind;
  readonly periods: CompiledPeriods;
  /** Total office time of the day in milliseconds; 0 on a day off. */
  readonly duration: number;
  readonly sourcePeriods: readonly OfficePeriod[];
  readonly name: string | null;
  readonly holiday: StatutoryHoliday | null;
}

export interface CalendarInternals {
  day(dayNumber: number): CompiledDay;
  nextWorkingDay(dayNumber: number): number;
  previousWorkingDay(dayNumber: number): number;
}

/** No real schedule keeps a unit closed this long; the bound turns a broken configuration into an error. */
const MAX_CONSECUTIVE_DAYS_OFF = 400;

const internalsByCalendar = new WeakMap<WorkingCalendar, CalendarInternals>();

/** The clock arithmetic's view of a calendar. Not part of the package's public surface. */
export function calendarInternals(calendar: WorkingCalendar): CalendarInternals {
  const internals = internalsByCalendar.get(calendar);
  if (!internals) throw new DomainError('invalid', 'Not a calendar made by buildCalendar');
  return internals;
}

interface SpecialDay {
  readonly kind: typeof DayKind.public_holiday | typeof DayKind.compensatory_day_off;
  readonly name: string;
  readonly holiday: StatutoryHoliday;
}

function durationOf(periods: CompiledPeriods): number {
  return periods.reduce((sum, [start, end]) => sum + end - start, 0);
}

function formatVietnameseDate(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

function parseSchedule(schedule: YearSchedule): YearSchedule {
  const result = YearScheduleSchema.safeParse(schedule);
  if (!result.success) {
    const fields: Record<string, string> = {};
    for (const issue of result.error.issues) fields[issue.path.join('.') || 'schedule'] = issue.message;
    throw new DomainError('invalid', `Invalid holiday schedule for ${String(schedule.year)}`, { cause: result.error, fields });
  }
  return result.data;
}

/** The published schedules, indexed by day number: swapped working days, extra days off, removed holidays, choices. */
interface ScheduleIndex {
  readonly workingByDay: ReadonlyMap<number, ScheduleDay>;
  readonly offByDay: ReadonlyMap<number, ScheduleDay>;
  readonly removed: ReadonlySet<number>;
  readonly choicesByYear: ReadonlyMap<number, StatutoryChoices>;
}

function indexSchedules(schedules: readonly YearSchedule[]): ScheduleIndex {
  const workingByDay = new Map<number, ScheduleDay>();
  const offByDay = new Map<number, ScheduleDay>();
  const removed = new Set<number>();
  const choicesByYear = new Map<number, StatutoryChoices>();
  for (const schedule of schedules) {
    for (const day of schedule.workingDays) workingByDay.set(dayNumberOfDate(day.date), day);
    for (const day of schedule.extraDaysOff) offByDay.set(dayNumberOfDate(day.date), day);
    for (const date of schedule.removedDays ?? []) removed.add(dayNumberOfDate(date));
    if (schedule.tet !== undefined || schedule.nationalDayCompanion !== undefined) {
      const earlier = choicesByYear.get(schedule.year) ?? {};
      if ((schedule.tet && earlier.tet) || (schedule.nationalDayCompanion && earlier.nationalDayCompanion)) {
        throw new DomainError('invalid', `Two schedules for ${schedule.year} both set Tết or the National Day companion`);
      }
      choicesByYear.set(schedule.year, {
        tet: schedule.tet ?? earlier.tet,
        nationalDayCompanion: schedule.nationalDayCompanion ?? earlier.nationalDayCompanion,
      });
    }
  }
  for (const [dayNumber, day] of workingByDay) {
    if (offByDay.has(dayNumber)) throw new DomainError('invalid', `${day.date} is both a working day and a day off`);
  }
  return { workingByDay, offByDay, removed, choicesByYear };
}

/** A year's public holidays and the compensatory days off for those that fall on a weekly day off. */
function yearSpecials(year: number, index: ScheduleIndex, weeklyPeriods: (dayNumber: number) => CompiledPeriods): Map<number, SpecialDay> {
  const { workingByDay, offByDay, removed } = index;
  const specials = new Map<number, SpecialDay>();
  const holidays = statutoryHolidays(year, index.choicesByYear.get(year)).filter((h) => !removed.has(dayNumberOfDate(h.date)));
  for (const holiday of holidays) {
    const dayNumber = dayNumberOfDate(holiday.date);
    if (!specials.has(dayNumber)) specials.set(dayNumber, { kind: 'public_holiday', name: holiday.name, holiday: holiday.holiday });
  }
  const compensations = new Map<number, SpecialDay>();
  const compensated = new Set<number>();
  for (const holiday of holidays) {
    const dayNumber = dayNumberOfDate(holiday.date);
    if (holiday.holiday === 'tet' || compensated.has(dayNumber)) continue;
    if (weeklyPeriods(dayNumber).length > 0 || workingByDay.has(dayNumber) || offByDay.has(dayNumber)) continue;
    compensated.add(dayNumber);
    let candidate = dayNumber + 1;
    while (
      weeklyPeriods(candidate).length === 0 ||
      specials.has(candidate) ||
      compensations.has(candidate) ||
      offByDay.has(candidate) ||
      workingByDay.has(candidate)
    ) {
      candidate += 1;
      if (candidate - dayNumber > MAX_CONSECUTIVE_DAYS_OFF) throw new DomainError('invalid', 'No day for a compensatory day off');
    }
    compensations.set(candidate, {
      kind: 'compensatory_day_off',
      name: `Nghỉ bù ${holiday.name} (${formatVietnameseDate(holiday.date)})`,
      holiday: holiday.holiday,
    });
  }
  for (const [dayNumber, special] of compensations) if (!removed.has(dayNumber)) specials.set(dayNumber, special);
  return specials;
}

function dayOff(kind: DayKind, name: string | null, holiday: StatutoryHoliday | null): CompiledDay {
  return { kind, periods: [], duration: 0, sourcePeriods: [], name, holiday };
}

/** What one day is, in the order that decides it: a swapped working day, an extra day off, a holiday, the week. */
function compileDay(
  dayNumber: number,
  index: ScheduleIndex,
  special: SpecialDay | undefined,
  officeHours: OfficeHours,
  weekdayPeriods: CompiledPeriods,
  swapDay: CompiledPeriods,
): CompiledDay {
  const swap = index.workingByDay.get(dayNumber);
  const extra = index.offByDay.get(dayNumber);
  if (swap) {
    return { kind: 'swap_working_day', periods: swapDay, duration: durationOf(swapDay), sourcePeriods: officeHours.swapDay, name: swap.name, holiday: null };
  }
  if (extra) return dayOff('extra_day_off', extra.name, null);
  if (special) return dayOff(special.kind, special.name, special.holiday);
  if (weekdayPeriods.length > 0) {
    const sourcePeriods = officeHours.weekly[weekdayName(isoWeekdayOfDayNumber(dayNumber))];
    return { kind: 'working', periods: weekdayPeriods, duration: durationOf(weekdayPeriods), sourcePeriods, name: null, holiday: null };
  }
  return dayOff('weekly_day_off', null, null);
}

export function buildCalendar(options: CalendarOptions = {}): WorkingCalendar {
  const officeHours = options.officeHours ?? STANDARD_OFFICE_HOURS;
  const schedules = (options.schedules ?? PUBLISHED_YEAR_SCHEDULES).map(parseSchedule);

  const weekly = WEEKDAY_NAMES.map((name) => compileDayPeriods(officeHours.weekly[name]));
  if (weekly.every((periods) => periods.length === 0)) {
    throw new DomainError('invalid', 'Office hours have no working weekday');
  }
  const swapDay = compileDayPeriods(officeHours.swapDay);
  if (swapDay.length === 0) throw new DomainError('invalid', 'Office hours need periods for swap days');
  const index = indexSchedules(schedules);

  const weeklyPeriods = (dayNumber: number): CompiledPeriods => weekly[isoWeekdayOfDayNumber(dayNumber) - 1] ?? [];

  const specialsByYear = new Map<number, Map<number, SpecialDay>>();
  const specialsOf = (year: number): Map<number, SpecialDay> => {
    const cached = specialsByYear.get(year);
    if (cached) return cached;
    const specials = yearSpecials(year, index, weeklyPeriods);
    specialsByYear.set(year, specials);
    return specials;
  };

  const dayCache = new Map<number, CompiledDay>();
  const day = (dayNumber: number): CompiledDay => {
    const cached = dayCache.get(dayNumber);
    if (cached) return cached;
    const year = yearOfDayNumber(dayNumber);
    if (year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) {
      throw new DomainError('invalid', `The working calendar covers ${CALENDAR_MIN_YEAR}-${CALENDAR_MAX_YEAR}, not ${year}`);
    }
    // Compensation for a holiday late in December can spill into January.
    const special = specialsOf(year).get(dayNumber) ?? (year > CALENDAR_MIN_YEAR ? specialsOf(year - 1).get(dayNumber) : undefined);
    const compiled = compileDay(dayNumber, index, special, officeHours, weeklyPeriods(dayNumber), swapDay);
    dayCache.set(dayNumber, compiled);
    return compiled;
  };

  const step = (dayNumber: number, direction: 1 | -1): number => {
    for (let candidate = dayNumber + direction, count = 0; count < MAX_CONSECUTIVE_DAYS_OFF; candidate += direction, count += 1) {
      if (day(candidate).duration > 0) return candidate;
    }
    throw new DomainError('invalid', `No working day within ${MAX_CONSECUTIVE_DAYS_OFF} days of ${dateOfDayNumber(dayNumber)}`);
  };

  const calendar: WorkingCalendar = Object.freeze({ officeHours, schedules: Object.freeze(schedules) });
  internalsByCalendar.set(calendar, {
    day,
    nextWorkingDay: (dayNumber) => step(dayNumber, 1),
    previousWorkingDay: (dayNumber) => step(dayNumber, -1),
  });
  return calendar;
}

function dayNumberOf(date: IsoDate | Instant): number {
  return typeof date === 'string' ? dayNumberOfDate(date) : dayNumberOfInstant(toEpochMs(date));
}

/** What the calendar says about a civil date, or about the Vietnamese day an instant falls on. */
export function calendarDay(calendar: WorkingCalendar, date: IsoDate | Instant): CalendarDay {
  const dayNumber = dayNumberOf(date);
  const compiled = calendarInternals(calendar).day(dayNumber);
  return {
    date: dateOfDayNumber(dayNumber),
    weekday: weekdayName(isoWeekdayOfDayNumber(dayNumber)),
    kind: compiled.kind,
    working: compiled.duration > 0,
    periods: compiled.sourcePeriods,
    name: compiled.name,
    holiday: compiled.holiday,
  };
}

export function isWorkingDay(calendar: WorkingCalendar, date: IsoDate | Instant): boolean {
  return calendarInternals(calendar).day(dayNumberOf(date)).duration > 0;
}

/** Every day of a year that is not an ordinary working day or weekly day off, in date order. */
export function listSpecialDays(calendar: WorkingCalendar, year: number): CalendarDay[] {
  const first = daysFromCivil(year, 1, 1);
  const last = daysFromCivil(year, 12, 31);
  const days: CalendarDay[] = [];
  for (let dayNumber = first; dayNumber <= last; dayNumber += 1) {
    const day = calendarDay(calendar, dateOfDayNumber(dayNumber));
    if (day.kind !== 'working' && day.kind !== 'weekly_day_off') days.push(day);
  }
  return days;
}
