import { randomUUID } from 'node:crypto';
import {
  evaluationFacts,
  getEvaluationScoring,
  getEvaluationSnapshot,
  listEvaluationSnapshots,
  listUnits,
  saveEvaluationSnapshot,
  setEvaluationScoring,
} from '@pakn/db';
import {
  DEFAULT_SCORING,
  DomainError,
  EvaluationPeriodInputSchema,
  EvaluationScoringSchema,
  evaluateUnits,
  SaveEvaluationInputSchema,
  SavedEvaluationIdSchema,
  scoreUnits,
  type EvaluationPeriod,
  type EvaluationScoring,
  type ScoredUnitRow,
  type UnitEvaluationRow,
} from '@pakn/domain';
import { auditStaff } from './audit.ts';
import { reportCutOffDay } from './report-cut-off.ts';
import type { ApiServices } from './context.ts';
import { requirePermission, staffMutation, staffQuery } from './trpc.ts';

/**
 * The per-unit evaluation for a period, on each unit's working calendar. "Overdue now" is measured at the
 * service clock's now, like the follow-up page, whatever the period. Every figure is read from sums and columns
 * kept on write (per-unit daily sums, answer timings, list keys): no case is loaded (issue 11).
 */
async function unitEvaluation(services: ApiServices, period: EvaluationPeriod): Promise<UnitEvaluationRow[]> {
  const { db } = services;
  const [units, facts] = await Promise.all([listUnits(db), evaluationFacts(db, period, services.now().toISOString())]);
  return evaluateUnits({ units, ...facts });
}

export interface ScoredEvaluation {
  readonly period: EvaluationPeriod;
  readonly scoring: EvaluationScoring;
  readonly rows: readonly ScoredUnitRow[];
}

/** The evaluation scored with the scoring in force (the default until an admin sets one). */
export async function scoredEvaluation(services: ApiServices, period: EvaluationPeriod): Promise<ScoredEvaluation> {
  const [rows, stored] = await Promise.all([unitEvaluation(services, period), getEvaluationScoring(services.db)]);
  const scoring = stored ?? DEFAULT_SCORING;
  return { period, scoring, rows: scoreUnits(rows, scoring) };
}

/**
 * The evaluation's procedures (in the `unit` router). Reading needs `readEvaluation`; the scoring is the
 * administrator's; signing one for the record is the Director's, who judges units (reprimands, commendations).
 * A saved evaluation keeps its rows and weights as they were: opening it never recomputes.
 */
export const evaluationProcedures = {
  /** How each unit served people over a period (both dates included, Vietnamese calendar days), scored and ranked. */
  evaluation: staffQuery.input(EvaluationPeriodInputSchema).query(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'readEvaluation');
    // With the reporting cut-off day the admin set, from which the page offers the reporting periods.
    const [scored, cutOffDay] = await Promise.all([scoredEvaluation(ctx.services, input), reportCutOffDay(ctx.services.db)]);
    return { ...scored, cutOffDay };
  }),

  evaluationScoring: staffQuery.query(async ({ ctx }) => {
    if (ctx.staff.role !== 'admin') requirePermission(ctx.staff, 'readEvaluation');
    return (await getEvaluationScoring(ctx.services.db)) ?? DEFAULT_SCORING;
  }),

  setEvaluationScoring: staffMutation.input(EvaluationScoringSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'administer');
    const before = (await getEvaluationScoring(ctx.services.db)) ?? DEFAULT_SCORING;
    await ctx.services.db.write(async (tx) => {
      await setEvaluationScoring(tx, input, ctx.staff.id, ctx.services.now().toISOString());
      await auditStaff(tx, ctx, { action: 'evaluation.scoring', entityType: 'evaluation', entityId: null, before, after: input });
    });
    return input;
  }),

  saveEvaluation: staffMutation.input(SaveEvaluationInputSchema).mutation(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'judgeUnit');
    const evaluation = await scoredEvaluation(ctx.services, input.period);
    const id = randomUUID();
    await ctx.services.db.write(async (tx) => {
      await saveEvaluationSnapshot(tx, {
        id,
        period: input.period,
        title: input.title,
        scoring: evaluation.scoring,
        rows: evaluation.rows,
        signedById: ctx.staff.id,
        signedAt: ctx.services.now().toISOString(),
      });
      await auditStaff(tx, ctx, {
        action: 'evaluation.saved',
        entityType: 'evaluation',
        entityId: id,
        after: { period: input.period, scoring: evaluation.scoring, units: evaluation.rows.length },
      });
    });
    return { id };
  }),

  savedEvaluations: staffQuery.query(({ ctx }) => {
    requirePermission(ctx.staff, 'readEvaluation');
    return listEvaluationSnapshots(ctx.services.db);
  }),

  savedEvaluation: staffQuery.input(SavedEvaluationIdSchema).query(async ({ ctx, input }) => {
    requirePermission(ctx.staff, 'readEvaluation');
    const saved = await getEvaluationSnapshot(ctx.services.db, input.id);
    if (!saved) throw new DomainError('not_found', 'No such saved evaluation');
    return saved;
  }),
};
