import type { CaseStatus } from './case-status.ts';
import { CASE_STAGE_RULES, caseClock, stageDeadline, type CaseStage, type StageDeadlineInput, type WorkingCalendar } from './calendar/index.ts';
import { CLOSED_STATUSES } from './case-status.ts';
import type { CaseRecord } from './model.ts';

/** The stage whose clock runs in each status; statuses without one have nothing due. */
const STAGE_OF_STATUS: Partial<Record<CaseStatus, CaseStage>> = {
  received: 'classification',
  accepted: 'forwarding',
  awaiting_approval: 'forwarding',
  forwarded: 'answer',
  in_progress: 'answer',
  info_requested: 'answer',
};

export interface CaseDeadline {
  readonly stage: CaseStage;
  /** The clock is stopped: the unit waits for the citizen's reply. */
  readonly paused: boolean;
  readonly dueAt: string;
  readonly workingDaysLeft: number;
  readonly atRisk: boolean;
  readonly overdue: boolean;
  /** Working days past the deadline; 0 when not overdue. */
  readonly overdueWorkingDays: number;
}

/** The stage whose clock runs for a case, or null when nothing is due. */
export function currentStage(record: Pick<CaseRecord, 'status'>): CaseStage | null {
  return STAGE_OF_STATUS[record.status] ?? null;
}

type DeadlineFields = Pick<CaseRecord, 'status' | 'createdAt' | 'forwardedAt'> & Partial<Pick<CaseRecord, 'pauses' | 'extension'>>;

/** What the clock of the current stage counts from and by: the one input of every deadline computation. */
function stageInput(record: DeadlineFields): (StageDeadlineInput & { stage: CaseStage }) | null {
  const stage = currentStage(record);
  if (!stage) return null;
  const rule = CASE_STAGE_RULES[stage];
  const start = rule.startsAt === 'forwarding' ? record.forwardedAt : record.createdAt;
  if (!start) return null;
  const answering = stage === 'answer';
  return {
    stage,
    start: Date.parse(start),
    allowanceWorkingDays: rule.allowanceWorkingDays,
    // Only the unit's clock stops while the citizen is asked for more, and only it may be extended.
    pauses: answering ? (record.pauses ?? []).map((p) => ({ from: Date.parse(p.from), to: p.to ? Date.parse(p.to) : null })) : [],
    extensionWorkingDays: answering && record.extension?.status === 'approved' ? record.extension.days : 0,
  };
}

/**
 * The deadline of the case's current stage: classification and forwarding count from receipt, the answer
 * from forwarding. Pass the calendar of whoever works the stage: the Centre's, or the handling unit's.
 */
export function caseDeadline(calendar: WorkingCalendar, record: DeadlineFields, now: Date): CaseDeadline | null {
  const input = stageInput(record);
  if (!input) return null;
  const clock = caseClock(calendar, { ...input, now });
  return {
    stage: input.stage,
    paused: clock.paused,
    dueAt: clock.deadline.toISOString(),
    workingDaysLeft: clock.workingDaysLeft,
    atRisk: clock.atRisk,
    overdue: clock.overdue,
    overdueWorkingDays: clock.overdueBy?.workingDays ?? 0,
  };
}

/**
 * Where a case stands in the lists (issue 11), stored on its row so that a list is an index range:
 * - `needs_look`: its dates cannot be placed on the calendar (nobody can tell it is on time);
 * - `running`: its stage's clock runs, `at` is the deadline (it never moves until the case changes);
 * - `waiting`: the clock is stopped while the citizen is asked for more; `at` is the deadline as it stood when
 *   it stopped (the live deadline moves on with every working day of the wait, so no stored instant can follow it);
 * - `nothing_due` (open, no clock) and `closed`: `at` is the receipt, oldest first.
 * The lists sort by (rank, at, id): the most urgent first.
 */
export const QueueRank = { needs_look: 0, running: 1, waiting: 2, nothing_due: 3, closed: 4 } as const;
export type QueueRank = (typeof QueueRank)[keyof typeof QueueRank];

export interface CaseQueueKey {
  readonly rank: QueueRank;
  readonly at: string;
}

/**
 * The stored list key of a case, from the same stage input as `caseDeadline` (one computation): the deadline of
 * a case whose clock runs equals `caseDeadline(...).dueAt` at any later `now`. `calendarOf` gives the calendar of
 * whoever works the stage. Pure, and independent of the clock: a full recount gives the same keys.
 */
export function caseQueueKey(
  record: DeadlineFields & Pick<CaseRecord, 'unitId'>,
  calendarOf: (stage: CaseStage, unitId: string | null) => WorkingCalendar,
): CaseQueueKey {
  if (CLOSED_STATUSES.includes(record.status)) return { rank: QueueRank.closed, at: record.createdAt };
  const input = stageInput(record);
  if (!input) return { rank: QueueRank.nothing_due, at: record.createdAt };
  const open = (input.pauses ?? []).find((p) => p.to === null);
  try {
    // A stopped clock is read as it stood when it stopped; a running one does not depend on `now`.
    const stoppedAt = open ? open.from : null;
    const due = stageDeadline(calendarOf(input.stage, record.unitId), stoppedAt === null ? input : { ...input, now: stoppedAt });
    // A wait that began after the deadline does not move it: the case is simply late.
    const waiting = stoppedAt !== null && Number(stoppedAt) < due.getTime();
    return { rank: waiting ? QueueRank.waiting : QueueRank.running, at: due.toISOString() };
  } catch {
    return { rank: QueueRank.needs_look, at: record.createdAt };
  }
}
