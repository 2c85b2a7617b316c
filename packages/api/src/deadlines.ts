import { caseDeadline, currentStage, type CaseDeadline, type CaseRecord } from '@pakn/domain';
import type { ApiServices } from './context.ts';

/** The deadline of a case's current stage, on the calendar of whoever works that stage. */
export async function deadlineOf(services: ApiServices, record: CaseRecord, now: Date): Promise<CaseDeadline | null> {
  const stage = currentStage(record);
  if (!stage) return null;
  const calendar = stage === 'answer' ? await services.calendars.forUnit(record.unitId) : await services.calendars.centre();
  return caseDeadline(calendar, record, now);
}

/** Sooner deadlines first; cases with nothing due after them, oldest first. */
export function byDeadline<T extends { deadline: CaseDeadline | null; createdAt: string }>(a: T, b: T): number {
  if (a.deadline && b.deadline) return a.deadline.dueAt.localeCompare(b.deadline.dueAt);
  if (a.deadline) return -1;
  if (b.deadline) return 1;
  return a.createdAt.localeCompare(b.createdAt);
}
