import { QueueRank, type AnswerTotals, type EvaluationPeriod } from '@pakn/domain';
import { NANODAYS_PER_DAY } from './answer-facts.ts';
import { RECORD_KINDS } from './migrations/0019-unit-day-facts.ts';
import type { Executor } from './connection.ts';
import { num, str } from './rows.ts';

type Counts = Record<string, number>;

/** Maps keyed by unit id have no prototype: an admin may name a unit `constructor` (issue 9). */
function keyedByUnit<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The statuses whose clock is the unit's answer (currentStage in the domain). */
const ANSWERING = `('forwarded', 'in_progress', 'info_requested')`;

const SUMS = `SUM(letters) AS letters, SUM(answers) AS answers, SUM(answers_on_time) AS on_time, SUM(answers_timed) AS timed,
  SUM(answer_nanodays) AS nanodays, SUM(ratings) AS ratings, SUM(rating_sum) AS rating_sum, SUM(reviews) AS reviews,
  ${RECORD_KINDS.map((k) => `SUM(${k}s) AS ${k}s`).join(', ')}`;

const SUMMED = ['letters', 'answers', 'on_time', 'timed', 'nanodays', 'ratings', 'rating_sum', 'reviews', ...RECORD_KINDS.map((k) => `${k}s`)];

const DAY_MS = 86_400_000;
const dayAt = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const startOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The month (`YYYY-MM`) after one. */
function monthAfter(month: string): string {
  const [year = 0, m = 0] = month.split('-').map(Number);
  return dayAt(Date.UTC(year, m, 1)).slice(0, 7);
}

/**
 * A period of days as whole months (`YYYY-MM`, both included) and the days outside them: a year is read as 12
 * monthly rows a unit plus the days of the months it starts and ends in, not 365 daily rows.
 */
export function periodParts(from: string, to: string): { months: [string, string] | null; days: [string, string][] } {
  const firstMonth = from.endsWith('-01') ? from.slice(0, 7) : monthAfter(from.slice(0, 7));
  const endsMonth = dayAt(startOf(to) + DAY_MS).endsWith('-01');
  const lastMonth = endsMonth ? to.slice(0, 7) : dayAt(startOf(`${to.slice(0, 7)}-01`) - DAY_MS).slice(0, 7);
  if (firstMonth > lastMonth) return { months: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (!from.endsWith('-01')) days.push([from, dayAt(startOf(`${firstMonth}-01`) - DAY_MS)]);
  if (!endsMonth) days.push([`${to.slice(0, 7)}-01`, to]);
  return { months: [firstMonth, lastMonth], days };
}

/**
 * What the per-unit evaluation counts over a period of Vietnamese calendar days (both ends included): letters
 * approved (the cases that received one), answers verified (their timings stored on write, answer-facts.ts),
 * ratings, review requests and records against units, all summed from the per-unit rows by month and by day that
 * triggers keep (migration 0019); and the cases of each unit overdue at `nowAt`, from their list keys (a running
 * answer deadline already past; a clock stopped for the citizen is never overdue). Issue 11: reading a year of
 * letters, answers and reviews took 1.3 s at a million cases.
 */
export async function evaluationFacts(db: Executor, period: EvaluationPeriod, nowAt: string) {
  const parts = periodParts(period.from, period.to);
  const reads = [
    ...(parts.months ? [{ sql: `SELECT unit_id, ${SUMS} FROM unit_month_facts WHERE month >= ? AND month <= ? GROUP BY unit_id`, args: parts.months }] : []),
    ...parts.days.map((range) => ({ sql: `SELECT unit_id, ${SUMS} FROM unit_day_facts WHERE day >= ? AND day <= ? GROUP BY unit_id`, args: range })),
  ];
  const totals = new Map<string, Record<string, number>>();
  for (const read of reads) {
    for (const row of (await db.execute(read)).rows) {
      const unit = totals.get(str(row, 'unit_id')) ?? Object.fromEntries(SUMMED.map((c) => [c, 0]));
      for (const c of SUMMED) unit[c] = (unit[c] ?? 0) + num(row, c);
      totals.set(str(row, 'unit_id'), unit);
    }
  }
  // A case that received two approved letters from the period counts once.
  const repeats = await db.execute({
    sql: `SELECT unit_id, COUNT(*) - COUNT(DISTINCT case_id) AS n FROM approval_repeats WHERE day >= ? AND day <= ? GROUP BY unit_id`,
    args: [period.from, period.to],
  });
  const repeated = new Map(repeats.rows.map((row) => [str(row, 'unit_id'), num(row, 'n')]));

  const received = keyedByUnit<number>();
  const answers = keyedByUnit<AnswerTotals>();
  const ratings = keyedByUnit<{ sum: number; count: number }>();
  const reviewsRequested = keyedByUnit<number>();
  const records = keyedByUnit<Counts>();
  for (const [unitId, t] of totals) {
    const at = (c: string) => t[c] ?? 0;
    const letters = at('letters') - (repeated.get(unitId) ?? 0);
    if (letters > 0) received[unitId] = letters;
    if (at('answers') > 0) answers[unitId] = { count: at('answers'), onTime: at('on_time'), days: at('nanodays') / NANODAYS_PER_DAY, timed: at('timed') };
    if (at('ratings') > 0) ratings[unitId] = { sum: at('rating_sum'), count: at('ratings') };
    if (at('reviews') > 0) reviewsRequested[unitId] = at('reviews');
    for (const kind of RECORD_KINDS) if (at(`${kind}s`) > 0) (records[unitId] ??= {})[kind] = at(`${kind}s`);
  }

  const overdueNow = keyedByUnit<number>();
  const overdueRows = await db.execute({
    sql: `SELECT unit_id, COUNT(*) AS n FROM cases
          WHERE status IN ${ANSWERING} AND queue_rank = ${QueueRank.running} AND queue_at < ? AND unit_id IS NOT NULL GROUP BY unit_id`,
    args: [nowAt],
  });
  for (const row of overdueRows.rows) overdueNow[str(row, 'unit_id')] = num(row, 'n');

  return { received, answers, overdueNow, records, ratings, reviewsRequested };
}
