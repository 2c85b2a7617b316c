/**
 * Slowloris: SLOW_SOCKETS sockets send request headers one byte a second and never finish them, reconnecting
 * whenever the server drops them, for SLOW_SECONDS; meanwhile a probe asks /healthz on a fresh connection
 * every 50 ms. Goal: /healthz p99 under 200 ms and no failed probe.
 *
 * The slow sockets come from 127.0.0.2–127.0.0.5 (Linux routes all of 127/8 to loopback), a quarter each, so
 * that every one of the 1,000 is under the per-address cap and really held open; the probe comes from
 * 127.0.0.1, like a load balancer's health check from its own address.
 */
import { connect, type Socket } from 'node:net';
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

export async function slowloris(server: ServerProcess): Promise<SlowlorisResult> {
  const count = env('BATTERY_SLOW_SOCKETS', 1000);
  const seconds = env('BATTERY_SLOW_SECONDS', 120);
  const addresses = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'];
  const { port } = server.options;

  const baseline: number[] = [];
  await probe(server, Date.now() + 5000, baseline);
  baseline.sort((a, b) => a - b);

  let open = 0;
  let maxOpen = 0;
  let opened = 0;
  let closedByServer = 0;
  let running = true;
  const sockets = new Set<Socket>();

  const hold = (localAddress: string) => {
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
        setTimeout(() => hold(localAddress), 200 + Math.random() * 300);
      }
    });
  };

  log(`slowloris: ${count} slow sockets for ${seconds} s from ${addresses.join(', ')}`);
  for (let i = 0; i < count; i++) {
    hold(addresses[i % addresses.length]!);
    if (i % 100 === 99) await sleep(20);
  }

  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  const reporter = setInterval(() => log(`slowloris: ${open} slow sockets open, ${closedByServer} dropped by the server, ${latencies.length} probes`), 30_000);
  const failed = await probe(server, until, latencies);
  clearInterval(reporter);
  running = false;
  for (const s of sockets) s.destroy();
  latencies.sort((a, b) => a - b);

  const goal = 200;
  const p99 = round(percentile(latencies, 0.99));
  return {
    slowSockets: count,
    seconds,
    attackerAddresses: addresses,
    maxOpenSlowSockets: maxOpen,
    slowConnectionsOpened: opened,
    slowSocketsClosedByServer: closedByServer,
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
