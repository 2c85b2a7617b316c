/**
 * The only module that reads process.env. Everything else receives a parsed, typed Config.
 * A bad value stops the server at start-up with a message that names the variable.
 */
import { dirname, resolve } from 'node:path';
import * as z from 'zod';
import { LOG_LEVELS, type LogLevel } from './logger.ts';

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
  /**
   * On a local file: worker threads that serve reads, so a slow report never stalls the event loop (issue 11).
   * Defaults to 0, reads on the event loop, which measured cheaper on two cores once every query was fast (ADR
   * 0016, DEFAULT_READERS in packages/db/src/connection.ts). Each worker costs memory; the second starts only when
   * a read finds the first busy.
   */
  DATABASE_READERS: z.coerce.number().int().min(0).max(16).optional(),
  /** The demo ward website, on a second origin so the widget is always used cross-origin. 0 turns it off. */
  DEMO_SITE_PORT: z.coerce.number().int().min(0).max(65535).default(8081),
  /** Seed demo data into an empty database at start. */
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** A staff session ends this long after sign-in, however busy (SESSION_TTL_HOURS is its older name). */
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .optional(),
  /** A staff session unused for this long ends (issue 9). */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60 * 30)
    .default(30),
  /** Failed sign-ins on one username that lock it, and for how long (an admin can unlock it sooner). */
  LOGIN_LOCK_AFTER_FAILURES: z.coerce.number().int().min(3).max(1000).default(10),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(15),
  /** Directory with the built widget and portal; defaults to the apps' dist folders in this repository. */
  ASSETS_DIR: z.string().optional(),
  /** Signs proof-of-work challenges. Set the same value on every process; random per start when empty. */
  PAKN_SECRET: z.string().min(16).optional(),
  /** Proof-of-work difficulty: the widget tries about half this many hashes. */
  POW_MAX_NUMBER: z.coerce.number().int().min(10).max(10_000_000).default(5_000),
  /** How far the difficulty rises for a source that takes many challenges (doubling per step); 1 keeps it fixed. */
  POW_MAX_MULTIPLIER: z.coerce.number().int().min(1).max(1024).default(16),
  /** Challenges an address (a /24 or /64) gets per hour at the base difficulty; every further as many double it. */
  POW_FREE_CHALLENGES_PER_HOUR: z.coerce.number().int().min(1).default(5),
  POW_FREE_CHALLENGES_PER_PREFIX_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /** Per connection address, per hour (0 = no limit). */
  RATE_LIMIT_SUBMITS_PER_HOUR: z.coerce.number().int().min(0).default(20),
  /** Per IPv4 /24 or IPv6 /64, per hour (an IPv6 /48: four times as many). */
  RATE_LIMIT_SUBMITS_PER_PREFIX_PER_HOUR: z.coerce.number().int().min(0).default(60),
  /** Everyone together: above it only sources within a fair share are accepted (see citizen-limits.ts). */
  RATE_LIMIT_SUBMITS_GLOBAL_PER_HOUR: z.coerce.number().int().min(0).default(2000),
  /** Everyone together: above it no one is accepted. */
  RATE_LIMIT_SUBMITS_GLOBAL_HARD_PER_HOUR: z.coerce.number().int().min(0).default(10_000),
  RATE_LIMIT_TRACKS_PER_HOUR: z.coerce.number().int().min(0).default(120),
  RATE_LIMIT_TRACKS_PER_PREFIX_PER_HOUR: z.coerce.number().int().min(0).default(600),
  RATE_LIMIT_CHALLENGES_PER_HOUR: z.coerce.number().int().min(0).default(60),
  RATE_LIMIT_CHALLENGES_PER_PREFIX_PER_HOUR: z.coerce.number().int().min(0).default(300),
  RATE_LIMIT_UPLOADS_PER_HOUR: z.coerce.number().int().min(0).default(60),
  RATE_LIMIT_UPLOADS_PER_PREFIX_PER_HOUR: z.coerce.number().int().min(0).default(300),
  /** The public statistics (page and JSON, issue 12): many visitors of a ward's site may share one address. */
  RATE_LIMIT_STATISTICS_PER_HOUR: z.coerce.number().int().min(0).default(600),
  RATE_LIMIT_STATISTICS_PER_PREFIX_PER_HOUR: z.coerce.number().int().min(0).default(3000),
  /** Behind a reverse proxy that overwrites it (e.g. x-real-ip): the header holding the client's address. */
  CLIENT_ADDRESS_HEADER: z
    .string()
    .regex(/^[a-z0-9-]+$/i)
    .optional(),
  /** Open sockets at most (0 = no cap): beyond it new connections are closed at once. */
  MAX_CONNECTIONS: z.coerce.number().int().min(0).default(4096),
  /**
   * Open sockets per remote address (0 = no cap). Defaults to 256, or to no cap behind a reverse proxy
   * (CLIENT_ADDRESS_HEADER set), where every socket comes from the proxy and the proxy caps its clients.
   */
  MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(0).optional(),
  /** Outgoing mail, e.g. smtp://user:password@mail.example.gov.vn:587. Without it, notifications wait in the outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//)
    .optional(),
  MAIL_FROM: z.string().min(3).default('PAKN <pakn@localhost>'),
  /** How often the outbox is delivered. */
  MAIL_INTERVAL_SECONDS: z.coerce.number().positive().default(10),
  /**
   * End-to-end tests only: lets POST /__test__/clock move the server's clock forward, to see deadlines pass.
   * Never set in production.
   */
  TEST_CLOCK: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** More origins to register for the demo site when seeding (comma-separated), e.g. test fixture hosts. */
  EXTRA_SITE_ORIGINS: z.string().optional(),
  NODE_ENV: z.string().optional(),
  /** The structured log's threshold: fatal, error, warn, info (one line per request), debug, trace or silent. */
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /**
   * The audit chain's HMAC key (32+ characters), which the database never holds. Production sets it (or
   * AUDIT_HMAC_KEYS, or at least PAKN_SECRET, from which one is derived); without any, a key is made into
   * AUDIT_KEY_FILE at first start. See docs/decisions/0009-audit-chain-keyed-and-anchored.md.
   */
  AUDIT_HMAC_KEY: z.string().min(32).optional(),
  /** Key rotation: `id:secret,id:secret…`, the first signs new rows, the others verify older ones. */
  AUDIT_HMAC_KEYS: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}:[^,]{32,}(,[A-Za-z0-9._-]{1,64}:[^,]{32,})*$/, 'expected id:secret(32+ characters),…')
    .optional(),
  /** Where the dev/demo key is made when no key is configured; default beside the database file. */
  AUDIT_KEY_FILE: z.string().min(1).optional(),
  /** The append-only JSON-lines file of signed chain heads; default beside the database file. */
  AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  /** A checkpoint at least this often while the chain grows (and at start and shutdown). */
  AUDIT_CHECKPOINT_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(600),
  /** …and as soon as this many entries were added since the last one. */
  AUDIT_CHECKPOINT_EVERY_ENTRIES: z.coerce.number().int().min(1).default(200),
  /** Also mail each checkpoint (through the outbox) to this address, e.g. an inspector's archive mailbox. */
  AUDIT_CHECKPOINT_MAIL: z.email().optional(),
});

