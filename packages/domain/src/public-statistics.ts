/**
 * The public statistics (issue 12): what anyone may read about how each unit answers people, per period, on
 * `/thong-ke`, `/en/statistics` and the `<pakn-stats>` element ward websites embed. Aggregates only: counts, a
 * rate, an average and a mean, per unit; never a person, a case, a text or a staff member.
 *
 * Small samples. A unit that answered fewer than PUBLIC_MIN_CASES cases in the period keeps its figures, marked
 * "số liệu ít, chưa đủ để đánh giá" (`fewCases`): hiding them would hide that the unit had cases at all, while
 * a rate of 1 of 2 says nothing about a unit. The public lists are ordered by name and never ranked, so a small
 * sample cannot top or tail a list. The mean satisfaction is withheld (null) below PUBLIC_MIN_RATINGS ratings:
 * with one rating the "mean" would be that citizen's own score, which is theirs to keep.
 *
 * Pure: the units, their sums and today come in as arguments.
 */
import * as z from 'zod/mini';
import type { AnswerTotals } from './unit-evaluation.ts';
import type { Lang } from './i18n.ts';
import type { Unit, UnitKind } from './model.ts';
import { calendarPeriod, DECREE_09_CUT_OFF_DAY, reportPeriodName, reportPeriodOf, reportRange, type DateRange, type ReportPeriodKind } from './periods.ts';

/** Below this many answered cases a unit's figures are marked as too few to judge it by. */
export const PUBLIC_MIN_CASES = 5;
/** Below this many ratings the mean satisfaction is not published (it would be one citizen's score). */
export const PUBLIC_MIN_RATINGS = 5;

export const PUBLIC_PERIOD_KEYS = ['month', 'quarter', 'year', 'last-year', 'report-month', 'report-quarter', 'report-half', 'report-year'] as const;
export type PublicPeriodKey = (typeof PUBLIC_PERIOD_KEYS)[number];
export const DEFAULT_PUBLIC_PERIOD: PublicPeriodKey = 'month';

/** The groups of the public table: wards and communes together, branches, departments (the Centre has no cases). */
export const PUBLIC_UNIT_GROUPS = ['local', 'branch', 'department'] as const;
export type PublicUnitGroup = (typeof PUBLIC_UNIT_GROUPS)[number];

export function publicUnitGroup(kind: UnitKind): PublicUnitGroup | null {
  if (kind === 'ward' || kind === 'commune') return 'local';
  if (kind === 'branch' || kind === 'department') return kind;
  return null;
}

/** What anyone may ask for: a period (this month by default) and, optionally, one unit instead of all. */
export const PublicStatisticsInputSchema = z.object({
  period: z.optional(z.enum(PUBLIC_PERIOD_KEYS)),
  unitId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
});
export type PublicStatisticsInput = z.infer<typeof PublicStatisticsInputSchema>;

export function isPublicPeriodKey(value: string | undefined): value is PublicPeriodKey {
  return (PUBLIC_PERIOD_KEYS as readonly string[]).includes(value ?? '');
}

export function isPublicUnitGroup(value: string | undefined): value is PublicUnitGroup {
  return (PUBLIC_UNIT_GROUPS as readonly string[]).includes(value ?? '');
}

export interface PublicPeriod extends DateRange {
  readonly key: PublicPeriodKey;
  readonly name: { readonly vi: string; readonly en: string };
}

const CALENDAR_NAMES: Readonly<Record<'month' | 'quarter' | 'year' | 'last-year', { vi: string; en: string }>> = {
  month: { vi: 'Tháng này', en: 'This month' },
  quarter: { vi: 'Quý này', en: 'This quarter' },
  year: { vi: 'Năm nay', en: 'This year' },
  'last-year': { vi: 'Năm trước', en: 'Last year' },
};

/**
 * The days a public period covers on `today` (a Vietnamese calendar date): the calendar month, quarter or year
 * holding it, the year before, or the reporting period (Decree 09/2019 art. 12 cut-off) holding it.
 */
