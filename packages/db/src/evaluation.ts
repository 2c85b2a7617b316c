import { QueueRank, type AnswerTotals } from '@pakn/domain';
import { AnswerState, NANODAYS_PER_DAY } from './answer-facts.ts';
import type { Executor } from './connection.ts';
import { num, str } from './rows.ts';

type Counts = Record<string, number>;

/** Maps keyed by unit id have no prototype: an admin may name a unit `constructor` (issue 9). */
function keyedByUnit<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The statuses whose clock is the unit's answer (currentStage in the domain). */
const ANSWERING = `('forwarded', 'in_progress', 'info_requested')`;

/**
 * What the per-unit evaluation counts between two instants (from included, to excluded), each from an index
 * range (issue 11): letters approved, answers verified (their timings stored on write, answer-facts.ts), records
 * against units, ratings, review requests; and the cases of each unit overdue at `nowAt`, from their list keys
 * (a running answer deadline already past; a clock stopped for the citizen is never overdue).
 */
export async function evaluationFacts(db: Executor, fromAt: string, toAt: string, nowAt: string) {
  const range = [fromAt, toAt];
  const received = keyedByUnit<number>();
  const letters = await db.execute({
    sql: `SELECT unit_id, COUNT(DISTINCT case_id) AS n FROM letters
          WHERE status = 'approved' AND decided_at >= ? AND decided_at < ? GROUP BY unit_id`,
    args: range,
  });
  for (const row of letters.rows) received[str(row, 'unit_id')] = num(row, 'n');

  const answers = keyedByUnit<AnswerTotals>();
  const answerRows = await db.execute({
    sql: `SELECT answer_unit_id AS unit_id, COUNT(*) AS n, IFNULL(SUM(answer_on_time), 0) AS on_time,
            IFNULL(SUM(answer_nanodays), 0) AS nanodays, SUM(answer_state = ${AnswerState.timed}) AS timed
          FROM case_events WHERE kind = 'answered' AND at >= ? AND at < ? AND answer_state > ${AnswerState.notCounted}
          GROUP BY answer_unit_id`,
    args: range,
  });
  for (const row of answerRows.rows) {
    answers[str(row, 'unit_id')] = {
      count: num(row, 'n'),
      onTime: num(row, 'on_time'),
      days: num(row, 'nanodays') / NANODAYS_PER_DAY,
      timed: num(row, 'timed'),
    };
  }

  const overdueNow = keyedByUnit<number>();
  const overdueRows = await db.execute({
    sql: `SELECT unit_id, COUNT(*) AS n FROM cases
          WHERE status IN ${ANSWERING} AND queue_rank = ${QueueRank.running} AND queue_at < ? AND unit_id IS NOT NULL GROUP BY unit_id`,
    args: [nowAt],
  });
  for (const row of overdueRows.rows) overdueNow[str(row, 'unit_id')] = num(row, 'n');
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

  return { received, answers, overdueNow, records, ratings, reviewsRequested };
}