/** Where the audit chain's keys come from, first (signing) source first; the others only verify older rows. */
export type AuditKeySource =
  | { readonly kind: 'explicit'; readonly id: string | null; readonly secret: string }
  | { readonly kind: 'derived'; readonly secret: string }
  | { readonly kind: 'file'; readonly path: string };

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string;
  readonly database: {
    url: string;
    authToken?: string | undefined;
    syncUrl?: string | undefined;
    syncIntervalSeconds?: number | undefined;
    readers?: number | undefined;
  };
  readonly demoSitePort: number;
  readonly seedDemo: boolean;
  /** The absolute lifetime of a staff session. */
  readonly sessionTtlSeconds: number;
  readonly sessionIdleSeconds: number;
  readonly loginLock: { afterFailures: number; minutes: number };
  readonly assetsDir: string | undefined;
  readonly secret: string | undefined;
  readonly powMaxNumber: number;
  readonly powMaxMultiplier: number;
  readonly powFreeChallenges: { perAddress: number; perPrefix: number };
  readonly limits: {
    submitsPerAddress: number;
    submitsPerPrefix: number;
    submitsGlobal: number;
    submitsGlobalHard: number;
    tracksPerAddress: number;
    tracksPerPrefix: number;
    challengesPerAddress: number;
    challengesPerPrefix: number;
    uploadsPerAddress: number;
    uploadsPerPrefix: number;
    statisticsPerAddress: number;
    statisticsPerPrefix: number;
  };
  readonly clientAddressHeader: string | undefined;
  readonly connections: { max: number; perAddress: number };
  readonly extraSiteOrigins: readonly string[];
  readonly mail: { smtpUrl: string | undefined; from: string; intervalMs: number };
  readonly testClock: boolean;
  readonly logLevel: LogLevel;
  /** Doubtful but allowed settings, for the log once it exists. */
  readonly warnings: readonly string[];
  readonly audit: {
    /** In order: the first available signs; the rest verify rows signed before a rotation. */
    readonly keySources: readonly AuditKeySource[];
    readonly checkpointFile: string;
    readonly checkpointIntervalMs: number;
    readonly checkpointEveryEntries: number;
    readonly checkpointMail: string | undefined;
  };
}

