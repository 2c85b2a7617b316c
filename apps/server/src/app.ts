import { Hono, type Context as HonoContext } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { cors } from 'hono/cors';
import { getConnInfo } from '@hono/node-server/conninfo';
import { trpcServer } from '@hono/trpc-server';
import { appRouter, createContext, CSRF_HEADER, SESSION_COOKIE, type ApiServices, type RequestInfo } from '@pakn/api';
import { listSites, schemaVersion, type Db } from '@pakn/db';
import { errorMessage, pickLang } from '@pakn/domain';
import type { Config } from './env.ts';
import { assetResponse, type AssetDirectory } from './static-assets.ts';

export interface AppDeps {
  readonly db: Db;
  readonly config: Config;
  readonly now?: () => Date;
  readonly widgetAssets: AssetDirectory;
  readonly portalAssets: AssetDirectory;
}

/** JSON request bodies above this are refused before parsing. */
export const API_BODY_LIMIT_BYTES = 64 * 1024;
const ORIGIN_CACHE_MS = 5_000;

/** Headers for everything the PAKN origin serves to its own pages (portal, API, health). */
const OWN_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

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

function clientAddress(c: HonoContext): string {
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
  const now = deps.now ?? (() => new Date());
  const ownOrigin = new URL(config.publicUrl).origin;
  const secureCookie = ownOrigin.startsWith('https:');
  const services: ApiServices = { db, now, sessionTtlSeconds: config.sessionTtlSeconds };

  let originCache: { at: number; origins: Set<string> } | null = null;
  async function registeredOrigins(): Promise<Set<string>> {
    const at = Date.now();
    if (!originCache || at - originCache.at > ORIGIN_CACHE_MS) {
      const sites = await listSites(db);
      originCache = { at, origins: new Set(sites.flatMap((s) => s.allowedOrigins)) };
    }
    return originCache.origins;
  }

  const app = new Hono();

  app.onError((error, c) => {
    console.error('[http] unhandled error:', error);
    const lang = pickLang(c.req.header('accept-language'));
    return c.json({ error: { reason: 'internal', message: errorMessage('internal', lang) } }, 500);
  });
  app.notFound((c) => {
    const lang = pickLang(c.req.header('accept-language'));
    return c.json({ error: { reason: 'not_found', message: errorMessage('not_found', lang) } }, 404);
  });

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
    cors({
      origin: async (origin) => ((await registeredOrigins()).has(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['content-type', 'x-pakn-lang', 'trpc-accept'],
      credentials: false,
      maxAge: 600,
    }),
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
      onError: (c) => {
        const lang = pickLang(c.req.header('x-pakn-lang') ?? c.req.header('accept-language'));
        return c.json({ error: { reason: 'payload_too_large', message: errorMessage('payload_too_large', lang) } }, 413);
      },
    }),
    trpcServer({
      router: appRouter,
      endpoint: '/trpc',
      allowBatching: true,
      maxBatchSize: 10,
      createContext: (opts, c) => {
        const request: RequestInfo = {
          origin: c.req.header('origin') ?? null,
          ownOrigin,
          hasCsrfHeader: c.req.header(CSRF_HEADER) === '1',
          clientAddress: clientAddress(c),
          lang: pickLang(c.req.header('x-pakn-lang') ?? c.req.header('accept-language')),
          sessionToken: getCookie(c, SESSION_COOKIE) ?? null,
          setSessionCookie: (token, maxAge) =>
            opts.resHeaders.append('Set-Cookie', sessionCookie(token, maxAge, secureCookie)),
        };
        return createContext(services, request) as unknown as Promise<Record<string, unknown>>;
      },
    }),
  );

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
