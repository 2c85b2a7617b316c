/** The file routes: what a citizen attaches, what staff download and export, and the unit's answer files. */
import type { Hono, Context as HonoContext, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
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
import { DomainError, errorMessage, MAX_ATTACHMENT_BYTES, pickLang } from '@pakn/domain';
import { OWN_PAGE_HEADERS, payloadTooLarge } from './responses.ts';

/** A citizen's download request holds a reference and an access key: a few hundred bytes. */
const DOWNLOAD_BODY_LIMIT_BYTES = 4096;

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

export interface FileRouteDeps {
  readonly services: ApiServices;
  readonly requestInfo: (c: HonoContext) => RequestInfo;
  /** Registered sites may call the citizen routes from their pages. */
  readonly citizenCors: MiddlewareHandler;
}

export function registerFileRoutes(app: Hono, { services, requestInfo, citizenCors }: FileRouteDeps): void {
  // Citizens' and answer files share one size limit and one answer past it.
  const attachmentLimit = bodyLimit({
    maxSize: MAX_ATTACHMENT_BYTES,
    onError: (c) => {
      const lang = pickLang(c.req.header('x-pakn-lang') ?? c.req.header('accept-language'));
      return c.json({ error: { reason: 'attachment_too_large', message: errorMessage('attachment_too_large', lang) } }, 413);
    },
  });

  // Files a citizen attaches before submitting: raw bytes, the type decided by the server from the bytes.
  app.use('/api/v1/attachments', citizenCors);
  app.post(
    '/api/v1/attachments',
    attachmentLimit,
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
    attachmentLimit,
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
        const text = (value: unknown) => (typeof value === 'string' ? value : '');
        const proof = { reference: text(body?.reference), accessKey: text(body?.accessKey) };
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
}
