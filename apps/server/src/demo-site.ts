import { readFileSync } from 'node:fs';
import { Hono } from 'hono';

/**
 * The demo ward website: a page of another origin that embeds the widget with one script tag, exactly as a
 * partner would. `%PAKN_ORIGIN%` and `%SITE_KEY%` in the HTML are replaced at start.
 */
export function createDemoSiteApp(options: { htmlPath: string; paknOrigin: string; siteKey: string }): Hono {
  const html = readFileSync(options.htmlPath, 'utf8').replaceAll('%PAKN_ORIGIN%', options.paknOrigin).replaceAll('%SITE_KEY%', options.siteKey);
  const app = new Hono();
  app.get('/', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(html);
  });
  app.get('/favicon.ico', (c) => c.body(null, 204));
  return app;
}
