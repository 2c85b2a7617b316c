import { caseDeadline, currentStage, type CaseDeadline, type CaseRecord } from '@pakn/domain';
import type { ApiServices } from './context.ts';

/**
 * The deadline of a case's current stage, on the calendar of whoever works that stage; null when nothing is due
 * or when the case's dates cannot be placed on the calendar (see `deadlineOrWarning`).
 */
export async function deadlineOf(services: ApiServices, record: CaseRecord, now: Date): Promise<CaseDeadline | null> {
  return (await deadlineOrWarning(services, record, now)).deadline;
}

/** Why a case is shown without a part of its view: the portal explains it on the row. */
export type PresentationWarning = 'deadline_unavailable';

/** Case ids whose failure was already logged: a list refreshed every minute must not flood the log. */
const reported = new Set<string>();
const REPORTED_MAX = 10_000;

/** Logs a row that cannot be presented in full, once per case and process, with its id and never its citizen. */
function reportUnpresentable(caseId: string, what: PresentationWarning, error: unknown): void {
  const key = `${what}:${caseId}`;
  if (reported.has(key)) return;
  if (reported.size >= REPORTED_MAX) reported.clear();
  reported.add(key);
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown';
  console.error(`[api] case ${caseId}: ${what} (${detail})`);
}

/**
 * The deadline, or a warning when the stored dates cannot be placed on the working calendar (a case dated in
 * the year 1200, before the calendar's range, exists in real databases): one bad row must never take a whole
 * list, an export or the case page down. Loading the calendars is not guarded: a database failure is not a
 * bad row, and stays an error.
 */
export async function deadlineOrWarning(
  services: ApiServices,
  record: CaseRecord,
  now: Date,
): Promise<{ deadline: CaseDeadline | null; warning: PresentationWarning | null }> {
  const stage = currentStage(record);
  if (!stage) return { deadline: null, warning: null };
  const calendar = stage === 'answer' ? await services.calendars.forUnit(record.unitId) : await services.calendars.centre();
  try {
    return { deadline: caseDeadline(calendar, record, now), warning: null };
  } catch (error) {
    reportUnpresentable(record.id, 'deadline_unavailable', error);
    return { deadline: null, warning: 'deadline_unavailable' };
  }
}
