import type { Migration } from './migration.ts';

/**
 * Issue 11: the unit evaluation reads indexed columns, never a correlated subquery over the case events.
 * Each `answered` event carries what the evaluation counts of it (see answer-facts.ts): the handling unit, whether
 * the unit's answer was on time and the working days it took, both computed once by the domain's `answerTiming`
 * on the unit's calendar. The timing needs the working calendar, which SQL cannot compute: `answer_state` NULL
 * means "not computed yet", and migrate.ts computes those at start (the backfill of existing rows).
 * `answer_state`: 0 not counted (no unit or no forwarding), 1 counted without timing (dates off the calendar),
 * 2 counted and timed. `answer_nanodays` is the working days in billionths (the clock's own precision), so a sum
 * is exact. Every other evaluation query gets an index that makes it a range scan;
 * "overdue now" counts the list keys of migration 0014 (cases_status_queue).
 */
export const evaluationFacts: Migration = {
  version: 17,
  name: 'evaluation-facts',
  statements: [
    `ALTER TABLE case_events ADD COLUMN answer_state INTEGER`,
    `ALTER TABLE case_events ADD COLUMN answer_unit_id TEXT`,
    `ALTER TABLE case_events ADD COLUMN answer_on_time INTEGER`,
    `ALTER TABLE case_events ADD COLUMN answer_nanodays INTEGER`,
    // `kind` is repeated as a column so that the index covers the query (SQLite reads the row to check it otherwise).
    `CREATE INDEX case_events_answered ON case_events(at, answer_state, answer_unit_id, answer_on_time, answer_nanodays, kind)
      WHERE kind = 'answered'`,
    `CREATE INDEX case_events_answer_missing ON case_events(case_id) WHERE kind = 'answered' AND answer_state IS NULL`,
    // Partial, like the one above: a plain (kind, at) index would tempt the planner away from the covering one.
    `CREATE INDEX case_events_reviews ON case_events(at, case_id, kind) WHERE kind = 'review_requested'`,
    `CREATE INDEX letters_decided ON letters(status, decided_at, unit_id, case_id)`,
    `CREATE INDEX cases_rated ON cases(rated_at, unit_id, rating_score) WHERE rated_at IS NOT NULL`,
    `CREATE INDEX unit_records_at ON unit_records(at, unit_id, kind)`,
  ],
};
