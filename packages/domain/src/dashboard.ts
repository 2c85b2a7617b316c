/**
 * The dashboard's input and the figures it shows (issue 12), shaped from the counts the database keeps. Pure: the
 * counts, the period and the previous period come in as arguments.
 */
import * as z from 'zod/mini';
import { InputDateSchema } from './input-dates.ts';
import { CALENDAR_PERIOD_KINDS, calendarPeriod, previousRange, type CalendarPeriodKind, type DateRange } from './periods.ts';

const MS_PER_DAY = 86_400_000;
/** Two years: a year compared with the one before it is the longest view the Centre asks for. */
const MAX_DASHBOARD_DAYS = 731;

export const UNIT_GROUP_KEYS = ['wards', 'branches', 'departments'] as const;
export type UnitGroupKey = (typeof UNIT_GROUP_KEYS)[number];

/** The dashboard of a period for the whole city, a group of units or one unit (never both a group and a unit). */
export const DashboardInputSchema = z
  .object({
    from: InputDateSchema,
    to: InputDateSchema,
    group: z.optional(z.enum(UNIT_GROUP_KEYS)),
    unitId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  })
  .check(
    z.refine((p) => p.from <= p.to, { error: 'date_order', path: ['to'] }),
    z.refine((p) => Date.parse(p.to) - Date.parse(p.from) < MAX_DASHBOARD_DAYS * MS_PER_DAY, { error: 'period_too_long', path: ['to'] }),
    z.refine((p) => !(p.group && p.unitId), { error: 'invalid', path: ['group'] }),
  );
export type DashboardInput = z.infer<typeof DashboardInputSchema>;

/** The kind of calendar period a range is exactly (a week, a quarter…), or null for any other range. */
export function calendarKindOf(range: DateRange): CalendarPeriodKind | null {
  for (const kind of CALENDAR_PERIOD_KINDS) {
    const period = calendarPeriod(kind, range.from);
    if (period.from === range.from && period.to === range.to) return kind;
  }
  return null;
}

/** The period a dashboard compares with: the calendar period before one (last month for a month), else as many days before. */
export function dashboardPreviousRange(range: DateRange): DateRange {
  return previousRange(range, calendarKindOf(range) ?? undefined);
}

/** The Monday of the week of a date (weeks run Monday to Sunday). */
export function weekOf(date: string): string {
  return calendarPeriod('week', date).from;
}

export interface DayCount {
  readonly day: string;
  readonly channel: string;
  readonly cases: number;
}

/** The day counts summed by week (its Monday) or month (`YYYY-MM`), per channel, in order. */
export function countsBy(days: readonly DayCount[], grain: 'day' | 'week' | 'month'): DayCount[] {
  const key = (day: string) => (grain === 'day' ? day : grain === 'week' ? weekOf(day) : day.slice(0, 7));
  const sums = new Map<string, number>();
  for (const d of days) {
    const k = `${key(d.day)}\u0000${d.channel}`;
    sums.set(k, (sums.get(k) ?? 0) + d.cases);
  }
  return [...sums]
    .map(([k, cases]) => {
      const [day = '', channel = ''] = k.split('\u0000');
      return { day, channel, cases };
    })
    .sort((a, b) => (a.day === b.day ? a.channel.localeCompare(b.channel) : a.day < b.day ? -1 : 1));
}

/** A share in percent with one decimal, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/** A figure beside the previous period's: the change in percent (null from zero). */
export function change(current: number, previous: number): number | null {
  return previous > 0 ? Math.round(((current - previous) / previous) * 1000) / 10 : null;
}

/** The values of a count map summed. */
export function total(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
