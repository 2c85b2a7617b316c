/**
 * Issue 12: a period report at most 2 s at a million cases. The report runs in-process on the data set's file
 * (its procedure as the portal calls it, signed in as the Director), a year's and a quarter's, each next to the
 * evaluation of the same days (the report reads it twice, for its period and the one before: the baseline). The
 * query plans of the report are checked for full scans like the lists' (query-plans.ts).
 *
 * Also runnable alone on a generated file: `pnpm exec tsx bench/http/period-report.ts data/generated-100000.db`.
 */
import { createApiServices, createCaller } from '@pakn/api';
import { Db, listStaffOfUnit, migrate } from '@pakn/db';
import { reportPeriodOf, reportRange, vietnamDateOf, type ReportPeriodKind } from '@pakn/domain';
import { describe, ratio, type Result } from './figures.ts';
import { queryPlans, STAFF_REQUEST } from './query-plans.ts';

/** The goal of issue 12, per report. */
const GOAL_MS = 2000;

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Number((sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN).toFixed(1));
}

/** Times `run` as many rounds as fit in about 10 s (3 at least, 20 at most), after one warm-up. */
async function timed(run: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await run();
  const rounds = Math.max(3, Math.min(20, Math.floor(10_000 / Math.max(1, performance.now() - t))));
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return p95(samples);
}

/** The period report figures of one data set (`label`: demo or the number of cases), named like the HTTP bench's. */
export async function periodReportFigures(path: string, today: Date, label: string): Promise<Result[]> {
  const db = await Db.open({ url: `file:${path}` });
  const results: Result[] = [];
  try {
    const director = (await listStaffOfUnit(db, 'centre')).find((s) => s.username === 'giamdoc');
    if (!director) throw new Error('no demo account giamdoc');
    const services = createApiServices({ db, now: () => today });
    const caller = createCaller({ services, request: STAFF_REQUEST, staff: director });
    for (const kind of ['year', 'quarter'] as const satisfies readonly ReportPeriodKind[]) {
      const period = reportPeriodOf(kind, vietnamDateOf(today.getTime()));
      const report = await timed(() => caller.report.period(period));
      const evaluation = await timed(() => caller.unit.evaluation(reportRange(period)));
      results.push({
        name: `http.${label}.period-report.${kind}.p95`,
        value: report,
        unit: 'ms',
        goal: GOAL_MS,
        better: 'lower',
        baseline: evaluation,
        ratio: ratio(report, evaluation),
      });
    }
  } finally {
    db.close();
  }
  const plans = await queryPlans(path, [{ name: 'period-report.year', procedure: 'report.period', input: { kind: 'year' }, user: 'giamdoc' }], today);
  const scans = plans.reduce((n, p) => n + p.fullScans.length, 0);
  results.push({ name: `http.${label}.period-report.year.plan.full-scans`, value: scans, unit: 'steps', goal: 0, better: 'lower' });
  return results;
}

/** Run alone: the figures of one generated file, printed with their goals. */
async function main(path: string): Promise<void> {
  const db = await Db.open({ url: `file:${path}` });
  await migrate(db);
  db.close();
  const results = await periodReportFigures(path, new Date(), path.replace(/^.*generated-(\d+)\.db$/, '$1'));
  for (const r of results) console.log(describe(r));
}

if (process.argv[1]?.endsWith('period-report.ts') && process.argv[2]) await main(process.argv[2]);