export function publicPeriod(key: PublicPeriodKey, today: string, cutOffDay: number = DECREE_09_CUT_OFF_DAY): PublicPeriod {
  if (key === 'month' || key === 'quarter' || key === 'year') return { key, ...calendarPeriod(key, today), name: CALENDAR_NAMES[key] };
  if (key === 'last-year') {
    const year = calendarPeriod('year', today);
    return { key, ...calendarPeriod('year', `${Number(year.from.slice(0, 4)) - 1}-06-01`), name: CALENDAR_NAMES[key] };
  }
  const kind = key.slice('report-'.length) as ReportPeriodKind;
  const period = reportPeriodOf(kind, today, cutOffDay);
  const label = (lang: Lang) => (lang === 'vi' ? `Kỳ báo cáo: ${reportPeriodName(period, lang)}` : `Reporting period: ${reportPeriodName(period, lang)}`);
  return { key, ...reportRange(period, cutOffDay), name: { vi: label('vi'), en: label('en') } };
}

/** What the public figures are made of, per unit id, for one period (sums kept on write; see @pakn/db). */
export interface PublicFacts {
  readonly received: Readonly<Record<string, number>>;
  readonly answers: Readonly<Record<string, AnswerTotals>>;
  readonly ratings: Readonly<Record<string, { readonly sum: number; readonly count: number }>>;
}

export interface PublicFigures {
  /** Cases forwarded to the unit in the period (a case forwarded twice counts once). */
  readonly received: number;
  /** Answers verified in the period. */
  readonly answered: number;
  readonly answeredOnTime: number;
  /** Per cent of the timed answers that were on time, whole; null without answers. */
  readonly onTimeRate: number | null;
  /** Working days from forwarding to the answer, one decimal; null without answers. */
  readonly averageWorkingDays: number | null;
  /** 1-5, one decimal; null below PUBLIC_MIN_RATINGS ratings. */
  readonly satisfaction: number | null;
  readonly ratings: number;
  /** Fewer than PUBLIC_MIN_CASES answers: shown, marked, never judged on. */
  readonly fewCases: boolean;
}

export interface PublicUnitFigures extends PublicFigures {
  readonly unitId: string;
  readonly name: string;
  readonly group: PublicUnitGroup;
}

export interface PublicStatistics {
  readonly from: string;
  readonly to: string;
  /** Every public unit (those with no case too), by name: never a ranking. */
  readonly units: readonly PublicUnitFigures[];
  /** The whole city. */
  readonly city: PublicFigures;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

function figures(received: number, answer: AnswerTotals | undefined, rating: { sum: number; count: number } | undefined): PublicFigures {
  const timed = answer?.timed ?? 0;
  const count = rating?.count ?? 0;
  const answered = answer?.count ?? 0;
  return {
    received,
    answered,
    answeredOnTime: answer?.onTime ?? 0,
    onTimeRate: answer && timed > 0 ? Math.round((100 * answer.onTime) / timed) : null,
    averageWorkingDays: answer && timed > 0 ? round1(answer.days / timed) : null,
    satisfaction: rating && count >= PUBLIC_MIN_RATINGS ? round1(rating.sum / count) : null,
    ratings: count,
    fewCases: answered < PUBLIC_MIN_CASES,
  };
}

/** The public figures of every unit of a public group, and of the city (all units, the Centre's too). */
export function publicStatistics(units: readonly Pick<Unit, 'id' | 'name' | 'kind'>[], facts: PublicFacts, period: DateRange): PublicStatistics {
  const rows: PublicUnitFigures[] = [];
  const city = { received: 0, answers: { count: 0, onTime: 0, days: 0, timed: 0 }, ratings: { sum: 0, count: 0 } };
  for (const unit of units) {
    const received = own(facts.received, unit.id) ?? 0;
    const answer = own(facts.answers, unit.id);
    const rating = own(facts.ratings, unit.id);
    city.received += received;
    if (answer) {
      city.answers.count += answer.count;
      city.answers.onTime += answer.onTime;
      city.answers.days += answer.days;
      city.answers.timed += answer.timed;
    }
    if (rating) {
      city.ratings.sum += rating.sum;
      city.ratings.count += rating.count;
    }
    const group = publicUnitGroup(unit.kind);
    if (group) rows.push({ unitId: unit.id, name: unit.name, group, ...figures(received, answer, rating) });
  }
  rows.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return { from: period.from, to: period.to, units: rows, city: figures(city.received, city.answers, city.ratings) };
}
