import { QueueRank, type AnswerTotals, type EvaluationPeriod } from '@pakn/domain';
import { NANODAYS_PER_DAY } from './answer-facts.ts';
import { RECORD_KINDS } from './migrations/0019-unit-day-facts.ts';
import { ANSWER_DAY_COLUMNS, SCORE_COLUMNS } from './migrations/0021-unit-evaluation.ts';
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
  const totals = await sumPerUnit(db, parts, 'facts', SUMS, SUMMED);
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

  const scores = await sumPerUnit(db, parts, 'scores', SCORE_COLUMNS.map((c) => `SUM(${c}) AS ${c}`).join(', '), SCORE_COLUMNS);
  return { received, answers, overdueNow, records, ratings, reviewsRequested, scores: byUnit(scores), answerDays: await answerDays(db, parts) };
}

/** A Map's entries as a map keyed by unit with no prototype. */
function byUnit<T>(map: ReadonlyMap<string, T>): Record<string, T> {
  const result = keyedByUnit<T>();
  for (const [unitId, value] of map) result[unitId] = value;
  return result;
}

type Parts = ReturnType<typeof periodParts>;

/** The reads of a period: its whole months from the monthly table, the other days from the daily one. */
function periodReads(parts: Parts, table: 'facts' | 'scores' | 'answer_days', select: string, groupBy: string) {
  return [
    ...(parts.months ? [{ sql: `SELECT ${select} FROM unit_month_${table} WHERE month >= ? AND month <= ? GROUP BY ${groupBy}`, args: parts.months }] : []),
    ...parts.days.map((range) => ({ sql: `SELECT ${select} FROM unit_day_${table} WHERE day >= ? AND day <= ? GROUP BY ${groupBy}`, args: range })),
  ];
}

/** The columns of a per-unit table summed over a period, per unit. */
async function sumPerUnit(db: Executor, parts: Parts, table: 'facts' | 'scores' | 'answer_days', sums: string, columns: readonly string[]) {
  const totals = new Map<string, Record<string, number>>();
  for (const read of periodReads(parts, table, `unit_id, ${sums}`, 'unit_id')) {
    for (const row of (await db.execute(read)).rows) {
      const unit = totals.get(str(row, 'unit_id')) ?? Object.fromEntries(columns.map((c) => [c, 0]));
      for (const c of columns) unit[c] = (unit[c] ?? 0) + num(row, c);
      totals.set(str(row, 'unit_id'), unit);
    }
  }
  return totals;
}

/** Each unit's timed answers of the period by whole working days taken: `[days, answers]` pairs, fewest days first. */
async function answerDays(db: Executor, parts: Parts): Promise<Record<string, [number, number][]>> {
  const sums = ANSWER_DAY_COLUMNS.map((c) => `SUM(${c}) AS ${c}`).join(', ');
  const totals = await sumPerUnit(db, parts, 'answer_days', sums, ANSWER_DAY_COLUMNS);
  const result = keyedByUnit<[number, number][]>();
  for (const [unitId, days] of totals) {
    result[unitId] = ANSWER_DAY_COLUMNS.map((c, i): [number, number] => [i, days[c] ?? 0]).filter(([, n]) => n !== 0);
  }
  return result;
}
