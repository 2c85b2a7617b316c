import { evaluationFacts, listUnits } from '@pakn/db';
import { evaluateUnits, type EvaluationPeriod, type UnitEvaluationRow } from '@pakn/domain';
import type { ApiServices } from './context.ts';

/**
 * The per-unit evaluation for a period, on each unit's working calendar. "Overdue now" is measured at the
 * service clock's now, like the follow-up page, whatever the period. Every figure is read from sums and columns
 * kept on write (per-unit daily sums, answer timings, list keys): no case is loaded (issue 11).
 */
export async function unitEvaluation(services: ApiServices, period: EvaluationPeriod): Promise<UnitEvaluationRow[]> {
  const { db } = services;
  const [units, facts] = await Promise.all([listUnits(db), evaluationFacts(db, period, services.now().toISOString())]);
  return evaluateUnits({ units, ...facts });
}
