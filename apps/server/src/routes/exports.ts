/**
 * /api/v1/exports: staff exports as CSV with the session cookie and the screens' visibility, each one audited
 * (packages/api/src/exports.ts). An audited export is a write: a POST with a JSON filter from the portal's own
 * origin with the anti-CSRF header (issue 9), so that no link, image or form of any page can run one.
 */
import { Hono } from 'hono';
import { exportCases, exportUnitEvaluation } from '@pakn/api';
import type { SurfaceContext } from '../app-context.ts';
import { downloadResponse, linkRefused, refusedFile, smallBodyLimit } from './file-responses.ts';
import { jsonBodiesOnly, noStore, type AppEnv } from '../middleware.ts';
import { ownPageHeaders } from '../security-headers.ts';

const CSV_EXPORTS: ReadonlyMap<string, typeof exportCases> = new Map([
  ['cases.csv', exportCases],
  ['unit-evaluation.csv', exportUnitEvaluation],
]);

/** An export's JSON filter as the string fields a query string would have had; anything else is dropped. */
function exportFilter(body: unknown): Record<string, string | undefined> {
  const filter: Record<string, string | undefined> = Object.create(null) as Record<string, string | undefined>;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return filter;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') filter[key] = String(value);
  }
  return filter;
}

export function exportRoutes({ services, requestInfo }: SurfaceContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', ownPageHeaders, noStore);
  app.on(['GET', 'HEAD'], '/:file', linkRefused('csrf'));
  app.post('/:file', jsonBodiesOnly(), smallBodyLimit, async (c) => {
    const build = CSV_EXPORTS.get(c.req.param('file'));
    if (!build) return c.notFound();
    try {
      const file = await build(services, requestInfo(c), exportFilter(await c.req.json().catch(() => null)));
      return downloadResponse(file.content, 'text/csv; charset=utf-8', file.filename, file.filename);
    } catch (error) {
      return refusedFile(c, error);
    }
  });
  return app;
}
