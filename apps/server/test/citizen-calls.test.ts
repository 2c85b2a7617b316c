/**
 * Issue 11: the widget's calls are answered without tRPC's fetch adapter (routes/citizen-calls.ts). Every call
 * and refusal the widget can meet is sent to two apps over one database, one with the fast path and one without:
 * the status, every header and the body must be the same (values that are random by design, such as a new
 * access key or a challenge's salt, are compared by shape). The log lines of a failure are compared too.
 */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { Db, migrate } from '@pakn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type PaknApp } from '../src/app.ts';
import { parseEnv } from '../src/env.ts';
import { createLogger } from '../src/logger.ts';
import type { AppEnv } from '../src/middleware.ts';
import { CITIZEN_PROCEDURES, citizenCalls } from '../src/routes/citizen-calls.ts';
import { DEMO_SITE_KEY, seedDemo } from '../src/seed.ts';
import { AssetDirectory } from '../src/static-assets.ts';
import { solveChallenge } from '@pakn/api';

const WARD = 'http://127.0.0.1:8081';
const FOREIGN = 'https://evil.example';
// One moment for both apps (a case's deadlines are shown to the second); the proof of work's expiry is real time.
const NOW = new Date();

interface Pair {
  readonly fast: PaknApp;
  readonly adapter: PaknApp;
  readonly lines: { fast: string[]; adapter: string[] };
}

let db: Db;
/** Tracking limited to 2 an hour a client address, so that the third is refused (429). */
let pair: Pair;

async function pairOver(database: Db, env: Record<string, string>): Promise<Pair> {
  const config = parseEnv({ PORT: '8080', POW_MAX_NUMBER: '100', PAKN_SECRET: 'http-test-secret-0123456789', LOG_LEVEL: 'silent', ...env });
  const lines = { fast: [] as string[], adapter: [] as string[] };
  const app = (fast: boolean) =>
    createApp({
      db: database,
      config,
      now: () => NOW,
      widgetAssets: new AssetDirectory('/nonexistent'),
      portalAssets: new AssetDirectory('/nonexistent'),
      logger: createLogger('error', { write: (line: string) => void lines[fast ? 'fast' : 'adapter'].push(line) }),
      citizenFastPath: fast,
    });
  return { fast: app(true), adapter: app(false), lines };
}

beforeAll(async () => {
  db = await Db.open({ url: ':memory:' });
  await migrate(db);
  await seedDemo(db, { demoSiteOrigins: [WARD], now: NOW, withSampleCases: false });
  pair = await pairOver(db, { RATE_LIMIT_TRACKS_PER_HOUR: '2', CLIENT_ADDRESS_HEADER: 'x-real-ip' });
});
afterAll(() => db.close());

