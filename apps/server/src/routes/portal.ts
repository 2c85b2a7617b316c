/** /portal: the staff portal's shell and files; client-side routes (e.g. /portal/cases/123) get the shell. */
import { Hono } from 'hono';
import type { AppEnv } from '../middleware.ts';
import { portalHeaders } from '../security-headers.ts';
import { assetResponse, type AssetDirectory } from '../static-assets.ts';

export function portalRoutes(assets: AssetDirectory): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Before the page headers: a redirect is no page.
  app.get('/', (c) => c.redirect('/portal/'));
  app.use('*', portalHeaders);
  app.get('/*', (c) => {
    const path = c.req.path.slice('/portal/'.length);
    const direct = path ? assets.get(path) : undefined;
    const asset = direct ?? (path.startsWith('assets/') ? undefined : assets.get('index.html'));
    if (!asset) {
      if (assets.empty) return c.text('The portal is not built: run `pnpm build`.', 503);
      return c.notFound();
    }
    const immutable = path.startsWith('assets/');
    return assetResponse(asset, c.req.raw, { 'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' });
  });
  return app;
}
