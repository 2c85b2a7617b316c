import { createHash } from 'node:crypto';
import { appRouter } from '@pakn/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SITE_KEY } from '../src/seed.ts';
import { HttpFixture, OWN, WARD } from './http-fixture.ts';

/**
 * Issue 9, the battery: "CSRF in six request shapes per staff mutation and export: zero changes". Every staff
 * mutation of the router (read from the router, so a new one is covered the day it is added) and every staff
 * route that writes (exports and staff downloads are audited, answer files are uploaded and removed) gets the requests a hostile
 * page can make the officer's browser send, with a valid session cookie: a cross-site form post
 * (urlencoded, multipart, text/plain), a JSON fetch from a foreign origin without the anti-CSRF header, the same
 * from the same site (another port of the same host, no header), a GET navigation, and a few more (no Origin,
 * `Origin: null`, a batch, a foreign origin that sends the header anyway). The database is compared before
 * and after, table by table: not one row may change. A control with the portal's own headers shows that each
 * request differs from an accepted one only by what the guard checks.
 */

const EVIL = 'http://evil.test';
/** Same site, other origin: another port of the portal's host (cookies are per host, not per port). */
const SAME_SITE = 'http://127.0.0.1:8081';

/** Citizens' procedures and the login: no staff session by design (tested in http.test.ts and citizen.test.ts). */
const NOT_STAFF = new Set(['auth.login', 'case.challenge', 'case.submit', 'case.track', 'case.rate', 'case.requestReview', 'case.provideInfo']);

const procedures = (appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: string } }> } })._def.procedures;
const STAFF_MUTATIONS = Object.entries(procedures)
  .filter(([name, p]) => p._def.type === 'mutation' && !NOT_STAFF.has(name))
  .map(([name]) => name)
  .sort();

/** Who is signed in for each: someone allowed to do it, so that only the guard stands in the way. */
function roleFor(procedure: string): string {
  if (/^(admin|calendar|authority)\./.test(procedure)) return 'quantri';
  if (/^case\.(acknowledge|requestInfo|decline|submitAnswer|requestExtension)$/.test(procedure)) return 'xuly.hoankiem';
  if (procedure === 'case.assign') return 'lanhdao.hoankiem';
  return 'giamdoc';
}

/** One hostile request: how a page could send it. */
interface Shape {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  /** The body, or, for a GET, the query string. */
  readonly body?: (input: unknown) => string;
  readonly query?: (input: unknown) => string;
  readonly batch?: boolean;
}

