/**
 * Requests per HTTP route of app.ts, for the fuzz battery (issue 9). Rows are keyed by path, whatever the
 * method (an export moving from GET to POST stays covered); the battery fails when a route of the app has no
 * row here. Each row gives valid requests; the battery makes the invalid ones itself from the path.
 */
import fc from 'fast-check';
import { addDays, day, idLike, junkString, slug } from './arbitraries.ts';
import { PUBLIC_PERIOD_KEYS } from '@pakn/domain';
import type { FuzzWorld } from './procedure-inputs.ts';

export interface FuzzRequest {
  readonly method: string;
  /** Path and query, encoded. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

/** Valid requests for a route, given the methods the app registers on its path. */
export type RouteRow = (methods: readonly string[], world: FuzzWorld) => fc.Arbitrary<FuzzRequest>;

/** encodeURIComponent, or a fixed stand-in for strings it refuses (lone surrogates). */
export function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return 'lone-surrogate';
  }
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff, 0xe0];
const PDF = [...'%PDF-1.7\n'].map((c) => c.charCodeAt(0));
const fileBytes = fc
  .tuple(
    fc.constantFrom(
      PNG,
      JPEG,
      PDF,
      [...'<html><script>alert(1)</script>'].map((c) => c.charCodeAt(0)),
    ),
    fc.uint8Array({ maxLength: 4000 }),
  )
  .map(([magic, rest]) => new Uint8Array([...magic, ...rest]));
const fileName = fc.oneof(fc.constantFrom('anh.png', 'giay-hen.pdf', 'bien ban.jpg', 'x.html', '..\\..\\a.exe', 'Giấy hẹn.pdf'.normalize('NFD')), junkString);

const methodsOr = (methods: readonly string[], fallback: string) => fc.constantFrom(...(methods.length > 0 ? methods : [fallback]));
const get =
  (url: fc.Arbitrary<string>): RouteRow =>
  (methods) =>
    fc.record({ method: methodsOr(methods, 'GET'), url });
/** A staff download (issue 9: a POST, its GET a 405): no body, or an empty JSON one, as the portal sends. */
const staffDownload =
  (url: fc.Arbitrary<string>): RouteRow =>
  (methods) =>
    fc.oneof(
      fc.record({ method: methodsOr(methods, 'POST'), url }),
      fc.record({ method: methodsOr(methods, 'POST'), url, headers: fc.constant({ 'content-type': 'application/json' }), body: fc.constant('{}') }),
    );

