/** What the file routes share: how a file leaves the server, and how a download that is an audited write is guarded. */
import type { Context as HonoContext, Handler, MiddlewareHandler } from 'hono';
import { domainErrorResponse, methodNotAllowedResponse } from '@pakn/api';
import { DomainError } from '@pakn/domain';
import { bodyLimitOf, jsonBodiesOnly, refuse, type AppEnv } from '../middleware.ts';

/** A download request's body holds a reference and an access key, or an export's few filter fields. */
const SMALL_BODY_LIMIT_BYTES = 4096;

/**
 * A file to save, never to render: citizens' files, answer files and exports all leave with these headers (the
 * surface's own come from security-headers.ts). `asciiName` adds the plain `filename=` that older spreadsheet
 * tools read; `filename*` carries the real name.
 */
export function downloadResponse(content: Uint8Array | string | ReadableStream<Uint8Array>, contentType: string, name: string, asciiName?: string): Response {
  return new Response(typeof content === 'string' || content instanceof ReadableStream ? content : (content as Uint8Array<ArrayBuffer>), {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; ${asciiName ? `filename="${asciiName}"; ` : ''}filename*=UTF-8''${encodeURIComponent(name)}`,
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    },
  });
}

/** A domain error (or a file name that is no valid escape) as its status and words; anything else is a fault. */
export function refusedFile(c: HonoContext<AppEnv>, error: unknown): Response {
  if (error instanceof URIError) return refuse(c, 'invalid');
  if (!(error instanceof DomainError)) throw error;
  const { status, body } = domainErrorResponse(error, c.get('lang'));
  return c.json(body, status);
}

/** The name a file was sent under (percent-encoded in a header), or the default. */
export function sentFileName(c: HonoContext): string {
  return decodeURIComponent(c.req.header('x-pakn-filename') ?? 'tep-dinh-kem');
}

/**
 * Audited downloads and exports are writes (issue 9): a POST from the portal's own origin with the anti-CSRF
 * header (checked in @pakn/api). A link, an image or a form of any page, the same site's included, gets a 405.
 */
export function linkRefused(reason: 'csrf' | 'download_by_button'): Handler<AppEnv> {
  return (c) => {
    const { status, body } = methodNotAllowedResponse(reason, c.get('lang'));
    return c.json(body, status, { Allow: 'POST' });
  };
}

/** A staff download reads nothing from its body; a form's content type (sent cross-site without a preflight) is refused. */
export const staffDownloadType: MiddlewareHandler<AppEnv> = jsonBodiesOnly({ optional: true });
export const smallBodyLimit: MiddlewareHandler<AppEnv> = bodyLimitOf(SMALL_BODY_LIMIT_BYTES);
