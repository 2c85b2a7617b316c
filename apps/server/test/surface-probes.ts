/**
 * One request of each kind every surface answers (health, tRPC, files, exports, widget, hosted page, portal,
 * not found), and the headers it came back with, normalised: the session token, dates and the request id vary
 * from run to run. surface-headers.test.ts holds them against the headers the server sent before issue 10.
 * Not a test file itself.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Db, migrate } from '@pakn/db';
import type { PaknApp } from '../src/app.ts';
import { createApp } from '../src/app.ts';
import { parseEnv } from '../src/env.ts';
import { DEMO_PASSWORD, DEMO_SITE_KEY, seedDemo } from '../src/seed.ts';
import { AssetDirectory } from '../src/static-assets.ts';
import { solveChallenge } from '@pakn/api';

export const OWN = 'http://127.0.0.1:8080';
const WARD = 'http://127.0.0.1:8081';
const PDF = new TextEncoder().encode(`%PDF-1.7\n${'x'.repeat(600)}`);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array<number>(300).fill(0)]);

export interface SeenResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
}

/** A cookie's attributes in a fixed order (their order means nothing to a browser, RFC 6265). */
function cookieAttributesSorted(cookie: string): string {
  const [pair = '', ...attributes] = cookie.split('; ');
  return [pair, ...attributes.sort()].join('; ');
}

/** Headers as a sorted plain object, without what changes from run to run. */
function seen(res: Response): SeenResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of [...res.headers.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (name === 'x-request-id') continue;
    const normalised = value.replace(/pakn_session=[\w-]{43}/, 'pakn_session=<token>').replace(/\d{4}-\d{2}-\d{2}/g, '<date>');
    headers[name] = name === 'set-cookie' ? cookieAttributesSorted(normalised) : normalised;
  }
  return { status: res.status, headers };
}

