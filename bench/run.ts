/**
 * pnpm bench: measures what the budgets are about and writes bench/results.json (name, value, unit, goal).
 * Run after `pnpm build`. Sizes are gzip -9 of the built files; speeds are measured in-process on a temporary
 * embedded database with the production durability settings (WAL, synchronous=FULL).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { createApiServices, createCaller, type Context } from '@pakn/api';
import { Db, indexMissingCases, insertCase, insertContact, listStaffOfUnit, migrate } from '@pakn/db';
import { seedDemo, DEMO_SITE_KEY } from '@pakn/server';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { describe, withinGoal, type Result } from './http/figures.ts';
import { demoBaselines, printPlans, runDataSet, runPublicStatistics, type DataSet } from './http/http.ts';
import { statsElementSize } from './http/public-stats.ts';
import { STAFF_REQUEST } from './http/query-plans.ts';
import { generateDatabase } from './generate/generate.ts';
import { benchCitizenContext, solveChallenge } from './citizen-support.ts';

const root = resolve(import.meta.dirname, '..');
const results: Result[] = [];

function gz(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

function files(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  } catch {
    return [];
  }
}

function sizes(): void {
  const widget = join(root, 'apps/widget/dist/v1');
  const loader = join(widget, 'loader.js');
  const assets = files(join(widget, 'assets')).filter((f) => f.endsWith('.js'));
  if (assets.length === 0) throw new Error('apps/widget/dist is empty: run `pnpm build` first');
  results.push({ name: 'widget.loader.gzip', value: gz(loader), unit: 'B', goal: 2048, better: 'lower' });
  const total = assets.reduce((sum, f) => sum + gz(f), 0);
  results.push({ name: 'widget.all-chunks.gzip', value: total, unit: 'B', goal: 30 * 1024, better: 'lower' });
  results.push(statsElementSize(root));
  const portal = files(join(root, 'apps/portal/dist')).filter((f) => f.endsWith('.js'));
  results.push({ name: 'portal.all-chunks.gzip', value: portal.reduce((s, f) => s + gz(f), 0), unit: 'B', goal: null, better: 'lower' });
  // Issue 12: the chart library alone (minified as the portal's build minifies it; only the dashboard's chunk loads it).
  results.push({
    name: 'portal.uplot.gzip',
    value: gz(join(root, 'apps/portal/node_modules/uplot/dist/uPlot.iife.min.js')),
    unit: 'B',
    goal: null,
    better: 'lower',
  });
}

async function speed(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pakn-bench-'));
  const db = await Db.open({ url: `file:${join(dir, 'bench.db')}` });
  try {
    await migrate(db);
    await seedDemo(db, { demoSiteOrigins: ['http://ward.bench'], now: new Date(), withSampleCases: false });
    // Limits off and an easy proof: this measures the server's own work, not the abuse defences.
    const caller = createCaller(benchCitizenContext(db));
    const input = {
      siteKey: DEMO_SITE_KEY,
      category: 'late_result' as const,
      description: 'Hồ sơ của tôi bị trả muộn 10 ngày so với giấy hẹn, đề nghị Trung tâm xem xét.',
    };
    const solve = async () => solveChallenge(await caller.case.challenge({ siteKey: DEMO_SITE_KEY }));
    const n = 400;
    const proofs = await Promise.all(Array.from({ length: n }, solve));
    const latencies: number[] = [];
    let last = { reference: '', accessKey: '' };
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      last = await caller.case.submit({ ...input, idempotencyKey: randomBytes(16).toString('base64url'), proof: proofs[i] ?? '' });
      latencies.push(performance.now() - t);
    }
    const seconds = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    results.push({ name: 'api.case.submit.throughput', value: Math.round(n / seconds), unit: 'cases/s', goal: null, better: 'higher' });
    results.push({ name: 'api.case.submit.p99', value: Number(latencies[Math.floor(n * 0.99)]?.toFixed(2)), unit: 'ms', goal: null, better: 'lower' });
    const trackStart = performance.now();
    for (let i = 0; i < n; i++) await caller.case.track({ reference: last.reference, accessKey: last.accessKey });
    results.push({
      name: 'api.case.track.throughput',
      value: Math.round(n / ((performance.now() - trackStart) / 1000)),
      unit: 'lookups/s',
      goal: null,
      better: 'higher',
    });
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The widget on a host page, in Chromium: long tasks (over 50 ms) and layout shift while the page loads
 * with the loader, and the time from a click on the launcher to the open form. Needs Chromium (CHROMIUM_PATH
 * or /usr/bin/chromium) and the built widget.
 */
