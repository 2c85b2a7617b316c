/**
 * `pnpm bench http`: issue 11's table over HTTP. For each data set (the demo data, then a generated
 * database) it starts PAKN and a bare Hono hello-world, each in its own process, and measures the staff's
 * lists, searches and reports (single client and 10 clients), the citizen path at 50 connections against
 * bare Hono, durable submissions against raw durable single-row inserts, and the server's memory. Then it
 * prints the EXPLAIN QUERY PLAN of every query those lists and reports ran, flagging full scans.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'libsql';
import { DEMO_PASSWORD, DEMO_SITE_KEY } from '@pakn/server';
import {
  CSRF_HEADERS,
  citizenRequest,
  pagedCalls,
  queryPath,
  signIn,
  solvedProof,
  staffCalls,
  submissionBody,
  submitOne,
  trackBody,
  type PagedCall,
  type StaffCall,
} from './api-calls.ts';
import { evaluationFigures } from './evaluation.ts';
import { ratio, type Result } from './figures.ts';
import { latencies, throughput, type Throughput } from './load.ts';
import { publicStatisticsFigures } from './public-stats.ts';
import { periodReportFigures } from './period-report.ts';
import { queryPlans, type QueryPlan } from './query-plans.ts';
import { DASHBOARD_GOALS, dashboardCalls } from './dashboard.ts';
import { trackingBesideSearch, type Load } from './stall.ts';
import { startBareHono, startPakn, type PaknOptions, type ServerProcess } from './servers.ts';

const PAKN_PORT = Number(process.env.BENCH_PORT ?? 25001);
const HONO_PORT = PAKN_PORT + 2;
const SITE_ORIGIN = 'http://127.0.0.1:8081';

/** Goals of issue 11 (at one million cases), per figure of the staff's table; a deep page has its first page's. */
const STAFF_GOALS: Readonly<Record<string, number>> = {
  'inbox.open': 50,
  'inbox.all': 50,
  'search.broad-ho-so': 100,
  'search.no-diacritics-duong': 100,
  'search.name-and-street': 100,
  'follow-up': 100,
  'evaluation.one-year': 300,
  register: 50,
  'audit.list': 50,
  ...DASHBOARD_GOALS,
};

export interface DataSet {
  /** `demo` or the number of generated cases, e.g. `1000000`. */
  readonly label: string;
  /** A generated database, or null for a fresh demo database. */
  readonly path: string | null;
}

interface Run {
  readonly set: DataSet;
  readonly results: Result[];
  /** The demo run's figures, the baseline of a generated run's staff figures. */
  readonly demo: ReadonlyMap<string, number>;
}

function push(run: Run, r: Omit<Result, 'name'> & { name: string }): void {
  run.results.push({ ...r, name: `http.${run.set.label}.${r.name}` });
}

/**
 * How deep the lists and searches are paged: 200 pages of 50 on a generated database (BENCH_DEEP_PAGES), 5 on the
 * demo's. A search's page starts where the one before ended, so a deep one costs what the first does, as a list's.
 */
function depths(set: DataSet): { lists: number; searches: number } {
  const pages = set.path === null ? 5 : Number(process.env.BENCH_DEEP_PAGES ?? 200);
  return { lists: pages, searches: pages };
}

const authorised = (cookies: Record<string, string>, call: StaffCall): RequestInit => ({ headers: { cookie: cookies[call.user] ?? '', ...CSRF_HEADERS } });

/**
 * Follows `next` from the first page as the portal's "next page" does, up to the page asked for (or the last
 * one, when the list is shorter): the call of that page, named `<first>.deep`, and which page it is.
 */
async function deepPage(pakn: ServerProcess, cookies: Record<string, string>, paged: PagedCall): Promise<{ call: StaffCall; page: number }> {
  let input = paged.first.input;
  let page = 1;
  while (page < paged.pages) {
    const response = await fetch(pakn.url + queryPath({ procedure: paged.first.procedure, input }), authorised(cookies, paged.first));
    if (!response.ok) throw new Error(`${paged.first.name} page ${page}: ${response.status} ${(await response.text()).slice(0, 300)}`);
    const next = paged.after(((await response.json()) as { result: { data: unknown } }).result.data, input);
    if (next === null) break;
    input = next;
    page += 1;
  }
  return { call: { ...paged.first, name: `${paged.first.name}.deep`, input }, page };
}