/** The app over a fresh database with demo data and small built assets; `https` puts it behind TLS. */
export async function probeApp(env: Record<string, string> = {}): Promise<{ app: PaknApp; close: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'pakn-probe-'));
  const files: Record<string, string> = {
    'widget/v1/loader.js': `/* loader */ ${'console.log("pakn");'.repeat(40)}`,
    'widget/v1/assets/pakn-widget-abc123.js': `export const x = 1; ${'/* pad */'.repeat(60)}`,
    'widget/v1/hosted.html': '<!doctype html><title>Phản ánh</title><pakn-widget></pakn-widget>',
    'widget/v1/frame.html': '<!doctype html><title>frame</title>',
    'portal/index.html': '<!doctype html><title>PAKN</title><script type="module" src="/portal/assets/shell-1.js"></script>',
    'portal/assets/shell-1.js': 'export {};',
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  const db = await Db.open({ url: ':memory:' });
  await migrate(db);
  await seedDemo(db, { demoSiteOrigins: [WARD], now: new Date(), withSampleCases: false });
  const config = parseEnv({ PORT: '8080', POW_MAX_NUMBER: '100', PAKN_SECRET: 'probe-test-secret-0123456789', LOG_LEVEL: 'silent', ...env });
  const app = createApp({ db, config, widgetAssets: new AssetDirectory(join(dir, 'widget')), portalAssets: new AssetDirectory(join(dir, 'portal')) });
  return {
    app,
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type Send = (path: string, init?: RequestInit) => Promise<Response>;

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

type Probes = Record<string, () => Promise<Response>>;

function preflight(send: Send, path: string, origin: string): Promise<Response> {
  return send(path, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-pakn-lang' },
  });
}

/** The health check and the tRPC endpoint: queries, preflights, sign-in and out, bodies it refuses. */
function trpcProbes(send: Send, staff: Record<string, string>, own: string): Probes {
  return {
    health: () => send('/healthz'),
    'trpc query': () => send(`/trpc/site.config?input=${encodeURIComponent(JSON.stringify({ siteKey: DEMO_SITE_KEY }))}`, { headers: { origin: WARD } }),
    'trpc preflight, registered site': () => preflight(send, '/trpc/case.submit', WARD),
    'trpc preflight, foreign site': () => preflight(send, '/trpc/case.submit', 'http://evil.test'),
    'trpc login': () => send('/trpc/auth.login', json({ username: 'tiepnhan', password: DEMO_PASSWORD }, { origin: own, 'x-pakn-csrf': '1' })),
    'trpc logout': async () => {
      // Its own session: the officer's stays signed in for the probes after it.
      const login = await send('/trpc/auth.login', json({ username: 'tiepnhan', password: DEMO_PASSWORD }, { origin: own, 'x-pakn-csrf': '1' }));
      const session = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      return send('/trpc/auth.logout', json({}, { ...staff, cookie: session }));
    },
    'trpc bad login': () => send('/trpc/auth.login', json({ username: 'tiepnhan', password: 'wrong-password-123' }, { origin: own, 'x-pakn-csrf': '1' })),
    'trpc form body': () => send('/trpc/auth.logout', { method: 'POST', headers: { 'content-type': 'text/plain', ...staff }, body: '{}' }),
    'trpc too large': () => send('/trpc/case.submit', json({ description: 'x'.repeat(70_000) }, { origin: WARD })),
    'trpc unknown procedure': () => send('/trpc/nothing.here', json({}, { origin: WARD })),
  };
}

/** Citizens' uploads, staff downloads, exports and answer files. */
function fileProbes(send: Send, staff: Record<string, string>, own: string): Probes {
  return {
    upload: () =>
      send('/api/v1/attachments', {
        method: 'POST',
        headers: { origin: WARD, 'x-pakn-site': DEMO_SITE_KEY, 'x-pakn-filename': 'anh.png', 'content-type': 'image/png' },
        body: PNG,
      }),
    'upload wrong type': () =>
      send('/api/v1/attachments', {
        method: 'POST',
        headers: { origin: WARD, 'x-pakn-site': DEMO_SITE_KEY, 'content-type': 'image/png' },
        body: new TextEncoder().encode('MZ not an image'),
      }),
    'upload too large': () =>
      send('/api/v1/attachments', {
        method: 'POST',
        headers: { origin: WARD, 'x-pakn-site': DEMO_SITE_KEY, 'content-type': 'image/png' },
        body: new Uint8Array(5 * 1024 * 1024 + 10),
      }),
    'upload foreign site': () =>
      send('/api/v1/attachments', {
        method: 'POST',
        headers: { origin: 'http://evil.test', 'x-pakn-site': DEMO_SITE_KEY, 'content-type': 'image/png' },
        body: PNG,
      }),
    'upload preflight': () => preflight(send, '/api/v1/attachments', WARD),
    'staff download by link': () => send('/api/v1/attachments/abc'),
    'staff download unknown': () => send('/api/v1/attachments/abc', { method: 'POST', headers: staff }),
    'staff download signed out': () => send('/api/v1/attachments/abc', { method: 'POST', headers: { origin: own, 'x-pakn-csrf': '1' } }),
    'staff download form body': () => send('/api/v1/attachments/abc', { method: 'POST', headers: { ...staff, 'content-type': 'text/plain' }, body: 'x' }),
    export: () => send('/api/v1/exports/cases.csv', json({ status: 'all' }, staff)),
    'export by link': () => send('/api/v1/exports/cases.csv'),
    'export form body': () => send('/api/v1/exports/cases.csv', { method: 'POST', headers: { ...staff, 'content-type': 'text/plain' }, body: '{}' }),
    'export bad filter': () => send('/api/v1/exports/unit-evaluation.csv', json({ from: 'x', to: 'y' }, { ...staff })),
    'export unknown file': () => send('/api/v1/exports/other.csv', json({}, staff)),
    'export signed out': () => send('/api/v1/exports/cases.csv', json({}, { origin: own, 'x-pakn-csrf': '1' })),
    'answer file upload signed out': () =>
      send('/api/v1/answer-attachments', { method: 'POST', headers: { origin: own, 'x-pakn-csrf': '1', 'content-type': 'application/pdf' }, body: PDF }),
    'answer file remove unknown': () => send('/api/v1/answer-attachments/abc', { method: 'DELETE', headers: staff }),
    'answer file by link': () => send('/api/v1/answer-attachments/abc'),
    'answer file unknown': () => send('/api/v1/answer-attachments/abc', { method: 'POST', headers: staff }),
    'citizen answer file unknown': () =>
      send('/api/v1/answer-attachments/abc/download', json({ reference: 'PAKN-2026-000001', accessKey: 'x' }, { origin: WARD })),
    'citizen answer file preflight': () => preflight(send, '/api/v1/answer-attachments/abc/download', WARD),
  };
}

/** The hosted page, the widget's frame and files, the portal and what is not there. */
function pageProbes(send: Send): Probes {
  return {
    'hosted page': () => send(`/c/${DEMO_SITE_KEY}`),
    'hosted page unknown site': () => send('/c/unknown-site'),
    frame: () => send(`/widget/v1/frame.html?site=${DEMO_SITE_KEY}`),
    'frame unknown site': () => send('/widget/v1/frame.html?site=nope'),
    'widget loader': () => send('/widget/v1/loader.js', { headers: { 'accept-encoding': 'gzip, br' } }),
    'widget loader head': () => send('/widget/v1/loader.js', { method: 'HEAD' }),
    'widget hashed asset': () => send('/widget/v1/assets/pakn-widget-abc123.js', { headers: { 'accept-encoding': 'gzip' } }),
    'widget missing asset': () => send('/widget/v1/assets/nope.js'),
    root: () => send('/'),
    'portal without slash': () => send('/portal'),
    'portal shell': () => send('/portal/'),
    'portal client route': () => send('/portal/cases/123'),
    'portal asset': () => send('/portal/assets/shell-1.js'),
    'portal missing asset': () => send('/portal/assets/nope.js'),
    'not found': () => send('/nothing/here'),
  };
}

/** Requests that need no state but a signed-in officer: name → request. */
function statelessProbes(send: Send, cookie: string, own: string): Probes {
  const staff = { origin: own, 'x-pakn-csrf': '1', cookie };
  return { ...trpcProbes(send, staff, own), ...fileProbes(send, staff, own), ...pageProbes(send) };
}

/** Solves a proof-of-work challenge as the widget does. */
async function proof(send: Send): Promise<string> {
  const res = await send('/trpc/case.challenge', json({ siteKey: DEMO_SITE_KEY }, { origin: WARD }));
  const challenge = ((await res.json()) as { result: { data: { challenge: string; salt: string; maxnumber: number } } }).result.data;
  return solveChallenge(challenge);
}

/** A report with a photo, and the photo downloaded by an officer who may see it. */
async function downloadProbes(send: Send, cookie: string, own: string): Promise<Record<string, SeenResponse>> {
  const upload = await send('/api/v1/attachments', {
    method: 'POST',
    headers: { origin: WARD, 'x-pakn-site': DEMO_SITE_KEY, 'x-pakn-filename': 'anh.png' },
    body: PNG,
  });
  const { id } = (await upload.json()) as { id: string };
  const report = {
    siteKey: DEMO_SITE_KEY,
    category: 'late_result',
    description: 'Hồ sơ đăng ký kết hôn của tôi bị trả muộn 7 ngày so với giấy hẹn.',
    idempotencyKey: randomBytes(16).toString('base64url'),
    proof: await proof(send),
    attachments: [id],
  };
  const submitted = await send('/trpc/case.submit', json(report, { origin: WARD }));
  if (submitted.status !== 200) throw new Error(`submit answered ${submitted.status}`);
  const download = await send(`/api/v1/attachments/${id}`, { method: 'POST', headers: { origin: own, 'x-pakn-csrf': '1', cookie } });
  const receipt = ((await submitted.json()) as { result: { data: { reference: string; accessKey: string } } }).result.data;
  return { submit: seen(submitted), 'staff download': seen(download), ...(await answerFileProbes(send, own, receipt)) };
}

/** The case forwarded, answered with a PDF and verified: the answer's file for staff and for the citizen. */
async function answerFileProbes(send: Send, own: string, receipt: { reference: string; accessKey: string }): Promise<Record<string, SeenResponse>> {
  const as = async (username: string) => {
    const res = await send('/trpc/auth.login', json({ username, password: DEMO_PASSWORD }, { origin: own, 'x-pakn-csrf': '1' }));
    return { origin: own, 'x-pakn-csrf': '1', cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
  };
  const step = async (path: string, input: unknown, headers: Record<string, string>) => {
    const res = await send(`/trpc/${path}`, json(input, headers));
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    return res;
  };
  const officer = await as('tiepnhan');
  const inbox = await send(`/trpc/case.inbox?input=${encodeURIComponent(JSON.stringify({ status: 'all' }))}`, { headers: { cookie: officer.cookie } });
  const cases = ((await inbox.json()) as { result: { data: { items: { id: string; reference: string }[] } } }).result.data.items;
  const caseId = cases.find((c) => c.reference === receipt.reference)?.id ?? '';
  await step('case.classify', { caseId, scope: 'in', category: 'late_result' }, officer);
  await step('case.draftForwarding', { caseId, unitId: 'ward-hoan-kiem', confirmSelfReview: true }, officer);
  await step('case.approveForwarding', { caseId }, await as('giamdoc'));
  const handler = await as('xuly.hoankiem');
  await step('case.acknowledge', { caseId }, handler);
  const uploaded = await send('/api/v1/answer-attachments', {
    method: 'POST',
    headers: { ...handler, 'x-pakn-case': caseId, 'x-pakn-filename': 'ket-qua.pdf' },
    body: PDF,
  });
  const file = (await uploaded.clone().json()) as { id: string };
  const answer = {
    caseId,
    outcome: 'substantiated',
    answer: 'Phường đã trả kết quả hồ sơ và xin lỗi công dân.',
    attachments: [{ id: file.id, internal: false }],
  };
  await step('case.submitAnswer', answer, handler);
  const staffCopy = await send(`/api/v1/answer-attachments/${file.id}`, { method: 'POST', headers: officer });
  await step('case.verifyAnswer', { caseId }, officer);
  const citizenCopy = await send(`/api/v1/answer-attachments/${file.id}/download`, json(receipt, { origin: WARD }));
  return { 'answer file upload': seen(uploaded), 'answer file staff download': seen(staffCopy), 'answer file citizen download': seen(citizenCopy) };
}

/** Sends every probe in order and records what came back. */
export async function runProbes(app: PaknApp, own = OWN): Promise<Record<string, SeenResponse>> {
  const send: Send = async (path, init) => app.request(path, init);
  const login = await send('/trpc/auth.login', json({ username: 'giamdoc', password: DEMO_PASSWORD }, { origin: own, 'x-pakn-csrf': '1' }));
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const out: Record<string, SeenResponse> = {};
  for (const [name, probe] of Object.entries(statelessProbes(send, cookie, own))) {
    const res = await probe();
    out[name] = seen(res);
    await res.arrayBuffer();
  }
  Object.assign(out, await downloadProbes(send, cookie, own));
  const etag = (await send('/widget/v1/loader.js')).headers.get('etag') ?? '';
  out['widget loader not modified'] = seen(await send('/widget/v1/loader.js', { headers: { 'if-none-match': etag } }));
  return out;
}
