import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { Db, MIGRATIONS, migrate } from '@pakn/db';
import type { PaknApp } from '../src/app.ts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { parseEnv } from '../src/env.ts';
import { DEMO_PASSWORD, DEMO_SITE_KEY, seedDemo } from '../src/seed.ts';
import { AssetDirectory } from '../src/static-assets.ts';
import { solveChallenge } from '@pakn/api';

const OWN = 'http://127.0.0.1:8080';
const WARD = 'http://127.0.0.1:8081';
const description = 'Hồ sơ đăng ký kết hôn của tôi bị trả muộn 7 ngày so với giấy hẹn.';

let assetsDir: string;
let db: Db;
let app: PaknApp;

beforeAll(() => {
  assetsDir = mkdtempSync(join(tmpdir(), 'pakn-assets-'));
  mkdirSync(join(assetsDir, 'widget/v1/assets'), { recursive: true });
  mkdirSync(join(assetsDir, 'portal/assets'), { recursive: true });
  writeFileSync(join(assetsDir, 'widget/v1/loader.js'), `/* loader */ ${'console.log("pakn");'.repeat(40)}`);
  writeFileSync(join(assetsDir, 'widget/v1/assets/pakn-widget-abc123.js'), `export const x = 1; ${'/* pad */'.repeat(60)}`);
  writeFileSync(join(assetsDir, 'widget/v1/hosted.html'), '<!doctype html><title>Phản ánh</title><pakn-widget></pakn-widget>');
  writeFileSync(join(assetsDir, 'widget/v1/frame.html'), '<!doctype html><title>frame</title>');
  writeFileSync(join(assetsDir, 'portal/index.html'), '<!doctype html><title>PAKN</title><script type="module" src="/portal/assets/shell.js"></script>');
  writeFileSync(join(assetsDir, 'portal/assets/shell-1.js'), 'export {};');
});
afterAll(() => rmSync(assetsDir, { recursive: true, force: true }));

async function build(env: Record<string, string> = {}) {
  db = await Db.open({ url: ':memory:' });
  await migrate(db);
  await seedDemo(db, { demoSiteOrigins: [WARD], now: new Date(), withSampleCases: false });
  const config = parseEnv({ PORT: '8080', POW_MAX_NUMBER: '100', PAKN_SECRET: 'http-test-secret-0123456789', LOG_LEVEL: 'silent', ...env });
  app = createApp({
    db,
    config,
    widgetAssets: new AssetDirectory(join(assetsDir, 'widget')),
    portalAssets: new AssetDirectory(join(assetsDir, 'portal')),
  });
}
beforeEach(() => build());
afterEach(() => db.close());

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Asks for a challenge and solves it, as the widget does. */
async function proof(): Promise<string> {
  const res = await post('/trpc/case.challenge', { siteKey: DEMO_SITE_KEY }, { origin: WARD });
  const challenge = ((await res.json()) as { result: { data: { challenge: string; salt: string; maxnumber: number } } }).result.data;
  return solveChallenge(challenge);
}

async function report(extra: Record<string, unknown> = {}) {
  return {
    siteKey: DEMO_SITE_KEY,
    category: 'late_result',
    description,
    idempotencyKey: randomBytes(16).toString('base64url'),
    proof: await proof(),
    ...extra,
  };
}

async function login(username = 'tiepnhan'): Promise<string> {
  const res = await post('/trpc/auth.login', { username, password: DEMO_PASSWORD }, { origin: OWN, 'x-pakn-csrf': '1' });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describe('health', () => {
  it('reports the schema version of the embedded database', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', schemaVersion: MIGRATIONS.at(-1)!.version, database: 'embedded' });
  });
});

