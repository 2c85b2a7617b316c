/**
 * The processes the HTTP bench measures: PAKN (`pakn start` from the esbuild bundle apps/server/dist/cli.js,
 * built afresh by the bench, as production runs it: no TypeScript loader in its memory) and the bare Hono baseline. Each runs alone in its process, so its memory is its
 * own; both are stopped by their process id when the bench ends.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  /** Resident memory now, in MB (Linux /proc). */
  rssMb(): number;
  /** CPU time the process has used so far, user and system, in ms (Linux /proc). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** utime + stime of /proc/PID/stat (fields 14 and 15, in clock ticks of 10 ms). */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

async function waitFor(url: string, child: ChildProcess, output: () => string, seconds: number): Promise<void> {
  for (let i = 0; i < seconds * 10; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not start within ${seconds} s:\n${output()}`);
}

/**
 * `cwd`: a package whose node_modules has tsx, for `--import tsx`. `seconds`: how long it may take to answer; a
 * server that does not is stopped, so that no process outlives a failed run.
 */
async function start(cwd: string, args: readonly string[], env: Record<string, string>, url: string, probe: string, seconds = 60): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    await waitFor(url + probe, child, () => output, seconds);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const pid = child.pid ?? -1;
  return {
    url,
    pid,
    rssMb: () => rssOf(pid),
    cpuMs: () => cpuOf(pid),
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

export function startBareHono(port: number): Promise<ServerProcess> {
  return start(join(root, 'bench'), ['--import', 'tsx', join(root, 'bench/http/bare-hono.ts'), String(port)], {}, `http://127.0.0.1:${port}`, '/');
}

let bundled: string | null = null;

/** Builds apps/server/dist/cli.js once per bench run (`pnpm --filter @pakn/server build`), so it bundles this checkout's sources. */
function serverBundle(): string {
  if (bundled) return bundled;
  execFileSync(process.execPath, ['build.mjs'], { cwd: join(root, 'apps/server'), stdio: 'inherit' });
  const path = join(root, 'apps/server/dist/cli.js');
  if (!existsSync(path)) throw new Error(`${path}: the server build wrote no bundle`);
  bundled = path;
  return path;
}

export interface PaknOptions {
  readonly port: number;
  readonly databasePath: string;
  readonly dir: string;
  readonly siteOrigin: string;
  /** More environment, e.g. DATABASE_READERS for a before/after in the same run. */
  readonly env?: Record<string, string>;
}

/** PAKN as deployed, with the citizen limits off and an easy proof of work: the bench measures the server's work. */
export function startPakn(options: PaknOptions): Promise<ServerProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(options.port),
    PUBLIC_URL: url,
    DEMO_SITE_PORT: '0',
    EXTRA_SITE_ORIGINS: options.siteOrigin,
    DATABASE_URL: `file:${options.databasePath}`,
    LOG_LEVEL: 'warn',
    AUDIT_HMAC_KEY: 'bench-audit-key-0123456789abcdef0123456789',
    AUDIT_CHECKPOINT_FILE: join(options.dir, 'audit-checkpoints.jsonl'),
    POW_MAX_NUMBER: '10',
    POW_MAX_MULTIPLIER: '1',
    MAX_CONNECTIONS_PER_ADDRESS: '0',
    ...options.env,
  };
  for (const name of [
    'SUBMITS',
    'SUBMITS_PER_PREFIX',
    'SUBMITS_GLOBAL',
    'SUBMITS_GLOBAL_HARD',
    'TRACKS',
    'TRACKS_PER_PREFIX',
    'CHALLENGES',
    'CHALLENGES_PER_PREFIX',
    'STATISTICS',
    'STATISTICS_PER_PREFIX',
  ]) {
    env[`RATE_LIMIT_${name}_PER_HOUR`] = '0';
  }
  // The `start` script of apps/server: node on the bundle, with its source maps and its young generation's size.
  // Its first start on a generated file applies the migrations since the file was made: minutes at a million cases.
  return start(join(root, 'apps/server'), ['--enable-source-maps', '--max-semi-space-size=4', serverBundle(), 'start'], env, url, '/healthz', 1800);
}