export class ConfigError extends Error {}

type Env = z.infer<typeof EnvSchema>;

function limitsOf(e: Env): Config['limits'] {
  return {
    submitsPerAddress: e.RATE_LIMIT_SUBMITS_PER_HOUR,
    submitsPerPrefix: e.RATE_LIMIT_SUBMITS_PER_PREFIX_PER_HOUR,
    submitsGlobal: e.RATE_LIMIT_SUBMITS_GLOBAL_PER_HOUR,
    submitsGlobalHard: e.RATE_LIMIT_SUBMITS_GLOBAL_HARD_PER_HOUR,
    tracksPerAddress: e.RATE_LIMIT_TRACKS_PER_HOUR,
    tracksPerPrefix: e.RATE_LIMIT_TRACKS_PER_PREFIX_PER_HOUR,
    challengesPerAddress: e.RATE_LIMIT_CHALLENGES_PER_HOUR,
    challengesPerPrefix: e.RATE_LIMIT_CHALLENGES_PER_PREFIX_PER_HOUR,
    uploadsPerAddress: e.RATE_LIMIT_UPLOADS_PER_HOUR,
    uploadsPerPrefix: e.RATE_LIMIT_UPLOADS_PER_PREFIX_PER_HOUR,
    statisticsPerAddress: e.RATE_LIMIT_STATISTICS_PER_HOUR,
    statisticsPerPrefix: e.RATE_LIMIT_STATISTICS_PER_PREFIX_PER_HOUR,
  };
}

/** The keys given outright: a rotation list (AUDIT_HMAC_KEYS), else the one key (AUDIT_HMAC_KEY). */
function explicitAuditKeys(e: Env): AuditKeySource[] {
  if (e.AUDIT_HMAC_KEYS) {
    return e.AUDIT_HMAC_KEYS.split(',').map((pair) => {
      const at = pair.indexOf(':');
      return { kind: 'explicit', id: pair.slice(0, at), secret: pair.slice(at + 1) };
    });
  }
  return e.AUDIT_HMAC_KEY ? [{ kind: 'explicit', id: null, secret: e.AUDIT_HMAC_KEY }] : [];
}

