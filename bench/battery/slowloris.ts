/**
 * Slowloris: SLOW_SOCKETS sockets send request headers one byte a second and never finish them, reconnecting
 * whenever the server drops them, for SLOW_SECONDS; meanwhile a probe asks /healthz on a fresh connection
 * every 50 ms. Goal: /healthz p99 under 200 ms and no failed probe.
 *
 * The slow sockets come from 127.0.0.2–127.0.0.5 (Linux routes all of 127/8 to loopback), a quarter each, so
 * that every one of the 1,000 is under the per-address cap and really held open; the probe comes from
 * 127.0.0.1, like a load balancer's health check from its own address.
 */
import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { call, env, log, percentile, round, sleep, type ServerProcess } from './harness.ts';

export interface SlowlorisResult {
  readonly slowSockets: number;
  readonly seconds: number;
  readonly attackerAddresses: readonly string[];
  readonly maxOpenSlowSockets: number;
  readonly slowConnectionsOpened: number;
  readonly slowSocketsClosedByServer: number;
  readonly probes: number;
  readonly probesFailed: number;
  readonly healthP50Ms: number;
  readonly healthP99Ms: number;
  readonly healthMaxMs: number;
  readonly baselineP99Ms: number;
  readonly goalP99Ms: number;
  readonly pass: boolean;
}

const ADDRESSES = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'];
const HEADER_START = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n';

async function probe(server: ServerProcess, until: number, latencies: number[]): Promise<number> {
  let failed = 0;
  while (Date.now() < until) {
    const t = performance.now();
    try {
      const res = await call(null, 'GET', `${server.url}/healthz`, undefined, {}, 5000);
      if (res.status !== 200) failed++;
    } catch {
      failed++;
    }
    latencies.push(performance.now() - t);
    await sleep(50);
  }
  return failed;
}

/**
 * The slow sockets live in a process of their own (this file, run with `hold` as argument): measured from the
 * process that holds them, /healthz would also time the attacker's own event loop.
 */
export async function slowloris(server: ServerProcess): Promise<SlowlorisResult> {
  const count = env('BATTERY_SLOW_SOCKETS', 1000);
  const seconds = env('BATTERY_SLOW_SECONDS', 120);

  const baseline: number[] = [];
  await probe(server, Date.now() + 5000, baseline);
  baseline.sort((a, b) => a - b);

  log(`slowloris: ${count} slow sockets for ${seconds} s from ${ADDRESSES.join(', ')}`);
  const attacker = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'hold'], {
    cwd: dirname(fileURLToPath(import.meta.url)),
    env: { ...process.env, SLOW_PORT: String(server.options.port), SLOW_COUNT: String(count), SLOW_SECONDS: String(seconds + 5) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let report = '';
  attacker.stdout.on('data', (chunk: Buffer) => (report += chunk.toString()));
  const finished = new Promise<void>((r) => attacker.once('exit', () => r()));
  // Let the sockets open before the clock starts.
  await sleep(3000);
  const latencies: number[] = [];
  const failed = await probe(server, Date.now() + seconds * 1000, latencies);
  await finished;
  latencies.sort((a, b) => a - b);
  const held = JSON.parse(report.trim().split('\n').at(-1) ?? '{}') as { maxOpen?: number; opened?: number; closedByServer?: number };

  const goal = 200;
  const p99 = round(percentile(latencies, 0.99));
  const maxOpen = held.maxOpen ?? 0;
  return {
    slowSockets: count,
    seconds,
    attackerAddresses: ADDRESSES,
    maxOpenSlowSockets: maxOpen,
    slowConnectionsOpened: held.opened ?? 0,
    slowSocketsClosedByServer: held.closedByServer ?? 0,
    probes: latencies.length,
    probesFailed: failed,
    healthP50Ms: round(percentile(latencies, 0.5)),
    healthP99Ms: p99,
    healthMaxMs: round(latencies.at(-1) ?? 0),
    baselineP99Ms: round(percentile(baseline, 0.99)),
    goalP99Ms: goal,
    pass: failed === 0 && p99 < goal && maxOpen >= count * 0.9,
  };
}

/** The attacker process: holds SLOW_COUNT slow sockets for SLOW_SECONDS, prints its counts as JSON, exits. */
async function hold(): Promise<void> {
  const port = Number(process.env.SLOW_PORT);
  const count = Number(process.env.SLOW_COUNT);
  const until = Date.now() + Number(process.env.SLOW_SECONDS) * 1000;
  let open = 0;
  let maxOpen = 0;
  let opened = 0;
  let closedByServer = 0;
  let running = true;
  const sockets = new Set<Socket>();

  const one = (localAddress: string) => {
    if (!running) return;
    const socket = connect({ host: '127.0.0.1', port, localAddress });
    sockets.add(socket);
    let sent = 0;
    let timer: NodeJS.Timeout | null = null;
    let counted = false;
    socket.on('connect', () => {
      opened++;
      open++;
      counted = true;
      maxOpen = Math.max(maxOpen, open);
      socket.write(HEADER_START);
      // One more byte of a header that never ends, every second (with jitter, so they do not beat together).
      const drip = () => {
        if (socket.destroyed) return;
        socket.write(sent++ === 0 ? 'X-Slow: ' : 'a');
        timer = setTimeout(drip, 800 + Math.random() * 400);
      };
      timer = setTimeout(drip, Math.random() * 1000);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (timer) clearTimeout(timer);
      sockets.delete(socket);
      if (counted) open--;
      if (running) {
        closedByServer++;
        // An attacker reconnects at once; a short pause keeps the battery itself from spinning.
        setTimeout(() => one(localAddress), 200 + Math.random() * 300);
      }
    });
  };

  for (let i = 0; i < count; i++) {
    one(ADDRESSES[i % ADDRESSES.length] ?? '127.0.0.2');
    if (i % 100 === 99) await sleep(20);
  }
  const reporter = setInterval(() => log(`slowloris: ${open} slow sockets open, ${closedByServer} dropped by the server so far`), 30_000);
  while (Date.now() < until) await sleep(250);
  clearInterval(reporter);
  running = false;
  for (const s of sockets) s.destroy();
  process.stdout.write(`${JSON.stringify({ maxOpen, opened, closedByServer })}\n`);
}

if (process.argv[2] === 'hold') await hold();
