/**
 * The widget's calls on a cheaper path (issue 11). tRPC's fetch adapter builds a fetch Request for every call
 * (its body as a web stream, its abort signals) and runs tRPC's generic HTTP layer (batches, streaming, method
 * overrides); at 50 connections that was a quarter of a tracking request's CPU. The citizen procedures the widget
 * and the hosted page call (packages/api-client/src/widget-client.ts: one procedure a request, a query as GET
 * `?input=`, a mutation as POST with a JSON body, never a batch) are answered here instead, after the same
 * middleware as every /trpc call (headers, CORS, body limits, the request's log line). The procedure itself is
 * called through the router, as the adapter calls it (its input parser, its middleware and policy chain), and the
 * answer is tRPC's own envelope, made by tRPC's own functions: the same status, headers and body, byte for byte
 * (test/citizen-calls.test.ts runs both paths on every kind of call and refusal). Anything else the widget does
 * not send (a batch, another method, a streaming accept header, another content type, an unknown path) goes on to
 * the adapter unchanged.
 */
import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import { TRPCError, type AnyProcedure } from '@trpc/server';
import { getErrorShape, getHTTPStatusCode, getTRPCErrorFromUnknown, transformTRPCResponse } from '@trpc/server/unstable-core-do-not-import';
import { appRouter, type Context } from '@pakn/api';
import type { AppEnv } from '../middleware.ts';
import type { ResponseHeaders } from '../app-context.ts';

/** The procedures the widget calls (widget-client.ts), all public: the staff's stay on the adapter. */
export const CITIZEN_PROCEDURES = [
  'site.config',
  'case.challenge',
  'case.submit',
  'case.track',
  'case.rate',
  'case.requestReview',
  'case.provideInfo',
] as const;

export interface ProcedureHooks {
  /** The procedure's context, as the adapter makes it; headers it sets (Retry-After) go to `resHeaders`. */
  readonly createContext: (c: HonoContext<AppEnv>, resHeaders: ResponseHeaders) => Promise<Context>;
  /** Every error of a call, as the adapter reports it (the server logs faults). */
  readonly onError: (opts: { error: TRPCError; path: string; ctx: Context | undefined }) => void;
}

const config = appRouter._def._config;
function isProcedure(value: unknown): value is AnyProcedure {
  return typeof value === 'function' && '_def' in value;
}
const procedures: ReadonlyMap<string, AnyProcedure> = new Map(
  CITIZEN_PROCEDURES.map((path) => {
    const procedure: unknown = Reflect.get(appRouter._def.procedures, path);
    if (!isProcedure(procedure) || procedure._def.type === 'subscription') throw new Error(`The router has no procedure ${path}`);
    return [path, procedure];
  }),
);

/** tRPC's test (hasContentType): the media type before any parameter, lower-cased, is exactly this one. */
function isJson(contentType: string | undefined): boolean {
  return contentType?.toLowerCase().split(';', 1)[0]?.trim() === 'application/json';
}

/** A streaming answer asked for (tRPC's getAcceptHeader): only the adapter speaks it. */
function wantsStream(c: HonoContext<AppEnv>): boolean {
  return (
    c.req.header('trpc-accept') !== undefined ||
    (c.req
      .header('accept')
      ?.split(',')
      .some((t) => t.trim() === 'application/jsonl') ??
      false)
  );
}

/** The procedure and where its input is, when this path can answer the call; null sends it on to the adapter. */
function callOf(c: HonoContext<AppEnv>): { path: string; procedure: AnyProcedure; query: URLSearchParams | null } | null {
  const procedure = procedures.get(c.req.path.slice('/trpc/'.length));
  if (!procedure) return null;
  const method = c.req.method;
  if (method !== (procedure._def.type === 'query' ? 'GET' : 'POST') || wantsStream(c)) return null;
  const contentType = c.req.header('content-type');
  if (method === 'POST' ? !isJson(contentType) : contentType !== undefined && !isJson(contentType)) return null;
  const url = c.req.url;
  const mark = url.indexOf('?');
  const query = mark < 0 ? null : new URLSearchParams(url.slice(mark + 1));
  // A batch or connection parameters change what tRPC does with the call.
  if (query && (query.has('batch') || query.has('connectionParams'))) return null;
  return { path: c.req.path.slice('/trpc/'.length), procedure, query };
}

/** The call's input as tRPC reads it: JSON of `?input=` or of the body; none when empty; a parse failure is a 400. */
async function readInput(c: HonoContext<AppEnv>, query: URLSearchParams | null): Promise<unknown> {
  try {
    const text = c.req.method === 'GET' ? query?.get('input') : await c.req.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch (cause) {
    if (cause instanceof TRPCError) throw cause;
    throw new TRPCError({ code: 'BAD_REQUEST', message: cause instanceof Error ? cause.message : 'Invalid input', cause });
  }
}

/** Headers a procedure sets on its answer (RequestInfo's setResponseHeader), in order, as the adapter keeps them. */
class CollectedHeaders implements ResponseHeaders {
  readonly entries: [string, string][] = [];
  append(name: string, value: string): void {
    this.entries.push([name.toLowerCase(), value]);
  }
  set(name: string, value: string): void {
    const lower = name.toLowerCase();
    const kept = this.entries.filter(([n]) => n !== lower);
    this.entries.length = 0;
    this.entries.push(...kept, [lower, value]);
  }
}

/** Answers the widget's calls (see above); every other call goes on to the next handler, tRPC's adapter. */
export function citizenCalls(hooks: ProcedureHooks): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const call = callOf(c);
    if (!call) return next();
    const { path, procedure, query } = call;
    const type = procedure._def.type;
    const resHeaders = new CollectedHeaders();
    let ctx: Context | undefined;
    let input: unknown;
    let body: string;
    let status = 200;
    try {
      ctx = await hooks.createContext(c, resHeaders);
      const getRawInput = async () => (input = await readInput(c, query));
      // No citizen procedure streams or returns promises inside its data (tRPC's adapter would refuse those here).
      const data: unknown = await procedure({ path, getRawInput, ctx, type, signal: undefined, batchIndex: 0 });
      body = JSON.stringify(transformTRPCResponse(config, { result: { data } }));
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      hooks.onError({ error, path, ctx });
      const response = { error: getErrorShape({ config, ctx, error, input, path, type }) };
      status = getHTTPStatusCode([response], [error]);
      body = JSON.stringify(transformTRPCResponse(config, response));
    }
    // In tRPC's order: its own two headers, then the procedure's appended.
    const headers = new Headers([['vary', 'trpc-accept, accept']]);
    headers.set('content-type', 'application/json');
    for (const [name, value] of resHeaders.entries) headers.append(name, value);
    return new Response(body, { status, headers });
  };
}
