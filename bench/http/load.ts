/**
 * Load over HTTP: latency percentiles of a few clients looping on one request (fetch, keep-alive), and
 * throughput at many connections (autocannon), always against a server in another process.
 */
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';

export interface Latencies {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly bytes: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return Number((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN).toFixed(2));
}

/**
 * `clients` loops, each sending the request `rounds` times (after one warm-up each); every response must be
 * a 200. Returns the percentiles of all requests and the size of the last body.
 */
export async function latencies(url: string, init: RequestInit, clients: number, rounds: number): Promise<Latencies> {
  const times: number[] = [];
  let bytes = 0;
  const once = async (record: boolean) => {
    const t = performance.now();
    const response = await fetch(url, init);
    const body = await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url}: ${response.status} ${Buffer.from(body).toString().slice(0, 300)}`);
    if (record) times.push(performance.now() - t);
    bytes = body.byteLength;
  };
  await Promise.all(
    Array.from({ length: clients }, async () => {
      await once(false);
      for (let i = 0; i < rounds; i++) await once(true);
    }),
  );
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), p99: percentile(times, 0.99), bytes };
}

export interface Throughput {
  readonly rps: number;
  readonly p99: number;
  readonly errors: number;
}

export interface ThroughputRequest {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  readonly method?: 'GET' | 'POST';
  readonly headers?: Record<string, string>;
  /** A fixed body, or one made per request (submissions need a fresh key and proof each). */
  readonly body?: string | (() => string);
  /** Called every 100 ms while the load runs (memory sampling). */
  readonly onTick?: () => void;
}

/** Requests per second and p99 latency of `connections` keep-alive connections for `seconds`; non-2xx count as errors. */
export async function throughput(request: ThroughputRequest): Promise<Throughput> {
  const { body } = request;
  const ticker = request.onTick ? setInterval(request.onTick, 100) : null;
  try {
    const result = await autocannon({
      url: request.url,
      connections: request.connections,
      duration: request.seconds,
      method: request.method ?? 'GET',
      headers: request.headers ?? {},
      ...(typeof body === 'function'
        ? { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: body() }) }] }
        : body === undefined
          ? {}
          : { body }),
    });
    // Only answered requests count: a refused or failed one is an error, not throughput.
    return { rps: Math.round(result['2xx'] / result.duration), p99: result.latency.p99, errors: result.errors + result.non2xx };
  } finally {
    if (ticker) clearInterval(ticker);
  }
}
