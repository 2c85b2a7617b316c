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
  };
}
