/**
 * Issue 12: the public statistics. The page `/thong-ke` and the JSON `/api/v1/statistics` of a year, served from
 * the server's cache (goal: p95 ≤ 50 ms at a million cases), the first request that computes them (no goal: it
 * reads the per-unit sums once per period and few minutes, whatever the traffic), and the gzip size of the
 * `<pakn-stats>` element ward websites embed (its budget, as in apps/widget/scripts/check-size.mjs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { ratio, type Result } from './figures.ts';
import { latencies } from './load.ts';
import type { ServerProcess } from './servers.ts';

/** The element's budget (gzip -9), the same as the widget's size check. */
const STATS_ELEMENT_BUDGET = 2560;
const CACHED_GOAL_MS = 50;

/** dist/v1/stats.js of the built widget, gzip -9. */
export function statsElementSize(root: string): Result {
  const value = gzipSync(readFileSync(join(root, 'apps/widget/dist/v1/stats.js')), { level: 9 }).length;
  return { name: 'widget.stats-element.gzip', value, unit: 'B', goal: STATS_ELEMENT_BUDGET, better: 'lower' };
}

const PATHS = { page: '/thong-ke?period=year', json: '/api/v1/statistics?period=year', 'page.en-local': '/en/statistics?period=last-year&group=local' };

/**
 * The first request of each (it computes the period's figures, unless another request did), then 200 more from
 * the cache, one client, and 10 clients. `demo`: this figure on the demo data, the baseline of a generated run.
 */
export async function publicStatisticsFigures(pakn: ServerProcess, push: (r: Result) => void, demo: ReadonlyMap<string, number>): Promise<void> {
  for (const [name, path] of Object.entries(PATHS)) {
    const url = pakn.url + path;
    const t = performance.now();
    const first = await fetch(url);
    await first.arrayBuffer();
    if (!first.ok) throw new Error(`${path}: ${first.status}`);
    push({ name: `public.${name}.first`, value: Number((performance.now() - t).toFixed(2)), unit: 'ms', goal: null, better: 'lower' });
    const cached = await latencies(url, {}, 1, 200);
    const baseline = demo.get(`public.${name}.cached`) ?? null;
    push({
      name: `public.${name}.cached.p95`,
      value: cached.p95,
      unit: 'ms',
      goal: CACHED_GOAL_MS,
      better: 'lower',
      baseline,
      ratio: baseline ? ratio(cached.p95, baseline) : null,
    });
    push({ name: `public.${name}.bytes`, value: cached.bytes, unit: 'B', goal: null, better: 'lower' });
    if (name === 'page') {
      const ten = await latencies(url, {}, 10, 50);
      push({ name: `public.${name}.cached.10-clients.p95`, value: ten.p95, unit: 'ms', goal: null, better: 'lower' });
    }
  }
}
