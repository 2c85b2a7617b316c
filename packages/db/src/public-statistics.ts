import type { AnswerTotals, DateRange, PublicFacts } from '@pakn/domain';
import { NANODAYS_PER_DAY } from './answer-facts.ts';
import type { Executor } from './connection.ts';
import { periodParts } from './evaluation.ts';
import { num, str } from './rows.ts';

const SUMS = `SUM(letters) AS letters, SUM(answers) AS answers, SUM(answers_on_time) AS on_time, SUM(answers_timed) AS timed,
  SUM(answer_nanodays) AS nanodays, SUM(ratings) AS ratings, SUM(rating_sum) AS rating_sum`;
const SUMMED = ['letters', 'answers', 'on_time', 'timed', 'nanodays', 'ratings', 'rating_sum'] as const;
type Summed = (typeof SUMMED)[number];

/**
 * The sums behind the public statistics (issue 12) over a period of Vietnamese calendar days: the letters,
 * answers and ratings of each unit from the monthly and daily rows the triggers of migration 0019 keep (a year is
 * 12 rows a unit plus the days of its first and last month), less the repeated letters of a case. No case, event
 * or person is read: the public page can never slow the Centre's own work, nor show more than these sums.
 */
export async function publicStatisticsFacts(db: Executor, period: DateRange): Promise<PublicFacts> {
  const parts = periodParts(period.from, period.to);
  const reads = [
    ...(parts.months ? [{ sql: `SELECT unit_id, ${SUMS} FROM unit_month_facts WHERE month >= ? AND month <= ? GROUP BY unit_id`, args: parts.months }] : []),
    ...parts.days.map((range) => ({ sql: `SELECT unit_id, ${SUMS} FROM unit_day_facts WHERE day >= ? AND day <= ? GROUP BY unit_id`, args: range })),
    {
      sql: `SELECT unit_id, COUNT(DISTINCT case_id) - COUNT(*) AS letters FROM approval_repeats WHERE day >= ? AND day <= ? GROUP BY unit_id`,
      args: [period.from, period.to],
    },
  ];
  const totals = new Map<string, Record<Summed, number>>();
  for (const read of reads) {
    const result = await db.execute(read);
    for (const row of result.rows) {
      const unitId = str(row, 'unit_id');
      const unit = totals.get(unitId) ?? { letters: 0, answers: 0, on_time: 0, timed: 0, nanodays: 0, ratings: 0, rating_sum: 0 };
      for (const c of SUMMED) if (result.columns.includes(c)) unit[c] += num(row, c);
      totals.set(unitId, unit);
    }
  }
  const received = Object.create(null) as Record<string, number>;
  const answers = Object.create(null) as Record<string, AnswerTotals>;
  const ratings = Object.create(null) as Record<string, { sum: number; count: number }>;
  for (const [unitId, t] of totals) {
    if (t.letters > 0) received[unitId] = t.letters;
    if (t.answers > 0) answers[unitId] = { count: t.answers, onTime: t.on_time, days: t.nanodays / NANODAYS_PER_DAY, timed: t.timed };
    if (t.ratings > 0) ratings[unitId] = { sum: t.rating_sum, count: t.ratings };
  }
  return { received, answers, ratings };
}
