import { randomBytes } from 'node:crypto';
import { appRouter } from '@pakn/api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SITE_KEY } from '../../src/seed.ts';
import { OWN, WARD, startHarness, type Harness } from '../harness.ts';
import { corrupt, headerSafe, hugeString, junkString, junkValue, leakIn, rawJunkText } from './arbitraries.ts';
import { procedureInputs, type FuzzWorld } from './procedure-inputs.ts';
import { encode, routeRequests, type FuzzRequest } from './route-requests.ts';
import { solveChallenge } from '@pakn/api';

/**
 * Issue 9, the battery's fuzz part (this module defines it; fuzz-*.test.ts run its halves in two processes): every tRPC procedure (read from appRouter's definition) and every HTTP route
 * (read from the Hono app) gets INVALID_RUNS invalid and VALID_RUNS valid inputs (1,000 and 200 by default;
 * FUZZ_RUNS=100 for a quick local run), as a signed-in Centre officer and as an anonymous caller on a
 * registered site: huge strings, NFD Vietnamese, zero-width and RTL characters, `__proto__` and `constructor`
 * keys, dates far in the past and future, wrong types, nested junk. No answer may be a 5xx, and no body may show
 * a stack trace, SQL or a file path.
 */

type ProcedureType = 'query' | 'mutation' | 'subscription';
const PROCEDURES = Object.entries((appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: ProcedureType } }> } })._def.procedures).map(
  ([name, procedure]) => ({ name, type: procedure._def.type }),
);

type Who = 'officer' | 'anonymous';

/**
 * The app's routes that answer (issue 10: one sub-app per surface): every path with a method of its own, and the
 * tRPC endpoint, mounted for all methods. Paths that only carry a surface's middleware (`*`, `/api/v1/exports/*`:
 * headers, limits, the log) answer nothing themselves.
 */
function answeringPaths(): string[] {
  return [...new Set(h.app.routes.filter((r) => r.method !== 'ALL' || r.path === '/trpc/*').map((r) => r.path))];
}

/** The methods registered on a path; a middleware's `ALL` only where nothing else is (the tRPC endpoint). */
function methodsOf(path: string): string[] {
  const methods = [...new Set(h.app.routes.filter((r) => r.path === path).map((r) => r.method))];
  return methods.some((m) => m !== 'ALL') ? methods.filter((m) => m !== 'ALL') : methods;
}
const CLIENT_HEADER = 'x-fuzz-client';

let h: Harness;
let world: FuzzWorld;
const identity: Record<Who, Record<string, string>> = { officer: {}, anonymous: {} };
/** A second session of the officer, for `auth.logout`: logging out must not end the battery's own session. */
let logoutCookie = '';
let requests = 0;
const started = Date.now();

/** Each request from its own address: the citizens' per-address limits stay out of the way of deeper paths. */
function clientHeaders(): Record<string, string> {
  requests++;
  return { [CLIENT_HEADER]: `10.${(requests >> 16) & 255}.${(requests >> 8) & 255}.${requests & 255}` };
}

