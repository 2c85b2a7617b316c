import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Opens the database named by the config, creating the folder of an embedded file, with the audit chain's keys. */
export async function openDatabase(config: Config): Promise<Db> {
  const { url } = config.database;
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    mkdirSync(dirname(resolve(path)), { recursive: true });
  }
  return Db.open({ ...config.database, auditKeys: loadAuditKeyring(config) });
}

export function demoSiteOrigins(config: Config): string[] {
  if (config.demoSitePort === 0) return [...config.extraSiteOrigins];
  const host = new URL(config.publicUrl).hostname;
  const hosts = new Set([host, '127.0.0.1', 'localhost']);
  return [...[...hosts].map((h) => `http://${h}:${config.demoSitePort}`), ...config.extraSiteOrigins];
}

export interface RunningSystem {
  readonly urls: { server: string; portal: string; loader: string; health: string; demoSite: string | null };
  readonly seeded: boolean;
  close(): Promise<void>;
}

function listen(app: { fetch: (req: Request) => Response | Promise<Response> }, host: string, port: number): Promise<ServerType> {
  return new Promise((resolveListen, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }, () => resolveListen(server));
    server.once('error', reject);
  });
}

/** Migrates, seeds an empty database with demo data when asked, and serves the API, widget, portal and demo site. */
export async function startSystem(config: Config): Promise<RunningSystem> {
  const db = await openDatabase(config);
  await migrate(db);
  const seeded = config.seedDemo
    ? await seedDemo(db, { demoSiteOrigins: demoSiteOrigins(config), now: new Date() })
    : false;

  const assetsRoot = config.assetsDir ? resolve(config.assetsDir) : null;
  const widgetAssets = new AssetDirectory(assetsRoot ? resolve(assetsRoot, 'widget') : resolve(REPO_ROOT, 'apps/widget/dist'));
  const portalAssets = new AssetDirectory(assetsRoot ? resolve(assetsRoot, 'portal') : resolve(REPO_ROOT, 'apps/portal/dist'));
  if (widgetAssets.empty || portalAssets.empty) {
    console.warn('[pakn] widget or portal is not built: run `pnpm build` (pnpm start does it for you)');
  }

  const audit = await startAuditCheckpoints(db, {
    file: config.audit.checkpointFile,
    intervalMs: config.audit.checkpointIntervalMs,
    everyEntries: config.audit.checkpointEveryEntries,
    mailTo: config.audit.checkpointMail,
  });
  const app = createApp({ db, config, widgetAssets, portalAssets, clock: { offsetMs: 0 }, auditCheckpointFile: config.audit.checkpointFile });
  const stopMail = config.mail.smtpUrl
    ? startOutboxWorker(db, smtpTransport(config.mail.smtpUrl, config.mail.from), config.mail.intervalMs)
    : null;
  if (!stopMail) console.warn('[pakn] SMTP_URL is not set: notifications wait in the outbox until it is');
  const server = await listen(app, config.host, config.port);
  let demo: ServerType | null = null;
  const origin = new URL(config.publicUrl).origin;
  if (config.demoSitePort !== 0) {
    const demoApp = createDemoSiteApp({
      htmlPath: resolve(REPO_ROOT, 'apps/demo-site/index.html'),
      paknOrigin: origin,
      siteKey: DEMO_SITE_KEY,
    });
    demo = await listen(demoApp, config.host, config.demoSitePort);
  }
  const demoHost = new URL(config.publicUrl).hostname;
  return {
    urls: {
      server: origin,
      portal: `${origin}/portal/`,
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
