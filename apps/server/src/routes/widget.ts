/**
 * /widget: the citizen widget's files, embedded by other sites (a stable loader with a short cache,
 * content-hashed files cached forever), and the same form in an iframe for partners who want hard isolation.
 */
import { Hono } from 'hono';
import { getSite, type Db } from '@pakn/db';
import type { AppVariables } from '../middleware.ts';
import { frameHeaders, widgetAssetHeaders, type FrameVariables } from '../security-headers.ts';
import { assetResponse, type AssetDirectory } from '../static-assets.ts';

const NOT_BUILT = 'The widget is not built: run `pnpm build`.';

interface WidgetEnv {
  Variables: AppVariables & FrameVariables;
}

export function widgetRoutes(db: Db, assets: AssetDirectory): Hono<WidgetEnv> {
  const app = new Hono<WidgetEnv>();
  // Only the site's own pages may frame the iframe: its origins go into the frame's CSP.
  app.get(
    '/v1/frame.html',
    async (c, next) => {
      const site = await getSite(db, c.req.query('site') ?? '');
      if (!site) return c.notFound();
      c.set('frameAncestors', site.allowedOrigins);
      return next();
    },
    frameHeaders,
    (c) => {
      const asset = assets.get('v1/frame.html');
      if (!asset) return c.text(NOT_BUILT, 503);
      return assetResponse(asset, c.req.raw, { 'Cache-Control': 'no-cache' });
    },
  );
  app.get('/v1/*', widgetAssetHeaders, (c) => {
    const path = c.req.path.slice('/widget/'.length);
    const asset = assets.get(path);
    if (!asset) return c.notFound();
    const immutable = path.startsWith('v1/assets/');
    return assetResponse(asset, c.req.raw, {
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300, stale-while-revalidate=3600',
    });
  });
  return app;
}
