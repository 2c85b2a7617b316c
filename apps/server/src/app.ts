import { Hono, type Context as HonoContext } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { cors } from 'hono/cors';
import { getConnInfo } from '@hono/node-server/conninfo';
import { trpcServer } from '@hono/trpc-server';
import {
  appRouter,
  createApiServices,
  createContext,
  CSRF_HEADER,
  DEFAULT_CITIZEN_LIMITS,
  SESSION_COOKIE,
  type ApiServices,
  type RequestInfo,
} from '@pakn/api';
import { getSite, listSites, schemaVersion, storageFaultCode, type Db } from '@pakn/db';
import { errorMessage, pickLang } from '@pakn/domain';
import type { Config } from './env.ts';
import { registerFileRoutes } from './file-routes.ts';
import { OWN_PAGE_HEADERS, payloadTooLarge } from './responses.ts';
import { assetResponse, type AssetDirectory } from './static-assets.ts';

export interface AppDeps {
  readonly db: Db;
  readonly config: Config;
  readonly now?: () => Date;
  /** A clock the end-to-end tests may move (TEST_CLOCK); `now` reads it. */
  readonly clock?: { offsetMs: number };
  readonly widgetAssets: AssetDirectory;
  readonly portalAssets: AssetDirectory;
  /** The audit checkpoint file a running writer keeps (startSystem): audit.verify holds the chain against it. */
  readonly auditCheckpointFile?: string | null;
}

/** JSON request bodies above this are refused before parsing. */
export const API_BODY_LIMIT_BYTES = 64 * 1024;
const ORIGIN_CACHE_MS = 5_000;

const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  // Issue 9: no string reaches an HTML or script sink unless a Trusted Types policy made it. The portal's
  // bundle creates one policy, Lit's `lit-html` (its templates); Vite's preload helper only adds
  // <link rel=modulepreload>, which is no sink. A new policy must be named here, or its creation throws.
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** The hosted page and the iframe: our own origin, our own strict policy. */
const HOSTED_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types pakn-widget',
].join('; ');

/**
 * Widget files are embedded by other sites: they must be loadable cross-origin (module scripts are fetched
 * in CORS mode, COEP pages need CORP cross-origin), and never framed or sniffed.
 */
const WIDGET_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Timing-Allow-Origin': '*',
};

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

