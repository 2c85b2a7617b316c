/**
 * The public statistics (issue 12): the page `/thong-ke` (and `/en/statistics`), its style sheet, and the JSON
 * `/api/v1/statistics` the `<pakn-stats>` element of ward websites reads. No login, no cookie read or set.
 *
 * Cheap by construction: the figures of a period come from the service's cache (computed at most once per few
 * minutes from the per-unit sums, whatever the number of requests), and every answer carries an ETag from the
 * figures' hash and a short Cache-Control, so that browsers and proxies ask again with If-None-Match and get a 304.
 *
 * Origins: the figures are public aggregates with no person in them, so any site may read the JSON (CORS `*`,
 * never credentials): a ward website need not be registered to show its own figures, and nothing a page could
 * learn through it is not on the public page too. What protects the server is not the origin but the per-source
 * rate limit every citizen call has (`statistics` in citizen-limits.ts) and the cache behind it.
 */
import { Hono, type Context as HonoContext } from 'hono';
import { domainErrorResponse, enforceRateLimit, publicStatisticsView, type PublicSnapshot } from '@pakn/api';
import { DEFAULT_PUBLIC_PERIOD, DomainError, isPublicPeriodKey, isPublicUnitGroup, vietnamDateOf, type Lang } from '@pakn/domain';
import type { SurfaceContext } from '../app-context.ts';
import type { AppEnv } from '../middleware.ts';
import { publicDataHeaders, publicPageHeaders } from '../security-headers.ts';
import { PAGE_PATHS, renderStatisticsPage, STATISTICS_CSS, STYLESHEET_PATH, type PageQuery } from './statistics-page.ts';

/** Browsers and proxies keep an answer this long, then revalidate (a 304 while the server's figures are the same). */
const CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=240';

type Refused = Response | null;

/** The source's per-hour limit: a refusal as the other REST routes answer it, with the hour to wait. */
function limited(surface: SurfaceContext, c: HonoContext<AppEnv>): Refused {
  try {
    enforceRateLimit({ services: surface.services, request: { clientAddress: surface.requestInfo(c).clientAddress } }, 'statistics');
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const { status, body } = domainErrorResponse(error, c.get('lang'));
    return c.json(body, status, { 'Retry-After': '3600', 'Cache-Control': 'no-store' });
  }
}

/** 304 when the client holds this very answer; else null and the caching headers are set on the context. */
function notModified(c: HonoContext<AppEnv>, etag: string): Refused {
  c.header('ETag', etag);
  c.header('Cache-Control', CACHE_CONTROL);
  const held = c.req.header('if-none-match');
  if (held && held.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return c.body(null, 304);
  return null;
}

function pageQuery(c: HonoContext<AppEnv>): PageQuery {
  const period = c.req.query('period');
  const group = c.req.query('group');
  return { period: isPublicPeriodKey(period) ? period : DEFAULT_PUBLIC_PERIOD, group: isPublicUnitGroup(group) ? group : null };
}

/**
 * Each answer rendered once per snapshot: a cached request then costs the sending of a string (rendering the
 * page's table of every unit took some 5 ms of CPU). Held by the snapshot, so it goes when the cache drops it.
 */
class Rendered {
  readonly #bodies = new WeakMap<PublicSnapshot, Map<string, string>>();
  get(snapshot: PublicSnapshot, variant: string, render: () => string): string {
    let bodies = this.#bodies.get(snapshot);
    if (!bodies) this.#bodies.set(snapshot, (bodies = new Map<string, string>()));
    let body = bodies.get(variant);
    if (body === undefined) bodies.set(variant, (body = render()));
    return body;
  }
}

export function statisticsRoutes(surface: SurfaceContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { publicStatistics, now } = surface.services;
  const rendered = new Rendered();

  const page = (lang: Lang) => async (c: HonoContext<AppEnv>) => {
    const refused = limited(surface, c);
    if (refused) return refused;
    const query = pageQuery(c);
    const snapshot = await publicStatistics.snapshot(query.period);
    // Today is in the tag: the period choices' names (the reporting periods) change with the day.
    const today = vietnamDateOf(now());
    const variant = `${today}-${lang}-${query.group ?? 'all'}`;
    const unchanged = notModified(c, `"${snapshot.version}-${variant}"`);
    if (unchanged) return unchanged;
    return c.html(rendered.get(snapshot, variant, () => renderStatisticsPage(snapshot, lang, query, today)));
  };
  app.get(PAGE_PATHS.vi, publicPageHeaders, page('vi'));
  app.get(PAGE_PATHS.en, publicPageHeaders, page('en'));
  app.get(STYLESHEET_PATH, publicPageHeaders, (c) =>
    c.body(STATISTICS_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }),
  );

  app.get('/api/v1/statistics', publicDataHeaders, async (c) => {
    const refused = limited(surface, c);
    if (refused) return refused;
    const period = c.req.query('period');
    const unitId = c.req.query('unit') || undefined;
    if (period !== undefined && !isPublicPeriodKey(period)) return c.json({ reason: 'invalid', message: 'Unknown period' }, 400);
    const snapshot = await publicStatistics.snapshot(period ?? DEFAULT_PUBLIC_PERIOD);
    const unit = unitId === undefined ? undefined : snapshot.statistics.units.find((u) => u.unitId === unitId);
    if (unitId !== undefined && !unit) return c.json({ reason: 'not_found', message: 'No such unit' }, 404, { 'Cache-Control': CACHE_CONTROL });
    // The unit is in the tag: the figures' hash alone would not tell one unit's answer from another's.
    const variant = unit ? encodeURIComponent(unit.unitId) : 'all';
    const unchanged = notModified(c, `"${snapshot.version}-${variant}"`);
    if (unchanged) return unchanged;
    c.header('Content-Type', 'application/json');
    return c.body(rendered.get(snapshot, `json-${variant}`, () => JSON.stringify(publicStatisticsView(snapshot, unit))));
  });
  return app;
}