interface Call {
  readonly path: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** The widget's headers for a mutation: JSON, its language, the ward's origin, one client address a test. */
function widget(path: string, input: unknown, headers: Record<string, string> = {}): Call {
  return {
    path,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pakn-lang': 'vi', origin: WARD, 'x-real-ip': randomIp(), ...headers },
    body: typeof input === 'string' ? input : JSON.stringify(input),
  };
}

function randomIp(): string {
  return `10.${[...randomBytes(3)].join('.')}`;
}

interface Answer {
  readonly status: number;
  readonly headers: [string, string][];
  readonly body: string;
}

async function answer(app: PaknApp, call: Call): Promise<Answer> {
  const res = await app.request(call.path, {
    method: call.method ?? 'GET',
    // The same request id on both, so that the echoed X-Request-Id compares too.
    headers: { 'x-request-id': 'citizen-calls-test', ...call.headers },
    ...(call.body === undefined ? {} : { body: call.body }),
  });
  return { status: res.status, headers: [...res.headers.entries()].sort(), body: await res.text() };
}

/** Values random by design: a new case's reference and access key, a challenge's salt and signature. */
const RANDOM = new Set(['reference', 'accessKey', 'salt', 'challenge', 'signature', 'createdAt']);

function shape(body: string): unknown {
  return JSON.parse(body, (key, value: unknown) => (RANDOM.has(key) && typeof value === 'string' ? `<${key}>` : value));
}

/** Sends the call to both apps (the fast one first) and holds them to the same answer. */
async function same(call: Call, compare: 'exact' | 'shape' = 'exact'): Promise<Answer> {
  const fast = await answer(pair.fast, call);
  const adapter = await answer(pair.adapter, call);
  expect(fast.status, call.path).toBe(adapter.status);
  expect(fast.headers, call.path).toEqual(adapter.headers);
  if (compare === 'exact') expect(fast.body, call.path).toBe(adapter.body);
  else expect(shape(fast.body), call.path).toEqual(shape(adapter.body));
  return fast;
}

/** The address the proofs are fetched and spent from (a proof is bound to its address). */
const SUBMITTER = { 'x-real-ip': '10.9.9.9' };

/** A solved proof of work, fetched through `app`. */
async function proof(app: PaknApp): Promise<string> {
  const res = await answer(app, widget('/trpc/case.challenge', { siteKey: DEMO_SITE_KEY }, SUBMITTER));
  const c = (JSON.parse(res.body) as { result: { data: { challenge: string; salt: string; maxnumber: number } } }).result.data;
  return solveChallenge(c);
}

const report = (extra: Record<string, unknown> = {}) => ({
  siteKey: DEMO_SITE_KEY,
  category: 'late_result',
  description: 'Hồ sơ đăng ký kết hôn của tôi bị trả muộn 7 ngày so với giấy hẹn.',
  idempotencyKey: randomBytes(16).toString('base64url'),
  ...extra,
});

/** Submits through `app` and returns the receipt. */
async function submit(app: PaknApp): Promise<{ reference: string; accessKey: string }> {
  const res = await answer(app, widget('/trpc/case.submit', report({ proof: await proof(app) }), SUBMITTER));
  expect(res.status, res.body).toBe(200);
  return (JSON.parse(res.body) as { result: { data: { reference: string; accessKey: string } } }).result.data;
}

const configCall = (input: string | null, headers: Record<string, string> = {}): Call => ({
  path: `/trpc/site.config${input === null ? '' : `?input=${encodeURIComponent(input)}`}`,
  headers: { 'x-pakn-lang': 'en', origin: WARD, ...headers },
});

describe('issue 11: the widget’s calls answer as tRPC’s fetch adapter does', () => {
  it('site configuration: success, bad JSON, validation, unknown site, foreign origin, HEAD', async () => {
    expect((await same(configCall(JSON.stringify({ siteKey: DEMO_SITE_KEY })))).status).toBe(200);
    expect((await same(configCall('{"siteKey":'))).status).toBe(400);
    expect((await same(configCall(null))).status).toBe(400);
    expect((await same(configCall(JSON.stringify({ siteKey: '' })))).status).toBe(400);
    const unknown = await same(configCall(JSON.stringify({ siteKey: 'no-such-site' })));
    expect(unknown.status, unknown.body).toBe(400);
    expect((await same(configCall(JSON.stringify({ siteKey: DEMO_SITE_KEY }), { origin: FOREIGN }))).status).toBe(403);
    await same({ ...configCall(JSON.stringify({ siteKey: DEMO_SITE_KEY })), method: 'HEAD' });
    await same(configCall(JSON.stringify({ siteKey: DEMO_SITE_KEY }), { 'content-type': 'multipart/form-data; boundary=x' }));
  });

  it('challenge and submission: success, retry, validation, foreign origin, honeypot, spent proof', async () => {
    const challenge = await same(widget('/trpc/case.challenge', { siteKey: DEMO_SITE_KEY }, { 'x-pakn-lang': 'en' }), 'shape');
    expect(challenge.status).toBe(200);
    await same(widget('/trpc/case.challenge', { siteKey: DEMO_SITE_KEY }, { origin: FOREIGN }));
    // Each app submits with its own proof; then the same request again is a retry answered with the receipt.
    const fastReport = report({ proof: await proof(pair.fast) });
    const adapterReport = report({ proof: await proof(pair.adapter) });
    const fast = await answer(pair.fast, widget('/trpc/case.submit', fastReport, SUBMITTER));
    const adapter = await answer(pair.adapter, widget('/trpc/case.submit', adapterReport, SUBMITTER));
    expect(fast.status).toBe(200);
    expect([fast.status, fast.headers, shape(fast.body)]).toEqual([adapter.status, adapter.headers, shape(adapter.body)]);
    expect((await answer(pair.adapter, widget('/trpc/case.submit', fastReport, SUBMITTER))).body).toBe(fast.body);
    expect((await answer(pair.fast, widget('/trpc/case.submit', adapterReport, SUBMITTER))).body).toBe(adapter.body);
    expect((await same(widget('/trpc/case.submit', report({ proof: 'bm90LWEtcHJvb2Y=', description: '' })))).status).toBe(400);
    expect((await same(widget('/trpc/case.submit', report({ proof: await proof(pair.fast) }), { origin: FOREIGN }))).status).toBe(403);
    const honeypot = report({ proof: await proof(pair.fast), website: 'http://spam.example' });
    expect((await same(widget('/trpc/case.submit', honeypot, { 'x-pakn-lang': 'en', ...SUBMITTER }))).status).toBe(400);
    // A proof spent by the fast app, then by the adapter with another key: refused.
    const reused = await proof(pair.fast);
    expect((await answer(pair.fast, widget('/trpc/case.submit', report({ proof: reused }), SUBMITTER))).status).toBe(200);
    const spent = await same(widget('/trpc/case.submit', report({ proof: reused }), SUBMITTER));
    expect(spent.status, spent.body).toBe(400);
  });

  it('tracking and the case actions: success, not found, conflicts, validation, rate limit', async () => {
    const receipt = await submit(pair.fast);
    const ip = randomIp();
    const track = (input: unknown) => widget('/trpc/case.track', input, { 'x-real-ip': ip });
    expect((await same(track(receipt))).status).toBe(200);
    expect((await same(widget('/trpc/case.track', { ...receipt, accessKey: 'WRONG-KEY-0000' }))).status).toBe(404);
    expect((await same(widget('/trpc/case.track', { reference: receipt.reference }))).status).toBe(400);
    // Each app counts its own calls: the address's second tracking of the hour passes, the third is refused.
    expect((await same(track(receipt))).status).toBe(200);
    const limited = await same(track(receipt));
    expect(limited.status).toBe(429);
    expect((await same(widget('/trpc/case.rate', { ...receipt, score: 5 }))).status).toBe(409);
    expect((await same(widget('/trpc/case.requestReview', { ...receipt, reason: 'Tôi chưa đồng ý với câu trả lời.' }))).status).toBe(409);
    expect((await same(widget('/trpc/case.provideInfo', { ...receipt, message: 'Số biên nhận 123.' }))).status).toBe(409);
  });

  it('bodies the widget never sends: bad JSON, empty, oversized, wrong type, wrong method, batch, stream, unknown path', async () => {
    expect((await same(widget('/trpc/case.track', '{"reference":'))).status).toBe(400);
    expect((await same(widget('/trpc/case.track', ''))).status).toBe(400);
    expect((await same(widget('/trpc/case.track', JSON.stringify({ reference: 'x'.repeat(70_000), accessKey: 'k' })))).status).toBe(413);
    expect((await same(widget('/trpc/case.track', '{}', { 'content-type': 'text/plain' }))).status).toBe(415);
    await same(widget('/trpc/case.track', '{}', { 'content-type': 'application/json-patch+json' }));
    expect((await same({ path: '/trpc/case.track', headers: { origin: WARD } })).status).toBe(405);
    await same(widget('/trpc/case.track,case.track?batch=1', JSON.stringify({ 0: { reference: 'a', accessKey: 'b' }, 1: {} })));
    await same(widget('/trpc/case.track', '{}', { 'trpc-accept': 'application/jsonl' }));
    await same(widget('/trpc/case.track?connectionParams=1', '{}'));
    expect((await same(widget('/trpc/case.nothing', '{}'))).status).toBe(404);
    await same({ path: '/trpc/case.track', method: 'OPTIONS', headers: { origin: WARD, 'access-control-request-method': 'POST' } });
  });

  it('a fault inside a procedure: the same 500 and the same one log line', async () => {
    const broken = await Db.open({ url: ':memory:' });
    try {
      await migrate(broken);
      await seedDemo(broken, { demoSiteOrigins: [WARD], now: NOW, withSampleCases: false });
      const faulty = await pairOver(broken, {});
      await broken.execute('DROP TABLE categories');
      const call = configCall(JSON.stringify({ siteKey: DEMO_SITE_KEY }));
      const fast = await answer(faulty.fast, call);
      const adapter = await answer(faulty.adapter, call);
      expect(fast.status).toBe(500);
      expect([fast.status, fast.headers, fast.body]).toEqual([adapter.status, adapter.headers, adapter.body]);
      const logged = (lines: string[]) =>
        lines.map((line) => {
          const { msg, reqId, procedure, err } = JSON.parse(line) as { msg: string; reqId: string; procedure: string; err: { message: string } };
          return { msg, reqId, procedure, message: err.message };
        });
      expect(logged(faulty.lines.fast)).toHaveLength(1);
      expect(logged(faulty.lines.fast)).toEqual(logged(faulty.lines.adapter));
    } finally {
      broken.close();
    }
  });
});

describe('issue 11: which calls the fast path answers', () => {
  // Behind it, a marker answer: what the fast path leaves to tRPC's adapter.
  const app = new Hono<AppEnv>();
  app.use('/trpc/*', async (c, next) => {
    c.set('lang', 'vi');
    await next();
  });
  app.use('/trpc/*', citizenCalls({ createContext: () => Promise.reject(new Error('context refused')), onError: () => undefined }));
  app.all('/trpc/*', (c) => c.text('adapter', 202));
  const status = async (path: string, init: RequestInit = {}) => (await app.request(path, init)).status;
  const post = (extra: Record<string, string> = {}): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json', ...extra }, body: '{}' });

  it('answers each widget call in the widget’s form', async () => {
    // The context refused: a 500 from the fast path, never the marker.
    expect(await status('/trpc/site.config?input=%7B%7D')).toBe(500);
    for (const path of CITIZEN_PROCEDURES.filter((p) => p !== 'site.config')) expect(await status(`/trpc/${path}`, post()), path).toBe(500);
    expect(await status('/trpc/case.track', post({ 'content-type': 'Application/JSON; charset=utf-8' }))).toBe(500);
  });

  it('leaves every other form to the adapter', async () => {
    expect(await status('/trpc/case.track')).toBe(202);
    expect(await status('/trpc/site.config', post())).toBe(202);
    expect(await status('/trpc/site.config', { method: 'HEAD' })).toBe(202);
    expect(await status('/trpc/case.track?batch=1', post())).toBe(202);
    expect(await status('/trpc/case.track,case.track', post())).toBe(202);
    expect(await status('/trpc/case.track', post({ 'trpc-accept': 'application/jsonl' }))).toBe(202);
    expect(await status('/trpc/case.track', post({ accept: 'text/html, application/jsonl' }))).toBe(202);
    expect(await status('/trpc/case.track', post({ 'content-type': 'application/json-patch+json' }))).toBe(202);
    expect(await status('/trpc/case.inbox?input=%7B%7D')).toBe(202);
    expect(await status('/trpc/auth.login', post())).toBe(202);
  });
});