/** Each list, search and report, one client; the demo figure is the baseline of the generated one. */
async function staffFigures(run: Run, pakn: ServerProcess, cookies: Record<string, string>, calls: readonly StaffCall[]): Promise<void> {
  for (const call of calls) {
    const init = authorised(cookies, call);
    const url = pakn.url + queryPath(call);
    // As many rounds as fit in about 15 s (5 at least): a slow report still gets a p95.
    const t = performance.now();
    await latencies(url, init, 1, 1);
    const rounds = Math.max(5, Math.min(40, Math.floor(15_000 / (performance.now() - t))));
    const measured = await latencies(url, init, 1, rounds);
    const baseline = run.demo.get(call.name) ?? null;
    const goal = STAFF_GOALS[call.name.replace(/\.deep$/, '')] ?? null;
    push(run, {
      name: `${call.name}.p95`,
      value: measured.p95,
      unit: 'ms',
      goal,
      better: 'lower',
      baseline,
      ratio: baseline ? ratio(measured.p95, baseline) : null,
    });
    push(run, { name: `${call.name}.bytes`, value: measured.bytes, unit: 'B', goal: null, better: 'lower' });
    if (call.name === 'inbox.open' || call.name === 'inbox.open.deep') {
      const ten = await latencies(url, init, 10, Math.max(3, Math.floor(rounds / 2)));
      const base10 = run.demo.get(`${call.name}.10-clients`) ?? null;
      push(run, {
        name: `${call.name}.10-clients.p95`,
        value: ten.p95,
        unit: 'ms',
        goal: 100,
        better: 'lower',
        baseline: base10,
        ratio: base10 ? ratio(ten.p95, base10) : null,
      });
    }
  }
}

/**
 * The server's CPU per answered request during a load (its process's user and system time): unlike a rate, it
 * hardly moves when other work shares the machine, so runs on a busy machine still compare.
 */
async function cpuPerRequest(run: Run, name: string, server: ServerProcess, load: () => Promise<Throughput>, seconds: number): Promise<Throughput> {
  const before = server.cpuMs();
  const result = await load();
  const ms = (server.cpuMs() - before) / Math.max(1, result.rps * seconds);
  push(run, { name: `${name}.cpu-per-request`, value: Number(ms.toFixed(3)), unit: 'ms', goal: null, better: 'lower' });
  return result;
}

/** The broad search's first page as one officer asks for it: the load beside which tracking is measured. */
function broadSearch(pakn: ServerProcess, cookies: Record<string, string>, today: Date): { url: string; init: RequestInit } {
  const call = staffCalls(today).find((c) => c.name === 'search.broad-ho-so');
  if (!call) throw new Error('api-calls.ts has no search.broad-ho-so');
  return { url: pakn.url + queryPath(call), init: authorised(cookies, call) };
}

/** Tracking beside a broad search (issue 11: a search never stalls citizens), against tracking alone in the same run. */
async function besideSearchFigures(run: Run, prefix: string, track: Load, search: { url: string; init: RequestInit }): Promise<void> {
  const { alone, beside, searches } = await trackingBesideSearch(track, search);
  const goal = prefix === '' ? 0.5 : null;
  push(run, { name: `${prefix}track.50c.alone.rps`, value: alone.rps, unit: 'req/s', goal: null, better: 'higher' });
  push(run, {
    name: `${prefix}track.50c.beside-search.rps`,
    value: beside.rps,
    unit: 'req/s',
    goal,
    goalOn: 'ratio',
    better: 'higher',
    baseline: alone.rps,
    ratio: ratio(beside.rps, alone.rps),
  });
  push(run, { name: `${prefix}track.50c.beside-search.p99`, value: beside.p99, unit: 'ms', goal: prefix === '' ? 20 : null, better: 'lower' });
  push(run, { name: `${prefix}track.50c.beside-search.searches`, value: searches, unit: 'searches', goal: null, better: 'higher' });
}

/**
 * The same figures on a server whose reads run in two worker threads (DATABASE_READERS=2; the default reads on
 * the event loop, ADR 0016), on the same file in the same run: what the workers cost or spare, against this
 * run's own figures.
 */
async function readWorkerFigures(run: Run, options: PaknOptions, track: Load, today: Date): Promise<void> {
  const pakn = await startPakn({ ...options, env: { DATABASE_READERS: '2' } });
  try {
    const cookies = { tiepnhan: await signIn(pakn.url, 'tiepnhan', DEMO_PASSWORD) };
    await besideSearchFigures(run, 'readers-2.', { ...track, url: pakn.url + new URL(track.url).pathname }, broadSearch(pakn, cookies, today));
  } finally {
    await pakn.stop();
  }
}

