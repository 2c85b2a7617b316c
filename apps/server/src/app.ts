import { Hono, type Context as HonoContext, type MiddlewareHandler } from 'hono';
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
  uploadAttachment,
  downloadAttachment,
  exportCases,
  exportErrorResponse,
  exportUnitEvaluation,
  uploadAnswerAttachment,
  removeAnswerAttachment,
  downloadAnswerAttachmentForStaff,
  downloadAnswerAttachmentForCitizen,
  type ApiServices,
  type CsvExport,
  type RequestInfo,
} from '@pakn/api';
import { getSite, listSites, schemaVersion, storageFaultCode, type Db } from '@pakn/db';
import { DomainError, errorMessage, MAX_ATTACHMENT_BYTES, pickLang } from '@pakn/domain';
import type { Config } from './env.ts';
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
/** A citizen's download request holds a reference and an access key: a few hundred bytes. */
const DOWNLOAD_BODY_LIMIT_BYTES = 4096;

/** 413 in the user's language; without an onError, bodyLimit throws and the request ends as a 500. */
function payloadTooLarge(c: HonoContext): Response {
  const lang = pickLang(c.req.header('x-pakn-lang') ?? c.req.header('accept-language'));
  return c.json({ error: { reason: 'payload_too_large', message: errorMessage('payload_too_large', lang) } }, 413, { ...OWN_PAGE_HEADERS, 'Cache-Control': 'no-store' });
}
const ORIGIN_CACHE_MS = 5_000;
/** An export's filter is a few short fields. */
const EXPORT_BODY_LIMIT_BYTES = 4096;

/** An export's JSON filter as the string fields a query string would have had; anything else is dropped. */
function exportFilter(body: unknown): Record<string, string | undefined> {
  const filter: Record<string, string | undefined> = Object.create(null) as Record<string, string | undefined>;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return filter;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') filter[key] = String(value);
  }
  return filter;
}

/** Headers for everything the PAKN origin serves to its own pages (portal, API, health). */
const OWN_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * A file to save, never to render: citizens' files, answer files and exports all leave with these headers.
 * `asciiName` adds the plain `filename=` that older spreadsheet tools read; `filename*` carries the real name.
 */
function downloadResponse(content: Uint8Array | string, contentType: string, name: string, asciiName?: string): Response {
  return new Response(typeof content === 'string' ? content : (content as Uint8Array<ArrayBuffer>), {
    headers: {
      ...OWN_PAGE_HEADERS,
      'Content-Type': contentType,
      'Content-Disposition': `attachment; ${asciiName ? `filename="${asciiName}"; ` : ''}filename*=UTF-8''${encodeURIComponent(name)}`,
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    },
  });
}

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

const UPLOAD_STATUS: Readonly<Record<string, 400 | 403 | 413 | 415 | 429>> = {
  attachment_too_large: 413,
  attachment_type: 415,
  rate_limited: 429,
  origin_not_allowed: 403,
  forbidden: 403,
};

