import { errorMessage, pickLang, type Lang } from '@pakn/domain';
import type { ProcedureInput, ProcedureOutput, ProcedurePath } from './procedures.ts';

/**
 * A fake PAKN server behind `fetch`, for component tests. The portal's real code runs unchanged: its tRPC
 * client (`@pakn/api-client`, `httpBatchLink`) and its downloads (`saveDownload`) call the global `fetch`,
 * which this module replaces for the length of one test (the setup file installs a fresh one before each
 * test and fails the test if anything reached it unanswered).
 *
 * Wire format (tRPC v11, no transformer: plain JSON): queries are `GET /trpc/a.b,c.d?batch=1&input={"0":…,
 * "1":…}`, mutations `POST /trpc/a.b?batch=1` with the same dictionary as the body; the answer is a JSON array
 * in the same order, each item `{ result: { data } }` or `{ error: { message, code, data } }`, where `data`
 * carries the API's `reason`, `fieldErrors` and `httpStatus` (packages/api/src/trpc.ts `errorFormatter`).
 */

/** What the API would answer for a failed call; throw it from a handler (see `trpcError`). */
export class FakeTrpcError extends Error {
  readonly reason: string;
  readonly codeKey: string;
  readonly httpStatus: number;
  readonly fieldErrors: Readonly<Record<string, string>> | null;
  readonly fixedMessage: string | undefined;
  constructor(reason: string, codeKey: string, httpStatus: number, fieldErrors: Readonly<Record<string, string>> | null, message: string | undefined) {
    super(`fake tRPC error: ${reason}`);
    this.reason = reason;
    this.codeKey = codeKey;
    this.httpStatus = httpStatus;
    this.fieldErrors = fieldErrors;
    this.fixedMessage = message;
  }
}

/** Throw it from a handler: the request fails as if the server could not be reached (fetch rejects). */
export class FakeNetworkError extends Error {
  constructor() {
    super('fake network failure');
  }
}

/** The API's reasons and the tRPC code and HTTP status each travels with (packages/api/src/errors.ts). */
const REASON_CODES: Readonly<Record<string, readonly [string, number]>> = {
  invalid: ['BAD_REQUEST', 400],
  unauthenticated: ['UNAUTHORIZED', 401],
  forbidden: ['FORBIDDEN', 403],
  csrf: ['FORBIDDEN', 403],
  not_found: ['NOT_FOUND', 404],
  conflict: ['CONFLICT', 409],
  illegal_transition: ['CONFLICT', 409],
  payload_too_large: ['PAYLOAD_TOO_LARGE', 413],
  rate_limited: ['TOO_MANY_REQUESTS', 429],
  internal: ['INTERNAL_SERVER_ERROR', 500],
  storage_unavailable: ['SERVICE_UNAVAILABLE', 503],
};

/** tRPC's JSON-RPC error numbers (@trpc/server `TRPC_ERROR_CODES_BY_KEY`) for the codes above. */
const JSON_RPC_CODES: Readonly<Record<string, number>> = {
  BAD_REQUEST: -32600,
  UNAUTHORIZED: -32001,
  FORBIDDEN: -32003,
  NOT_FOUND: -32004,
  CONFLICT: -32009,
  PAYLOAD_TOO_LARGE: -32013,
  TOO_MANY_REQUESTS: -32029,
  INTERNAL_SERVER_ERROR: -32603,
  SERVICE_UNAVAILABLE: -32603,
};

export interface TrpcErrorOptions {
  /** Field path → message, as the server's validation gives them (a form shows them by its fields). */
  readonly fieldErrors?: Readonly<Record<string, string>>;
  /** The message; by default the API's message for the reason, in the request's language (`x-pakn-lang`). */
  readonly message?: string;
  /** For a reason not in the table: the tRPC code key, e.g. `CONFLICT`, and its HTTP status. */
  readonly code?: readonly [string, number];
}

/** A failure as the API reports it: `throw trpcError('invalid', { fieldErrors: { note: '…' } })`. */
export function trpcError(reason: string, options: TrpcErrorOptions = {}): FakeTrpcError {
  const [codeKey, httpStatus] = options.code ?? REASON_CODES[reason] ?? ['BAD_REQUEST', 400];
  return new FakeTrpcError(reason, codeKey, httpStatus, options.fieldErrors ?? null, options.message);
}