/** Tracking and /healthz at 50 connections, each against bare Hono in the same run; memory at 200 connections. */
async function citizenFigures(run: Run, pakn: ServerProcess, hono: ServerProcess, search: { url: string; init: RequestInit }): Promise<Load> {
  const bare = await cpuPerRequest(run, 'bare-hono', hono, () => throughput({ url: hono.url, connections: 50, seconds: 5 }), 5);
  push(run, { name: 'bare-hono.rps', value: bare.rps, unit: 'req/s', goal: null, better: 'higher' });
  const tracked = await submitOne(pakn.url, DEMO_SITE_KEY, SITE_ORIGIN);
  const { path, headers, body } = citizenRequest('case.track', trackBody(tracked), SITE_ORIGIN);
  const track = await cpuPerRequest(
    run,
    'track.50c',
    pakn,
    () => throughput({ url: pakn.url + path, method: 'POST', headers, body, connections: 50, seconds: 5 }),
    5,
  );
  push(run, {
    name: 'track.50c.rps',
    value: track.rps,
    unit: 'req/s',
    goal: 0.25,
    goalOn: 'ratio',
    better: 'higher',
    baseline: bare.rps,
    ratio: ratio(track.rps, bare.rps),
  });
  push(run, { name: 'track.50c.p99', value: track.p99, unit: 'ms', goal: 20, better: 'lower' });
  push(run, { name: 'track.50c.errors', value: track.errors, unit: 'responses', goal: 0, better: 'lower' });
  const health = await cpuPerRequest(run, 'healthz.50c', pakn, () => throughput({ url: `${pakn.url}/healthz`, connections: 50, seconds: 5 }), 5);
  push(run, {
    name: 'healthz.50c.rps',
    value: health.rps,
    unit: 'req/s',
    goal: 0.5,
    goalOn: 'ratio',
    better: 'higher',
    baseline: bare.rps,
    ratio: ratio(health.rps, bare.rps),
  });
  let peak = pakn.rssMb();
  await throughput({
    url: pakn.url + path,
    method: 'POST',
    headers,
    body,
    connections: 200,
    seconds: 5,
    onTick: () => (peak = Math.max(peak, pakn.rssMb())),
  });
  push(run, { name: 'memory.200c', value: peak, unit: 'MB', goal: 200, better: 'lower' });
  const load: Load = { url: pakn.url + path, method: 'POST', headers, body };
  await besideSearchFigures(run, '', load, search);
  return load;
}

/** Durable single-row inserts, one transaction each, into a WAL file with synchronous=FULL, for `seconds`. */
export function rawDurableInserts(dir: string, seconds: number): number {
  const db = new Database(join(dir, 'raw.db'));
  try {
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE t (id INTEGER PRIMARY KEY, reference TEXT, body TEXT, at TEXT)');
    const insert = db.prepare<unknown[]>('INSERT INTO t (reference, body, at) VALUES (?, ?, ?)');
    const end = performance.now() + seconds * 1000;
    let n = 0;
    while (performance.now() < end) {
      insert.run(`PAKN-2026-${n}`, 'Hồ sơ của tôi bị trả muộn so với giấy hẹn.', new Date().toISOString());
      n++;
    }
    return Math.round(n / seconds);
  } finally {
    db.close();
  }
}

/** Submissions at 50 connections, each with its own solved proof, against raw durable inserts in the same run. */
async function submissionFigures(run: Run, pakn: ServerProcess, dir: string): Promise<void> {
  const proofs: string[] = [];
  // More than 5 s can use: with 1,500 the rate stopped at 300 a second once the writer prepared its statements
  // (a submission without a fresh proof is refused, and counted among the errors).
  const wanted = 6000;
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (proofs.length < wanted) proofs.push(await solvedProof(pakn.url, DEMO_SITE_KEY, SITE_ORIGIN));
    }),
  );
  const { path, headers } = citizenRequest('case.submit', {}, SITE_ORIGIN);
  const submitted = await throughput({
    url: pakn.url + path,
    method: 'POST',
    headers,
    body: () => JSON.stringify(submissionBody(DEMO_SITE_KEY, proofs.pop() ?? 'exhausted')),
    connections: 50,
    seconds: 5,
  });
  const raw = rawDurableInserts(dir, 3);
  push(run, { name: 'raw-durable-inserts.rps', value: raw, unit: 'rows/s', goal: null, better: 'higher' });
  push(run, {
    name: 'submit.50c.rps',
    value: submitted.rps,
    unit: 'cases/s',
    goal: 0.5,
    goalOn: 'ratio',
    better: 'higher',
    baseline: raw,
    ratio: ratio(submitted.rps, raw),
  });
  push(run, { name: 'submit.50c.errors', value: submitted.errors, unit: 'responses', goal: null, better: 'lower' });
}

/** The site's registered origins must include the bench's: a generated database has the demo's. */
function checkSiteOrigin(path: string): void {
  const db = new Database(path, { readonly: true });
  try {
    const row = db.prepare<unknown[]>('SELECT allowed_origins FROM sites WHERE key = ?').get(DEMO_SITE_KEY) as { allowed_origins: string } | undefined;
    if (!row || !(JSON.parse(row.allowed_origins) as string[]).includes(SITE_ORIGIN)) throw new Error(`${path}: the demo site does not allow ${SITE_ORIGIN}`);
  } finally {
    db.close();
  }
}

