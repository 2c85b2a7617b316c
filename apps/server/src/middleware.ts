/**
 * Middleware every surface shares: the request's language, its id and log line, answers for errors and unknown
 * paths, refusals of bodies by type and size. Each refusal's status and words come from @pakn/api's one error
 * mapping (http-errors.ts), as the procedures' do.
 */
import type { Context as HonoContext, ErrorHandler, MiddlewareHandler, NotFoundHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId, type RequestIdVariables } from 'hono/request-id';
import { routePath } from 'hono/route';
import { refusalResponse, type RefusalReason } from '@pakn/api';
import { storageFaultCode } from '@pakn/db';
import { pickLang, type Lang } from '@pakn/domain';
import type { Logger } from './logger.ts';

export interface AppVariables extends RequestIdVariables {
  /** The user's language: X-Pakn-Lang (the widget's choice), else Accept-Language. */
  lang: Lang;
  /** The tRPC procedure called, when it is one the router has (never what a client typed in the path). */
  procedure?: string;
}
export interface AppEnv {
  Variables: AppVariables;
}

export const language: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('lang', pickLang(c.req.header('x-pakn-lang') ?? c.req.header('accept-language')));
  await next();
};

/**
 * A client may bring its own request id (a proxy's, to follow one request through both logs), if it is short
 * and plain: at most 64 letters, digits, `_`, `-` or `=`; anything else is replaced by a new UUID.
 */
const REQUEST_ID_MAX_LENGTH = 64;
export const requestIds: MiddlewareHandler<AppEnv> = requestId({ limitLength: REQUEST_ID_MAX_LENGTH });

/**
 * One log line per request, written when the answer is ready: its id (also sent back as X-Request-Id), the
 * method, the route's pattern (`/api/v1/attachments/:id`, never the path: paths carry ids and site keys), the
 * procedure for tRPC, the status and the time taken.
 */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const id = c.get('requestId');
    c.res.headers.set('X-Request-Id', id);
    // Production logs at warn or above: the line is not built at all.
    if (!logger.isLevelEnabled('info')) return;
    const procedure = c.get('procedure');
    logger.info(
      {
        reqId: id,
        method: c.req.method,
        route: routePath(c),
        ...(procedure ? { procedure } : {}),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}

/** A refusal in the user's language, with the status the one error mapping gives it. */
export function refuse(c: HonoContext<AppEnv>, reason: RefusalReason): Response {
  const { status, body } = refusalResponse(reason, c.get('lang'));
  return c.json(body, status);
}

/** Answers that say nothing worth keeping; a handler that set its own lifetime keeps it. */
export const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
};

/**
 * Only JSON bodies: the content types a cross-site form can send without a preflight (form-urlencoded,
 * multipart, text/plain) and tRPC's octet-stream input never reach a handler. `optional`: no body at all
 * (no Content-Type) is fine too.
 */
export function jsonBodiesOnly(options: { optional?: boolean; methods?: readonly string[] } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (options.methods && !options.methods.includes(c.req.method)) return next();
    const type = c.req.header('content-type');
    if (options.optional && type === undefined) return next();
    if (!/^application\/json\b/i.test(type ?? '')) return refuse(c, 'unsupported_media_type');
    return next();
  };
}

/**
 * Bodies above `maxSize` are refused before any handler reads them, by Content-Length or while streaming. Without
 * its own answer the limit would throw, and the request would end as a 500.
 */
export function bodyLimitOf(maxSize: number, reason: 'payload_too_large' | 'attachment_too_large' = 'payload_too_large'): MiddlewareHandler<AppEnv> {
  const streaming = bodyLimit({ maxSize, onError: (c) => refuse(c as HonoContext<AppEnv>, reason) });
  // Hono's limit reads `c.req.raw.body`, which makes @hono/node-server build a whole fetch Request (a web stream
  // over the socket) for every call: a tenth of a tracking request's CPU (issue 11). Its answer is known without
  // it when there is no body (GET, HEAD) or when Content-Length says the size; a chunked body is counted by Hono.
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return streaming(c, next);
    return parseInt(length, 10) > maxSize ? refuse(c, reason) : next();
  };
}

/** What no handler caught: a full disk or a read-only database is a 503 worth retrying; the rest is logged once. */
export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    const fault = storageFaultCode(error);
    if (fault) {
      // Nothing was stored, and a retry can succeed once it clears.
      logger.error({ reqId: c.get('requestId'), fault }, 'storage unavailable: the request was refused with 503');
      c.header('Retry-After', '60');
      return refuse(c, 'storage_unavailable');
    }
    logger.error({ reqId: c.get('requestId'), err: error }, 'unhandled error');
    return refuse(c, 'internal');
  };
}

export const notFound: NotFoundHandler<AppEnv> = (c) => refuse(c, 'not_found');
