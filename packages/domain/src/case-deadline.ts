import type { CaseStatus } from './case-status.ts';
import { CASE_STAGE_RULES, caseClock, type CaseStage, type WorkingCalendar } from './calendar/index.ts';
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

/**
 * The deadline of the case's current stage: classification and forwarding count from receipt, the answer
 * from forwarding. Pass the calendar of whoever works the stage: the Centre's, or the handling unit's.
 */
export function caseDeadline(
  calendar: WorkingCalendar,
  record: Pick<CaseRecord, 'status' | 'createdAt' | 'forwardedAt'> & Partial<Pick<CaseRecord, 'pauses' | 'extension'>>,
  now: Date,
): CaseDeadline | null {
  const stage = currentStage(record);
  if (!stage) return null;
  const rule = CASE_STAGE_RULES[stage];
  const start = rule.startsAt === 'forwarding' ? record.forwardedAt : record.createdAt;
  if (!start) return null;
  const answering = stage === 'answer';
  const clock = caseClock(calendar, {
    start: Date.parse(start),
    allowanceWorkingDays: rule.allowanceWorkingDays,
    // Only the unit's clock stops while the citizen is asked for more, and only it may be extended.
    pauses: answering ? (record.pauses ?? []).map((p) => ({ from: Date.parse(p.from), to: p.to ? Date.parse(p.to) : null })) : [],
    extensionWorkingDays: answering && record.extension?.status === 'approved' ? record.extension.days : 0,
    now,
  });
  return {
    stage,
    paused: clock.paused,
    dueAt: clock.deadline.toISOString(),
    workingDaysLeft: clock.workingDaysLeft,
    atRisk: clock.atRisk,
    overdue: clock.overdue,
    overdueWorkingDays: clock.overdueBy?.workingDays ?? 0,
  };
}