describe('citizen calls across origins', () => {
  it('lets a registered site through CORS, without credentials', async () => {
    const res = await app.request('/trpc/case.submit', {
      method: 'OPTIONS',
      headers: { origin: WARD, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-pakn-lang' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(WARD);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('gives a foreign origin no CORS grant and refuses its submission', async () => {
    const preflight = await app.request('/trpc/case.submit', {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.test', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const res = await post('/trpc/case.submit', await report(), { origin: 'http://evil.test' });
    expect(res.status).toBe(403);
  });

  it('accepts a submission from the registered site and returns reference and key', async () => {
    const res = await post('/trpc/case.submit', await report(), { origin: WARD });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: { reference: string; accessKey: string } } };
    expect(body.result.data.reference).toMatch(/^PAKN-\d{4}-\d{6}$/);
  });

  it('explains bad input per field in the language asked for, without internals', async () => {
    const bad = await report({ description: 'ngắn' });
    const vi = (await (await post('/trpc/case.submit', bad, { origin: WARD })).json()) as { error: { message: string; data: Record<string, unknown> } };
    expect(vi.error.message).toBe('Dữ liệu không hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.');
    expect(vi.error.data.fieldErrors).toEqual({ description: 'Cần ít nhất 20 ký tự.' });
    const en = (await (await post('/trpc/case.submit', bad, { origin: WARD, 'x-pakn-lang': 'en' })).json()) as { error: { data: { fieldErrors: unknown } } };
    expect(en.error.data.fieldErrors).toEqual({ description: 'Enter at least 20 characters.' });
    expect(JSON.stringify(vi)).not.toMatch(/stack|\.ts|node_modules|SELECT|INSERT/);
  });

  it('never accepts the tracking secret in a URL', async () => {
    const input = encodeURIComponent(JSON.stringify({ reference: 'PAKN-2026-000001', accessKey: 'AAAA-AAAA-AAAA-AAAA-AAAA' }));
    const res = await app.request(`/trpc/case.track?input=${input}`, { headers: { origin: WARD } });
    expect(res.status).toBe(405);
  });
});

describe('request size', () => {
  const huge = JSON.stringify({
    siteKey: DEMO_SITE_KEY,
    category: 'late_result',
    description: 'x'.repeat(100_000),
    idempotencyKey: 'k'.repeat(22),
    proof: 'p',
  });

  it('refuses a body over the limit announced by Content-Length', async () => {
    const res = await post('/trpc/case.submit', huge, { origin: WARD });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('Nội dung gửi quá lớn.');
  });

  it('refuses a chunked body over the limit, and stores nothing', async () => {
    const bytes = new TextEncoder().encode(huge);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.slice(i, i + 8192));
        controller.close();
      },
    });
    const res = await app.request('/trpc/case.submit', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: WARD },
      body: stream,
      // Node's fetch needs duplex for a streamed body.
      duplex: 'half',
    });
    expect(res.status).toBe(413);
    expect((await db.execute('SELECT COUNT(*) AS n FROM cases')).rows[0]?.n).toBe(0);
  });
});

describe('staff session', () => {
  it('sets an HttpOnly, SameSite=Strict cookie, Secure behind HTTPS', async () => {
    const res = await post('/trpc/auth.login', { username: 'tiepnhan', password: DEMO_PASSWORD }, { origin: OWN, 'x-pakn-csrf': '1' });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^pakn_session=[\w-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');

    db.close();
    await build({ PUBLIC_URL: 'https://pakn.example.gov.vn' });
    const secure = await post(
      '/trpc/auth.login',
      { username: 'tiepnhan', password: DEMO_PASSWORD },
      { origin: 'https://pakn.example.gov.vn', 'x-pakn-csrf': '1' },
    );
    expect(secure.headers.get('set-cookie')).toContain('Secure');
  });

  it('refuses a cross-site post even with the cookie, whatever its content type', async () => {
    const cookie = await login();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream']) {
      const res = await app.request('/trpc/auth.logout', {
        method: 'POST',
        headers: { cookie, origin: 'http://evil.test', 'content-type': type },
        body: '{}',
      });
      expect(res.status, type).toBe(415);
    }
    const json = await post('/trpc/auth.logout', {}, { cookie, origin: 'http://evil.test' });
    expect(json.status).toBe(403);
    const noHeader = await post('/trpc/auth.logout', {}, { cookie, origin: OWN });
    expect(noHeader.status).toBe(403);
    const me = await app.request('/trpc/auth.me', { headers: { cookie } });
    expect(((await me.json()) as { result: { data: { username: string } } }).result.data.username).toBe('tiepnhan');
  });

  it('lets the portal read the inbox with the cookie, and nobody without it', async () => {
    const cookie = await login();
    const ok = await app.request(`/trpc/case.inbox?input=${encodeURIComponent('{}')}`, { headers: { cookie } });
    expect(ok.status).toBe(200);
    const anonymous = await app.request(`/trpc/case.inbox?input=${encodeURIComponent('{}')}`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { message: string } }).error.message).toBe('Vui lòng đăng nhập.');
  });

  it('hides internal failures behind a plain message', async () => {
    const cookie = await login();
    db.close();
    const res = await app.request(`/trpc/case.inbox?input=${encodeURIComponent('{}')}`, { headers: { cookie } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).toContain('Hệ thống gặp sự cố');
    expect(text).not.toMatch(/stack|\.ts|node_modules|CLIENT_CLOSED|SQL/);
  });
});

