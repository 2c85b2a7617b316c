import type { Context as HonoContext } from 'hono';
import { errorMessage, pickLang } from '@pakn/domain';

/** Headers for everything the PAKN origin serves to its own pages (portal, API, health). */
export const OWN_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** 413 in the user's language; without an onError, bodyLimit throws and the request ends as a 500. */
export function payloadTooLarge(c: HonoContext): Response {
  const lang = pickLang(c.req.header('x-pakn-lang') ?? c.req.header('accept-language'));
  return c.json({ error: { reason: 'payload_too_large', message: errorMessage('payload_too_large', lang) } }, 413, { ...OWN_PAGE_HEADERS, 'Cache-Control': 'no-store' });
}
