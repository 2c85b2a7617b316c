import { DomainError, type Site } from '@pakn/domain';
import type { Context } from './context.ts';

/**
 * Citizen calls come from the widget on a registered site. A browser always sends Origin on cross-origin
 * requests; a foreign origin is refused even if the site key is right. Calls from our own origin (the hosted
 * page) and calls without Origin (not a browser) are accepted.
 */
export function assertSiteOrigin(ctx: Pick<Context, 'request'>, site: Site | null): asserts site is Site {
  if (!site) throw new DomainError('invalid', 'Unknown site key', { reason: 'unknown_site', fields: { siteKey: 'invalid' } });
  const { origin, ownOrigin } = ctx.request;
  if (origin === null || origin === ownOrigin) return;
  if (!site.allowedOrigins.includes(origin)) {
    throw new DomainError('forbidden', `Origin ${origin} is not registered for site ${site.key}`, {
      reason: 'origin_not_allowed',
    });
  }
}