/** The procedures have their own rows; this one fuzzes the transport: batches, methods, content types. */
function trpcTransport(world: FuzzWorld): RouteRow {
  return () =>
    fc
      .tuple(
        fc.array(fc.constantFrom('case.inbox', 'auth.me', 'unit.list', 'site.config', 'case.track', 'nothing.here'), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.constantFrom('GET', 'POST'),
      )
      .map(([names, batch, method]) => {
        const inputs = Object.fromEntries(names.map((n, i) => [String(i), n === 'site.config' ? { siteKey: world.siteKey } : {}]));
        const input = batch ? inputs : inputs['0'];
        const query = `${batch ? 'batch=1&' : ''}${method === 'GET' ? `input=${encode(JSON.stringify(input))}` : ''}`;
        return {
          method,
          url: `/trpc/${(batch ? names : names.slice(0, 1)).join(',')}?${query}`,
          headers: { 'content-type': 'application/json' },
          ...(method === 'POST' ? { body: JSON.stringify(input) } : {}),
        };
      });
}

/** The case list as CSV, filtered by query or by a JSON body, and the unit evaluation over a period. */
const exportsRow: RouteRow = (methods) =>
  fc.oneof(
    fc.record({
      method: methodsOr(methods, 'GET'),
      url: fc
        .record({
          status: fc.constantFrom('', 'open', 'all', 'received', 'answered'),
          q: fc.constantFrom('', 'hồ sơ', 'ho so', '0912'),
          assignedToMe: fc.constantFrom('', '1', 'true'),
        })
        .map((q) => `/api/v1/exports/cases.csv?status=${q.status}&q=${encode(q.q)}&assignedToMe=${q.assignedToMe}`),
      // The same filter as a JSON body, for exports that are POSTs (a GET drops the body).
      headers: fc.constant({ 'content-type': 'application/json' }),
      body: fc.constantFrom('{"status":"open"}', '{"status":"all","q":"hồ sơ"}', '{}'),
    }),
    fc.record({
      method: methodsOr(methods, 'GET'),
      url: fc.tuple(day(), fc.integer({ min: 0, max: 366 })).map(([from, n]) => `/api/v1/exports/unit-evaluation.csv?from=${from}&to=${addDays(from, n)}`),
      headers: fc.constant({ 'content-type': 'application/json' }),
      body: fc.tuple(day(), fc.integer({ min: 0, max: 366 })).map(([from, n]) => JSON.stringify({ from, to: addDays(from, n) })),
    }),
  );

export function routeRequests(world: FuzzWorld): Readonly<Record<string, RouteRow>> {
  const caseId = fc.constantFrom(...world.caseIds);
  return {
    '/healthz': get(fc.constant('/healthz')),
    '/trpc/*': trpcTransport(world),
    '/api/v1/attachments': (methods) =>
      fc.record({
        method: methodsOr(
          methods.filter((m) => m !== 'ALL'),
          'POST',
        ),
        url: fc.constant('/api/v1/attachments'),
        headers: fileName.map((name) => ({ 'x-pakn-site': world.siteKey, 'x-pakn-filename': encode(name), 'content-type': 'application/octet-stream' })),
        body: fileBytes,
      }),
    '/api/v1/attachments/:id': staffDownload(idLike.map((id) => `/api/v1/attachments/${encode(id)}`)),
    '/api/v1/exports/:file': exportsRow,
    '/api/v1/answer-attachments': (methods) =>
      fc.record({
        method: methodsOr(methods, 'POST'),
        url: fc.constant('/api/v1/answer-attachments'),
        headers: fc
          .tuple(caseId, fileName)
          .map(([id, name]) => ({ 'x-pakn-case': id, 'x-pakn-filename': encode(name), 'content-type': 'application/octet-stream' })),
        body: fileBytes,
      }),
    '/api/v1/answer-attachments/:id': staffDownload(idLike.map((id) => `/api/v1/answer-attachments/${encode(id)}`)),
    '/api/v1/answer-attachments/:id/download': (methods) =>
      fc.record({
        method: methodsOr(
          methods.filter((m) => m !== 'ALL'),
          'POST',
        ),
        url: idLike.map((id) => `/api/v1/answer-attachments/${encode(id)}/download`),
        headers: fc.constant({ 'content-type': 'application/json' }),
        body: fc.constantFrom(...world.receipts).map((r) => JSON.stringify(r)),
      }),
    '/c/:siteKey': get(fc.oneof(fc.constant(world.siteKey), slug(30)).map((key) => `/c/${key}`)),
    '/widget/v1/frame.html': get(fc.oneof(fc.constant(world.siteKey), slug(30)).map((key) => `/widget/v1/frame.html?site=${key}`)),
    '/widget/v1/*': get(fc.constantFrom('/widget/v1/loader.js', '/widget/v1/hosted.html', '/widget/v1/assets/none.js', '/widget/v1/../../package.json')),
    // The public statistics (issue 12): any period and group, known or not, a unit of the world or any id.
    ...Object.fromEntries(
      ['/thong-ke', '/en/statistics'].map((path) => [
        path,
        get(
          fc
            .tuple(fc.oneof(fc.constantFrom(...PUBLIC_PERIOD_KEYS), slug(12)), fc.constantFrom('', 'local', 'branch', 'department', 'x'))
            .map(([p, g]) => `${path}?period=${encode(p)}&group=${g}`),
        ),
      ]),
    ),
    '/thong-ke/statistics.css': get(fc.constant('/thong-ke/statistics.css')),
    '/api/v1/statistics': get(
      fc
        .tuple(
          fc.option(fc.constantFrom(...PUBLIC_PERIOD_KEYS), { nil: undefined }),
          fc.option(fc.oneof(fc.constantFrom(...world.unitIds), idLike), { nil: undefined }),
        )
        .map(([p, unit]) => `/api/v1/statistics?${p ? `period=${p}&` : ''}${unit ? `unit=${encode(unit)}` : ''}`),
    ),
    '/': get(fc.constant('/')),
    '/portal': get(fc.constant('/portal')),
    '/portal/*': get(fc.constantFrom('/portal/', '/portal/cases/abc', '/portal/assets/none.js', '/portal/index.html')),
  };
}
