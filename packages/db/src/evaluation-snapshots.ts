import { EvaluationScoringSchema, type EvaluationPeriod, type EvaluationScoring, type ScoredUnitRow } from '@pakn/domain';
import type { Executor } from './connection.ts';
import { num, str } from './rows.ts';

/**
 * The scoring an admin set, and the evaluations signed with it (migration 0021). A snapshot holds its rows and the
 * weights they were scored with as they were, so it reads the same after the weights or the facts change.
 */

/** The scoring in force, or null when no admin has set one yet (the caller falls back to DEFAULT_SCORING). */
export async function getEvaluationScoring(db: Executor): Promise<EvaluationScoring | null> {
  const row = (await db.execute('SELECT weights, minimum_cases FROM evaluation_settings WHERE id = 1')).rows[0];
  if (!row) return null;
  const parsed = EvaluationScoringSchema.safeParse({ weights: JSON.parse(str(row, 'weights')) as unknown, minimumCases: num(row, 'minimum_cases') });
  return parsed.success ? parsed.data : null;
}

export async function setEvaluationScoring(tx: Executor, scoring: EvaluationScoring, staffId: string, at: string): Promise<void> {
  await tx.execute({
    sql: `INSERT INTO evaluation_settings (id, weights, minimum_cases, updated_at, updated_by) VALUES (1, ?, ?, ?, ?)
          ON CONFLICT (id) DO UPDATE SET weights = excluded.weights, minimum_cases = excluded.minimum_cases,
            updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    args: [JSON.stringify(scoring.weights), scoring.minimumCases, at, staffId],
  });
}

export interface SavedEvaluationSummary {
  readonly id: string;
  readonly period: EvaluationPeriod;
  readonly title: string;
  readonly signedBy: string;
  readonly signedAt: string;
}

export interface SavedEvaluation extends SavedEvaluationSummary {
  readonly scoring: EvaluationScoring;
  readonly rows: readonly ScoredUnitRow[];
}

export interface NewSavedEvaluation {
  readonly id: string;
  readonly period: EvaluationPeriod;
  readonly title: string;
  readonly scoring: EvaluationScoring;
  readonly rows: readonly ScoredUnitRow[];
  readonly signedById: string;
  readonly signedAt: string;
}

export async function saveEvaluationSnapshot(tx: Executor, s: NewSavedEvaluation): Promise<void> {
  await tx.execute({
    sql: `INSERT INTO evaluation_snapshots (id, period_from, period_to, weights, minimum_cases, rows, title, signed_by, signed_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [
      s.id,
      s.period.from,
      s.period.to,
      JSON.stringify(s.scoring.weights),
      s.scoring.minimumCases,
      JSON.stringify(s.rows),
      s.title,
      s.signedById,
      s.signedAt,
    ],
  });
}

const SUMMARY = `SELECT v.id, v.period_from, v.period_to, v.title, v.signed_at, s.display_name AS signed_by
  FROM evaluation_snapshots AS v JOIN staff AS s ON s.id = v.signed_by`;

function summaryOf(row: Record<string, unknown>): SavedEvaluationSummary {
  return {
    id: String(row.id),
    period: { from: String(row.period_from), to: String(row.period_to) },
    title: String(row.title),
    signedBy: String(row.signed_by),
    signedAt: String(row.signed_at),
  };
}

/** The saved evaluations, newest first (a few a year: no paging). */
export async function listEvaluationSnapshots(db: Executor): Promise<SavedEvaluationSummary[]> {
  return (await db.execute(`${SUMMARY} ORDER BY v.signed_at DESC, v.id`)).rows.map((row) => summaryOf(row));
}

export async function getEvaluationSnapshot(db: Executor, id: string): Promise<SavedEvaluation | null> {
  const row = (
    await db.execute({
      sql: `SELECT v.weights, v.minimum_cases, v.rows, x.* FROM (${SUMMARY}) AS x JOIN evaluation_snapshots AS v ON v.id = x.id WHERE x.id = ?`,
      args: [id],
    })
  ).rows[0];
  if (!row) return null;
  return {
    ...summaryOf(row),
    scoring: { weights: JSON.parse(str(row, 'weights')) as EvaluationScoring['weights'], minimumCases: num(row, 'minimum_cases') },
    rows: JSON.parse(str(row, 'rows')) as ScoredUnitRow[],
  };
}
