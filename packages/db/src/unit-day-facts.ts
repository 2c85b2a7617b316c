import type { Executor } from './connection.ts';
import { APPROVAL_REPEATS_RECOUNT, UNIT_DAY_FACTS_FILL, UNIT_DAY_FACTS_RECOUNT } from './migrations/0019-unit-day-facts.ts';

/**
 * The per-unit, per-day sums of the evaluation (migration 0019), kept by triggers. A bulk loader that writes
 * without them (bench/generate) fills both tables at the end with these statements, the migration's backfill.
 */
export const UNIT_DAY_FACTS_FILL_STATEMENTS: readonly string[] = UNIT_DAY_FACTS_FILL;

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
  const stored = [
    ...(await rowsAsJson(
      db,
      `SELECT * FROM unit_day_facts WHERE letters != 0 OR answers != 0 OR ratings != 0 OR reviews != 0
         OR answers_on_time != 0 OR answers_timed != 0 OR answer_nanodays != 0 OR rating_sum != 0 ORDER BY day, unit_id`,
    )),
    ...(await rowsAsJson(db, 'SELECT letter_id, unit_id, case_id, day FROM approval_repeats ORDER BY letter_id')),
  ];
  const recounted = [
    ...(await rowsAsJson(db, `SELECT * FROM (${UNIT_DAY_FACTS_RECOUNT}) ORDER BY day, unit_id`)),
    ...(await rowsAsJson(db, `SELECT * FROM (${APPROVAL_REPEATS_RECOUNT}) ORDER BY letter_id`)),
  ];
  return { stored, recounted };
}