/** What a tRPC handler gets besides the input: the request as the browser sent it. */
export interface FakeRequestInfo {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  /** The language the client asked for (`x-pakn-lang`). */
  readonly lang: Lang;
}

export type TrpcHandler<P extends ProcedurePath> = (input: ProcedureInput<P>, request: FakeRequestInfo) => ProcedureOutput<P> | Promise<ProcedureOutput<P>>;

export type HttpHandler = (request: Request) => Response | Promise<Response>;

/** One call the fake received: a procedure's, or a plain HTTP request's (`path` is then the URL path). */
export interface RecordedCall {
  readonly kind: 'trpc' | 'http';
  readonly path: string;
  readonly input: unknown;
  readonly request: FakeRequestInfo;
}

interface HttpRoute {
  readonly method: string;
  readonly path: string | RegExp;
  readonly handler: HttpHandler;
}

/** Requests of the test runner itself (module loading, its own API): never the component's. */
const RUNNER_PATHS = /^\/(?:__vitest|@)/;

export class FakeApi {
  readonly #trpc = new Map<string, (input: unknown, request: FakeRequestInfo) => unknown>();
  readonly #http: HttpRoute[] = [];
  readonly #calls: RecordedCall[] = [];
  /** Requests nobody answered, and handlers that threw something else than a fake failure. */
  readonly problems: string[] = [];

  /** Answers calls of `path` with `handler` (replacing an earlier one). Throw `trpcError(…)` to fail the call. */
  on<P extends ProcedurePath>(path: P, handler: TrpcHandler<P>): this {
    this.#trpc.set(path, handler as (input: unknown, request: FakeRequestInfo) => unknown);
    return this;
  }

  /** Shorthand: every call of `path` succeeds with `output`. */
  answer<P extends ProcedurePath>(path: P, output: ProcedureOutput<P>): this {
    this.#trpc.set(path, () => output);
    return this;
  }

  /** Shorthand: every call of `path` fails with `error` (a `trpcError(…)` or a `new FakeNetworkError()`). */
  fail<P extends ProcedurePath>(path: P, error: FakeTrpcError | FakeNetworkError): this {
    return this.on(path, () => {
      throw error;
    });
  }

  /** Answers plain HTTP requests (downloads, exports): `path` is the exact URL path, or a pattern. */
  http(method: string, path: string | RegExp, handler: HttpHandler): this {
    this.#http.push({ method: method.toUpperCase(), path, handler });
    return this;
  }

  /** Every call received so far, in order. */
  get calls(): readonly RecordedCall[] {
    return this.#calls;
  }

  /** The inputs the client sent to `path`, in order. */
  inputs<P extends ProcedurePath>(path: P): ProcedureInput<P>[] {
    return this.#calls.filter((call) => call.kind === 'trpc' && call.path === path).map((call) => call.input as ProcedureInput<P>);
  }

  /** The fetch that replaces the browser's while the fake is installed. */
  readonly fetch = async (resource: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(new URL(resource instanceof Request ? resource.url : resource, location.href), init);
    request.signal.throwIfAborted();
    const url = new URL(request.url);
    const info: FakeRequestInfo = { method: request.method, url, headers: request.headers, lang: pickLang(request.headers.get('x-pakn-lang') ?? undefined) };
    const answer = url.pathname.startsWith('/trpc/') ? this.#answerTrpc(request, info) : this.#answerHttp(request, info);
    const response = await raceAbort(answer, request.signal);
    request.signal.throwIfAborted();
    return response;
  };

