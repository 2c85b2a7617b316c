import type { AnsweredCaseFacts, Extension, Pause } from '@pakn/domain';
import type { Executor } from './connection.ts';
import { num, str, strOrNull } from './rows.ts';

type Counts = Record<string, number>;

/** Maps keyed by unit id have no prototype: an admin may name a unit `constructor` (issue 9). */
function keyedByUnit<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * What the per-unit evaluation counts between two instants (from included, to excluded), read straight
 * from the history: letters approved, answers verified, records against units, ratings, review requests.
 * Overdue-now is not here: it needs each case's live deadline, which the API computes.
 */
export async function evaluationFacts(db: Executor, fromAt: string, toAt: string) {
  const range = [fromAt, toAt];
  const received = keyedByUnit<number>();
  const letters = await db.execute({
    sql: `SELECT unit_id, COUNT(DISTINCT case_id) AS n FROM letters
          WHERE status = 'approved' AND decided_at >= ? AND decided_at < ? GROUP BY unit_id`,
    args: range,
  });
  for (const row of letters.rows) received[str(row, 'unit_id')] = num(row, 'n');

  // The unit's answer is the last one it sent before the Centre verified it (a returned answer is redone).
  const answeredRows = await db.execute({
    sql: `SELECT c.unit_id, c.forwarded_at, c.pauses, c.extension_status, c.extension_days, c.extension_reason,
            (SELECT MAX(s.at) FROM case_events AS s WHERE s.case_id = c.id AND s.kind = 'answer_submitted' AND s.at <= e.at) AS submitted_at
          FROM case_events AS e JOIN cases AS c ON c.id = e.case_id
          WHERE e.kind = 'answered' AND e.at >= ? AND e.at < ? AND c.unit_id IS NOT NULL AND c.forwarded_at IS NOT NULL`,
    args: range,
  });
  const answered: AnsweredCaseFacts[] = answeredRows.rows.map((row) => ({
    unitId: str(row, 'unit_id'),
    forwardedAt: str(row, 'forwarded_at'),
    submittedAt: strOrNull(row, 'submitted_at') ?? str(row, 'forwarded_at'),
    pauses: JSON.parse(str(row, 'pauses')) as Pause[],
    extension: row.extension_status
      ? { status: str(row, 'extension_status') as Extension['status'], days: num(row, 'extension_days'), reason: str(row, 'extension_reason') }
      : null,
  }));

  const records = keyedByUnit<Counts>();
  const recordRows = await db.execute({
    sql: 'SELECT unit_id, kind, COUNT(*) AS n FROM unit_records WHERE at >= ? AND at < ? GROUP BY unit_id, kind',
    args: range,
  });
  for (const row of recordRows.rows) (records[str(row, 'unit_id')] ??= {})[str(row, 'kind')] = num(row, 'n');

  const ratings = keyedByUnit<{ sum: number; count: number }>();
  const ratingRows = await db.execute({
    sql: `SELECT unit_id, SUM(rating_score) AS total, COUNT(*) AS n FROM cases
          WHERE rated_at >= ? AND rated_at < ? AND unit_id IS NOT NULL AND rating_score IS NOT NULL GROUP BY unit_id`,
    args: range,
  });
  for (const row of ratingRows.rows) ratings[str(row, 'unit_id')] = { sum: num(row, 'total'), count: num(row, 'n') };

  const reviewsRequested = keyedByUnit<number>();
  const reviewRows = await db.execute({
    sql: `SELECT c.unit_id, COUNT(*) AS n FROM case_events AS e JOIN cases AS c ON c.id = e.case_id
          WHERE e.kind = 'review_requested' AND e.at >= ? AND e.at < ? AND c.unit_id IS NOT NULL GROUP BY c.unit_id`,
    args: range,
  });
  for (const row of reviewRows.rows) reviewsRequested[str(row, 'unit_id')] = num(row, 'n');

  return { received, answered, records, ratings, reviewsRequested };
}
