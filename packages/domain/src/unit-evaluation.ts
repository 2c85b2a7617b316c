/**
 * The numbers that judge how a unit serves people over a period, and the inputs of the staff lists and
 * exports that show them. Pure: the facts, the calendars and the period come in as arguments.
 */
import * as z from 'zod/mini';
import { CASE_STAGE_RULES, caseClock, VIETNAM_UTC_OFFSET_MS, type WorkingCalendar } from './calendar/index.ts';
import type { Extension, Pause } from './model.ts';
import { InputDateSchema } from './input-dates.ts';
import { LIST_PAGE_FIELDS } from './schemas.ts';

const MS_PER_DAY = 86_400_000;
const MAX_PERIOD_DAYS = 366;

/** Period ends and audit filters: real dates within the Centre's range (input-dates.ts). */
const isoDate = InputDateSchema;

/** A map's own value for a key: never a member of Object.prototype (`constructor`, `toString`…). */
function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** A period of whole Vietnamese calendar days, both ends included. */
export const EvaluationPeriodInputSchema = z.object({ from: isoDate, to: isoDate }).check(
  z.refine((p) => p.from <= p.to, { error: 'date_order', path: ['to'] }),
  z.refine((p) => Date.parse(p.to) - Date.parse(p.from) <= MAX_PERIOD_DAYS * MS_PER_DAY, { error: 'period_too_long', path: ['to'] }),
);
export type EvaluationPeriod = z.infer<typeof EvaluationPeriodInputSchema>;

/** The instants a period covers: from the start of its first day to the start of the day after its last, in Vietnam. */
export function periodInstants(period: EvaluationPeriod): { readonly start: Date; readonly end: Date } {
  const start = Date.parse(`${period.from}T00:00:00Z`) - VIETNAM_UTC_OFFSET_MS;
  const end = Date.parse(`${period.to}T00:00:00Z`) - VIETNAM_UTC_OFFSET_MS + MS_PER_DAY;
  return { start: new Date(start), end: new Date(end) };
}

export const UnitStaffInputSchema = z.object({ unitId: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)) });

/** The audit log, filtered, a page at a time (oldest first; `cursor` is the previous page's `next`). */
export const AuditListInputSchema = z.object({
  entityType: z.optional(z.string().check(z.maxLength(40))),
  entityId: z.optional(z.string().check(z.maxLength(64))),
  /** An action or the start of one: `case.` finds every move of a case. */
  action: z.optional(z.string().check(z.trim(), z.maxLength(60))),
  /** A staff member's username, display name (part of it) or id. */
  actor: z.optional(z.string().check(z.trim(), z.maxLength(120))),
  from: z.optional(isoDate),
  to: z.optional(isoDate),
  ...LIST_PAGE_FIELDS,
});

/** One answer the Centre verified in the period, with what its unit's clock needs. */
export interface AnsweredCaseFacts {
  readonly unitId: string;
  readonly forwardedAt: string;
  /** When the unit sent the answer that was verified: the unit's work ends there, not at the Centre's check. */
  readonly submittedAt: string;
  readonly pauses: readonly Pause[];
  readonly extension: Extension | null;
}

/** How an answer stood against its deadline: computed once, when it is verified, and stored (issue 11). */
export interface AnswerTiming {
  readonly onTime: boolean;
  /** Working days from forwarding to the unit's answer, pauses left out. */
  readonly workingDays: number;
}

/**
 * An answer is on time when the unit sent it before its deadline on the unit's own working calendar, counting
 * the pauses and an approved extension exactly as the follow-up page does. Null when its dates cannot be placed
 * on the calendar (a bad row from an old import): the answer counts, its timing cannot (issue 9).
 */
export function answerTiming(calendar: WorkingCalendar, a: Omit<AnsweredCaseFacts, 'unitId'>): AnswerTiming | null {
  const rule = CASE_STAGE_RULES.answer;
  try {
    const clock = caseClock(calendar, {
      start: Date.parse(a.forwardedAt),
      allowanceWorkingDays: rule.allowanceWorkingDays,
      pauses: a.pauses.map((p) => ({ from: Date.parse(p.from), to: p.to ? Date.parse(p.to) : null })),
      extensionWorkingDays: a.extension?.status === 'approved' ? a.extension.days : 0,
      now: Date.parse(a.submittedAt),
    });
    return { onTime: !clock.overdue, workingDays: clock.workingDaysUsed };
  } catch {
    return null;
  }
}

/** What a unit's verified answers add up to in a period; `days` sums the working days of the `timed` ones. */
export interface AnswerTotals {
  readonly count: number;
  readonly onTime: number;
  readonly days: number;
  readonly timed: number;
}

/** The totals of each unit over a list of answers: the evaluation's own algorithm, kept for full recounts. */
export function totalAnswers(answered: readonly AnsweredCaseFacts[], calendarOf: (unitId: string) => WorkingCalendar): Record<string, AnswerTotals> {
  const totals = Object.create(null) as Record<string, { count: number; onTime: number; days: number; timed: number }>;
  for (const a of answered) {
    const entry = (totals[a.unitId] ??= { count: 0, onTime: 0, days: 0, timed: 0 });
    entry.count++;
    const timing = answerTiming(calendarOf(a.unitId), a);
    if (!timing) continue;
    entry.timed++;
    if (timing.onTime) entry.onTime++;
    entry.days += timing.workingDays;
  }
  return totals;
}

