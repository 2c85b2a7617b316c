/**
 * What the surfaces share: the API's services, the request as @pakn/api sees it (origin, language, client
 * address, the session cookie), and the CORS grant for the sites registered to embed the widget.
 */
import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import { generateCookie, getCookie } from 'hono/cookie';
import { cors } from 'hono/cors';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createApiServices, CSRF_HEADER, DEFAULT_CITIZEN_LIMITS, SESSION_COOKIE, type ApiServices, type RequestInfo } from '@pakn/api';
import { listSites, type Db } from '@pakn/db';
import type { Config } from './env.ts';
import type { Logger } from './logger.ts';
import type { AppEnv } from './middleware.ts';

const ORIGIN_CACHE_MS = 5_000;

/** Where a procedure's response headers go: tRPC's adapter gives a Headers, the citizen calls a cheaper list. */
export type ResponseHeaders = Pick<Headers, 'append' | 'set'>;

export interface SurfaceContext {
  readonly services: ApiServices;
  /** `resHeaders`: where tRPC's response headers go (the session cookie); REST handlers set none. */
  readonly requestInfo: (c: HonoContext<AppEnv>, resHeaders?: ResponseHeaders) => RequestInfo;
  /** Registered sites may call the citizen API and routes from their pages, without credentials. */
  readonly citizenCors: MiddlewareHandler;
  readonly logger: Logger;
}

export function createServices(db: Db, config: Config, now: () => Date, auditCheckpointFile: string | null, logger: Logger): ApiServices {
  return createApiServices({
    db,
    now,
    onBackgroundError: (err, work) => logger.error({ err }, `${work} failed`),
    sessionTtlSeconds: config.sessionTtlSeconds,
    auditCheckpointFile,
    sessionIdleSeconds: config.sessionIdleSeconds,
    loginThrottle: { account: { lockAfter: config.loginLock.afterFailures, lockMs: config.loginLock.minutes * 60_000 } },
    citizen: {
      ...(config.secret ? { powHmacKey: config.secret } : {}),
      powMaxNumber: config.powMaxNumber,
      powMaxMultiplier: config.powMaxMultiplier,
      powFreeChallengesPerAddress: config.powFreeChallenges.perAddress,
      powFreeChallengesPerPrefix: config.powFreeChallenges.perPrefix,
      limits: { ...DEFAULT_CITIZEN_LIMITS, ...config.limits },
    },
  });
}

function clientAddress(c: HonoContext, trustedHeader: string | undefined): string {
  // Only a header that our own reverse proxy overwrites may say who the client is; anything else is forgeable.
  if (trustedHeader) {
    const value = c.req.header(trustedHeader)?.split(',')[0]?.trim();
    if (value) return value;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

/** The staff session cookie: the whole site, never readable by scripts, never sent cross-site; Secure on https. */
function sessionCookie(token: string | null, maxAgeSeconds: number, secure: boolean): string {
  return generateCookie(SESSION_COOKIE, token ?? '', {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    maxAge: token ? maxAgeSeconds : 0,
    secure,
  });
}

function registeredSitesCors(db: Db): MiddlewareHandler {
  let originCache: { at: number; origins: Set<string> } | null = null;
  async function registeredOrigins(): Promise<Set<string>> {
    const at = Date.now();
    if (!originCache || at - originCache.at > ORIGIN_CACHE_MS) {
      const sites = await listSites(db);
      originCache = { at, origins: new Set(sites.flatMap((s) => s.allowedOrigins)) };
    }
    return originCache.origins;
  }
  const allowOrigin = async (origin: string) => ((await registeredOrigins()).has(origin) ? origin : null);
  const preflight = cors({
    origin: allowOrigin,
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['content-type', 'x-pakn-lang', 'trpc-accept', 'x-pakn-site', 'x-pakn-filename'],
    credentials: false,
    maxAge: 600,
  });
  // Other requests get what Hono's cors gives them, set once the answer exists: Hono's sets its headers on
  // `c.res` before the handler runs and appends Vary after, and either makes Hono rebuild the handler's answer
  // around a web stream of its body (issue 11: a tenth of a tracking request's CPU). The same headers, in place.
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    const allowed = await allowOrigin(c.req.header('origin') || '');
    if (allowed) c.res.headers.set('Access-Control-Allow-Origin', allowed);
    c.res.headers.append('Vary', 'Origin');
  };
}

export function createSurfaceContext(db: Db, config: Config, services: ApiServices, logger: Logger): SurfaceContext {
  const ownOrigin = new URL(config.publicUrl).origin;
  const secureCookie = ownOrigin.startsWith('https:');
  return {
    services,
    logger,
    citizenCors: registeredSitesCors(db),
    requestInfo: (c, resHeaders) => ({
      origin: c.req.header('origin') ?? null,
      ownOrigin,
      hasCsrfHeader: c.req.header(CSRF_HEADER) === '1',
      clientAddress: clientAddress(c, config.clientAddressHeader),
      lang: c.get('lang'),
      sessionToken: getCookie(c, SESSION_COOKIE) ?? null,
      setSessionCookie: (token, maxAge) => resHeaders?.append('Set-Cookie', sessionCookie(token, maxAge, secureCookie)),
      setResponseHeader: (name, value) => resHeaders?.set(name, value),
    }),
  };
}
