import type { CaseStatus } from './case-status.ts';
import {
  CASE_STAGE_RULES,
  caseClock,
  type CaseStage,
  type WorkingCalendar,
} from './calendar/index.ts';
import type { CaseEvent, CaseRecord } from './model.ts';

/** The stage whose clock runs in each status; statuses without one have nothing due. */
const STAGE_OF_STATUS: Partial<Record<CaseStatus, CaseStage>> = {
  received: 'classification',
  accepted: 'forwarding',
  forwarded: 'answer',
};

export interface CaseDeadline {
  readonly stage: CaseStage;
  readonly dueAt: string;
  readonly workingDaysLeft: number;
  readonly atRisk: boolean;
  readonly overdue: boolean;
  /** Working days past the deadline; 0 when not overdue. */
  readonly overdueWorkingDays: number;
}

/**
 * The deadline of the case's current stage: classification and forwarding count from receipt, the answer
 * from forwarding (the last `forwarded` event).
 */
export function caseDeadline(
  calendar: WorkingCalendar,
  record: Pick<CaseRecord, 'status' | 'createdAt'>,
  events: readonly Pick<CaseEvent, 'kind' | 'at'>[],
  now: Date,
): CaseDeadline | null {
  const stage = STAGE_OF_STATUS[record.status];
  if (!stage) return null;
  const rule = CASE_STAGE_RULES[stage];
  let start = record.createdAt;
  if (rule.startsAt === 'forwarding') {
    const forwarded = events.filter((e) => e.kind === 'forwarded').at(-1);
    if (!forwarded) return null;
    start = forwarded.at;
  }
  const clock = caseClock(calendar, { start: Date.parse(start), allowanceWorkingDays: rule.allowanceWorkingDays, now });
  return {
    stage,
    dueAt: clock.deadline.toISOString(),
    workingDaysLeft: clock.workingDaysLeft,
    atRisk: clock.atRisk,
    overdue: clock.overdue,
    overdueWorkingDays: clock.overdueBy?.workingDays ?? 0,
  };
}