const json = (input: unknown) => JSON.stringify(input);
const SHAPES: readonly Shape[] = [
  {
    name: '1. cross-site form post, urlencoded',
    method: 'POST',
    headers: { origin: EVIL, 'content-type': 'application/x-www-form-urlencoded' },
    body: (i) => `input=${encodeURIComponent(json(i))}`,
  },
  {
    name: '2. cross-site form post, multipart',
    method: 'POST',
    headers: { origin: EVIL, 'content-type': 'multipart/form-data; boundary=----x' },
    body: (i) => `------x\r\nContent-Disposition: form-data; name="input"\r\n\r\n${json(i)}\r\n------x--\r\n`,
  },
  { name: '3. cross-site form post, text/plain with a JSON body', method: 'POST', headers: { origin: EVIL, 'content-type': 'text/plain' }, body: json },
  {
    name: '4. JSON fetch from a foreign origin, no anti-CSRF header',
    method: 'POST',
    headers: { origin: EVIL, 'content-type': 'application/json' },
    body: json,
  },
  {
    name: '4b. JSON from a foreign origin that sends the header anyway',
    method: 'POST',
    headers: { origin: EVIL, 'content-type': 'application/json', 'x-pakn-csrf': '1' },
    body: json,
  },
  {
    name: '5. JSON from the same site (another port), no header',
    method: 'POST',
    headers: { origin: SAME_SITE, 'content-type': 'application/json', 'sec-fetch-site': 'same-site' },
    body: json,
  },
  {
    name: '5b. JSON from the same site with the header',
    method: 'POST',
    headers: { origin: SAME_SITE, 'content-type': 'application/json', 'x-pakn-csrf': '1' },
    body: json,
  },
  {
    name: "5c. JSON from the portal's own origin without the header",
    method: 'POST',
    headers: { origin: OWN, 'content-type': 'application/json' },
    body: json,
  },
  {
    name: '5d. same-site form post, urlencoded',
    method: 'POST',
    headers: { origin: SAME_SITE, 'content-type': 'application/x-www-form-urlencoded' },
    body: (i) => `input=${encodeURIComponent(json(i))}`,
  },
  {
    name: '6. GET navigation with the input in the query string',
    method: 'GET',
    headers: { 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'same-site' },
    query: (i) => `input=${encodeURIComponent(json(i))}`,
  },
  { name: '6b. GET batch', method: 'GET', headers: {}, query: (i) => `batch=1&input=${encodeURIComponent(json({ 0: i }))}`, batch: true },
  { name: '7. no Origin at all, JSON, no header', method: 'POST', headers: { 'content-type': 'application/json' }, body: json },
  { name: '7b. no Origin, JSON, with the header', method: 'POST', headers: { 'content-type': 'application/json', 'x-pakn-csrf': '1' }, body: json },
  {
    name: '7c. Origin null (a sandboxed frame) with the header',
    method: 'POST',
    headers: { origin: 'null', 'content-type': 'application/json', 'x-pakn-csrf': '1' },
    body: json,
  },
  { name: '7d. octet-stream', method: 'POST', headers: { origin: EVIL, 'content-type': 'application/octet-stream' }, body: json },
  {
    name: '7e. a batch from a foreign origin',
    method: 'POST',
    headers: { origin: EVIL, 'content-type': 'application/json' },
    body: (i) => json({ 0: i }),
    batch: true,
  },
];

/**
 * Every row of every table but the sessions (a session's last use may be recorded by any request), hashed per
 * table: what changed is named when something did.
 */
