import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SITE_KEY } from '../src/seed.ts';
import { HttpFixture, OWN, WARD } from './http-fixture.ts';

/**
 * Issue 9, the battery: "Oversized bodies (by Content-Length, chunked, both) and oversized tRPC batches refused
 * before any handler runs". A real HTTP server on a free port, and requests written byte by byte on a socket,
 * so that the framing is exactly the one named (fetch would choose its own). The proof that nothing ran is a
 * spy on the database: a handler (or a tRPC context, or a procedure) cannot do anything here without it, and it
 * sees no call during a refused request; the tables it would have written stay as they were.
 */

type Framing = 'content-length' | 'chunked' | 'both';
const FRAMINGS: readonly Framing[] = ['content-length', 'chunked', 'both'];

interface RawResponse {
  readonly status: number;
  readonly text: string;
}

/** Sends one request on a fresh socket with the framing asked for, and reads the answer until the server closes. */
function rawRequest(port: number, method: string, path: string, headers: Record<string, string>, body: Uint8Array, framing: Framing): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let answered = false;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer from ${path}`));
    }, 15_000);
    socket.on('data', (data: Buffer) => {
      received.push(data);
      answered = true;
    });
    socket.on('error', () => undefined); // The server may close while the rest of the body is on its way.
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(received).toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      if (!status) reject(new Error(`no status line from ${path}: ${JSON.stringify(text.slice(0, 100))}`));
      else resolve({ status, text });
    });
    // An async listener's promise is dropped by the emitter: say so.
    socket.on(
      'connect',
      () =>
        void (async () => {
          const lines = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
          if (framing === 'content-length') lines.push(`Content-Length: ${body.byteLength}`);
          // "Both": a small Content-Length that a parser trusting it would read, and the real, chunked body.
          if (framing === 'both') lines.push('Content-Length: 16');
          if (framing !== 'content-length') lines.push('Transfer-Encoding: chunked');
          const write = (chunk: Uint8Array | string) =>
            new Promise<void>((done) => {
              if (socket.destroyed || answered) return done();
              if (socket.write(chunk)) done();
              else socket.once('drain', done);
            });
          await write(`${lines.join('\r\n')}\r\n\r\n`);
          const step = 64 * 1024;
          for (let i = 0; i < body.byteLength && !socket.destroyed && !answered; i += step) {
            const piece = body.subarray(i, i + step);
            if (framing === 'content-length') await write(piece);
            else await write(Buffer.concat([Buffer.from(`${piece.byteLength.toString(16)}\r\n`), piece, Buffer.from('\r\n')]));
          }
          if (framing !== 'content-length') await write('0\r\n\r\n');
        })(),
    );
  });
}

/** Counts the database calls of handlers, tRPC contexts and procedures (not the CORS check of registered origins). */
function spyOnDatabase(f: HttpFixture): { readonly calls: string[] } {
  const spy = { calls: [] as string[] };
  const execute = f.db.execute.bind(f.db);
  const write = f.db.write.bind(f.db);
  const fromCors = (stack: string | undefined) => /registeredOrigins/.test(stack ?? '');
  f.db.execute = (stmt: Parameters<typeof execute>[0]) => {
    if (!fromCors(new Error().stack)) spy.calls.push(typeof stmt === 'string' ? stmt : stmt.sql);
    return execute(stmt);
  };
  f.db.write = ((fn: Parameters<typeof write>[0]) => {
    spy.calls.push('write');
    return write(fn);
  }) as typeof f.db.write;
  return spy;
}

const padded = (value: Record<string, unknown>, bytes: number) => new TextEncoder().encode(JSON.stringify({ ...value, padding: 'x'.repeat(bytes) }));
const fileOf = (magic: readonly number[], bytes: number) => {
  const content = new Uint8Array(bytes);
  content.set(magic);
  return content;
};
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF = [...new TextEncoder().encode('%PDF-1.7\n')];
const FILE_LIMIT = 5 * 1024 * 1024;

describe('issue 9: oversized bodies are refused before any handler runs', () => {
  let f: HttpFixture;
  let server: ServerType;
  let port: number;
  let spy: { readonly calls: string[] };
  let handler: string;
  let caseId: string;
  let receipt: { reference: string; accessKey: string };
  let answerFile: string;

  beforeAll(async () => {
    f = await HttpFixture.create({ RATE_LIMIT_UPLOADS_PER_HOUR: '1000', RATE_LIMIT_TRACKS_PER_HOUR: '1000' });
    ({ caseId, handler, receipt } = await f.caseInProgress());
    const uploaded = await f.app.request('/api/v1/answer-attachments', {
      method: 'POST',
      headers: { origin: OWN, 'x-pakn-csrf': '1', cookie: handler, 'x-pakn-case': caseId, 'x-pakn-filename': 'ket-qua.pdf', 'content-type': 'application/pdf' },
      body: fileOf(PDF, 64),
    });
    answerFile = ((await uploaded.json()) as { id: string }).id;
    spy = spyOnDatabase(f);
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: f.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    f.close();
  });

  const tableCounts = async () => ({
    cases: await f.count('SELECT COUNT(*) FROM cases'),
    attachments: await f.count('SELECT COUNT(*) FROM attachments'),
    answerFiles: await f.count('SELECT COUNT(*) FROM answer_attachments'),
    audit: await f.count('SELECT COUNT(*) FROM audit_log'),
  });

  /** Each route with a request it would take, made just too big. */
  const ROUTES = (): { name: string; path: string; headers: Record<string, string>; body: (size: number) => Uint8Array; limit: number }[] => [
    {
      name: "tRPC, a citizen's tracking",
      path: '/trpc/case.track',
      headers: { origin: WARD, 'content-type': 'application/json' },
      body: (size: number) => padded(receipt, size),
      limit: 64 * 1024,
    },
    {
      name: 'tRPC, a staff mutation',
      path: '/trpc/case.editSummary',
      headers: { origin: OWN, 'x-pakn-csrf': '1', cookie: handler, 'content-type': 'application/json' },
      body: (size: number) => padded({ caseId, summary: 'Tóm tắt' }, size),
      limit: 64 * 1024,
    },
    {
      name: "a citizen's file upload",
      path: '/api/v1/attachments',
      headers: { origin: WARD, 'x-pakn-site': DEMO_SITE_KEY, 'x-pakn-filename': 'anh.png', 'content-type': 'image/png' },
      body: (size: number) => fileOf(PNG, size),
      limit: FILE_LIMIT,
    },
    {
      name: 'an answer file upload',
      path: '/api/v1/answer-attachments',
      headers: { origin: OWN, 'x-pakn-csrf': '1', cookie: handler, 'x-pakn-case': caseId, 'x-pakn-filename': 'ket-qua.pdf', 'content-type': 'application/pdf' },
      body: (size: number) => fileOf(PDF, size),
      limit: FILE_LIMIT,
    },
    {
      name: "the citizen's download of an answer file",
      path: `/api/v1/answer-attachments/${answerFile}/download`,
      headers: { origin: WARD, 'content-type': 'application/json' },
      body: (size: number) => padded(receipt, size),
      limit: 4096,
    },
    // Staff downloads are POSTs (issue 9); they read no body, and take none bigger than a small JSON one.
    {
      name: "a staff download of a citizen's file",
      path: '/api/v1/attachments/abcdefghijklmnopqrstuvwx',
      headers: { origin: OWN, 'x-pakn-csrf': '1', cookie: handler, 'content-type': 'application/json' },
      body: (size: number) => padded({}, size),
      limit: 4096,
    },
    {
      name: 'a staff download of an answer file',
      path: `/api/v1/answer-attachments/${answerFile}`,
      headers: { origin: OWN, 'x-pakn-csrf': '1', cookie: handler, 'content-type': 'application/json' },
      body: (size: number) => padded({}, size),
      limit: 4096,
    },
  ];

  it.each(FRAMINGS)("refuses every route's body over its limit framed by %s, with no database call and no row", async (framing) => {
    for (const route of ROUTES()) {
      const before = await tableCounts();
      spy.calls.length = 0;
      const res = await rawRequest(port, 'POST', route.path, route.headers, route.body(route.limit + 1024), framing);
      // Node's parser refuses a request with both headers (400) before the app sees it; the app answers 413.
      expect(framing === 'both' ? [400, 413] : [413], `${route.name} (${framing}): ${res.text.slice(0, 300)}`).toContain(res.status);
      expect(spy.calls, `${route.name} (${framing})`).toEqual([]);
      expect(await tableCounts(), route.name).toEqual(before);
      if (res.status === 413) expect(res.text, route.name).toMatch(/quá lớn/);
    }
  });

  it('refuses both headers in the app too, for a front server that would pass them on (413, no database call)', async () => {
    for (const route of ROUTES()) {
      const bytes = route.body(route.limit + 1024);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.byteLength; i += 64 * 1024) controller.enqueue(bytes.slice(i, i + 64 * 1024));
          controller.close();
        },
      });
      const before = await tableCounts();
      spy.calls.length = 0;
      const res = await f.app.request(route.path, {
        method: 'POST',
        headers: { ...route.headers, 'content-length': '16', 'transfer-encoding': 'chunked' },
        body: stream,
        duplex: 'half',
      });
      expect(res.status, route.name).toBe(413);
      expect(spy.calls, route.name).toEqual([]);
      expect(await tableCounts(), route.name).toEqual(before);
    }
  });

  it('lets the same requests under the limit through to their handlers: the spy sees them', async () => {
    for (const route of ROUTES()) {
      for (const framing of ['content-length', 'chunked'] as const) {
        spy.calls.length = 0;
        const res = await rawRequest(port, 'POST', route.path, route.headers, route.body(Math.min(1024, route.limit / 2)), framing);
        expect(res.status, `${route.name} (${framing}): ${res.text.slice(0, 300)}`).not.toBe(413);
        expect(spy.calls.length, `${route.name} (${framing})`).toBeGreaterThan(0);
      }
    }
  });
});

describe('issue 9: a tRPC batch over the limit is refused before any procedure runs', () => {
  let f: HttpFixture;
  beforeAll(async () => {
    f = await HttpFixture.create({ RATE_LIMIT_SUBMITS_PER_HOUR: '1000' });
  });
  afterAll(() => f.close());

  /** A batch of n valid submissions, each with its own solved challenge: sent by `send()`. */
  async function batchOfSubmissions(n: number): Promise<{ send: () => Promise<Response> }> {
    const reports = await Promise.all(Array.from({ length: n }, () => f.report()));
    const path = `/trpc/${Array.from({ length: n }, () => 'case.submit').join(',')}?batch=1`;
    return { send: async () => f.post(path, Object.fromEntries(reports.map((r, i) => [String(i), r])), { origin: WARD }) };
  }

  it('answers a batch of 11 with a 4xx, runs none of its calls and touches no table', async () => {
    const batch = await batchOfSubmissions(11);
    const cases = await f.count('SELECT COUNT(*) FROM cases');
    const spy = spyOnDatabase(f);
    const res = await batch.send();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await res.text()).not.toContain('"result"');
    expect(spy.calls).toEqual([]);
    expect(await f.count('SELECT COUNT(*) FROM cases')).toBe(cases);
  });

  it('runs a batch of 10, the limit: the same calls do store cases', async () => {
    const batch = await batchOfSubmissions(10);
    const cases = await f.count('SELECT COUNT(*) FROM cases');
    const res = await batch.send();
    expect(res.status).toBe(200);
    expect(await f.count('SELECT COUNT(*) FROM cases')).toBe(cases + 10);
  });
});
