/**
 * The clock of one stage of a case: its deadline in working days, how much is left, and whether the
 * stage is at risk or overdue.
 *
 * Pauses. While the unit waits for the citizen's reply to a request for more information, its clock
 * stops: the office time inside a pause is not counted, so the deadline moves on by the pause's length in
 * working days. A pause still open at `now` counts up to `now` (the deadline shown assumes the citizen
 * answers now). A pause that starts after the deadline has passed does not revive the stage, and pauses
 * are clipped to the stage's start and to `now`; overlapping pauses count once.
 */
import { DomainError } from '../errors.ts';
import { toEpochMs, type Instant } from './civil-date.ts';
import type { WorkingCalendar } from './working-calendar.ts';
import { addWorkingDays, workingDaysBetween, workingTimeBetween } from './working-time.ts';

export const CaseStage = {
  classification: 'classification',
  forwarding: 'forwarding',
  answer: 'answer',
} as const;
export type CaseStage = (typeof CaseStage)[keyof typeof CaseStage];

export interface CaseStageRule {
  readonly allowanceWorkingDays: number;
  /** The event whose instant starts the stage's clock. */
  readonly startsAt: 'receipt' | 'forwarding';
  /** Whether the stage may be extended once (EXTENSION_RULE). */
  readonly extendable: boolean;
  readonly basis: string;
}

/** Default allowances; a deployment may pass other numbers to `caseClock`. */
export const CASE_STAGE_RULES: Readonly<Record<CaseStage, CaseStageRule>> = Object.freeze({
  classification: {
    allowanceWorkingDays: 1,
    startsAt: 'receipt',
    extendable: false,
    basis: 'Classify within 1 working day of receipt (the Centre’s procedure).',
  },
  forwarding: {
    allowanceWorkingDays: 5,
    startsAt: 'receipt',
    extendable: false,
    basis: 'Forward within 5 working days of receipt (Decree 20/2008/NĐ-CP as amended by Decree 92/2017/NĐ-CP).',
  },
  answer: {
    allowanceWorkingDays: 15,
    startsAt: 'forwarding',
    extendable: true,
    basis: 'The unit answers within 15 working days of forwarding; one extension of up to 10 working days.',
  },
});

export const EXTENSION_RULE = Object.freeze({ maxExtensions: 1, maxWorkingDays: 10 });

/** A stage is at risk when this many working days or fewer are left. */
export const DEFAULT_AT_RISK_WORKING_DAYS = 2;

export interface PauseInterval {
  readonly from: Instant;
  /** When the clock restarted; absent or null while the pause is still open. */
  readonly to?: Instant | null;
}

export interface StageDeadlineInput {
  /** When the stage's clock started (receipt, forwarding). */
  readonly start: Instant;
  readonly allowanceWorkingDays: number;
  /** The working days of a granted extension (at most EXTENSION_RULE.maxWorkingDays). */
  readonly extensionWorkingDays?: number;
  readonly pauses?: readonly PauseInterval[];
  /** Needed when a pause is still open; pauses are clipped to it. */
  readonly now?: Instant;
}

export interface CaseClockInput extends StageDeadlineInput {
  readonly now: Instant;
  /** Default DEFAULT_AT_RISK_WORKING_DAYS. */
  readonly atRiskWorkingDays?: number;
}

export interface CaseClock {
  readonly deadline: Date;
  /** A pause is open at `now`. */
  readonly paused: boolean;
  /** Working days the pauses (up to `now`) added to the deadline. */
  readonly pausedWorkingDays: number;
  /** Working days counted against the allowance so far (pauses excluded). */
  readonly workingDaysUsed: number;
  /** Working days from `now` to the deadline; 0 once overdue. */
  readonly workingDaysLeft: number;
  /** Office time in milliseconds from `now` to the deadline; 0 once overdue. */
  readonly workingTimeLeft: number;
  readonly atRisk: boolean;
  readonly overdue: boolean;
  /** How far past the deadline `now` is, in working days and office milliseconds. */
  readonly overdueBy: { readonly workingDays: number; readonly workingTime: number } | null;
}

interface Computed {
  readonly deadline: Date;
  readonly pausedWorkingDays: number;
  readonly paused: boolean;
}

function requireNonNegative(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) throw new DomainError('invalid', `${what} must be a non-negative number`);
}

function compute(calendar: WorkingCalendar, input: StageDeadlineInput): Computed {
  requireNonNegative(input.allowanceWorkingDays, 'The allowance');
  const extension = input.extensionWorkingDays ?? 0;
  requireNonNegative(extension, 'The extension');
  if (extension > EXTENSION_RULE.maxWorkingDays) {
    throw new DomainError('invalid', `An extension is at most ${EXTENSION_RULE.maxWorkingDays} working days`);
  }
  const startMs = toEpochMs(input.start);
  const nowMs = input.now === undefined ? undefined : toEpochMs(input.now);
  const horizon = nowMs ?? Number.POSITIVE_INFINITY;

  let paused = false;
  const intervals: [number, number][] = [];
  for (const pause of input.pauses ?? []) {
    const fromMs = toEpochMs(pause.from);
    let toMs: number;
    if (pause.to === undefined || pause.to === null) {
      if (nowMs === undefined) throw new DomainError('invalid', 'An open pause needs `now`');
      toMs = nowMs;
      if (fromMs <= nowMs) paused = true;
    } else {
      toMs = toEpochMs(pause.to);
      if (toMs < fromMs) throw new DomainError('invalid', 'A pause ends before it starts');
    }
    const from = Math.max(fromMs, startMs);
    const to = Math.min(toMs, horizon);
    if (to > from) intervals.push([from, to]);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of intervals) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }

  const allowance = input.allowanceWorkingDays + extension;
  let pausedWorkingDays = 0;
  let deadline = addWorkingDays(calendar, startMs, allowance);
  for (const [from, to] of merged) {
    if (from >= deadline.getTime()) break;
    const length = workingDaysBetween(calendar, from, to);
    if (length <= 0) continue;
    pausedWorkingDays += length;
    deadline = addWorkingDays(calendar, startMs, allowance + pausedWorkingDays);
  }
  return { deadline, pausedWorkingDays, paused };
}

/** The deadline of a stage, pauses included. */
export function stageDeadline(calendar: WorkingCalendar, input: StageDeadlineInput): Date {
  return compute(calendar, input).deadline;
}

/** Where a stage stands at `now`. */
export function caseClock(calendar: WorkingCalendar, input: CaseClockInput): CaseClock {
  const threshold = input.atRiskWorkingDays ?? DEFAULT_AT_RISK_WORKING_DAYS;
  requireNonNegative(threshold, 'The at-risk threshold');
  const { deadline, pausedWorkingDays, paused } = compute(calendar, input);
  const nowMs = toEpochMs(input.now);
  const overdue = nowMs > deadline.getTime();
  const workingDaysUsed = Math.max(0, workingDaysBetween(calendar, input.start, nowMs) - pausedWorkingDays);
  const workingDaysLeft = overdue ? 0 : workingDaysBetween(calendar, nowMs, deadline);
  return {
    deadline,
    paused,
    pausedWorkingDays,
    workingDaysUsed: Math.round(workingDaysUsed * 1e9) / 1e9,
    workingDaysLeft,
    workingTimeLeft: overdue ? 0 : workingTimeBetween(calendar, nowMs, deadline),
    atRisk: !overdue && workingDaysLeft <= threshold,
    overdue,
    overdueBy: overdue ? { workingDays: workingDaysBetween(calendar, deadline, nowMs), workingTime: workingTimeBetween(calendar, deadline, nowMs) } : null,
  };
}