async function snapshot(f: HttpFixture): Promise<Record<string, string>> {
  const tables = await f.db.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%session%' ORDER BY name",
  );
  const result: Record<string, string> = {};
  for (const row of tables.rows) {
    const name = String(row.name);
    const rows = await f.db.execute(`SELECT * FROM "${name.replaceAll('"', '""')}"`);
    const text = JSON.stringify(
      rows.rows.map((r) => Object.values(r).map((v) => (v instanceof ArrayBuffer ? Buffer.from(v).toString('base64') : typeof v === 'bigint' ? String(v) : v))),
    );
    result[name] = `${rows.rows.length}:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
  }
  return result;
}

function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => before[t] !== after[t]);
}

describe('issue 9: CSRF battery over every staff mutation and writing route', () => {
  let f: HttpFixture;
  let caseId: string;
  const cookies = new Map<string, string>();
  const cookieFor = async (username: string) => {
    let cookie = cookies.get(username);
    if (!cookie) cookies.set(username, (cookie = await f.login(username)));
    return cookie;
  };

  beforeAll(async () => {
    f = await HttpFixture.create({}, { withSampleCases: true });
    const receipt = await f.submit();
    caseId = await f.caseId(receipt.reference, await cookieFor('tiepnhan'));
  });
  afterAll(() => f.close());

  /** A plausible input: inputs that would pass validation where it is easy to say, a real case otherwise. */
  function inputFor(procedure: string): unknown {
    const INPUTS: Record<string, unknown> = {
      'case.classify': { caseId, scope: 'in', category: 'late_result' },
      'intake.logContact': { channel: 'hotline', summary: 'Công dân phản ánh hồ sơ đất đai bị trả muộn so với giấy hẹn.' },
      'unit.record': { unitId: 'ward-hoan-kiem', kind: 'reminder', note: 'Đôn đốc trả lời đúng hạn.' },
      'authority.save': {
        id: 'cong-an-tp',
        outOfScopeClass: 'crime_report',
        name: { vi: 'Công an Thành phố Hà Nội', en: 'Hanoi City Police' },
        referral: { vi: 'Đề nghị liên hệ Công an Thành phố.', en: 'Please contact the City Police.' },
      },
      'auth.logout': {},
    };
    return INPUTS[procedure] ?? { caseId };
  }

  async function send(procedure: string, shape: Shape, cookie: string): Promise<Response> {
    const input = inputFor(procedure);
    const path = `/trpc/${procedure}`;
    if (shape.method === 'GET') return f.app.request(`${path}?${shape.query?.(input) ?? ''}`, { headers: { cookie, ...shape.headers } });
    return f.app.request(`${path}${shape.batch ? '?batch=1' : ''}`, { method: 'POST', headers: { cookie, ...shape.headers }, body: shape.body?.(input) ?? '' });
  }

  it('finds the staff mutations in the router', () => {
    expect(STAFF_MUTATIONS.length).toBeGreaterThanOrEqual(30);
    expect(STAFF_MUTATIONS).toContain('case.merge');
    expect(STAFF_MUTATIONS).toContain('auth.logout');
  });

  it.each(STAFF_MUTATIONS)('%s: every hostile shape is refused, and nothing changes', async (procedure) => {
    const cookie = await cookieFor(roleFor(procedure));
    const before = await snapshot(f);
    for (const shape of SHAPES) {
      const res = await send(procedure, shape, cookie);
      const text = await res.text();
      expect(res.status, `${shape.name}: ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, shape.name).toBeLessThan(500);
      // A batch answers 200 around per-call errors in some versions: none of its calls may succeed.
      expect(text, shape.name).not.toMatch(/"result"\s*:/);
      expect(res.headers.get('set-cookie'), shape.name).toBeNull();
    }
    expect(changedTables(before, await snapshot(f)), procedure).toEqual([]);
    // The session the hostile requests carried is still alive: not even a logout went through.
    expect((await f.query<{ username: string } | null>('auth.me', undefined, cookie))?.username).toBe(roleFor(procedure));

    // Control: the same call with the portal's own origin and header passes the guard (the procedure itself
    // may still refuse the plausible input, for its own reasons).
    const control = await f.app.request(`/trpc/${procedure}`, {
      method: 'POST',
      headers: { cookie: await f.login(roleFor(procedure)), origin: OWN, 'x-pakn-csrf': '1', 'content-type': 'application/json' },
      body: json(inputFor(procedure)),
    });
    const controlText = await control.text();
    expect(controlText, procedure).not.toContain('"reason":"csrf"');
    expect([200, 400, 403, 404, 409], controlText.slice(0, 200)).toContain(control.status);
  });

  it('the snapshot sees a real change: accepted calls change the tables the hostile ones left alone', async () => {
    for (const procedure of ['case.classify', 'intake.logContact', 'unit.record', 'authority.save']) {
      const before = await snapshot(f);
      const res = await f.staffPost(`/trpc/${procedure}`, inputFor(procedure), await cookieFor(roleFor(procedure)));
      // classify may have run in its control above: then the case is no longer "received".
      if (procedure === 'case.classify' && res.status !== 200) continue;
      expect(res.status, `${procedure}: ${(await res.clone().text()).slice(0, 200)}`).toBe(200);
      expect(changedTables(before, await snapshot(f)), procedure).toContain('audit_log');
    }
  });
});

