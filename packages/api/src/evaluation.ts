import { evaluationFacts, listCases, listUnits } from '@pakn/db';
import { evaluateUnits, periodInstants, type EvaluationPeriod, type UnitEvaluationRow, type WorkingCalendar } from '@pakn/domain';
import type { ApiServices } from './context.ts';
import { deadlineOf } from './deadlines.ts';

const HANDLING = ['forwarded', 'in_progress', 'info_requested'] as const;

/**
 * The per-unit evaluation for a period, on each unit's working calendar. "Overdue now" is measured at the
 * service clock's now, like the follow-up page, whatever the period.
 */
export async function unitEvaluation(services: ApiServices, period: EvaluationPeriod): Promise<UnitEvaluationRow[]> {
  const { db } = services;
  const { start, end } = periodInstants(period);
  const now = services.now();
  const [units, facts, open] = await Promise.all([
    listUnits(db),
    evaluationFacts(db, start.toISOString(), end.toISOString()),
    listCases(db, { statuses: HANDLING, limit: 100_000 }),
  ]);
  // No prototype: a unit may be called `constructor` (issue 9).
  const overdueNow = Object.create(null) as Record<string, number>;
  for (const record of open) {
    if (!record.unitId) continue;
    if ((await deadlineOf(services, record, now))?.overdue) overdueNow[record.unitId] = (overdueNow[record.unitId] ?? 0) + 1;
  }
  const calendars = new Map<string, WorkingCalendar>();
  for (const unitId of new Set(facts.answered.map((a) => a.unitId))) calendars.set(unitId, await services.calendars.forUnit(unitId));
  return evaluateUnits({ units, ...facts, overdueNow }, (unitId) => {
    const calendar = calendars.get(unitId);
    if (!calendar) throw new Error(`No calendar loaded for unit ${unitId}`);
    return calendar;
  });
}
