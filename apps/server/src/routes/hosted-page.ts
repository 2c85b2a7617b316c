/** /c/SITE-KEY: the hosted page for QR codes on posters and browsers without custom elements. */
import { Hono } from 'hono';
import { getSite, type Db } from '@pakn/db';
import type { AppEnv } from '../middleware.ts';
import { hostedPageHeaders } from '../security-headers.ts';
import { assetResponse, type AssetDirectory } from '../static-assets.ts';

export function hostedPageRoutes(db: Db, widgetAssets: AssetDirectory): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/:siteKey', hostedPageHeaders, async (c) => {
    const site = await getSite(db, c.req.param('siteKey'));
    const asset = widgetAssets.get('v1/hosted.html');
    if (!site) return c.notFound();
    if (!asset) return c.text('The widget is not built: run `pnpm build`.', 503);
    return assetResponse(asset, c.req.raw, { 'Cache-Control': 'no-cache' });
  });
  return app;
}