describe('issue 9: CSRF battery over the staff file and export routes', () => {
  let f: HttpFixture;
  let handler: string;
  let officer: string;
  let caseId: string;
  let pendingFile: string;
  let citizenFile: string;
  const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');

  beforeAll(async () => {
    f = await HttpFixture.create({}, { withSampleCases: true });
    ({ caseId, handler, officer } = await f.caseInProgress());
    const res = await f.app.request('/api/v1/answer-attachments', {
      method: 'POST',
      headers: { origin: OWN, 'x-pakn-csrf': '1', cookie: handler, 'x-pakn-case': caseId, 'x-pakn-filename': 'ket-qua.pdf', 'content-type': 'application/pdf' },
      body: pdf,
    });
    expect(res.status).toBe(201);
    pendingFile = ((await res.json()) as { id: string }).id;
    const attached = await f.app.request('/api/v1/attachments', {
      method: 'POST',
      headers: { origin: WARD, 'x-pakn-site': DEMO_SITE_KEY, 'x-pakn-filename': 'giay-hen.pdf', 'content-type': 'application/pdf' },
      body: pdf,
    });
    expect(attached.status).toBe(201);
    citizenFile = ((await attached.json()) as { id: string }).id;
    await f.submit({ attachments: [citizenFile] });
  });
  afterAll(() => f.close());

  /** The browser-made shapes for a route that takes a body. */
  function hostile(
    body: string | Uint8Array,
    extra: Record<string, string> = {},
  ): { name: string; headers: Record<string, string>; body: string | Uint8Array }[] {
    return [
      { name: '1. cross-site form, urlencoded', headers: { origin: EVIL, 'content-type': 'application/x-www-form-urlencoded', ...extra }, body: 'status=all' },
      {
        name: '2. cross-site form, multipart',
        headers: { origin: EVIL, 'content-type': 'multipart/form-data; boundary=x', ...extra },
        body: '--x\r\nContent-Disposition: form-data; name="f"; filename="a.pdf"\r\n\r\n%PDF-1.7\r\n--x--\r\n',
      },
      { name: '3. cross-site form, text/plain', headers: { origin: EVIL, 'content-type': 'text/plain', ...extra }, body },
      { name: '4. foreign origin, JSON or the file type, no header', headers: { origin: EVIL, 'content-type': 'application/json', ...extra }, body },
      { name: '4b. foreign origin with the header', headers: { origin: EVIL, 'content-type': 'application/json', 'x-pakn-csrf': '1', ...extra }, body },
      { name: '5. same site, no header', headers: { origin: SAME_SITE, 'content-type': 'application/json', ...extra }, body },
      { name: '5b. same site with the header', headers: { origin: SAME_SITE, 'content-type': 'application/json', 'x-pakn-csrf': '1', ...extra }, body },
      { name: '5c. own origin, no header', headers: { origin: OWN, 'content-type': 'application/json', ...extra }, body },
      { name: '7. no Origin, with the header', headers: { 'content-type': 'application/json', 'x-pakn-csrf': '1', ...extra }, body },
      { name: '7b. Origin null, with the header', headers: { origin: 'null', 'content-type': 'application/json', 'x-pakn-csrf': '1', ...extra }, body },
    ];
  }

  async function expectNoChange(run: () => Promise<void>): Promise<void> {
    const before = await snapshot(f);
    await run();
    expect(changedTables(before, await snapshot(f))).toEqual([]);
  }

  it.each(['cases.csv', 'unit-evaluation.csv', 'unit-evaluation.xlsx', 'period-report.csv', 'period-report.xlsx'])(
    'export %s: refused in every shape, GET included, and nothing is audited',
    async (file) => {
      const cookie = await f.login('thanhtra');
      const filter: Record<string, string> =
        file === 'cases.csv' ? { status: 'all' } : file.startsWith('period-report') ? { kind: 'quarter' } : { from: '2026-01-01', to: '2026-12-31' };
      await expectNoChange(async () => {
        for (const shape of hostile(JSON.stringify(filter))) {
          const res = await f.app.request(`/api/v1/exports/${file}`, { method: 'POST', headers: { cookie, ...shape.headers }, body: shape.body });
          expect([403, 415], shape.name).toContain(res.status);
          expect(res.headers.get('content-disposition'), shape.name).toBeNull();
        }
        for (const headers of [{}, { origin: OWN, 'x-pakn-csrf': '1' }, { 'sec-fetch-mode': 'navigate' }] as Record<string, string>[]) {
          const res = await f.app.request(`/api/v1/exports/${file}?${new URLSearchParams(filter).toString()}`, { headers: { cookie, ...headers } });
          expect(res.status, `6. GET ${JSON.stringify(headers)}`).toBe(405);
        }
      });
      const control = await f.app.request(`/api/v1/exports/${file}`, {
        method: 'POST',
        headers: { cookie, origin: OWN, 'x-pakn-csrf': '1', 'content-type': 'application/json' },
        body: JSON.stringify(filter),
      });
      expect(control.status).toBe(200);
    },
  );

  // A staff download writes an audit entry ("downloaded"): the same shapes, and a GET or HEAD from a link or image.
  it.each([
    ["a citizen's file", () => `/api/v1/attachments/${citizenFile}`, () => officer],
    ['an answer file', () => `/api/v1/answer-attachments/${pendingFile}`, () => handler],
  ])('staff download of %s: refused in every shape, GET and HEAD included, and nothing is audited', async (_name, path, cookieOf) => {
    const cookie = cookieOf();
    await expectNoChange(async () => {
      for (const shape of [
        ...hostile('{}'),
        {
          name: '5d. own origin, header, form type',
          headers: { origin: OWN, 'x-pakn-csrf': '1', 'content-type': 'application/x-www-form-urlencoded' },
          body: 'a=1',
        },
      ]) {
        const res = await f.app.request(path(), { method: 'POST', headers: { cookie, ...shape.headers }, body: shape.body });
        expect([403, 415], shape.name).toContain(res.status);
        expect(res.headers.get('content-disposition'), shape.name).toBeNull();
      }
      for (const method of ['GET', 'HEAD']) {
        for (const headers of [
          {},
          { origin: OWN, 'x-pakn-csrf': '1' },
          { 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'same-site' },
          { 'sec-fetch-dest': 'image' },
        ] as Record<string, string>[]) {
          const res = await f.app.request(path(), { method, headers: { cookie, ...headers } });
          expect(res.status, `6. ${method} ${JSON.stringify(headers)}`).toBe(405);
          expect(res.headers.get('allow')).toBe('POST');
        }
      }
    });
    // Control: the portal's own POST with the header downloads, and that download is audited.
    const before = await snapshot(f);
    const control = await f.app.request(path(), { method: 'POST', headers: { cookie, origin: OWN, 'x-pakn-csrf': '1' } });
    expect(control.status).toBe(200);
    expect(new Uint8Array(await control.arrayBuffer())).toEqual(pdf);
    expect(changedTables(before, await snapshot(f))).toContain('audit_log');
  });

  it('answer file upload: refused in every shape, and no file is stored', async () => {
    const files = () => f.count('SELECT COUNT(*) FROM answer_attachments');
    const stored = await files();
    await expectNoChange(async () => {
      for (const shape of hostile(pdf, { 'x-pakn-case': caseId, 'x-pakn-filename': 'x.pdf' })) {
        const res = await f.app.request('/api/v1/answer-attachments', { method: 'POST', headers: { cookie: handler, ...shape.headers }, body: shape.body });
        expect([403, 415], shape.name).toContain(res.status);
      }
      const get = await f.app.request(`/api/v1/answer-attachments?x-pakn-case=${caseId}`, { headers: { cookie: handler } });
      expect(get.status, '6. GET').toBe(404);
    });
    expect(await files()).toBe(stored);
  });

  it('answer file removal: refused in every shape, and the file stays', async () => {
    await expectNoChange(async () => {
      for (const shape of hostile('')) {
        const res = await f.app.request(`/api/v1/answer-attachments/${pendingFile}`, { method: 'DELETE', headers: { cookie: handler, ...shape.headers } });
        expect(res.status, shape.name).toBe(403);
      }
      for (const method of ['POST', 'PUT', 'PATCH']) {
        const res = await f.app.request(`/api/v1/answer-attachments/${pendingFile}?_method=DELETE`, {
          method,
          headers: { cookie: handler, origin: EVIL, 'content-type': 'application/x-www-form-urlencoded', 'x-http-method-override': 'DELETE' },
          body: '_method=DELETE',
        });
        expect(res.status, `${method} with a method override`).toBeGreaterThanOrEqual(400);
      }
    });
    // The file is there for its uploader; the Centre's officer is not its uploader and cannot see it pending.
    const mine = await f.staffDownload(`/api/v1/answer-attachments/${pendingFile}`, handler);
    expect(mine.status).toBe(200);
    expect((await f.staffDownload(`/api/v1/answer-attachments/${pendingFile}`, officer)).status).toBe(404);
  });
});