/** The answer files' routes also answer for sessions and the case's authorization. */
const ANSWER_FILE_STATUS: Readonly<Record<string, 400 | 401 | 403 | 404 | 413 | 415 | 429>> = {
  ...UPLOAD_STATUS,
  csrf: 403,
  unauthenticated: 401,
  not_found: 404,
  case_not_found: 404,
};

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
  const now = deps.now ?? (deps.clock ? () => new Date(Date.now() + deps.clock!.offsetMs) : () => new Date());
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
      createContext: (opts, c) =>
        createContext(services, requestInfo(c, opts.resHeaders)) as unknown as Promise<Record<string, unknown>>,
    }),
  );

  // Files a citizen attaches before submitting: raw bytes, the type decided by the server from the bytes.
  app.use('/api/v1/attachments', citizenCors);
  app.post(
    '/api/v1/attachments',
    bodyLimit({
      maxSize: MAX_ATTACHMENT_BYTES,
      onError: (c) => {
        const lang = pickLang(c.req.header('x-pakn-lang') ?? c.req.header('accept-language'));
        return c.json({ error: { reason: 'attachment_too_large', message: errorMessage('attachment_too_large', lang) } }, 413);
      },
    }),
    async (c) => {
      for (const [k, v] of Object.entries(OWN_PAGE_HEADERS)) c.header(k, v);
      c.header('Cache-Control', 'no-store');
      const request = requestInfo(c);
      try {
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        const name = decodeURIComponent(c.req.header('x-pakn-filename') ?? 'tep-dinh-kem');
        const uploaded = await uploadAttachment(services, request, { siteKey: c.req.header('x-pakn-site') ?? '', name, bytes });
        return c.json(uploaded, 201);
      } catch (error) {
        if (!(error instanceof DomainError) && !(error instanceof URIError)) throw error;
        const reason = error instanceof DomainError ? (error.reason ?? error.code) : 'invalid';
        const status = UPLOAD_STATUS[reason] ?? 400;
        return c.json({ error: { reason, message: errorMessage(reason, request.lang) } }, status);
      }
    },
  );

  // Staff downloads of a citizen's file and of an answer file are audited, so they are writes like the exports
  // (issue 9): a POST from the portal's own origin with the anti-CSRF header (checked in @pakn/api), with an
  // empty or JSON body; a link, an image or a form of any page, the same site's included, gets a 405.
  const downloadPostOnly = (c: HonoContext) => {
    const lang = pickLang(c.req.header('x-pakn-lang') ?? c.req.header('accept-language'));
    return c.json({ error: { reason: 'download_by_button', message: errorMessage('download_by_button', lang) } }, 405, { ...OWN_PAGE_HEADERS, 'Cache-Control': 'no-store', Allow: 'POST' });
  };
  /** Nothing is read from the body; a form's content type (sent cross-site without a preflight) is refused. */
  const staffDownloadBody: MiddlewareHandler = async (c, next) => {
    const type = c.req.header('content-type');
    if (type !== undefined && !/^application\/json\b/i.test(type)) {
      const lang = pickLang(c.req.header('x-pakn-lang') ?? c.req.header('accept-language'));
      return c.json({ error: { reason: 'unsupported_media_type', message: errorMessage('invalid', lang) } }, 415, { ...OWN_PAGE_HEADERS, 'Cache-Control': 'no-store' });
    }
    return next();
  };
  const staffDownloadLimit = bodyLimit({ maxSize: DOWNLOAD_BODY_LIMIT_BYTES, onError: payloadTooLarge });

  // Staff download a citizen's file: session cookie, the case's authorization, never rendered inline.
  app.on(['GET', 'HEAD'], '/api/v1/attachments/:id', downloadPostOnly);
  app.post('/api/v1/attachments/:id', staffDownloadBody, staffDownloadLimit, async (c) => {
    for (const [k, v] of Object.entries(OWN_PAGE_HEADERS)) c.header(k, v);
    const request = requestInfo(c);
    try {
      const file = await downloadAttachment(services, request, c.req.param('id'));
      return downloadResponse(file.content, file.mime, file.name);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const reason = error.reason ?? error.code;
      const status = error.code === 'unauthenticated' ? 401 : reason === 'csrf' ? 403 : 404;
      return c.json({ error: { reason, message: errorMessage(reason, request.lang) } }, status);
    }
  });

  // Staff exports as CSV: the session cookie, the screens' visibility, each one audited (packages/api/src/exports.ts).
  // An audited export is a write: a POST with a JSON filter from the portal's own origin with the anti-CSRF
  // header (issue 9), so that no link, image or form of any page, the same site's included, can run one.
  const csvExports = new Map<string, typeof exportCases>([
    ['cases.csv', exportCases],
    ['unit-evaluation.csv', exportUnitEvaluation],
  ]);
  app.on(['GET', 'HEAD'], '/api/v1/exports/:file', (c) => {
    const lang = pickLang(c.req.header('x-pakn-lang') ?? c.req.header('accept-language'));
    return c.json({ error: { reason: 'csrf', message: errorMessage('csrf', lang) } }, 405, { ...OWN_PAGE_HEADERS, 'Cache-Control': 'no-store', Allow: 'POST' });
  });
  app.post(
    '/api/v1/exports/:file',
    async (c, next) => {
      // A cross-site form can send form-urlencoded, multipart or text/plain without a preflight: never read.
      if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
        const lang = pickLang(c.req.header('x-pakn-lang') ?? c.req.header('accept-language'));
        return c.json({ error: { reason: 'unsupported_media_type', message: errorMessage('invalid', lang) } }, 415, { ...OWN_PAGE_HEADERS, 'Cache-Control': 'no-store' });
      }
      return next();
    },
    bodyLimit({
      maxSize: EXPORT_BODY_LIMIT_BYTES,
      onError: payloadTooLarge,
    }),
    async (c) => {
      const build = csvExports.get(c.req.param('file'));
      if (!build) return c.notFound();
      const request = requestInfo(c);
      let file: CsvExport;
      try {
        file = await build(services, request, exportFilter(await c.req.json().catch(() => null)));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const { status, body } = exportErrorResponse(error, request.lang);
        return c.json(body, status, { ...OWN_PAGE_HEADERS, 'Cache-Control': 'no-store' });
      }
      return downloadResponse(file.content, 'text/csv; charset=utf-8', file.filename, file.filename);
    },
  );

  // Files of the unit's answer. Staff upload them from the portal (session, same origin, anti-CSRF header),
  // remove their own before sending, and download any of a case they may see.
  const answerFileError = (c: HonoContext, request: RequestInfo, error: unknown) => {
    if (!(error instanceof DomainError) && !(error instanceof URIError)) throw error;
    const reason = error instanceof DomainError ? (error.reason ?? error.code) : 'invalid';
    return c.json({ error: { reason, message: errorMessage(reason, request.lang) } }, ANSWER_FILE_STATUS[reason] ?? 400);
  };
  const fileResponse = (file: { content: Uint8Array; mime: string; name: string }) => downloadResponse(file.content, file.mime, file.name);
  app.post(
    '/api/v1/answer-attachments',
    bodyLimit({
      maxSize: MAX_ATTACHMENT_BYTES,
      onError: (c) => {
        const lang = pickLang(c.req.header('x-pakn-lang') ?? c.req.header('accept-language'));
        return c.json({ error: { reason: 'attachment_too_large', message: errorMessage('attachment_too_large', lang) } }, 413);
      },
    }),
    async (c) => {
      for (const [k, v] of Object.entries(OWN_PAGE_HEADERS)) c.header(k, v);
      c.header('Cache-Control', 'no-store');
      const request = requestInfo(c);
      try {
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        const name = decodeURIComponent(c.req.header('x-pakn-filename') ?? 'tep-dinh-kem');
        const uploaded = await uploadAnswerAttachment(services, request, { caseId: c.req.header('x-pakn-case') ?? '', name, bytes });
        return c.json(uploaded, 201);
      } catch (error) {
        return answerFileError(c, request, error);
      }
    },
  );
  app.delete('/api/v1/answer-attachments/:id', async (c) => {
    for (const [k, v] of Object.entries(OWN_PAGE_HEADERS)) c.header(k, v);
    const request = requestInfo(c);
    try {
      await removeAnswerAttachment(services, request, c.req.param('id'));
      return c.body(null, 204);
    } catch (error) {
      return answerFileError(c, request, error);
    }
  });
  app.on(['GET', 'HEAD'], '/api/v1/answer-attachments/:id', downloadPostOnly);
  app.post('/api/v1/answer-attachments/:id', staffDownloadBody, staffDownloadLimit, async (c) => {
    const request = requestInfo(c);
    try {
      return fileResponse(await downloadAnswerAttachmentForStaff(services, request, c.req.param('id')));
    } catch (error) {
      for (const [k, v] of Object.entries(OWN_PAGE_HEADERS)) c.header(k, v);
      return answerFileError(c, request, error);
    }
  });
  // The citizen downloads a file of the verified answer from the widget, with the proof they track with, in a
  // JSON body (never in a URL), from a registered site's page.
  app.use('/api/v1/answer-attachments/:id/download', citizenCors);
  app.post(
    '/api/v1/answer-attachments/:id/download',
    // Without its own answer, the limit throws an HTTPException that the app's error handler turns into a 500.
    bodyLimit({ maxSize: DOWNLOAD_BODY_LIMIT_BYTES, onError: payloadTooLarge }),
    async (c) => {
      const request = requestInfo(c);
      try {
        const body = (await c.req.json().catch(() => null)) as { reference?: unknown; accessKey?: unknown } | null;
        const proof = { reference: String(body?.reference ?? ''), accessKey: String(body?.accessKey ?? '') };
        const response = fileResponse(await downloadAnswerAttachmentForCitizen(services, request, c.req.param('id'), proof));
        // The widget runs on the site's page: the bytes must be readable there (CORS), as the API's answers are.
        response.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
        const allowed = c.res.headers.get('Access-Control-Allow-Origin');
        if (allowed) response.headers.set('Access-Control-Allow-Origin', allowed);
        response.headers.set('Vary', 'Origin');
        return response;
      } catch (error) {
        for (const [k, v] of Object.entries(OWN_PAGE_HEADERS)) c.header(k, v);
        return answerFileError(c, request, error);
      }
    },
  );

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
