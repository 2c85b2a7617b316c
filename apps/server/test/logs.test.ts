/**
 * issue 10: the server logs one JSON line per request (id, method, route pattern, status, duration), and never a
 * citizen's name, phone, email or address, a tracking code or access key, a password or a session token, in any
 * line it writes, nor in what the API prints to the console on the way.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD, DEMO_SITE_KEY } from '../src/seed.ts';
import { createLogger } from '../src/logger.ts';
import { HttpFixture, OWN, WARD } from './http-fixture.ts';

const CITIZEN = {
  name: 'Nguyễn Thị Hoa Lý',
  phone: '0912345678',
  email: 'hoa.nguyen.ly@example.vn',
  address: 'số 12 ngõ 34 phố Hàng Bạc',
};
const WRONG_PASSWORD = 'mat-khau-sai-Zq81x';
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array<number>(64).fill(0)]);

/** The forms a value could take in a line: as typed, JSON-escaped, percent-encoded, and its digits alone. */
function formsOf(value: string): string[] {
  return [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value), value.normalize('NFD')];
}

describe('issue 10: structured request logs', () => {
  let f: HttpFixture;
  const lines: string[] = [];
  const consoleOutput: string[] = [];
  const secrets: string[] = [...Object.values(CITIZEN), DEMO_PASSWORD, WRONG_PASSWORD];
  let requests = 0;

  const send = async (path: string, init: RequestInit = {}) => {
    requests += 1;
    return f.app.request(path, init);
  };
  const json = (body: unknown, headers: Record<string, string>): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

  beforeAll(async () => {
    for (const method of ['log', 'info', 'warn', 'error'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleOutput.push(args.map(String).join(' ')));
    }
    const logger = createLogger('trace', { write: (line: string) => void lines.push(line) });
    f = await HttpFixture.create({ RATE_LIMIT_TRACKS_PER_HOUR: '1000' }, { logger });

    // A citizen attaches a photo named after herself and reports with every contact field and her address.
    const upload = await send('/api/v1/attachments', {
      method: 'POST',
      headers: { origin: WARD, 'x-pakn-site': DEMO_SITE_KEY, 'x-pakn-filename': encodeURIComponent(`${CITIZEN.name}.png`) },
      body: PNG,
    });
    const { id: attachmentId } = (await upload.json()) as { id: string };
    const report = await f.report({
      description: `Hồ sơ của tôi bị trả muộn, địa chỉ ${CITIZEN.address}, xin liên hệ ${CITIZEN.phone}.`,
      contact: { name: CITIZEN.name, phone: CITIZEN.phone, email: CITIZEN.email },
      consent: true,
      attachments: [attachmentId],
    });
    requests += 1; // the challenge f.report asked for
    const submitted = await send('/trpc/case.submit', json(report, { origin: WARD, 'x-request-id': CITIZEN.email }));
    expect(submitted.status).toBe(200);
    const receipt = ((await submitted.json()) as { result: { data: { reference: string; accessKey: string } } }).result.data;
    secrets.push(receipt.reference, receipt.accessKey);

    // She tracks it, once with a wrong key, and asks for an answer file with her proof.
    expect((await send('/trpc/case.track', json(receipt, { origin: WARD }))).status).toBe(200);
    expect((await send('/trpc/case.track', json({ ...receipt, accessKey: 'AAAA-BBBB-CCCC-DDDD' }, { origin: WARD }))).status).toBe(404);
    expect((await send(`/api/v1/answer-attachments/${attachmentId}/download`, json(receipt, { origin: WARD }))).status).toBe(404);

    // An officer signs in (and someone fails to), searches by her phone and name, and downloads her photo.
    expect((await send('/trpc/auth.login', json({ username: 'tiepnhan', password: WRONG_PASSWORD }, { origin: OWN, 'x-pakn-csrf': '1' }))).status).toBe(401);
    const login = await send('/trpc/auth.login', json({ username: 'tiepnhan', password: DEMO_PASSWORD }, { origin: OWN, 'x-pakn-csrf': '1' }));
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    secrets.push(cookie.split('=')[1] ?? '');
    for (const q of [CITIZEN.phone, CITIZEN.name]) {
      const input = encodeURIComponent(JSON.stringify({ status: 'all', q }));
      expect((await send(`/trpc/case.inbox?input=${input}`, { headers: { cookie } })).status).toBe(200);
    }
    expect((await send(`/api/v1/attachments/${attachmentId}`, { method: 'POST', headers: { origin: OWN, 'x-pakn-csrf': '1', cookie } })).status).toBe(200);

    // Paths that carry what a client typed.
    expect((await send(`/c/${encodeURIComponent(CITIZEN.email)}`)).status).toBe(404);
    await send(`/portal/cases/${receipt.reference}`);
    expect((await send(`/trpc/${encodeURIComponent(CITIZEN.name)}`, json({}, { origin: WARD }))).status).toBe(404);
  });
  afterAll(() => {
    vi.restoreAllMocks();
    f.close();
  });

  it('writes one JSON line per request, with id, method, route pattern, status and duration', () => {
    const requestLines = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.msg === 'request');
    expect(requestLines).toHaveLength(requests);
    for (const entry of requestLines) {
      expect(entry).toMatchObject({
        level: 'info',
        reqId: expect.any(String),
        method: expect.any(String),
        route: expect.any(String),
        status: expect.any(Number),
        ms: expect.any(Number),
      });
    }
    const routes = new Set(requestLines.map((entry) => entry.route));
    expect(routes).toContain('/api/v1/attachments/:id');
    expect(routes).toContain('/c/:siteKey');
    expect(requestLines.filter((entry) => entry.procedure === 'case.track')).toHaveLength(2);
    // The path named a procedure that does not exist (here the citizen's name): the line says `unknown`.
    expect(requestLines.filter((entry) => entry.route === '/trpc/*' && entry.procedure === 'unknown').map((entry) => entry.status)).toEqual([404]);
  });

  it("never holds a citizen's name, phone, email or address, a tracking code or key, a password or a session token", () => {
    expect(secrets.every((secret) => secret.length >= 8)).toBe(true);
    const output = [...lines, ...consoleOutput].join('\n');
    for (const secret of secrets) {
      for (const form of formsOf(secret)) expect(output, secret).not.toContain(form);
    }
  });
});

describe('issue 10: request ids', () => {
  let f: HttpFixture;
  beforeAll(async () => {
    f = await HttpFixture.create();
  });
  afterAll(() => f.close());

  it('sends a new id with every answer, and keeps a short, plain one the client brought', async () => {
    const first = (await f.app.request('/healthz')).headers.get('x-request-id');
    const second = (await f.app.request('/nothing')).headers.get('x-request-id');
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
    const kept = await f.app.request('/healthz', { headers: { 'x-request-id': 'proxy-7f3a_01=' } });
    expect(kept.headers.get('x-request-id')).toBe('proxy-7f3a_01=');
  });

  it('replaces an id that is long or holds anything but letters, digits, _, - and =', async () => {
    for (const brought of ['a'.repeat(65), 'hoa@example.vn', 'id with spaces', 'Nguy%E1%BB%85n', '<script>']) {
      const id = (await f.app.request('/healthz', { headers: { 'x-request-id': brought } })).headers.get('x-request-id');
      expect(id, brought).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
