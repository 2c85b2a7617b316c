import type { Executor } from './connection.ts';
import { APPROVAL_REPEATS_RECOUNT, COLUMNS, UNIT_DAY_FACTS_FILL, UNIT_DAY_FACTS_RECOUNT, unitMonthFacts } from './migrations/0019-unit-day-facts.ts';
import {
  ANSWER_DAY_COLUMNS,
  SCORE_COLUMNS,
  UNIT_DAY_ANSWER_DAYS_RECOUNT,
  UNIT_DAY_SCORES_RECOUNT,
  UNIT_SCORES_FILL,
  unitMonthAnswerDays,
  unitMonthScores,
} from './migrations/0021-unit-evaluation.ts';

/**
 * The per-unit sums of the evaluation by day and by month (migrations 0019 and 0021), kept by triggers. A bulk loader
 * that writes without them (bench/generate) fills the tables at the end with these statements, the migrations' backfills.
 */
export const UNIT_DAY_FACTS_FILL_STATEMENTS: readonly string[] = [...UNIT_DAY_FACTS_FILL, ...UNIT_SCORES_FILL];

export interface UnitDayFactsComparison {
  /** The rows the triggers kept, zero rows left out, each as JSON, in order. */
  readonly stored: readonly string[];
  /** The same rows recomputed from the letters, events and cases. */
  readonly recounted: readonly string[];
}

async function rowsAsJson(db: Executor, sql: string): Promise<string[]> {
  const result = await db.execute(sql);
  return result.rows.map((row) => JSON.stringify(result.columns.map((c) => row[c])));
}

/** The stored sums and repeats next to a full recount from their sources: equal unless a write was missed. */
export async function compareUnitDayFacts(db: Executor): Promise<UnitDayFactsComparison> {
  const nonZero = COLUMNS.map((c) => `${c} != 0`).join(' OR ');
  const scored = SCORE_COLUMNS.map((c) => `${c} != 0`).join(' OR ');
  const timed = ANSWER_DAY_COLUMNS.map((c) => `${c} != 0`).join(' OR ');
  const stored = [
    ...(await rowsAsJson(db, `SELECT * FROM unit_day_scores WHERE ${scored} ORDER BY day, unit_id`)),
    ...(await rowsAsJson(db, `SELECT * FROM unit_month_scores WHERE ${scored} ORDER BY month, unit_id`)),
    ...(await rowsAsJson(db, `SELECT * FROM unit_day_answer_days WHERE ${timed} ORDER BY day, unit_id`)),
    ...(await rowsAsJson(db, `SELECT * FROM unit_month_answer_days WHERE ${timed} ORDER BY month, unit_id`)),
    ...(await rowsAsJson(db, `SELECT * FROM unit_day_facts WHERE ${nonZero} ORDER BY day, unit_id`)),
    ...(await rowsAsJson(db, `SELECT * FROM unit_month_facts WHERE ${nonZero} ORDER BY month, unit_id`)),
    ...(await rowsAsJson(db, 'SELECT letter_id, unit_id, case_id, day FROM approval_repeats ORDER BY letter_id')),
  ];
  const recounted = [
    ...(await rowsAsJson(db, `SELECT * FROM (${UNIT_DAY_SCORES_RECOUNT}) ORDER BY day, unit_id`)),
    ...(await rowsAsJson(db, `SELECT * FROM (${unitMonthScores(UNIT_DAY_SCORES_RECOUNT)}) ORDER BY month, unit_id`)),
    ...(await rowsAsJson(db, `SELECT * FROM (${UNIT_DAY_ANSWER_DAYS_RECOUNT}) ORDER BY day, unit_id`)),
    ...(await rowsAsJson(db, `SELECT * FROM (${unitMonthAnswerDays(UNIT_DAY_ANSWER_DAYS_RECOUNT)}) ORDER BY month, unit_id`)),
    ...(await rowsAsJson(db, `SELECT * FROM (${UNIT_DAY_FACTS_RECOUNT}) ORDER BY day, unit_id`)),
    ...(await rowsAsJson(db, `SELECT * FROM (${unitMonthFacts(UNIT_DAY_FACTS_RECOUNT)}) ORDER BY month, unit_id`)),
    ...(await rowsAsJson(db, `SELECT * FROM (${APPROVAL_REPEATS_RECOUNT}) ORDER BY letter_id`)),
  ];
  return { stored, recounted };
}
