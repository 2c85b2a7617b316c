/**
 * The periods the Centre's numbers are read over (issue 12): calendar periods for the dashboard (a day, a week,
 * a month, a quarter, six months, a year, or any from–to), and the reporting periods of the government's
 * periodic reporting regime for the signed reports.
 *
 * Decree 09/2019/NĐ-CP, art. 12, fixes when periodic reports cut off their data: a month runs from the 15th of
 * the month before to the 14th of the month itself; a quarter from the 15th of the month before the quarter to
 * the 14th of its last month; the first six months from 15 December of the year before to 14 June, the second
 * from 15 June to 14 December; a year from 15 December of the year before to 14 December. That is one rule: a
 * period starts on the cut-off day of the month before its first month and ends the day before the cut-off day
 * of its last month. The admin may set another cut-off day (1 gives calendar months); 15 is the default.
 *
 * Every range is of Vietnamese calendar days, both ends included, as `YYYY-MM-DD` (like EvaluationPeriod).
 * Pure: today comes in as an argument.
 */
import * as z from 'zod/mini';
import { addDaysToDate, InputDateSchema } from './input-dates.ts';
import type { Lang } from './i18n.ts';

export interface DateRange {
  readonly from: string;
  readonly to: string;
}

export const CALENDAR_PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'half', 'year'] as const;
export type CalendarPeriodKind = (typeof CALENDAR_PERIOD_KINDS)[number];

export const REPORT_PERIOD_KINDS = ['month', 'quarter', 'half', 'year'] as const;
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];

/** Decree 09/2019/NĐ-CP, art. 12: data are cut off on the 14th, the next period starts on the 15th. */
export const DECREE_09_CUT_OFF_DAY = 15;
/** A cut-off day must exist in every month. */
export const MAX_CUT_OFF_DAY = 28;

/** How many periods of a kind a year holds. */
const PERIODS_PER_YEAR: Readonly<Record<ReportPeriodKind, number>> = { month: 12, quarter: 4, half: 2, year: 1 };
const MONTHS_PER_PERIOD: Readonly<Record<ReportPeriodKind, number>> = { month: 1, quarter: 3, half: 6, year: 12 };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The date of day `day` in month `month` (1-12, may run past either end of the year) of `year`. */
function dateOf(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(year, month - 1, day);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function parts(date: string): { year: number; month: number; day: number } {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  return { year, month, day };
}

/** The calendar period of a kind that holds `date`; weeks run Monday to Sunday, as Vietnamese offices count them. */
export function calendarPeriod(kind: CalendarPeriodKind, date: string): DateRange {
  const { year, month } = parts(date);
  switch (kind) {
    case 'day':
      return { from: date, to: date };
    case 'week': {
      const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
      const from = addDaysToDate(date, -weekday);
      return { from, to: addDaysToDate(from, 6) };
    }
    case 'year':
      return { from: dateOf(year, 1, 1), to: dateOf(year, 12, 31) };
    default: {
      const length = MONTHS_PER_PERIOD[kind];
      const first = Math.floor((month - 1) / length) * length + 1;
      return { from: dateOf(year, first, 1), to: dateOf(year, first + length, 0) };
    }
  }
}

/** Whole days in a range, both ends included. */
export function rangeDays(range: DateRange): number {
  return Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000) + 1;
}

/**
 * The period to compare a range with: the calendar period of the same kind before it, or, for a range typed by
 * hand (`kind` undefined), as many days ending the day before it starts.
 */
export function previousRange(range: DateRange, kind?: CalendarPeriodKind): DateRange {
  const dayBefore = addDaysToDate(range.from, -1);
  if (kind) return calendarPeriod(kind, dayBefore);
  return { from: addDaysToDate(range.from, -rangeDays(range)), to: dayBefore };
}

/** A reporting period: the `index`-th (1-based) month, quarter or half of `year`, or the year itself (index 1). */
export interface ReportPeriod {
  readonly kind: ReportPeriodKind;
  readonly year: number;
  readonly index: number;
}

