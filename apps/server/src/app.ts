/**
 * The composition root: one Hono sub-app per surface, each in its own module with the headers, body limits and
 * CORS it needs (docs/decisions/0012-server-composition.md). Here they are only put together, after the
 * middleware every request passes: its id, its log line, its language, and HSTS behind https.
 */
import { Hono } from 'hono';
import type { Db } from '@pakn/db';
import { createServices, createSurfaceContext } from './app-context.ts';
import type { Config } from './env.ts';
import { createLogger, type Logger } from './logger.ts';
import { errorHandler, language, notFound, requestIds, requestLog, type AppEnv } from './middleware.ts';
import { exportRoutes } from './routes/exports.ts';
import { answerFileRoutes, attachmentRoutes } from './routes/files.ts';
import { healthRoutes } from './routes/health.ts';
import { hostedPageRoutes } from './routes/hosted-page.ts';
import { portalRoutes } from './routes/portal.ts';
import { statisticsRoutes } from './routes/statistics.ts';
import { testClockRoutes } from './routes/test-clock.ts';
import { trpcRoutes } from './routes/trpc.ts';
import { widgetRoutes } from './routes/widget.ts';
import { strictTransportHeaders } from './security-headers.ts';
import type { AssetDirectory } from './static-assets.ts';

export { API_BODY_LIMIT_BYTES } from './routes/trpc.ts';

export interface AppDeps {
  readonly db: Db;
  readonly config: Config;
  readonly now?: () => Date;
  /** A clock the end-to-end tests may move (TEST_CLOCK); `now` reads it. */
  readonly clock?: { offsetMs: number };
  readonly widgetAssets: AssetDirectory;
  readonly portalAssets: AssetDirectory;
  /** The audit checkpoint file a running writer keeps (startSystem): audit.verify holds the chain against it. */
  readonly auditCheckpointFile?: string | null;
  /** The structured log; by default one at the config's LOG_LEVEL on stdout. */
  readonly logger?: Logger;
  /** Set by the running server (startSystem), not by tests of one request: start the background work left pending. */
  readonly resumeBackgroundWork?: boolean;
  /** false: the widget's calls go through tRPC's fetch adapter too (routes/citizen-calls.ts; its test compares). */
  readonly citizenFastPath?: boolean;
}

function clockOf({ now, clock }: AppDeps): () => Date {
  if (now) return now;
  if (clock) return () => new Date(Date.now() + clock.offsetMs);
  return () => new Date();
}

/** The PAKN app: every surface composed (see ADR 0012). */
export type PaknApp = Hono<AppEnv>;

export function createApp(deps: AppDeps): PaknApp {
  const { db, config } = deps;
  const logger = deps.logger ?? createLogger(config.logLevel);
  const now = clockOf(deps);
  if (!config.secret) logger.warn('PAKN_SECRET is not set: proof-of-work challenges are signed with a key made at start');
  const services = createServices(db, config, now, deps.auditCheckpointFile ?? null, logger);
  // A running server resumes what a restart cut short: deadlines still to count after a calendar save.
  if (deps.resumeBackgroundWork) services.calendarRecount.start();
  const surface = createSurfaceContext(db, config, services, logger);

  const app = new Hono<AppEnv>();
  app.use('*', requestIds, requestLog(logger), language);
  if (new URL(config.publicUrl).protocol === 'https:') app.use('*', strictTransportHeaders);
  app.onError(errorHandler(logger));
  app.notFound(notFound);

  if (config.testClock) {
    logger.warn('TEST_CLOCK is on: POST /__test__/clock can move the clock. Never in production.');
    app.route('/__test__', testClockRoutes(deps.clock, now));
  }
  app.route('/healthz', healthRoutes(db));
  app.route('/trpc', trpcRoutes(surface, { citizenFastPath: deps.citizenFastPath ?? true }));
  app.route('/api/v1/attachments', attachmentRoutes(surface));
  app.route('/api/v1/answer-attachments', answerFileRoutes(surface));
  app.route('/api/v1/exports', exportRoutes(surface));
  app.route('/c', hostedPageRoutes(db, deps.widgetAssets));
  app.route('/widget', widgetRoutes(db, deps.widgetAssets));
  // The public statistics: /thong-ke, /en/statistics and /api/v1/statistics (issue 12).
  app.route('/', statisticsRoutes(surface));
  app.get('/', (c) => c.redirect('/portal/'));
  app.route('/portal', portalRoutes(deps.portalAssets));
  return app;
}
