/**
 * What every phase of the battery shares: a PAKN server in its own process (so that it can be SIGKILLed),
 * plain node:http calls to it, and a proof-of-work solver. Everything targets 127.0.0.1 only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request, type Agent } from 'node:http';
import { resolve } from 'node:path';
import { solveChallenge, type ChallengeData } from '../citizen-support.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
const SITE_ORIGIN = 'http://battery.test';
const SITE_KEY = 'phuong-hoan-kiem';
const SECRET = 'battery-secret-0123456789abcdef';

export function env(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function log(line: string): void {
  console.log(`[battery ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

export function round(n: number, digits = 1): number {
  return Number(n.toFixed(digits));
}

export interface ServerOptions {
  readonly port: number;
  readonly databasePath: string;
  /**
   * 'off' (default): citizen rate limits 0 and the easiest proof of work, so a phase loads the server and not
   * its quotas. 'production': the defaults a real deployment has.
   */
  readonly limits?: 'off' | 'production';
  readonly env?: Readonly<Record<string, string>>;
}

const LIMITS_OFF: Readonly<Record<string, string>> = {
  POW_MAX_NUMBER: '10',
  RATE_LIMIT_SUBMITS_PER_HOUR: '0',
  RATE_LIMIT_SUBMITS_GLOBAL_PER_HOUR: '0',
  RATE_LIMIT_TRACKS_PER_HOUR: '0',
  RATE_LIMIT_UPLOADS_PER_HOUR: '0',
  RATE_LIMIT_CHALLENGES_PER_HOUR: '0',
  RATE_LIMIT_SUBMITS_PER_PREFIX_PER_HOUR: '0',
  RATE_LIMIT_SUBMITS_GLOBAL_HARD_PER_HOUR: '0',
  RATE_LIMIT_TRACKS_PER_PREFIX_PER_HOUR: '0',
  RATE_LIMIT_CHALLENGES_PER_PREFIX_PER_HOUR: '0',
  RATE_LIMIT_UPLOADS_PER_PREFIX_PER_HOUR: '0',
  RATE_LIMIT_STATISTICS_PER_HOUR: '0',
  RATE_LIMIT_STATISTICS_PER_PREFIX_PER_HOUR: '0',
  POW_MAX_MULTIPLIER: '1',
};

/**
 * A server process: `node --import tsx` runs cli.ts in this very process (no wrapper), so the pid we kill is
 * the server's.
 */
export class ServerProcess {
  #child: ChildProcess | null = null;
  #output: string[] = [];
  readonly url: string;

  constructor(readonly options: ServerOptions) {
    this.url = `http://127.0.0.1:${options.port}`;
  }

  get pid(): number {
    const pid = this.#child?.pid;
    if (pid === undefined) throw new Error('server is not running');
    return pid;
  }

  /** The last lines the server wrote, for a failure report. */
  get tail(): string {
    return this.#output.slice(-20).join('');
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'apps/server/src/cli.ts'), 'start'], {
      cwd: resolve(ROOT, 'apps/server'),
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(this.options.port),
        DEMO_SITE_PORT: '0',
        DATABASE_URL: `file:${this.options.databasePath}`,
        SEED_DEMO: 'true',
        EXTRA_SITE_ORIGINS: SITE_ORIGIN,
        PAKN_SECRET: SECRET,
        ...(this.options.limits === 'production' ? {} : LIMITS_OFF),
        ...this.options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    const keep = (chunk: Buffer) => {
      this.#output.push(chunk.toString());
      if (this.#output.length > 200) this.#output.splice(0, 100);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited at start:\n${this.tail}`);
      try {
        const res = await call(null, 'GET', `${this.url}/healthz`, undefined, {}, 1000);
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`server did not become healthy in 60 s:\n${this.tail}`);
  }

  /** SIGKILL: no shutdown handler runs, whatever was in flight is cut. */
  async kill(): Promise<void> {
    await this.#signal('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.#signal('SIGTERM');
  }

  async #signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    this.#child = null;
  }

  /** Resident memory of the server process, in MB. */
  rssMb(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 'NaN');
    return round(kb / 1024);
  }
}

export interface Reply {
  readonly status: number;
  readonly text: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** How many calls were sent again after a keep-alive socket closed under them (see `call`). */
export const keepAliveRetries = { count: 0 };

/**
 * One HTTP call; throws on a network error or after `timeoutMs`. A request written to a kept-alive socket that
 * the server closed at that very moment (its idle timeout) is sent once more on a new socket, as browsers do and
 * as the Node documentation advises (`request.reusedSocket`): the server never saw it.
 */
export async function call(
  agent: Agent | null,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<Reply> {
  try {
    return await callOnce(agent, method, url, body, headers, timeoutMs);
  } catch (error) {
    if (!(error instanceof Error && 'reusedSocket' in error && (error as { code?: string }).code === 'ECONNRESET')) throw error;
    keepAliveRetries.count++;
    return callOnce(agent, method, url, body, headers, timeoutMs);
  }
}

function callOnce(
  agent: Agent | null,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<Reply> {
  return new Promise((resolveCall, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      url,
      {
        method,
        agent: agent ?? false,
        headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}), ...headers },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolveCall({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => reject(req.reusedSocket ? Object.assign(error, { reusedSocket: true }) : error));
    if (payload) req.write(payload);
    req.end();
  });
}

export function data<T>(reply: Reply): T {
  return (JSON.parse(reply.text) as { result: { data: T } }).result.data;
}

export function reason(reply: Reply): string {
  try {
    const parsed = JSON.parse(reply.text) as { error?: { data?: { reason?: string }; reason?: string } };
    return parsed.error?.data?.reason ?? parsed.error?.reason ?? '';
  } catch {
    return '';
  }
}

export const citizenHeaders = { origin: SITE_ORIGIN };

export async function newProof(agent: Agent | null, server: string): Promise<{ reply: Reply; proof: string | null }> {
  const reply = await call(agent, 'POST', `${server}/trpc/case.challenge`, { siteKey: SITE_KEY }, citizenHeaders);
  return { reply, proof: reply.status === 200 ? solveChallenge(data<ChallengeData>(reply)) : null };
}

export function newIdempotencyKey(): string {
  return randomBytes(16).toString('base64url');
}

export function submission(idempotencyKey: string, description: string, proof: string) {
  return { siteKey: SITE_KEY, category: 'late_result', description, idempotencyKey, proof };
}
