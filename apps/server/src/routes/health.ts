/** /healthz: whether the database answers, for load balancers and monitoring. */
import { Hono } from 'hono';
import { schemaVersion, type Db } from '@pakn/db';
import type { AppEnv } from '../middleware.ts';
import { noStore } from '../middleware.ts';
import { ownPageHeaders } from '../security-headers.ts';

export function healthRoutes(db: Db): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', ownPageHeaders, noStore, async (c) => {
    try {
      const version = await schemaVersion(db);
      return c.json({ status: 'ok', schemaVersion: version, database: db.isLocal ? 'embedded' : 'remote' });
    } catch {
      return c.json({ status: 'unavailable' }, 503);
    }
  });
  return app;
}