function sessionCookie(token: string | null, maxAgeSeconds: number, secure: boolean): string {
  const parts = [
    `${SESSION_COOKIE}=${token ?? ''}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${token ? maxAgeSeconds : 0}`,
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

export function createApp(deps: AppDeps): Hono {
  const { db, config } = deps;
  const clock = deps.clock;
  const now = deps.now ?? (clock ? () => new Date(Date.now() + clock.offsetMs) : () => new Date());
  const ownOrigin = new URL(config.publicUrl).origin;
  const secureCookie = ownOrigin.startsWith('https:');
  if (!config.secret) console.warn('[pakn] PAKN_SECRET is not set: proof-of-work challenges are signed with a key made at start');
  const services: ApiServices = createApiServices({
    db,
    now,
    sessionTtlSeconds: config.sessionTtlSeconds,
    auditCheckpointFile: deps.auditCheckpointFile ?? null,
    sessionIdleSeconds: config.sessionIdleSeconds,
    loginThrottle: { account: { lockAfter: config.loginLock.afterFailures, lockMs: config.loginLock.minutes * 60_000 } },
    citizen: {
      ...(config.secret ? { powHmacKey: config.secret } : {}),
      powMaxNumber: config.powMaxNumber,
      powMaxMultiplier: config.powMaxMultiplier,
      limits: { ...DEFAULT_CITIZEN_LIMITS, ...config.limits },
    },
  });

  function requestInfo(c: HonoContext, resHeaders?: Headers): RequestInfo {
    return {
      origin: c.req.header('origin') ?? null,
      ownOrigin,
      hasCsrfHeader: c.req.header(CSRF_HEADER) === '1',
      clientAddress: clientAddress(c, config.clientAddressHeader),
      lang: pickLang(c.req.header('x-pakn-lang') ?? c.req.header('accept-language')),
      sessionToken: getCookie(c, SESSION_COOKIE) ?? null,
      setSessionCookie: (token, maxAge) => resHeaders?.append('Set-Cookie', sessionCookie(token, maxAge, secureCookie)),
      setResponseHeader: (name, value) => resHeaders?.set(name, value),
    };
  }

  let originCache: { at: number; origins: Set<string> } | null = null;
  async function registeredOrigins(): Promise<Set<string>> {
    const at = Date.now();
    if (!originCache || at - originCache.at > ORIGIN_CACHE_MS) {
      const sites = await listSites(db);
      originCache = { at, origins: new Set(sites.flatMap((s) => s.allowedOrigins)) };
    }
    return originCache.origins;
  }

  /** Registered sites may call the citizen API from their pages, without credentials. */
  const citizenCors = cors({
    origin: async (origin) => ((await registeredOrigins()).has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['content-type', 'x-pakn-lang', 'trpc-accept', 'x-pakn-site', 'x-pakn-filename'],
    credentials: false,
    maxAge: 600,
  });

  const app = new Hono();

  // Issue 9: once served over https, browsers must never fall back to http for this host (a downgrade would
  // expose the session cookie's requests). Browsers ignore the header on http, so it is sent only for https.
  if (secureCookie) {
    app.use('*', async (c, next) => {
      await next();
      c.res.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    });
  }

  app.onError((error, c) => {
    const lang = pickLang(c.req.header('x-pakn-lang') ?? c.req.header('accept-language'));
    const fault = storageFaultCode(error);
    if (fault) {
      // A full disk or a read-only file: nothing was stored, and a retry can succeed once it clears.
      console.error(`[http] storage unavailable (${fault}): the request was refused with 503`);
      c.header('Retry-After', '60');
      return c.json({ error: { reason: 'storage_unavailable', message: errorMessage('storage_unavailable', lang) } }, 503);
    }
    console.error('[http] unhandled error:', error);
    return c.json({ error: { reason: 'internal', message: errorMessage('internal', lang) } }, 500);
  });
  app.notFound((c) => {
    const lang = pickLang(c.req.header('accept-language'));
    return c.json({ error: { reason: 'not_found', message: errorMessage('not_found', lang) } }, 404);
  });

  if (config.testClock) {
    console.warn('[pakn] TEST_CLOCK is on: POST /__test__/clock can move the clock. Never in production.');
    app.post('/__test__/clock', async (c) => {
      // A body that is not JSON is a bad request, not a crash (issue 9: every unexpected input is a 4xx).
      const body = (await c.req.json().catch(() => ({}))) as { offsetMs?: unknown };
      const offsetMs = Number(body.offsetMs);
      if (!Number.isFinite(offsetMs) || !deps.clock) return c.json({ error: 'offsetMs must be a number' }, 400);
      deps.clock.offsetMs = offsetMs;
      return c.json({ now: now().toISOString() });
    });
  }

  app.get('/healthz', async (c) => {
    for (const [k, v] of Object.entries(OWN_PAGE_HEADERS)) c.header(k, v);
    c.header('Cache-Control', 'no-store');
    try {
      const version = await schemaVersion(db);
      return c.json({ status: 'ok', schemaVersion: version, database: db.isLocal ? 'embedded' : 'remote' });
    } catch {
      return c.json({ status: 'unavailable' }, 503);
    }
  });

  app.use(
    '/trpc/*',
    async (c, next) => {
      await next();
      for (const [k, v] of Object.entries(OWN_PAGE_HEADERS)) c.res.headers.set(k, v);
      c.res.headers.set('Cache-Control', 'no-store');
    },
    citizenCors,
    async (c, next) => {
      // Only JSON bodies: the content types a cross-site form can send without a preflight (form-urlencoded,
      // multipart, text/plain) and tRPC's octet-stream input never reach a procedure.
      if (c.req.method === 'POST' && !/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
        const lang = pickLang(c.req.header('x-pakn-lang') ?? c.req.header('accept-language'));
        return c.json({ error: { reason: 'unsupported_media_type', message: errorMessage('invalid', lang) } }, 415);
      }
      return next();
    },
    bodyLimit({
      maxSize: API_BODY_LIMIT_BYTES,
      onError: payloadTooLarge,
    }),
    trpcServer({
      router: appRouter,
      endpoint: '/trpc',
      allowBatching: true,
      maxBatchSize: 10,
      createContext: (opts, c) =>
        createContext(services, requestInfo(c, opts.resHeaders)) as unknown as Promise<Record<string, unknown>>,
    }),
  );

  // Citizens' uploads, staff downloads and exports, answer files (file-routes.ts).
  registerFileRoutes(app, { services, requestInfo, citizenCors });

  // The hosted page for QR codes on posters and browsers without custom elements: /c/SITE-KEY.
  app.get('/c/:siteKey', async (c) => {
    const site = await getSite(db, c.req.param('siteKey'));
    const asset = deps.widgetAssets.get('v1/hosted.html');
    if (!site) return c.notFound();
    if (!asset) return c.text('The widget is not built: run `pnpm build`.', 503);
    return assetResponse(asset, c.req.raw, {
      ...OWN_PAGE_HEADERS,
      'Content-Security-Policy': HOSTED_CSP,
      'Cache-Control': 'no-cache',
    });
  });

  // The same form in an iframe, for partners who want hard isolation: only the site's own pages may frame it.
  app.get('/widget/v1/frame.html', async (c) => {
    const site = await getSite(db, c.req.query('site') ?? '');
    const asset = deps.widgetAssets.get('v1/frame.html');
    if (!site) return c.notFound();
    if (!asset) return c.text('The widget is not built: run `pnpm build`.', 503);
    const { 'X-Frame-Options': _deny, ...headers } = OWN_PAGE_HEADERS;
    return assetResponse(asset, c.req.raw, {
      ...headers,
      'Cross-Origin-Resource-Policy': 'cross-origin',
      // A cross-origin-isolated host page (COEP require-corp) can only frame documents that opt in too.
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Content-Security-Policy': `${HOSTED_CSP.replace("frame-ancestors 'none'", `frame-ancestors ${site.allowedOrigins.join(' ') || "'none'"}`)}`,
      'Cache-Control': 'no-cache',
    });
  });

  // The widget: a stable loader with a short cache, and content-hashed files cached forever.
  app.get('/widget/v1/*', (c) => {
    const path = c.req.path.slice('/widget/'.length);
    const asset = deps.widgetAssets.get(path);
    if (!asset) return c.notFound();
    const immutable = path.startsWith('v1/assets/');
    return assetResponse(asset, c.req.raw, {
      ...WIDGET_HEADERS,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300, stale-while-revalidate=3600',
    });
  });

  app.get('/', (c) => c.redirect('/portal/'));
  app.get('/portal', (c) => c.redirect('/portal/'));
  app.get('/portal/*', (c) => {
    const path = c.req.path.slice('/portal/'.length);
    const direct = path ? deps.portalAssets.get(path) : undefined;
    // Client-side routes (e.g. /portal/cases/123) get the shell.
    const asset = direct ?? (path.startsWith('assets/') ? undefined : deps.portalAssets.get('index.html'));
    if (!asset) {
      if (deps.portalAssets.empty) return c.text('The portal is not built: run `pnpm build`.', 503);
      return c.notFound();
    }
    const immutable = path.startsWith('assets/');
    return assetResponse(asset, c.req.raw, {
      ...OWN_PAGE_HEADERS,
      'Content-Security-Policy': PORTAL_CSP,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  });

  return app;
}
