/**
 * Soak: SOAK_CONNECTIONS keep-alive connections for SOAK_SECONDS, each looping over a mix of what the system
 * does all day: citizens tracking a case (45 %), asking for a challenge (20 %), submitting (25 %), and staff
 * reading the inbox of up to 500 cases (10 %), each connection pausing between calls like a person (BATTERY_SOAK_THINK_MS
 * on average), so that the offered load stays under what the machine can serve and the run measures endurance. Every 30 s it prints the server's resident memory and the request counts.
 * Each connection comes from an address of its own in a /24 of its own (127.1.1.1, 127.2.1.1, …: Linux routes
 * all of 127/8 to loopback), and the server runs with the production rate limits and proof of work
 * (BATTERY_SOAK_LIMITS=off turns them off), so 429 is the per-address or global ceiling doing its job.
 * Goals: only 2xx and 429 (no other status, no network error), acknowledged submissions equal the new rows
 * in the database, memory flat (the last sample within 25 % + 32 MB of the first after warm-up).
 */
import { Agent } from 'node:http';
import { Db } from '@pakn/db';
import { DEMO_PASSWORD } from '@pakn/server';
import {
  call,
  keepAliveRetries,
  citizenHeaders,
  data,
  env,
  log,
  newIdempotencyKey,
  newProof,
  round,
  sleep,
  submission,
  type ServerProcess,
} from './harness.ts';

export interface SoakResult {
  readonly seconds: number;
  readonly connections: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly statuses: Record<string, number>;
  readonly networkErrors: number;
  readonly networkErrorKinds: Record<string, number>;
  readonly keepAliveRaceRetries: number;
  readonly byOperation: Record<string, Record<string, number>>;
  readonly acknowledged: number;
  readonly newSubmissionRows: number;
  readonly acknowledgedMissing: number;
  readonly rssMb: readonly { atSeconds: number; rssMb: number }[];
  readonly rssGrowthMb: number;
  readonly pass: boolean;
}

type Operation = 'track' | 'challenge' | 'submit' | 'inbox';

function pick(): Operation {
  const r = Math.random();
  return r < 0.45 ? 'track' : r < 0.65 ? 'challenge' : r < 0.9 ? 'submit' : 'inbox';
}

async function submissionRows(databasePath: string): Promise<number> {
  const db = await Db.open({ url: `file:${databasePath}` });
  try {
    return Number((await db.execute('SELECT COUNT(*) AS n FROM submissions')).rows[0]?.n);
  } finally {
    db.close();
  }
}

