/**
 * The score and rank of each unit in an evaluation (issue 12): criteria each measured from 0 to 1, weighted by the
 * admin's weights, 0–100 in all. A criterion a unit has no figure for (no ratings, no answers) is left out of its
 * weighted mean rather than counted as zero. A unit with fewer cases received than the minimum is neither scored
 * nor ranked ("chưa đủ số liệu"): a unit is never judged on two cases. Pure.
 */
import * as z from 'zod/mini';
import type { Text } from './i18n.ts';
import type { UnitEvaluationRow } from './unit-evaluation.ts';
import { EvaluationPeriodInputSchema } from './unit-evaluation.ts';

export const SCORING_CRITERIA = ['onTime', 'answered', 'satisfaction', 'reviews', 'reprimands'] as const;
export type ScoringCriterion = (typeof SCORING_CRITERIA)[number];

export const SCORING_CRITERION_LABELS: Readonly<Record<ScoringCriterion, Text>> = {
  onTime: { vi: 'Tỷ lệ trả lời đúng hạn', en: 'Answered on time (rate)' },
  answered: { vi: 'Tỷ lệ đã trả lời trên số thuộc thẩm quyền', en: 'Answered per case in scope' },
  satisfaction: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
  reviews: { vi: 'Ít đề nghị xem xét lại', en: 'Few reviews requested' },
  reprimands: { vi: 'Ít bị nhắc nhở', en: 'Few reprimands' },
};

const weight = z.number().check(z.int(), z.minimum(0), z.maximum(100));

export const EvaluationScoringSchema = z
  .object({
    weights: z.object({ onTime: weight, answered: weight, satisfaction: weight, reviews: weight, reprimands: weight }),
    minimumCases: z.number().check(z.int(), z.minimum(0), z.maximum(100_000)),
  })
  .check(z.refine((s) => SCORING_CRITERIA.some((c) => s.weights[c] > 0), { error: 'no_weight', path: ['weights'] }));
export type EvaluationScoring = z.infer<typeof EvaluationScoringSchema>;

/** The scoring before an admin sets one: timeliness first, as the Centre's mandate says. */
export const DEFAULT_SCORING: EvaluationScoring = {
  weights: { onTime: 40, answered: 20, satisfaction: 20, reviews: 10, reprimands: 10 },
  minimumCases: 5,
};

/** An evaluation signed for the record: the period, a title, and the scoring in force (the rows are computed). */
export const SaveEvaluationInputSchema = z.object({
  period: EvaluationPeriodInputSchema,
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
});

export const SavedEvaluationIdSchema = z.object({ id: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)) });

export interface ScoredUnitRow extends UnitEvaluationRow {
  /** 0–100, one decimal; null when the unit has too few cases or no figure for any weighted criterion. */
  readonly score: number | null;
  /** 1 is best; equal scores share a rank; null when not ranked. */
  readonly rank: number | null;
  /** False when the unit received fewer cases than the minimum ("chưa đủ số liệu"). */
  readonly enoughData: boolean;
}

const ratio = (part: number, whole: number) => Math.min(1, part / whole);

/** Each criterion of a row from 0 (worst) to 1 (best), or null when the row has no figure for it. */
export function criterionValues(row: UnitEvaluationRow): Record<ScoringCriterion, number | null> {
  return {
    onTime: row.onTimeRate,
    answered: row.inScope > 0 ? ratio(row.answered, row.inScope) : null,
    satisfaction: row.averageRating === null ? null : (row.averageRating - 1) / 4,
    reviews: row.answered > 0 ? 1 - ratio(row.reviewsRequested, row.answered) : null,
    reprimands: row.received > 0 ? 1 - ratio(row.reprimands, row.received) : null,
  };
}

function scoreOf(row: UnitEvaluationRow, scoring: EvaluationScoring): number | null {
  const values = criterionValues(row);
  let weighted = 0;
  let weights = 0;
  for (const criterion of SCORING_CRITERIA) {
    const value = values[criterion];
    const w = scoring.weights[criterion];
    if (value === null || w === 0) continue;
    weighted += w * value;
    weights += w;
  }
  return weights === 0 ? null : Math.round((1000 * weighted) / weights) / 10;
}

/** The rows with their scores and ranks, in the rows' order. */
export function scoreUnits(rows: readonly UnitEvaluationRow[], scoring: EvaluationScoring): ScoredUnitRow[] {
  const scored = rows.map((row) => {
    const enoughData = row.received >= scoring.minimumCases;
    return { ...row, enoughData, score: enoughData ? scoreOf(row, scoring) : null, rank: null as number | null };
  });
  const ranked = scored.filter((r) => r.score !== null).sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  ranked.forEach((row, i) => {
    const previous = ranked[i - 1];
    row.rank = previous && previous.score === row.score ? previous.rank : i + 1;
  });
  return scored;
}