async function browser(): Promise<void> {
  const { chromium } = await import('@playwright/test');
  const { startSystem, parseEnv } = await import('@pakn/server');
  const dir = mkdtempSync(join(tmpdir(), 'pakn-bench-web-'));
  // The measurements, not a request log, belong on this run's output.
  const system = await startSystem(
    parseEnv({ PORT: '18980', DEMO_SITE_PORT: '18981', DATABASE_URL: `file:${join(dir, 'b.db')}`, HOST: '127.0.0.1', LOG_LEVEL: 'warn' }),
  );
  const launched = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await launched.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[]; __shift: number };
      w.__longTasks = [];
      w.__shift = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
      new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.__shift += (e as unknown as { value: number }).value))).observe({
        type: 'layout-shift',
        buffered: true,
      });
    });
    if (!system.urls.demoSite) throw new Error('The bench needs the demo site (DEMO_SITE_PORT).');
    await page.goto(system.urls.demoSite);
    const launcher = page.getByRole('button', { name: 'Phản ánh, kiến nghị' });
    await launcher.waitFor();
    await page.waitForTimeout(500);
    const load = await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[]; __shift: number };
      return { __longTasks: [...w.__longTasks], __shift: w.__shift };
    });
    const start = performance.now();
    await launcher.click();
    await page.getByRole('dialog', { name: 'Phản ánh, kiến nghị' }).getByLabel('Nội dung phản ánh').waitFor();
    const openMs = performance.now() - start;
    const after = await page.evaluate(() => [...(window as unknown as { __longTasks: number[] }).__longTasks]);
    results.push({ name: 'widget.load.long-tasks-over-50ms', value: load.__longTasks.filter((d) => d > 50).length, unit: 'tasks', goal: 0, better: 'lower' });
    results.push({ name: 'widget.load.layout-shift', value: Number(load.__shift.toFixed(4)), unit: 'CLS', goal: 0, better: 'lower' });
    results.push({
      name: 'widget.open.long-tasks-over-50ms',
      value: after.filter((d) => d > 50).length - load.__longTasks.filter((d) => d > 50).length,
      unit: 'tasks',
      goal: null,
      better: 'lower',
    });
    results.push({ name: 'widget.open.click-to-form', value: Math.round(openMs), unit: 'ms', goal: null, better: 'lower' });
  } finally {
    await launched.close();
    await system.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A deterministic picker (a linear congruential generator from a fixed seed), so every run indexes the same text. */
function seededPicker(): <T>(xs: readonly T[]) => T {
  let seed = 42;
  return <T>(xs: readonly T[]): T => {
    const value = xs[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % xs.length];
    if (value === undefined) throw new Error('pick() from an empty list');
    return value;
  };
}

/**
 * Inserts `n` cases in batches of `batch`, a mix of Vietnamese words, streets, people and phones; every third
 * has a hotline follow-up, and most are assigned to a unit.
 */
async function insertSearchCases(db: Db, n: number, batch: number): Promise<void> {
  const pick = seededPicker();
  const what = [
    'Hồ sơ chứng thực bản sao',
    'Hồ sơ đăng ký khai sinh',
    'Hồ sơ cấp giấy phép xây dựng',
    'Hồ sơ đất đai',
    'Thủ tục đăng ký kết hôn',
    'Hồ sơ cấp phiếu lý lịch tư pháp',
  ];
  const where = ['đường Đội Cấn', 'phố Hàng Bài', 'đường Láng', 'phố Đinh Tiên Hoàng', 'đường Nguyễn Trãi', 'phố Tràng Tiền', 'đường Giải Phóng'];
  const how = ['bị trả muộn so với giấy hẹn', 'bị yêu cầu nộp thêm giấy tờ ngoài quy định', 'cán bộ gây phiền hà', 'không được hướng dẫn rõ ràng'];
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đặng', 'Đỗ', 'Vũ'];
  const given = ['Văn An', 'Thị Bình', 'Minh Đức', 'Thu Hà', 'Quốc Huy', 'Thị Đào', 'Đức Dũng', 'Thanh Tâm'];
  const units = ['ward-hoan-kiem', 'ward-cua-nam', 'ward-ba-dinh', 'commune-soc-son', null];
  for (let b = 0; b < n / batch; b++) {
    await db.write(async (tx) => {
      for (let i = b * batch; i < (b + 1) * batch; i++) {
        const id = `bench-${i}`;
        const phone = `09${String(10_000_000 + i).padStart(8, '0')}`;
        await insertCase(
          tx,
          {
            id,
            reference: `PAKN-2026-${String(i + 1).padStart(6, '0')}`,
            accessKeyHash: 'x',
            channel: i % 3 === 0 ? 'hotline' : 'web_widget',
            siteKey: null,
            reportedCategory: 'late_result',
            concernedUnitId: null,
            description: `${pick(what)} ở ${pick(where)} ${pick(how)} (lần ${i}).`,
            contact: { name: `${pick(family)} ${pick(given)}`, phone },
            confidential: i % 2 === 0,
            consentAt: null,
            lang: 'vi',
          },
          new Date(Date.UTC(2026, 0, 1) + i * 60_000),
        );
        if (i % 3 === 0) {
          await insertContact(tx, {
            id: `${id}-k`,
            caseId: id,
            channel: 'hotline',
            at: new Date(),
            phone,
            summary: `Gọi lại hỏi tiến độ ở ${pick(where)}`,
            recordedBy: null,
            isFollowUp: true,
            confidential: true,
          });
        }
        const unit = pick(units);
        if (unit) await tx.execute({ sql: "UPDATE cases SET unit_id = ?, status = 'in_progress' WHERE id = ?", args: [unit, id] });
      }
    });
  }
}

/** `case.inbox` with each of `queries` five times as `staff`; pushes `${name}.p50` and `${name}.p99`. */
async function measureInbox(services: Context['services'], name: string, staff: NonNullable<Context['staff']>, queries: readonly string[]): Promise<void> {
  const caller = createCaller({ services, request: STAFF_REQUEST, staff });
  const latencies: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of queries) {
      const t = performance.now();
      await caller.case.inbox({ status: 'all', q });
      latencies.push(performance.now() - t);
    }
  }
  latencies.sort((a, b) => a - b);
  results.push({ name: `${name}.p50`, value: Number(latencies[Math.floor(latencies.length / 2)]?.toFixed(2)), unit: 'ms', goal: null, better: 'lower' });
  results.push({ name: `${name}.p99`, value: Number(latencies[Math.floor(latencies.length * 0.99)]?.toFixed(2)), unit: 'ms', goal: 200, better: 'lower' });
}

