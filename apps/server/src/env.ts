/**
 * The only module that reads process.env. Everything else receives a parsed, typed Config.
 * A bad value stops the server at start-up with a message that names the variable.
 */
import { resolve } from 'node:path';
import * as z from 'zod';

const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Where people reach this server (scheme://host:port); defaults to http://HOST:PORT. */
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().min(1).default('file:./data/pakn.db'),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  /** For an embedded replica: DATABASE_URL is the local file, this is the remote primary. */
  DATABASE_SYNC_URL: z.string().optional(),
  DATABASE_SYNC_INTERVAL: z.coerce.number().int().positive().optional(),
  /** The demo ward website, on a second origin so the widget is always used cross-origin. 0 turns it off. */
  DEMO_SITE_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  /** Seed demo data into an empty database at start. */
  SEED_DEMO: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  /** Directory with the built widget and portal; defaults to the apps' dist folders in this repository. */
  ASSETS_DIR: z.string().optional(),
  /** Signs proof-of-work challenges. Set the same value on every process; random per start when empty. */
  PAKN_SECRET: z.string().min(16).optional(),
  /** Proof-of-work difficulty: the widget tries about half this many hashes. */
  POW_MAX_NUMBER: z.coerce.number().int().min(10).max(10_000_000).default(5_000),
  /** Per connection address, per hour (0 = no limit). */
  RATE_LIMIT_SUBMITS_PER_HOUR: z.coerce.number().int().min(0).default(20),
  RATE_LIMIT_SUBMITS_GLOBAL_PER_HOUR: z.coerce.number().int().min(0).default(2000),
  RATE_LIMIT_TRACKS_PER_HOUR: z.coerce.number().int().min(0).default(120),
  RATE_LIMIT_UPLOADS_PER_HOUR: z.coerce.number().int().min(0).default(60),
  RATE_LIMIT_CHALLENGES_PER_HOUR: z.coerce.number().int().min(0).default(60),
  /** Behind a reverse proxy that overwrites it (e.g. x-real-ip): the header holding the client's address. */
  CLIENT_ADDRESS_HEADER: z.string().regex(/^[a-z0-9-]+$/i).optional(),
  /** Open sockets at most (0 = no cap): beyond it new connections are closed at once. */
  MAX_CONNECTIONS: z.coerce.number().int().min(0).default(4096),
  /**
   * Open sockets per remote address (0 = no cap). Defaults to 256, or to no cap behind a reverse proxy
   * (CLIENT_ADDRESS_HEADER set), where every socket comes from the proxy and the proxy caps its clients.
   */
  MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(0).optional(),
  /** Outgoing mail, e.g. smtp://user:password@mail.example.gov.vn:587. Without it, notifications wait in the outbox. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//).optional(),
  MAIL_FROM: z.string().min(3).default('PAKN <pakn@localhost>'),
  /** How often the outbox is delivered. */
  MAIL_INTERVAL_SECONDS: z.coerce.number().positive().default(10),
  /**
   * End-to-end tests only: lets POST /__test__/clock move the server's clock forward, to see deadlines pass.
   * Never set in production.
   */
  TEST_CLOCK: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** More origins to register for the demo site when seeding (comma-separated), e.g. test fixture hosts. */
  EXTRA_SITE_ORIGINS: z.string().optional(),
});

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string;
  readonly database: { url: string; authToken?: string | undefined; syncUrl?: string | undefined; syncIntervalSeconds?: number | undefined };
  readonly demoSitePort: number;
  readonly seedDemo: boolean;
  readonly sessionTtlSeconds: number;
  readonly assetsDir: string | undefined;
  readonly secret: string | undefined;
  readonly powMaxNumber: number;
  readonly limits: {
    submitsPerAddress: number;
    submitsGlobal: number;
    tracksPerAddress: number;
    uploadsPerAddress: number;
    challengesPerAddress: number;
  };
  readonly clientAddressHeader: string | undefined;
  readonly connections: { max: number; perAddress: number };
  readonly extraSiteOrigins: readonly string[];
  readonly mail: { smtpUrl: string | undefined; from: string; intervalMs: number };
  readonly testClock: boolean;
}

export class ConfigError extends Error {}

export function parseEnv(env: Record<string, string | undefined> = process.env): Config {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  const remote = /^(libsql|https?|wss?):\/\//.test(e.DATABASE_URL);
  if (remote && !e.DATABASE_AUTH_TOKEN && !/^https?:\/\/(127\.0\.0\.1|localhost)/.test(e.DATABASE_URL)) {
    console.warn('[config] DATABASE_URL is remote but DATABASE_AUTH_TOKEN is empty');
  }
  // pnpm runs package scripts in the package's folder; a relative file path means the folder the user ran
  // pnpm in (INIT_CWD), so `pnpm start` at the root keeps its database in ./data at the root.
  const baseDir = env.INIT_CWD ?? process.cwd();
  const databaseUrl = e.DATABASE_URL.replace(/^file:(?!\/)(.+)$/, (_m, path: string) => `file:${resolve(baseDir, path)}`);
  const hostForUrl = e.HOST === '0.0.0.0' || e.HOST === '::' ? '127.0.0.1' : e.HOST;
  return {
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://${hostForUrl}:${e.PORT}`).replace(/\/$/, ''),
    database: {
      url: databaseUrl,
      authToken: e.DATABASE_AUTH_TOKEN,
      syncUrl: e.DATABASE_SYNC_URL,
      syncIntervalSeconds: e.DATABASE_SYNC_INTERVAL,
    },
    demoSitePort: e.DEMO_SITE_PORT,
    seedDemo: e.SEED_DEMO,
    sessionTtlSeconds: Math.round(e.SESSION_TTL_HOURS * 3600),
    assetsDir: e.ASSETS_DIR,
    secret: e.PAKN_SECRET,
    powMaxNumber: e.POW_MAX_NUMBER,
    limits: {
      submitsPerAddress: e.RATE_LIMIT_SUBMITS_PER_HOUR,
      submitsGlobal: e.RATE_LIMIT_SUBMITS_GLOBAL_PER_HOUR,
      tracksPerAddress: e.RATE_LIMIT_TRACKS_PER_HOUR,
      uploadsPerAddress: e.RATE_LIMIT_UPLOADS_PER_HOUR,
      challengesPerAddress: e.RATE_LIMIT_CHALLENGES_PER_HOUR,
    },
    clientAddressHeader: e.CLIENT_ADDRESS_HEADER?.toLowerCase(),
    connections: { max: e.MAX_CONNECTIONS, perAddress: e.MAX_CONNECTIONS_PER_ADDRESS ?? (e.CLIENT_ADDRESS_HEADER ? 0 : 256) },
    testClock: e.TEST_CLOCK,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, intervalMs: e.MAIL_INTERVAL_SECONDS * 1000 },
    extraSiteOrigins: (e.EXTRA_SITE_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  };
}
