import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { Db, migrate } from '@pakn/db';
import { createApp } from './app.ts';
import { createDemoSiteApp } from './demo-site.ts';
import type { Config } from './env.ts';
import { DEMO_SITE_KEY, seedDemo } from './seed.ts';
import { smtpTransport, startOutboxWorker } from './mailer.ts';
import { startAuditCheckpoints } from './audit-checkpoints.ts';
import { loadAuditKeyring } from './audit-keys.ts';
import { AssetDirectory } from './static-assets.ts';
import { createLogger, type Logger } from './logger.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Opens the database named by the config, creating the folder of an embedded file, with the audit chain's keys. */
export async function openDatabase(config: Config, logger: Logger): Promise<Db> {
  const { url } = config.database;
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  return Db.open({ ...config.database, auditKeys: loadAuditKeyring(config, { logger }) });
}

export function demoSiteOrigins(config: Config): string[] {
  if (config.demoSitePort === 0) return [...config.extraSiteOrigins];
  const host = new URL(config.publicUrl).hostname;
  const hosts = new Set([host, '127.0.0.1', 'localhost']);
  return [...[...hosts].map((h) => `http://${h}:${config.demoSitePort}`), ...config.extraSiteOrigins];
}

export interface RunningSystem {
  readonly urls: { server: string; portal: string; dashboard: string; statistics: string; loader: string; health: string; demoSite: string | null };
  readonly seeded: boolean;
  close(): Promise<void>;
}

/**
 * Slow clients (slowloris: headers sent a byte at a time, bodies that never end) must not hold sockets for
 * long: headers within 10 s, the whole request (a 5 MB upload on a slow phone included) within 120 s, idle
 * keep-alive sockets closed after 5 s. Node checks these deadlines every `connectionsCheckingInterval`.
 */
export const HTTP_TIMEOUTS = {
  headersTimeout: 10_000,
  requestTimeout: 120_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
} as const;

/**
 * Caps open sockets in total and per remote address, so that one source holding sockets open cannot take
 * the descriptors that /healthz and other citizens need. A socket over a cap is closed at once, before any
 * byte is read.
 */
export function capConnections(server: ServerType, limits: Config['connections']): void {
  if (limits.max > 0 && 'maxConnections' in server) server.maxConnections = limits.max;
  if (limits.perAddress <= 0) return;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = open.get(address) ?? 0;
    if (count >= limits.perAddress) {
      socket.destroy();
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}

function listen(
  app: { fetch: (req: Request) => Response | Promise<Response> },
  host: string,
  port: number,
  connections: Config['connections'],
): Promise<ServerType> {
  return new Promise((resolveListen, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port, serverOptions: { ...HTTP_TIMEOUTS } }, () => resolveListen(server));
    capConnections(server, connections);
    server.once('error', reject);
  });
}

/** Migrates, seeds an empty database with demo data when asked, and serves the API, widget, portal and demo site. */
export async function startSystem(config: Config, logger: Logger = createLogger(config.logLevel)): Promise<RunningSystem> {
  for (const warning of config.warnings) logger.warn(`config: ${warning}`);
  const db = await openDatabase(config, logger);
  await migrate(db);
  const seeded = config.seedDemo ? await seedDemo(db, { demoSiteOrigins: demoSiteOrigins(config), now: new Date() }) : false;

  const assetsRoot = config.assetsDir ? resolve(config.assetsDir) : null;
  const widgetAssets = new AssetDirectory(assetsRoot ? resolve(assetsRoot, 'widget') : resolve(REPO_ROOT, 'apps/widget/dist'));
  const portalAssets = new AssetDirectory(assetsRoot ? resolve(assetsRoot, 'portal') : resolve(REPO_ROOT, 'apps/portal/dist'));
  if (widgetAssets.empty || portalAssets.empty) {
    logger.warn('the widget or the portal is not built: run `pnpm build` (pnpm start does it for you)');
  }

  const audit = await startAuditCheckpoints(db, {
    file: config.audit.checkpointFile,
    intervalMs: config.audit.checkpointIntervalMs,
    everyEntries: config.audit.checkpointEveryEntries,
    mailTo: config.audit.checkpointMail,
    logger,
  });
  const app = createApp({
    db,
    config,
    logger,
    widgetAssets,
    portalAssets,
    clock: { offsetMs: 0 },
    auditCheckpointFile: config.audit.checkpointFile,
    resumeBackgroundWork: true,
  });
  const stopMail = config.mail.smtpUrl ? startOutboxWorker(db, smtpTransport(config.mail.smtpUrl, config.mail.from), config.mail.intervalMs, logger) : null;
  if (!stopMail) logger.warn('SMTP_URL is not set: notifications wait in the outbox until it is');
  const server = await listen(app, config.host, config.port, config.connections);
  let demo: ServerType | null = null;
  const origin = new URL(config.publicUrl).origin;
  if (config.demoSitePort !== 0) {
    const demoApp = createDemoSiteApp({
      htmlPath: resolve(REPO_ROOT, 'apps/demo-site/index.html'),
      paknOrigin: origin,
      siteKey: DEMO_SITE_KEY,
    });
    demo = await listen(demoApp, config.host, config.demoSitePort, config.connections);
  }
  const demoHost = new URL(config.publicUrl).hostname;
  return {
    urls: {
      server: origin,
      portal: `${origin}/portal/`,
      dashboard: `${origin}/portal/dashboard`,
      statistics: `${origin}/thong-ke`,
      loader: `${origin}/widget/v1/loader.js`,
      health: `${origin}/healthz`,
      demoSite: demo ? `http://${demoHost}:${config.demoSitePort}/` : null,
    },
    seeded,
    async close() {
      stopMail?.();
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      if (demo) await new Promise<void>((r) => demo.close(() => r()));
      await audit.stop();
      db.close();
    },
  };
}