export interface EvaluationFacts {
  /** The units; the Centre (kind `centre`) evaluates the others and is not listed. */
  readonly units: readonly { readonly id: string; readonly name: string; readonly kind?: string }[];
  /** Cases forwarded to each unit in the period (approved forwarding letters). */
  readonly received: Readonly<Record<string, number>>;
  /** Answers verified in the period, per unit (see `answerTiming`). */
  readonly answers: Readonly<Record<string, AnswerTotals>>;
  /** Open cases of each unit past their answer deadline now. */
  readonly overdueNow: Readonly<Record<string, number>>;
  /** Reminders, escalations, reprimands, corrections, commendations recorded in the period. */
  readonly records: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly ratings: Readonly<Record<string, { readonly sum: number; readonly count: number }>>;
  readonly reviewsRequested: Readonly<Record<string, number>>;
  /**
   * Per unit: `declines` (cases it declined as not its own), the outcomes of its verified answers
   * (`substantiated`, `partly_substantiated`, `not_substantiated`) and its ratings by score (`rated_1` … `rated_5`).
   */
  readonly scores?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Per unit, its timed answers by whole working days begun: `[days, answers]`, fewest days first. */
  readonly answerDays?: Readonly<Record<string, readonly (readonly [number, number])[]>>;
}

export interface UnitEvaluationRow {
  readonly unitId: string;
  readonly unitName: string;
  readonly received: number;
  /** Received less the cases the unit declined as belonging to another unit. */
  readonly inScope: number;
  readonly answered: number;
  readonly answeredOnTime: number;
  /** On-time answers among those whose timing is known, 0–1; null without any. */
  readonly onTimeRate: number | null;
  readonly overdueNow: number;
  /** Working days from forwarding to the unit's answer, pauses left out; null without answers. */
  readonly averageWorkingDaysToAnswer: number | null;
  /** Nine answers in ten took at most this many working days (whole days begun, nearest rank); null without answers. */
  readonly p90WorkingDaysToAnswer: number | null;
  readonly substantiated: number;
  readonly partlySubstantiated: number;
  readonly notSubstantiated: number;
  readonly reminders: number;
  readonly escalations: number;
  readonly reprimands: number;
  readonly corrections: number;
  readonly commendations: number;
  /** 1–5, one decimal; null without ratings. */
  readonly averageRating: number | null;
  readonly ratings: number;
  /** How many ratings gave 1, 2, 3, 4 and 5. */
  readonly ratingDistribution: readonly [number, number, number, number, number];
  readonly reviewsRequested: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** The nearest-rank 90th percentile of a histogram of `[value, count]` pairs in ascending order. */
export function percentile90(histogram: readonly (readonly [number, number])[]): number | null {
  const total = histogram.reduce((sum, [, n]) => sum + n, 0);
  if (total <= 0) return null;
  const rank = Math.ceil(0.9 * total);
  let seen = 0;
  for (const [value, n] of histogram) {
    seen += n;
    if (seen >= rank) return value;
  }
  return null;
}

/** One unit's row from the facts (zeros where it has none). */
function unitRow(facts: EvaluationFacts, unit: { readonly id: string; readonly name: string }): UnitEvaluationRow {
  const answer = own(facts.answers, unit.id);
  // Own keys only: a unit may be called `constructor` (issue 9).
  const records = own(facts.records, unit.id) ?? {};
  const scores = (facts.scores && own(facts.scores, unit.id)) ?? {};
  const score = (key: string) => own(scores, key) ?? 0;
  const rating = own(facts.ratings, unit.id);
  const received = own(facts.received, unit.id) ?? 0;
  return {
    unitId: unit.id,
    unitName: unit.name,
    received,
    inScope: Math.max(0, received - score('declines')),
    answered: answer?.count ?? 0,
    answeredOnTime: answer?.onTime ?? 0,
    onTimeRate: answer && answer.timed > 0 ? round3(answer.onTime / answer.timed) : null,
    overdueNow: own(facts.overdueNow, unit.id) ?? 0,
    averageWorkingDaysToAnswer: answer && answer.timed > 0 ? round1(answer.days / answer.timed) : null,
    p90WorkingDaysToAnswer: percentile90((facts.answerDays && own(facts.answerDays, unit.id)) ?? []),
    substantiated: score('substantiated'),
    partlySubstantiated: score('partly_substantiated'),
    notSubstantiated: score('not_substantiated'),
    reminders: own(records, 'reminder') ?? 0,
    escalations: own(records, 'escalation') ?? 0,
    reprimands: own(records, 'reprimand') ?? 0,
    corrections: own(records, 'correction') ?? 0,
    commendations: own(records, 'commendation') ?? 0,
    averageRating: rating && rating.count > 0 ? round1(rating.sum / rating.count) : null,
    ratings: rating?.count ?? 0,
    ratingDistribution: [score('rated_1'), score('rated_2'), score('rated_3'), score('rated_4'), score('rated_5')],
    reviewsRequested: own(facts.reviewsRequested, unit.id) ?? 0,
  };
}

/**
 * The evaluation of every unit but the Centre, by name: a unit with nothing to show in the period is listed with zeros, so a
 * signed evaluation names every unit it judged. The answers come totalled per unit (stored timings summed by the
 * database, or `totalAnswers`).
 */
export function evaluateUnits(facts: EvaluationFacts): UnitEvaluationRow[] {
  return facts.units
    .filter((unit) => unit.kind !== 'centre')
    .map((unit) => unitRow(facts, unit))
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi'));
}