/** `from`: a client address to use instead of a fresh one (a proof of work is bound to the address it was issued to). */
async function send(request: FuzzRequest, who: Who, signal?: AbortSignal, from?: string): Promise<Response> {
  return h.app.request(request.url, {
    method: request.method,
    headers: { ...identity[who], ...clientHeaders(), ...(from ? { [CLIENT_HEADER]: from } : {}), ...request.headers },
    ...(request.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD' ? { body: request.body } : {}),
    ...(signal ? { signal } : {}),
  });
}

/** Fails with what was sent and what came back, when the answer is a 5xx or shows internals. */
async function expectSafe(response: Response, request: FuzzRequest, readBody = true): Promise<void> {
  const body = readBody ? await response.text() : '';
  const leak = leakIn(body);
  if (response.status >= 500 || leak) {
    const sent = typeof request.body === 'string' ? request.body.slice(0, 300) : request.body ? `${request.body.length} bytes` : '';
    throw new Error(`${request.method} ${request.url.slice(0, 300)} ${sent} → ${response.status}${leak ? ` (shows ${leak})` : ''}: ${body.slice(0, 500)}`);
  }
}

/** A tRPC call as the portal and the widget make it: queries by GET `?input=`, mutations by POST JSON. */
function procedureRequest(name: string, type: ProcedureType, input: { json: unknown } | { raw: string }): FuzzRequest {
  const text = 'raw' in input ? input.raw : input.json === undefined ? undefined : JSON.stringify(input.json);
  if (type === 'mutation') return { method: 'POST', url: `/trpc/${name}`, headers: { 'content-type': 'application/json' }, body: text ?? '' };
  return { method: 'GET', url: `/trpc/${name}${text === undefined ? '' : `?input=${encode(text)}`}` };
}

async function callProcedure(name: string, type: ProcedureType, input: { json: unknown } | { raw: string }, who: Who, from?: string): Promise<void> {
  let request = procedureRequest(name, type, input);
  if (name === 'auth.logout' && who === 'officer') request = { ...request, headers: { ...request.headers, cookie: logoutCookie } };
  if (type === 'subscription') {
    // A live stream never ends by itself: read the status, then hang up.
    const controller = new AbortController();
    const response = await send(request, who, controller.signal);
    const streaming = response.status === 200;
    if (streaming) {
      controller.abort();
      await response.body?.cancel().catch(() => undefined);
    }
    return expectSafe(response, request, !streaming);
  }
  return expectSafe(await send(request, who, undefined, from), request);
}

/**
 * A fresh proof of work for `case.submit`, as the widget gets and solves it, from the address that will submit.
 * When no challenge is given (a limit), the submission goes without one and is refused: still a fine answer.
 */
async function solvedProof(from: string): Promise<string> {
  const response = await send(
    {
      method: 'POST',
      url: '/trpc/case.challenge',
      headers: { 'content-type': 'application/json', origin: WARD },
      body: JSON.stringify({ siteKey: DEMO_SITE_KEY }),
    },
    'anonymous',
    undefined,
    from,
  );
  const challenge = ((await response.json()) as { result?: { data?: { challenge: string; salt: string; maxnumber: number } } }).result?.data;
  if (!challenge) return 'no-challenge';
  return solveChallenge(challenge);
}

let proofAddresses = 0;
/** Each submission from its own address in its own /16: per-address and per-prefix counters stay low. */
function proofAddress(): string {
  proofAddresses++;
  return `172.${16 + (proofAddresses & 15)}.${(proofAddresses >> 4) & 255}.${(proofAddresses >> 12) & 255}`;
}

async function withProof(name: string, input: unknown, from: string): Promise<unknown> {
  if (name !== 'case.submit' || input === null || typeof input !== 'object') return input;
  return { ...input, proof: await solvedProof(from) };
}

const FC_OPTIONS = { endOnFailure: true } as const;

const FUZZ_LIMITS_OFF = [
  'RATE_LIMIT_SUBMITS_PER_HOUR',
  'RATE_LIMIT_SUBMITS_PER_PREFIX_PER_HOUR',
  'RATE_LIMIT_SUBMITS_GLOBAL_PER_HOUR',
  'RATE_LIMIT_SUBMITS_GLOBAL_HARD_PER_HOUR',
  'RATE_LIMIT_TRACKS_PER_HOUR',
  'RATE_LIMIT_TRACKS_PER_PREFIX_PER_HOUR',
  'RATE_LIMIT_CHALLENGES_PER_HOUR',
  'RATE_LIMIT_CHALLENGES_PER_PREFIX_PER_HOUR',
  'RATE_LIMIT_UPLOADS_PER_HOUR',
  'RATE_LIMIT_UPLOADS_PER_PREFIX_PER_HOUR',
  'RATE_LIMIT_STATISTICS_PER_HOUR',
  'RATE_LIMIT_STATISTICS_PER_PREFIX_PER_HOUR',
];

/** Which halves of the battery this test file runs. */
export interface BatteryParts {
  /** From `fuzzRuns(process.env)`. */
  readonly runs: { readonly invalid: number; readonly valid: number };
  readonly coverage: boolean;
  readonly procedures: readonly Who[];
  readonly routes: readonly Who[];
}

const JUNK_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];
const junkHeaders = fc
  .record(
    {
      'content-type': fc.oneof(
        fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/octet-stream'),
        junkString,
      ),
      'accept-language': junkString,
      'x-pakn-lang': junkString,
      'x-pakn-filename': junkString,
      'x-pakn-site': fc.oneof(fc.constant(DEMO_SITE_KEY), junkString),
      'x-pakn-case': junkString,
      origin: fc.oneof(fc.constantFrom(OWN, WARD, 'null', 'http://evil.test'), junkString),
      cookie: junkString.map((v) => `pakn_session=${v}`),
      'x-pakn-csrf': fc.constantFrom('1', '0', ''),
      range: fc.constantFrom('bytes=0-1', 'bytes=-1', 'bytes=999999999-', 'bytes=x'),
      'if-none-match': junkString,
    },
    { requiredKeys: [] },
  )
  .map((headers) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, headerSafe(v)])));