  async #answerHttp(request: Request, info: FakeRequestInfo): Promise<Response> {
    const { pathname } = info.url;
    const route = this.#http.find((r) => r.method === request.method && (typeof r.path === 'string' ? r.path === pathname : r.path.test(pathname)));
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.clone().text();
    this.#calls.push({ kind: 'http', path: pathname, input: body, request: info });
    if (!route) {
      this.problems.push(`no fake answer for ${request.method} ${pathname}`);
      return new Response(null, { status: 404 });
    }
    try {
      return await route.handler(request);
    } catch (error) {
      if (error instanceof FakeNetworkError) throw new TypeError('Failed to fetch', { cause: error });
      this.problems.push(`the handler of ${request.method} ${pathname} threw: ${String(error)}`);
      return new Response(null, { status: 500 });
    }
  }

  async #answerTrpc(request: Request, info: FakeRequestInfo): Promise<Response> {
    const paths = decodeURIComponent(info.url.pathname.slice('/trpc/'.length)).split(',');
    const batch = info.url.searchParams.get('batch') === '1';
    const raw = request.method === 'GET' ? info.url.searchParams.get('input') : await request.text();
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    const inputs = paths.map((_, i) => (batch ? (parsed as Record<string, unknown> | undefined)?.[String(i)] : parsed));
    const items = await Promise.all(paths.map((path, i) => this.#answerProcedure(path, inputs[i], info)));
    if (items.some((item) => item === 'network')) throw new TypeError('Failed to fetch');
    const answered = items.filter((item) => item !== 'network');
    // The server's status for a batch: 200 when all succeeded, the common error status, or 207 when mixed.
    const statuses = new Set(answered.map((item) => ('error' in item ? item.error.data.httpStatus : 200)));
    const status = statuses.size === 1 ? ([...statuses][0] ?? 200) : 207;
    return Response.json(batch ? answered : answered[0], { status });
  }

  async #answerProcedure(path: string, input: unknown, info: FakeRequestInfo): Promise<TrpcItem | 'network'> {
    this.#calls.push({ kind: 'trpc', path, input, request: info });
    const handler = this.#trpc.get(path);
    if (!handler) {
      this.problems.push(`no fake answer for the procedure ${path}`);
      return errorItem(path, trpcError('not_found'), info.lang);
    }
    try {
      return { result: { data: await handler(input, info) } };
    } catch (error) {
      if (error instanceof FakeNetworkError) return 'network';
      if (error instanceof FakeTrpcError) return errorItem(path, error, info.lang);
      this.problems.push(`the handler of ${path} threw: ${String(error)}`);
      return errorItem(path, trpcError('internal'), info.lang);
    }
  }
}

type TrpcItem =
  | { result: { data: unknown } }
  | {
      error: {
        message: string;
        code: number;
        data: { code: string; httpStatus: number; path: string; reason: string; fieldErrors: Readonly<Record<string, string>> | null };
      };
    };

function errorItem(path: string, error: FakeTrpcError, lang: Lang): TrpcItem {
  return {
    error: {
      message: error.fixedMessage ?? errorMessage(error.reason, lang),
      code: JSON_RPC_CODES[error.codeKey] ?? -32600,
      data: { code: error.codeKey, httpStatus: error.httpStatus, path, reason: error.reason, fieldErrors: error.fieldErrors },
    },
  };
}

/** Settles with `answer`, or rejects as fetch does when the caller aborts first. */
function raceAbort<T>(answer: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new DOMException('The operation was aborted.', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

let current: { readonly api: FakeApi; readonly realFetch: typeof fetch } | null = null;

/**
 * The fake server of the running test (the setup file installed it before the test began). Register answers
 * on it before the component makes its calls, e.g. before `mount` for what the element loads on connect.
 */
export function fakeApi(): FakeApi {
  if (!current) throw new Error('No fake API installed: is src/test-support/setup.ts in the config’s setupFiles?');
  return current.api;
}

/** Replaces `fetch` with a new fake; the runner's own requests still reach the real one. */
export function installFakeApi(): FakeApi {
  uninstallFakeApi();
  const api = new FakeApi();
  const realFetch = globalThis.fetch;
  current = { api, realFetch };
  globalThis.fetch = (resource, init) => {
    const url = new URL(resource instanceof Request ? resource.url : resource, location.href);
    if (url.origin === location.origin && RUNNER_PATHS.test(url.pathname)) return realFetch(resource, init);
    return api.fetch(resource, init);
  };
  return api;
}

/** Puts the real `fetch` back; returns what went wrong (unanswered requests, handlers that threw). */
export function uninstallFakeApi(): readonly string[] {
  if (!current) return [];
  const { api, realFetch } = current;
  globalThis.fetch = realFetch;
  current = null;
  return api.problems;
}

/** A promise the test settles itself: keeps a call pending to see the busy state, then lets it finish. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (reason: unknown) => void } {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