export const ReportPeriodSchema = z
  .object({
    kind: z.enum(REPORT_PERIOD_KINDS),
    year: z.number().check(z.int(), z.gte(2010), z.lte(2199)),
    index: z.number().check(z.int(), z.gte(1), z.lte(12)),
  })
  .check(z.refine((p) => p.index <= PERIODS_PER_YEAR[p.kind], { error: 'period_index', path: ['index'] }));

export const CutOffDaySchema = z.number().check(z.int(), z.gte(1), z.lte(MAX_CUT_OFF_DAY));

/**
 * The days a reporting period covers under a cut-off day (Decree 09's 15 by default): from the cut-off day of
 * the month before its first month to the day before the cut-off day of its last month. With cut-off day 1, the
 * calendar months themselves.
 */
export function reportRange(period: ReportPeriod, cutOffDay: number = DECREE_09_CUT_OFF_DAY): DateRange {
  if (!Number.isInteger(cutOffDay) || cutOffDay < 1 || cutOffDay > MAX_CUT_OFF_DAY)
    throw new RangeError(`Cut-off day ${cutOffDay} is not 1-${MAX_CUT_OFF_DAY}`);
  const length = MONTHS_PER_PERIOD[period.kind];
  const firstMonth = (period.index - 1) * length + 1;
  const lastMonth = firstMonth + length - 1;
  if (cutOffDay === 1) return { from: dateOf(period.year, firstMonth, 1), to: dateOf(period.year, lastMonth + 1, 0) };
  return { from: dateOf(period.year, firstMonth - 1, cutOffDay), to: dateOf(period.year, lastMonth, cutOffDay - 1) };
}

/** The reporting period of a kind whose days hold `date` (20 December falls in the next year's report). */
export function reportPeriodOf(kind: ReportPeriodKind, date: string, cutOffDay: number = DECREE_09_CUT_OFF_DAY): ReportPeriod {
  const { year, month, day } = parts(date);
  // A day on or after the cut-off belongs to the period of the next month.
  const shifted = cutOffDay > 1 && day >= cutOffDay ? month + 1 : month;
  const y = shifted > 12 ? year + 1 : year;
  const m = shifted > 12 ? 1 : shifted;
  return { kind, year: y, index: Math.floor((m - 1) / MONTHS_PER_PERIOD[kind]) + 1 };
}

/** The reporting period before one (the comparison column of a report). */
export function previousReportPeriod(period: ReportPeriod): ReportPeriod {
  if (period.index > 1) return { ...period, index: period.index - 1 };
  return { kind: period.kind, year: period.year - 1, index: PERIODS_PER_YEAR[period.kind] };
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** A reporting period's name as a report's title says it: "Quý II năm 2026", "6 tháng đầu năm 2026". */
export function reportPeriodName(period: ReportPeriod, language: Lang): string {
  const { kind, year, index } = period;
  if (language === 'en') {
    if (kind === 'month') return `${new Date(Date.UTC(year, index - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${year}`;
    if (kind === 'quarter') return `Q${index} ${year}`;
    if (kind === 'half') return `${index === 1 ? 'First' : 'Second'} half of ${year}`;
    return `Year ${year}`;
  }
  if (kind === 'month') return `Tháng ${index} năm ${year}`;
  if (kind === 'quarter') return `Quý ${ROMAN[index - 1] ?? index} năm ${year}`;
  if (kind === 'half') return `6 tháng ${index === 1 ? 'đầu' : 'cuối'} năm ${year}`;
  return `Năm ${year}`;
}

/** A range typed by hand: real dates in order (the longest span is the caller's to check). */
export const DateRangeSchema = z
  .object({ from: InputDateSchema, to: InputDateSchema })
  .check(z.refine((p) => p.from <= p.to, { error: 'date_order', path: ['to'] }));