/** One data set: servers up, figures, servers down, then the query plans. */
export async function runDataSet(set: DataSet, demo: ReadonlyMap<string, number>): Promise<{ results: Result[]; plans: QueryPlan[] }> {
  const dir = mkdtempSync(join(tmpdir(), `pakn-bench-http-${set.label}-`));
  const path = set.path ?? join(dir, 'demo.db');
  if (set.path) checkSiteOrigin(set.path);
  const run: Run = { set, results: [], demo };
  const today = new Date();
  // The deep pages' calls, with the cursors the server gave: the query plans below explain them too.
  const calls: StaffCall[] = [];
  const hono = await startBareHono(HONO_PORT);
  const options: PaknOptions = { port: PAKN_PORT, databasePath: path, dir, siteOrigin: SITE_ORIGIN };
  const pakn = await startPakn(options);
  let track: Load;
  try {
    await new Promise((r) => setTimeout(r, 2000));
    push(run, { name: 'memory.idle', value: pakn.rssMb(), unit: 'MB', goal: 120, better: 'lower' });
    const cookies = { tiepnhan: await signIn(pakn.url, 'tiepnhan', DEMO_PASSWORD), giamdoc: await signIn(pakn.url, 'giamdoc', DEMO_PASSWORD) };
    const firsts = [...staffCalls(today), ...dashboardCalls(today)];
    const deep = depths(set);
    for (const paged of pagedCalls(firsts, deep.lists, deep.searches)) {
      const found = await deepPage(pakn, cookies, paged);
      // The page reached: fewer than asked when the list is shorter (the demo's lists fit on one page).
      push(run, { name: `${found.call.name}.page`, value: found.page, unit: 'page', goal: null, better: 'higher' });
      calls.push(found.call);
    }
    await staffFigures(run, pakn, cookies, [...firsts, ...calls]);
    await publicStatisticsFigures(pakn, (r) => push(run, r), demo);
    track = await citizenFigures(run, pakn, hono, broadSearch(pakn, cookies, today));
    // Submissions only into the demo's fresh file: a generated database stays as generated.
    if (set.path === null) await submissionFigures(run, pakn, dir);
  } finally {
    await pakn.stop();
    await hono.stop();
  }
  await readWorkerFigures(run, options, track, today);
  // The evaluation scored and as XLSX, in process on the file the server migrated (issue 12).
  for (const figure of await evaluationFigures(path, today)) push(run, figure);
  const plans = await queryPlans(path, [...staffCalls(today), ...dashboardCalls(today), ...calls], today);
  // Issue 12: the period reports, in-process on the same file (bench/http/period-report.ts).
  run.results.push(...(await periodReportFigures(path, today, set.label)));
  for (const name of new Set(plans.map((p) => p.call))) {
    const scans = plans.filter((p) => p.call === name).reduce((n, p) => n + p.fullScans.length, 0);
    push(run, { name: `${name}.plan.full-scans`, value: scans, unit: 'steps', goal: 0, better: 'lower' });
  }
  rmSync(dir, { recursive: true, force: true });
  return { results: run.results, plans };
}

/** `pnpm bench public`: only the public statistics' figures of a data set, on PAKN alone. */
export async function runPublicStatistics(set: DataSet, demo: ReadonlyMap<string, number>): Promise<Result[]> {
  const dir = mkdtempSync(join(tmpdir(), `pakn-bench-public-${set.label}-`));
  const run: Run = { set, results: [], demo };
  const pakn = await startPakn({ port: PAKN_PORT, databasePath: set.path ?? join(dir, 'demo.db'), dir, siteOrigin: SITE_ORIGIN });
  try {
    await publicStatisticsFigures(pakn, (r) => push(run, r), demo);
  } finally {
    await pakn.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return run.results;
}

/** The staff figures of a demo run by call name: the baselines of a generated run. */
export function demoBaselines(results: readonly Result[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const r of results) {
    const m = /^http\.demo\.(.+)\.p95$/.exec(r.name);
    if (m?.[1]) map.set(m[1], r.value);
  }
  return map;
}

export function printPlans(label: string, plans: readonly QueryPlan[]): void {
  console.log(`\nEXPLAIN QUERY PLAN (${label})`);
  for (const p of plans) {
    console.log(`${p.fullScans.length > 0 ? 'FULL SCAN' : 'ok'} [${p.call}] ${p.sql.slice(0, 220)}`);
    for (const step of p.plan) console.log(`    ${p.fullScans.includes(step) ? '!! ' : ''}${step}`);
  }
}