/** `overrides` win over the environment (command-line options of the CLI). */
export function parseEnv(env: Record<string, string | undefined> = process.env, overrides: Record<string, string> = {}): Config {
  if (Object.keys(overrides).length > 0) env = { ...env, ...overrides };
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  const [soft, hard] = [e.RATE_LIMIT_SUBMITS_GLOBAL_PER_HOUR, e.RATE_LIMIT_SUBMITS_GLOBAL_HARD_PER_HOUR];
  if (hard > 0 && soft > 0 && hard < soft) {
    throw new ConfigError('Invalid configuration:\n  RATE_LIMIT_SUBMITS_GLOBAL_HARD_PER_HOUR: must be at least RATE_LIMIT_SUBMITS_GLOBAL_PER_HOUR (or 0)');
  }
  const warnings: string[] = [];
  const remote = /^(libsql|https?|wss?):\/\//.test(e.DATABASE_URL);
  if (remote && !e.DATABASE_AUTH_TOKEN && !/^https?:\/\/(127\.0\.0\.1|localhost)/.test(e.DATABASE_URL)) {
    warnings.push('DATABASE_URL is remote but DATABASE_AUTH_TOKEN is empty');
  }
  // pnpm runs package scripts in the package's folder; a relative file path means the folder the user ran
  // pnpm in (INIT_CWD), so `pnpm start` at the root keeps its database in ./data at the root.
  const baseDir = env.INIT_CWD ?? process.cwd();
  const databaseUrl = e.DATABASE_URL.replace(/^file:(?!\/)(.+)$/, (_m, path: string) => `file:${resolve(baseDir, path)}`);
  // Files that must live outside the database but near it: beside an embedded file, else in ./data.
  const dataDir = databaseUrl.startsWith('file:') ? dirname(databaseUrl.slice('file:'.length).replace(/^\/\/(?=\/)/, '')) : resolve(baseDir, 'data');
  const explicitKeys = explicitAuditKeys(e);
  if (e.NODE_ENV === 'production' && explicitKeys.length === 0 && !e.PAKN_SECRET) {
    throw new ConfigError('Invalid configuration:\n  AUDIT_HMAC_KEY: required in production (or AUDIT_HMAC_KEYS, or PAKN_SECRET)');
  }
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
      readers: e.DATABASE_READERS,
    },
    demoSitePort: e.DEMO_SITE_PORT,
    seedDemo: e.SEED_DEMO,
    sessionTtlSeconds: Math.round((e.SESSION_ABSOLUTE_HOURS ?? e.SESSION_TTL_HOURS ?? 12) * 3600),
    sessionIdleSeconds: Math.round(e.SESSION_IDLE_MINUTES * 60),
    loginLock: { afterFailures: e.LOGIN_LOCK_AFTER_FAILURES, minutes: e.LOGIN_LOCK_MINUTES },
    assetsDir: e.ASSETS_DIR,
    secret: e.PAKN_SECRET,
    powMaxNumber: e.POW_MAX_NUMBER,
    powMaxMultiplier: e.POW_MAX_MULTIPLIER,
    powFreeChallenges: { perAddress: e.POW_FREE_CHALLENGES_PER_HOUR, perPrefix: e.POW_FREE_CHALLENGES_PER_PREFIX_PER_HOUR },
    limits: limitsOf(e),
    clientAddressHeader: e.CLIENT_ADDRESS_HEADER?.toLowerCase(),
    connections: { max: e.MAX_CONNECTIONS, perAddress: e.MAX_CONNECTIONS_PER_ADDRESS ?? (e.CLIENT_ADDRESS_HEADER ? 0 : 256) },
    testClock: e.TEST_CLOCK,
    logLevel: e.LOG_LEVEL,
    warnings,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, intervalMs: e.MAIL_INTERVAL_SECONDS * 1000 },
    audit: {
      keySources: [
        ...explicitKeys,
        ...(e.PAKN_SECRET ? [{ kind: 'derived', secret: e.PAKN_SECRET } as const] : []),
        { kind: 'file', path: resolve(baseDir, e.AUDIT_KEY_FILE ?? resolve(dataDir, 'audit.key')) },
      ],
      checkpointFile: resolve(baseDir, e.AUDIT_CHECKPOINT_FILE ?? resolve(dataDir, 'audit-checkpoints.jsonl')),
      checkpointIntervalMs: e.AUDIT_CHECKPOINT_INTERVAL_SECONDS * 1000,
      checkpointEveryEntries: e.AUDIT_CHECKPOINT_EVERY_ENTRIES,
      checkpointMail: e.AUDIT_CHECKPOINT_MAIL,
    },
    extraSiteOrigins: (e.EXTRA_SITE_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  };
}
