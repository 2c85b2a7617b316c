/**
 * Issue 12: the all-units evaluation of a year, scored and ranked (goal 300 ms), and its XLSX (goal 5 s), in
 * process on a database file the server has migrated (runDataSet calls it after its servers stop). The HTTP
 * figure `evaluation.one-year` measures the same procedure through the server; this one adds the workbook.
 *
 * Alone, on any migrated file (read only in effect: the evaluation writes nothing):
 *     pnpm exec tsx bench/http/evaluation.ts data/generated-100000.db
 */
import { performance } from 'node:perf_hooks';
import { createApiServices, evaluationWorkbook, scoredEvaluation } from '@pakn/api';
import { Db } from '@pakn/db';
import type { Result } from './figures.ts';

const RUNS = 7;

/** The year before `today`, both dates included (as api-calls.ts's lastYear). */
function lastYear(today: Date): { from: string; to: string } {
  const to = new Date(today.getTime() - 86400_000);
  const from = new Date(to.getTime() - 364 * 86400_000);
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** The slowest of the runs after a first (warming) one: with 6 runs, a p95 is the maximum. */
async function slowest(run: () => Promise<unknown>): Promise<number> {
  await run();
  let worst = 0;
  for (let i = 1; i < RUNS; i++) {
    const start = performance.now();
    await run();
    worst = Math.max(worst, performance.now() - start);
  }
  return Math.round(worst * 10) / 10;
}

export async function evaluationFigures(path: string, today: Date): Promise<Result[]> {
  const db = await Db.open({ url: `file:${path}` });
  try {
    const services = createApiServices({ db, now: () => today });
    const period = lastYear(today);
    const evaluation = await scoredEvaluation(services, period);
    const scored = await slowest(() => scoredEvaluation(services, period));
    const xlsx = await slowest(async () => evaluationWorkbook(await scoredEvaluation(services, period), 'vi'));
    return [
      { name: 'evaluation.scored.one-year.units', value: evaluation.rows.length, unit: 'units', goal: null, better: 'higher' },
      { name: 'evaluation.scored.one-year.p95', value: scored, unit: 'ms', goal: 300, better: 'lower' },
      { name: 'evaluation.xlsx.one-year.p95', value: xlsx, unit: 'ms', goal: 5000, better: 'lower' },
    ];
  } finally {
    db.close();
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const path = process.argv[2];
  if (!path) throw new Error('usage: tsx bench/http/evaluation.ts <database file>');
  for (const r of await evaluationFigures(path, new Date())) console.log(`${r.name}: ${r.value} ${r.unit} (goal ${r.goal ?? '–'})`);
}