export async function soak(server: ServerProcess): Promise<SoakResult> {
  const seconds = env('BATTERY_SOAK_SECONDS', 600);
  const connections = env('BATTERY_SOAK_CONNECTIONS', 200);
  const thinkMs = env('BATTERY_SOAK_THINK_MS', 8000);
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const own = server.url;

  const login = await call(agent, 'POST', `${own}/trpc/auth.login`, { username: 'tiepnhan', password: DEMO_PASSWORD }, { origin: own, 'x-pakn-csrf': '1' });
  const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
  if (login.status !== 200 || !cookie) throw new Error(`soak: staff login failed with ${login.status}`);
  const rowsBefore = await submissionRows(server.options.databasePath);

  // A few cases to track, made before the clock starts.
  const tracked: { reference: string; accessKey: string }[] = [];
  for (let i = 0; i < 10; i++) {
    const { proof } = await newProof(agent, own);
    const reply = await call(
      agent,
      'POST',
      `${own}/trpc/case.submit`,
      submission(newIdempotencyKey(), `Hồ sơ theo dõi số ${i} bị trả muộn so với giấy hẹn.`, proof ?? ''),
      citizenHeaders,
    );
    tracked.push(data<{ reference: string; accessKey: string }>(reply));
  }
  const setupRows = tracked.length;

  const statuses: Record<string, number> = {};
  const byOperation: Record<string, Record<string, number>> = {};
  let requests = 0;
  let networkErrors = 0;
  const networkErrorKinds: Record<string, number> = {};
  const acknowledged = new Set<string>();
  const count = (op: Operation, status: number) => {
    requests++;
    statuses[status] = (statuses[status] ?? 0) + 1;
    const o = (byOperation[op] ??= {});
    o[status] = (o[status] ?? 0) + 1;
  };

  const retriesBefore = keepAliveRetries.count;
  const start = Date.now();
  const until = start + seconds * 1000;
  const agents: Agent[] = [];
  const rss: { atSeconds: number; rssMb: number }[] = [];
  let lastRequests = 0;
  const sample = () => {
    const at = Math.round((Date.now() - start) / 1000);
    const mb = server.rssMb();
    rss.push({ atSeconds: at, rssMb: mb });
    log(
      `soak ${at}s: server RSS ${mb} MB, ${requests} requests (${Math.round((requests - lastRequests) / 30)}/s), ${acknowledged.size} submissions, statuses ${JSON.stringify(statuses)}, network errors ${networkErrors}`,
    );
    lastRequests = requests;
  };
  log(`soak: ${connections} connections for ${seconds} s`);
  const sampler = setInterval(sample, 30_000);

  await Promise.all(
    Array.from({ length: connections }, async (_, index) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1, localAddress: `127.${1 + (index % 250)}.${1 + Math.floor(index / 250)}.1` });
      agents.push(agent);
      // People do not all arrive in the same millisecond.
      await sleep(Math.random() * thinkMs * 2);
      while (Date.now() < until) {
        const op = pick();
        try {
          if (op === 'track') {
            const target = tracked[Math.floor(Math.random() * tracked.length)];
            if (!target) continue;
            count(op, (await call(agent, 'POST', `${own}/trpc/case.track`, target, citizenHeaders)).status);
          } else if (op === 'challenge') {
            count(op, (await newProof(agent, own)).reply.status);
          } else if (op === 'submit') {
            const { reply: challenge, proof } = await newProof(agent, own);
            count('challenge', challenge.status);
            if (proof) {
              const description = `Hồ sơ bị trả muộn so với giấy hẹn, phiên thử tải ${newIdempotencyKey()}.`;
              const reply = await call(agent, 'POST', `${own}/trpc/case.submit`, submission(newIdempotencyKey(), description, proof), citizenHeaders);
              count(op, reply.status);
              if (reply.status === 200) acknowledged.add(data<{ reference: string }>(reply).reference);
            }
          } else {
            const input = encodeURIComponent(JSON.stringify({}));
            count(op, (await call(agent, 'GET', `${own}/trpc/case.inbox?input=${input}`, undefined, { cookie })).status);
          }
        } catch (error) {
          networkErrors++;
          const kind = error instanceof Error ? ((error as { code?: string }).code ?? error.message) : 'unknown';
          networkErrorKinds[kind] = (networkErrorKinds[kind] ?? 0) + 1;
        }
        if (thinkMs > 0) await sleep(Math.min(Math.random() * thinkMs * 2, until - Date.now()));
      }
    }),
  );
  clearInterval(sampler);
  sample();
  agent.destroy();
  for (const a of agents) a.destroy();
  const elapsed = (Date.now() - start) / 1000;
  await server.stop();

  const rowsAfter = await submissionRows(server.options.databasePath);
  const newRows = rowsAfter - rowsBefore - setupRows;
  const db = await Db.open({ url: `file:${server.options.databasePath}` });
  let missing = 0;
  try {
    for (const reference of acknowledged) {
      const row = await db.execute({ sql: 'SELECT 1 FROM cases WHERE reference = ?', args: [reference] });
      if (row.rows.length === 0) missing++;
    }
  } finally {
    db.close();
  }

  // Flat: compare the first sample after a minute of warm-up (or the first) with the last.
  const warm = rss.find((r) => r.atSeconds >= 60) ?? rss[0];
  const last = rss.at(-1);
  const growth = warm && last ? round(last.rssMb - warm.rssMb) : 0;
  const flat = !warm || !last || last.rssMb <= warm.rssMb * 1.25 + 32;
  const onlyAllowed = Object.keys(statuses).every((s) => (Number(s) >= 200 && Number(s) < 300) || s === '429');
  return {
    seconds: Math.round(elapsed),
    connections,
    requests,
    requestsPerSecond: Math.round(requests / elapsed),
    statuses,
    networkErrors,
    networkErrorKinds,
    keepAliveRaceRetries: keepAliveRetries.count - retriesBefore,
    byOperation,
    acknowledged: acknowledged.size,
    newSubmissionRows: newRows,
    acknowledgedMissing: missing,
    rssMb: rss,
    rssGrowthMb: growth,
    pass: onlyAllowed && networkErrors === 0 && newRows === acknowledged.size && missing === 0 && flat,
  };
}