/**
 * Search over a few thousand cases: indexing at insert, the rebuild `migrate` does for cases missing from the
 * index, and `case.inbox` with `q` as the Centre (every column) and as a ward (its cases, no identities), for
 * a selective query and a broad one that matches most cases (the results are capped at 200).
 */
async function search(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pakn-bench-search-'));
  const db = await Db.open({ url: `file:${join(dir, 'bench.db')}` });
  try {
    await migrate(db);
    await seedDemo(db, { demoSiteOrigins: ['http://ward.bench'], now: new Date(), withSampleCases: false });
    const n = 3000;
    const insertStart = performance.now();
    await insertSearchCases(db, n, 100);
    const insertSeconds = (performance.now() - insertStart) / 1000;
    results.push({ name: 'search.index.insert.throughput', value: Math.round(n / insertSeconds), unit: 'cases/s', goal: null, better: 'higher' });

    await db.write(async (tx) => {
      await tx.execute('DELETE FROM case_search');
      await tx.execute('DELETE FROM case_search_docs');
    });
    const rebuildStart = performance.now();
    await indexMissingCases(db);
    results.push({ name: 'search.index.rebuild-3000', value: Math.round(performance.now() - rebuildStart), unit: 'ms', goal: null, better: 'lower' });

    const services = createApiServices({ db });
    const [officer] = (await listStaffOfUnit(db, 'centre')).filter((s) => s.role === 'intake_officer');
    const [ward] = await listStaffOfUnit(db, 'ward-hoan-kiem');
    if (!officer || !ward) throw new Error('The demo seed has an intake officer at the centre and staff at the Hoàn Kiếm ward.');
    const selective = ['duong doi can lan 1234', 'PAKN-2026-001500', '0910001234', 'hang bai giay phep 77', 'dang duc dung lan 2', 'trang tien khai sinh 9'];
    const broad = ['ho so', 'tra muon', 'duong'];
    await measureInbox(services, 'search.centre.selective', officer, selective);
    await measureInbox(services, 'search.centre.broad', officer, broad);
    await measureInbox(services, 'search.ward.selective', ward, selective);
    await measureInbox(services, 'search.ward.broad', ward, broad);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The generated database of `--cases N` (made now, seed 1, if missing), else the million-case one if it was
 * generated, else none.
 */
async function generatedDataSet(cases: string | undefined): Promise<DataSet | null> {
  const n = Number(cases ?? process.env.BENCH_CASES ?? 1_000_000);
  const path = join(root, `data/generated-${n}.db`);
  if (existsSync(path)) return { label: String(n), path };
  if (cases === undefined && process.env.BENCH_CASES === undefined) {
    console.log(`bench: ${path} does not exist, only the demo data is measured (pnpm db:generate --cases ${n}, or pnpm bench --cases N)`);
    return null;
  }
  mkdirSync(join(root, 'data'), { recursive: true });
  const now = new Date(new Date().toISOString().slice(0, 10));
  const summary = await generateDatabase({ path, cases: n, seed: 1, now });
  console.log(`bench: generated ${n} cases in ${summary.seconds.toFixed(1)} s`);
  return { label: String(n), path };
}

async function http(cases: string | undefined): Promise<void> {
  const demo = await runDataSet({ label: 'demo', path: null }, new Map());
  results.push(...demo.results);
  printPlans('demo', demo.plans);
  const set = await generatedDataSet(cases);
  if (!set) return;
  const generated = await runDataSet(set, demoBaselines(demo.results));
  results.push(...generated.results);
  printPlans(`${set.label} cases`, generated.plans);
}

// `pnpm bench search` runs only the named parts; `--cases N` picks the generated database of the HTTP part.
/** The public statistics alone (issue 12), on the demo data and a generated database: `pnpm bench public --cases N`. */
async function publicOnly(cases: string | undefined): Promise<void> {
  const demo = await runPublicStatistics({ label: 'demo', path: null }, new Map());
  results.push(...demo);
  const set = await generatedDataSet(cases);
  if (set) results.push(...(await runPublicStatistics(set, demoBaselines(demo))));
}

const { values, positionals: parts } = parseArgs({ options: { cases: { type: 'string' } }, allowPositionals: true });
const wanted = (part: string) => parts.length === 0 || parts.includes(part);
if (wanted('sizes')) sizes();
if (wanted('speed')) await speed();
if (wanted('search')) await search();
if (wanted('browser')) await browser();
if (wanted('http')) await http(values.cases);
// Part of `http` already; on its own only when asked for by name.
if (parts.includes('public')) await publicOnly(values.cases);
writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root }).toString().trim();
const latest = {
  date: new Date().toISOString(),
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? null,
  commit,
  parts: parts.length > 0 ? parts : 'all',
  results,
};
writeFileSync(join(root, 'docs/benchmarks.json'), `${JSON.stringify(latest, null, 2)}\n`);
const failed = results.filter((r) => !withinGoal(r)).length;
for (const r of results) console.log(describe(r));
console.log(`bench: ${results.length - failed} within goal, ${failed} over goal`);
process.exit(failed > 0 ? 1 : 0);
