/** /__test__/clock: end-to-end tests move the server's clock forward to see deadlines pass (TEST_CLOCK only). */
import { Hono } from 'hono';
import type { AppEnv } from '../middleware.ts';

export function testClockRoutes(clock: { offsetMs: number } | undefined, now: () => Date): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post('/clock', async (c) => {
    // A body that is not JSON is a bad request, not a crash (issue 9: every unexpected input is a 4xx).
    const body = (await c.req.json().catch(() => ({}))) as { offsetMs?: unknown };
    const offsetMs = Number(body.offsetMs);
    if (!Number.isFinite(offsetMs) || !clock) return c.json({ error: 'offsetMs must be a number' }, 400);
    clock.offsetMs = offsetMs;
    return c.json({ now: now().toISOString() });
  });
  return app;
}
