import { QueueRank, periodInstants, type AnswerTotals, type EvaluationPeriod } from '@pakn/domain';
import { NANODAYS_PER_DAY } from './answer-facts.ts';
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
 * What the per-unit evaluation counts over a period of Vietnamese calendar days (both ends included): letters
 * approved (the cases that received one), answers verified (their timings stored on write, answer-facts.ts),
 * ratings and review requests, all summed from the per-unit, per-day rows that triggers keep (migration 0019);
 * records against units from their index; and the cases of each unit overdue at `nowAt`, from their list keys (a
 * running answer deadline already past; a clock stopped for the citizen is never overdue). Issue 11: reading a
 * year of letters, answers and reviews took 1.3 s at a million cases.
 */
export async function evaluationFacts(db: Executor, period: EvaluationPeriod, nowAt: string) {
  const days = [period.from, period.to];
  const sums = await db.execute({
    sql: `SELECT unit_id, SUM(letters) AS letters, SUM(answers) AS answers, SUM(answers_on_time) AS on_time,
            SUM(answers_timed) AS timed, SUM(answer_nanodays) AS nanodays, SUM(ratings) AS ratings,
            SUM(rating_sum) AS rating_sum, SUM(reviews) AS reviews
          FROM unit_day_facts WHERE day >= ? AND day <= ? GROUP BY unit_id`,
    args: days,
  });
  // A case that received two approved letters from the period counts once.
  const repeats = await db.execute({
    sql: `SELECT unit_id, COUNT(*) - COUNT(DISTINCT case_id) AS n FROM approval_repeats WHERE day >= ? AND day <= ? GROUP BY unit_id`,
    args: days,
  });
  const repeated = new Map(repeats.rows.map((row) => [str(row, 'unit_id'), num(row, 'n')]));

  const received = keyedByUnit<number>();
  const answers = keyedByUnit<AnswerTotals>();
  const ratings = keyedByUnit<{ sum: number; count: number }>();
  const reviewsRequested = keyedByUnit<number>();
  for (const row of sums.rows) {
    const unitId = str(row, 'unit_id');
    const letters = num(row, 'letters') - (repeated.get(unitId) ?? 0);
    if (letters > 0) received[unitId] = letters;
    if (num(row, 'answers') > 0) {
      answers[unitId] = {
        count: num(row, 'answers'),
        onTime: num(row, 'on_time'),
        days: num(row, 'nanodays') / NANODAYS_PER_DAY,
        timed: num(row, 'timed'),
      };
    }
    if (num(row, 'ratings') > 0) ratings[unitId] = { sum: num(row, 'rating_sum'), count: num(row, 'ratings') };
    if (num(row, 'reviews') > 0) reviewsRequested[unitId] = num(row, 'reviews');
  }

  const overdueNow = keyedByUnit<number>();
  const overdueRows = await db.execute({
    sql: `SELECT unit_id, COUNT(*) AS n FROM cases
          WHERE status IN ${ANSWERING} AND queue_rank = ${QueueRank.running} AND queue_at < ? AND unit_id IS NOT NULL GROUP BY unit_id`,
    args: [nowAt],
  });
  for (const row of overdueRows.rows) overdueNow[str(row, 'unit_id')] = num(row, 'n');

  const { start, end } = periodInstants(period);
  const records = keyedByUnit<Counts>();
  const recordRows = await db.execute({
    sql: 'SELECT unit_id, kind, COUNT(*) AS n FROM unit_records WHERE at >= ? AND at < ? GROUP BY unit_id, kind',
    args: [start.toISOString(), end.toISOString()],
  });
  for (const row of recordRows.rows) (records[str(row, 'unit_id')] ??= {})[str(row, 'kind')] = num(row, 'n');

  return { received, answers, overdueNow, records, ratings, reviewsRequested };
}