describe('widget and portal assets', () => {
  it('serves the loader cross-origin with a short cache, compressed', async () => {
    const res = await app.request('/widget/v1/loader.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=3600');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toContain('/* loader */');
  });

  it('serves hashed chunks as immutable, brotli when asked, and 304 on a matching ETag', async () => {
    const res = await app.request('/widget/v1/assets/pakn-widget-abc123.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('br');
    const again = await app.request('/widget/v1/assets/pakn-widget-abc123.js', { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('serves the portal shell for its client-side routes, under a strict CSP', async () => {
    const res = await app.request('/portal/cases/some-id');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>PAKN</title>');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    // Issue 9: Trusted Types enforced, with Lit's policy the only one the portal may create.
    expect(res.headers.get('content-security-policy')).toContain("require-trusted-types-for 'script'");
    expect(res.headers.get('content-security-policy')).toMatch(/(^|; )trusted-types lit-html(;|$)/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect((await app.request('/portal/assets/missing.js')).status).toBe(404);
  });
});

describe('configuration', () => {
  it('resolves a relative database file against the folder pnpm was started in', () => {
    expect(parseEnv({ INIT_CWD: '/srv/pakn' }).database.url).toBe('file:/srv/pakn/data/pakn.db');
    expect(parseEnv({ DATABASE_URL: 'file:/var/lib/pakn.db' }).database.url).toBe('file:/var/lib/pakn.db');
    expect(parseEnv({ DATABASE_URL: 'libsql://pakn.example.turso.io', DATABASE_AUTH_TOKEN: 't' }).database.url).toBe('libsql://pakn.example.turso.io');
  });

  it('stops with a message naming the bad variable', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseEnv({ SEED_DEMO: 'yes' })).toThrow(/SEED_DEMO/);
  });
});

describe('attachments over HTTP', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
  const upload = (body: RequestInit['body'], headers: Record<string, string> = {}) =>
    app.request('/api/v1/attachments', {
      method: 'POST',
      headers: {
        origin: WARD,
        'x-pakn-site': DEMO_SITE_KEY,
        'content-type': 'image/png',
        'x-pakn-filename': encodeURIComponent('ảnh giấy hẹn.png'),
        ...headers,
      },
      body,
    });

  it('lets a registered site preflight and upload an image', async () => {
    const preflight = await app.request('/api/v1/attachments', {
      method: 'OPTIONS',
      headers: { origin: WARD, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-pakn-site,x-pakn-filename' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(WARD);
    const res = await upload(png);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ type: 'image/png', size: png.length, name: 'ảnh giấy hẹn.png' });
  });

  it("refuses a file whose bytes are not an image or PDF, whatever it claims, in the user's language", async () => {
    const res = await upload(new TextEncoder().encode('<script>alert(1)</script>'), { 'content-type': 'image/png', 'x-pakn-lang': 'en' });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: { reason: 'attachment_type', message: 'Only images (JPEG, PNG, WebP) or PDF files are accepted.' } });
  });

  it('refuses a file over 5 MB before reading it all', async () => {
    const res = await upload(new Uint8Array(5 * 1024 * 1024 + 10));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('Tệp quá lớn (tối đa 5 MB).');
  });

  it('refuses a foreign origin', async () => {
    expect((await upload(png, { origin: 'http://evil.test' })).status).toBe(403);
  });

  it("lets signed-in staff download a citizen's file, never inline, and nobody else", async () => {
    const uploaded = (await (await upload(png)).json()) as { id: string };
    expect((await post('/trpc/case.submit', await report({ attachments: [uploaded.id] }), { origin: WARD })).status).toBe(200);
    // A download is audited: a POST from the portal with the anti-CSRF header (issue 9), and a session.
    const staffDownload = (cookie: string) =>
      app.request(`/api/v1/attachments/${uploaded.id}`, { method: 'POST', headers: { origin: OWN, 'x-pakn-csrf': '1', cookie } });
    expect((await staffDownload('')).status).toBe(401);
    const cookie = await login();
    const res = await staffDownload(cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''/);
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(png);
    expect(
      (await app.request('/api/v1/attachments/nope-nope-nope-nope', { method: 'POST', headers: { origin: OWN, 'x-pakn-csrf': '1', cookie } })).status,
    ).toBe(404);
  });
});

describe('answer files over HTTP', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
  const staffPost = (path: string, body: unknown, cookie: string) => post(path, body, { origin: OWN, 'x-pakn-csrf': '1', cookie });
  const uploadAnswerFile = (caseId: string, cookie: string, body: RequestInit['body'] = pdf, headers: Record<string, string> = {}) =>
    app.request('/api/v1/answer-attachments', {
      method: 'POST',
      headers: {
        origin: OWN,
        'x-pakn-csrf': '1',
        cookie,
        'x-pakn-case': caseId,
        'x-pakn-filename': encodeURIComponent('kết quả.pdf'),
        'content-type': 'application/pdf',
        ...headers,
      },
      body,
    });

  /** A case of the demo ward, forwarded, approved and acknowledged: its handler can answer. */
  async function caseInProgress() {
    const receipt = (
      (await (await post('/trpc/case.submit', await report(), { origin: WARD })).json()) as { result: { data: { reference: string; accessKey: string } } }
    ).result.data;
    const officer = await login('tiepnhan');
    const inbox = (await (
      await app.request(`/trpc/case.inbox?input=${encodeURIComponent(JSON.stringify({ status: 'all' }))}`, { headers: { cookie: officer } })
    ).json()) as {
      result: { data: { items: { id: string; reference: string }[] } };
    };
    const caseId = inbox.result.data.items.find((c) => c.reference === receipt.reference)!.id;
    expect((await staffPost('/trpc/case.classify', { caseId, scope: 'in', category: 'late_result' }, officer)).status).toBe(200);
    expect((await staffPost('/trpc/case.draftForwarding', { caseId, unitId: 'ward-hoan-kiem', confirmSelfReview: true }, officer)).status).toBe(200);
    expect((await staffPost('/trpc/case.approveForwarding', { caseId }, await login('giamdoc'))).status).toBe(200);
    const handler = await login('xuly.hoankiem');
    expect((await staffPost('/trpc/case.acknowledge', { caseId }, handler)).status).toBe(200);
    return { caseId, receipt, officer, handler };
  }

  it("takes the handler's file from the portal only, and refuses a wrong type or size in the user's language", async () => {
    const { caseId, handler } = await caseInProgress();
    expect((await uploadAnswerFile(caseId, handler, pdf, { origin: WARD })).status).toBe(403);
    expect((await uploadAnswerFile(caseId, handler, pdf, { 'x-pakn-csrf': '0' })).status).toBe(403);
    expect((await uploadAnswerFile(caseId, '')).status).toBe(401);
    const wrongType = await uploadAnswerFile(caseId, handler, new TextEncoder().encode('MZ not a pdf'), { 'x-pakn-lang': 'en' });
    expect(wrongType.status).toBe(415);
    expect(await wrongType.json()).toEqual({ error: { reason: 'attachment_type', message: 'Only images (JPEG, PNG, WebP) or PDF files are accepted.' } });
    const tooBig = await uploadAnswerFile(caseId, handler, new Uint8Array(5 * 1024 * 1024 + 10));
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { error: { message: string } }).error.message).toBe('Tệp quá lớn (tối đa 5 MB).');
    const res = await uploadAnswerFile(caseId, handler);
    expect(res.status).toBe(201);
    const uploaded = (await res.json()) as { id: string; name: string };
    expect(uploaded).toMatchObject({ name: 'kết quả.pdf', type: 'application/pdf', size: pdf.length });
    // Removed before sending: gone for good.
    expect(
      (await app.request(`/api/v1/answer-attachments/${uploaded.id}`, { method: 'DELETE', headers: { origin: OWN, 'x-pakn-csrf': '1', cookie: handler } }))
        .status,
    ).toBe(204);
    expect(
      (await app.request(`/api/v1/answer-attachments/${uploaded.id}`, { method: 'POST', headers: { origin: OWN, 'x-pakn-csrf': '1', cookie: handler } }))
        .status,
    ).toBe(404);
  });

  it("lets the citizen download the verified answer's file from the site's page with reference and key, and nobody else", async () => {
    const { caseId, receipt, officer, handler } = await caseInProgress();
    const uploaded = (await (await uploadAnswerFile(caseId, handler)).json()) as { id: string };
    const answer = {
      caseId,
      outcome: 'substantiated',
      answer: 'Phường đã trả kết quả hồ sơ và xin lỗi công dân.',
      attachments: [{ id: uploaded.id, internal: false }],
    };
    expect((await staffPost('/trpc/case.submitAnswer', answer, handler)).status).toBe(200);
    const download = (proof: unknown, origin = WARD) => post(`/api/v1/answer-attachments/${uploaded.id}/download`, proof, { origin });
    expect((await download(receipt)).status).toBe(404);

    const staffCopy = await app.request(`/api/v1/answer-attachments/${uploaded.id}`, {
      method: 'POST',
      headers: { origin: OWN, 'x-pakn-csrf': '1', cookie: officer },
    });
    expect(staffCopy.status).toBe(200);
    expect(staffCopy.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''/);
    expect(new Uint8Array(await staffCopy.arrayBuffer())).toEqual(pdf);
    expect((await staffPost('/trpc/case.verifyAnswer', { caseId }, officer)).status).toBe(200);

    const preflight = await app.request(`/api/v1/answer-attachments/${uploaded.id}/download`, {
      method: 'OPTIONS',
      headers: { origin: WARD, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(WARD);
    const res = await download(receipt);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(WARD);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(pdf);
    expect((await download({ ...receipt, accessKey: 'AAAA-BBBB-CCCC-DDDD' })).status).toBe(404);
    expect((await download({})).status).toBe(404);
  });
});

describe('hosted page and iframe', () => {
  it('serves the hosted page of a registered site under a strict CSP with Trusted Types', async () => {
    const res = await app.request(`/c/${DEMO_SITE_KEY}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain('trusted-types pakn-widget');
    expect((await app.request('/c/unknown-site')).status).toBe(404);
  });

  it("lets only the site's own pages frame the iframe", async () => {
    const res = await app.request(`/widget/v1/frame.html?site=${DEMO_SITE_KEY}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain(`frame-ancestors ${WARD}`);
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect((await app.request('/widget/v1/frame.html?site=nope')).status).toBe(404);
  });
});

describe('the test clock', () => {
  it('does not exist unless TEST_CLOCK is on', async () => {
    expect((await post('/__test__/clock', { offsetMs: 1000 })).status).toBe(404);
  });

  it('moves the server clock forward for end-to-end tests', async () => {
    db.close();
    db = await Db.open({ url: ':memory:' });
    await migrate(db);
    const clock = { offsetMs: 0 };
    app = createApp({
      db,
      config: parseEnv({ TEST_CLOCK: 'true', LOG_LEVEL: 'silent' }),
      clock,
      widgetAssets: new AssetDirectory(join(assetsDir, 'widget')),
      portalAssets: new AssetDirectory(join(assetsDir, 'portal')),
    });
    const res = await post('/__test__/clock', { offsetMs: 20 * 86_400_000 });
    const { now } = (await res.json()) as { now: string };
    expect(Date.parse(now) - Date.now()).toBeGreaterThan(19 * 86_400_000);
  });
});