/** The route's path with junk for its parameters and wildcard, and a junk query string. */
function junkUrl(path: string): fc.Arbitrary<string> {
  const segments = path.split('/');
  return fc
    .tuple(
      fc.array(
        fc.oneof(
          junkString.map(encode),
          junkString.map((s) => encode(s).replaceAll('%25', '%')),
          fc.constantFrom('..', '%2e%2e', '%2F', '.', '__proto__', 'constructor'),
        ),
        {
          minLength: segments.length,
          maxLength: segments.length,
        },
      ),
      fc.array(fc.tuple(junkString, junkString), { maxLength: 4 }),
    )
    .map(([junk, query]) => {
      const built = segments.map((segment, i) => (segment.startsWith(':') || segment === '*' ? junk[i] : segment)).join('/');
      const search = query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
      return `${built}${search ? `?${search}` : ''}`;
    });
}

const junkBody: fc.Arbitrary<string | Uint8Array | undefined> = fc.oneof(
  fc.constant(undefined),
  hugeString,
  rawJunkText,
  junkValue.map((value) => JSON.stringify(value) ?? ''),
  fc.uint8Array({ maxLength: 5000 }),
);

/** Cases the battery submits itself as a citizen would, for the receipts that citizens' procedures take. */
async function submitOwnCases(): Promise<{ reference: string; accessKey: string }[]> {
  const receipts: { reference: string; accessKey: string }[] = [];
  for (let i = 0; i < 3; i++) {
    const from = proofAddress();
    const body = {
      siteKey: DEMO_SITE_KEY,
      category: 'late_result',
      description: 'Hồ sơ đăng ký kết hôn bị trả muộn so với giấy hẹn.',
      idempotencyKey: randomBytes(16).toString('base64url'),
      proof: await solvedProof(from),
    };
    const response = await send(
      { method: 'POST', url: '/trpc/case.submit', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
      'anonymous',
      undefined,
      from,
    );
    const receipt = ((await response.json()) as { result?: { data?: { reference: string; accessKey: string } } }).result?.data;
    if (!receipt) throw new Error(`the battery could not submit its own cases (${response.status})`);
    receipts.push(receipt);
  }
  return receipts;
}

/** Starts the app with the citizens' limits off, signs the officer in and fills the world the inputs draw from. */
async function setUpWorld(): Promise<void> {
  h = await startHarness(
    {
      CLIENT_ADDRESS_HEADER: CLIENT_HEADER,
      // Limits off (0) so that valid inputs reach the handlers; variables a version does not know are ignored.
      ...Object.fromEntries(FUZZ_LIMITS_OFF.map((name) => [name, '0'])),
      POW_MAX_MULTIPLIER: '1',
    },
    { withSampleCases: true },
  );
  const cookie = await h.login('tiepnhan');
  logoutCookie = await h.login('tiepnhan');
  identity.officer = { cookie, origin: OWN, 'x-pakn-csrf': '1' };
  identity.anonymous = { origin: WARD };
  const receipts = await submitOwnCases();
  const ids = async (sql: string) => (await h.db.execute(sql)).rows.map((row) => String(row[0]));
  world = {
    caseIds: await ids('SELECT id FROM cases'),
    receipts,
    unitIds: ['centre', 'ward-hoan-kiem', 'ward-cua-nam', 'branch-05', 'dept-justice'],
    staffIds: await ids('SELECT id FROM staff'),
    siteKey: DEMO_SITE_KEY,
    today: new Date().toISOString().slice(0, 10),
  };
}

function describeProcedures(parts: BatteryParts): void {
  const INVALID_RUNS = parts.runs.invalid;
  const VALID_RUNS = parts.runs.valid;
  if (parts.procedures.length === 0) return;
  describe.each<Who>(parts.procedures)('issue 9: every tRPC procedure, called by the %s, never answers 5xx nor shows internals', (who) => {
    for (const { name, type } of PROCEDURES) {
      it(`${name}: ${VALID_RUNS} valid inputs`, async () => {
        const valid = procedureInputs(world)[name] ?? fc.constant(undefined);
        await fc.assert(
          fc.asyncProperty(valid, async (input) => {
            const from = proofAddress();
            return callProcedure(name, type, { json: await withProof(name, input, from) }, who, from);
          }),
          { ...FC_OPTIONS, numRuns: VALID_RUNS },
        );
      }, 600_000);

      it(`${name}: ${INVALID_RUNS} invalid inputs`, async () => {
        const valid = procedureInputs(world)[name] ?? fc.constant(undefined);
        const invalid = fc.oneof(
          { weight: 3, arbitrary: junkValue.map((json) => ({ json })) },
          { weight: 3, arbitrary: corrupt(valid).map((json) => ({ json })) },
          { weight: 1, arbitrary: rawJunkText.map((raw) => ({ raw })) },
          { weight: 1, arbitrary: corrupt(valid, hugeString).map((json) => ({ json })) },
        );
        await fc.assert(
          fc.asyncProperty(invalid, async (input) => callProcedure(name, type, input, who)),
          { ...FC_OPTIONS, numRuns: INVALID_RUNS },
        );
      }, 600_000);
    }
  });
}

function describeRoutes(parts: BatteryParts): void {
  const INVALID_RUNS = parts.runs.invalid;
  const VALID_RUNS = parts.runs.valid;
  if (parts.routes.length === 0) return;
  describe.each<Who>(parts.routes)('issue 9: every HTTP route, called by the %s, never answers 5xx nor shows internals', (who) => {
    const paths = answeringPaths;

    it(`answers ${VALID_RUNS} valid requests to each route`, async () => {
      for (const path of paths()) {
        const row = routeRequests(world)[path];
        if (!row) throw new Error(`no row for ${path}`);
        await fc.assert(
          fc.asyncProperty(row(methodsOf(path), world), async (request) => expectSafe(await send(request, who), request)),
          { ...FC_OPTIONS, numRuns: VALID_RUNS },
        );
      }
    }, 600_000);

    it(`answers ${INVALID_RUNS} invalid requests to each route`, async () => {
      for (const path of paths()) {
        const methods = methodsOf(path).filter((m) => m !== 'ALL');
        const request = fc.record({
          method: fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...(methods.length > 0 ? methods : JUNK_METHODS)) },
            { weight: 1, arbitrary: fc.constantFrom(...JUNK_METHODS) },
          ),
          url: junkUrl(path),
          headers: junkHeaders,
          body: junkBody,
        });
        await fc.assert(
          fc.asyncProperty(request, async (r) => {
            const sent: FuzzRequest = { method: r.method, url: r.url, headers: r.headers, ...(r.body === undefined ? {} : { body: r.body }) };
            await expectSafe(await send(sent, who), sent);
          }),
          { ...FC_OPTIONS, numRuns: INVALID_RUNS },
        );
      }
    }, 600_000);
  });
}

export function defineFuzzBattery(parts: BatteryParts): void {
  const INVALID_RUNS = parts.runs.invalid;
  const VALID_RUNS = parts.runs.valid;
  beforeAll(setUpWorld, 60_000);

  afterAll(async () => {
    // The figure the coordinator asked for: how long the battery takes at this FUZZ_RUNS.
    console.info(`[fuzz] ${requests} requests, FUZZ_RUNS=${INVALID_RUNS} (valid ${VALID_RUNS}), ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await h?.close();
  });

  if (parts.coverage)
    describe('issue 9: the fuzz battery covers everything', () => {
      it('has valid inputs for every tRPC procedure, and no row for a procedure that does not exist', () => {
        expect(Object.keys(procedureInputs(world)).sort()).toEqual(PROCEDURES.map((p) => p.name).sort());
      });

      it('has requests for every HTTP route of the app, and no row for a route that does not exist', () => {
        expect(Object.keys(routeRequests(world)).sort()).toEqual(answeringPaths().sort());
      });
    });

  describeProcedures(parts);
  describeRoutes(parts);
}
