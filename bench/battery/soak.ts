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

/** What the soak needs before the clock starts: a staff session for the inbox, and cases to track. */
interface SoakSetup {
  readonly cookie: string;
  readonly rowsBefore: number;
  readonly tracked: readonly { reference: string; accessKey: string }[];
}

/** Logs staff in, counts the rows already there, and files a few cases to track, all before the clock starts. */
async function prepareSoak(agent: Agent, server: ServerProcess): Promise<SoakSetup> {
  const own = server.url;
  const login = await call(agent, 'POST', `${own}/trpc/auth.login`, { username: 'tiepnhan', password: DEMO_PASSWORD }, { origin: own, 'x-pakn-csrf': '1' });
  const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
  if (login.status !== 200 || !cookie) throw new Error(`soak: staff login failed with ${login.status}`);
  const rowsBefore = await submissionRows(server.options.databasePath);

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
  return { cookie, rowsBefore, tracked };
}

/** The counts the connections share while the soak runs; read by the sampler and by the report. */
class SoakTally {
  readonly statuses: Record<string, number> = {};
  readonly byOperation: Record<string, Record<string, number>> = {};
  readonly networkErrorKinds: Record<string, number> = {};
  readonly acknowledged = new Set<string>();
  requests = 0;
  networkErrors = 0;

  count(op: Operation, status: number): void {
    this.requests++;
    this.statuses[status] = (this.statuses[status] ?? 0) + 1;
    const o = (this.byOperation[op] ??= {});
    o[status] = (o[status] ?? 0) + 1;
  }

  networkError(error: unknown): void {
    this.networkErrors++;
    const kind = error instanceof Error ? ((error as { code?: string }).code ?? error.message) : 'unknown';
    this.networkErrorKinds[kind] = (this.networkErrorKinds[kind] ?? 0) + 1;
  }
}

/** One call of the mix on a connection's agent, counted in the tally; false when there was nothing to call. */
async function operate(op: Operation, agent: Agent, own: string, setup: SoakSetup, tally: SoakTally): Promise<boolean> {
  if (op === 'track') {
    const target = setup.tracked[Math.floor(Math.random() * setup.tracked.length)];
    if (!target) return false;
    tally.count(op, (await call(agent, 'POST', `${own}/trpc/case.track`, target, citizenHeaders)).status);
  } else if (op === 'challenge') {
    tally.count(op, (await newProof(agent, own)).reply.status);
  } else if (op === 'submit') {
    const { reply: challenge, proof } = await newProof(agent, own);
    tally.count('challenge', challenge.status);
    if (proof) {
      const description = `Hồ sơ bị trả muộn so với giấy hẹn, phiên thử tải ${newIdempotencyKey()}.`;
      const reply = await call(agent, 'POST', `${own}/trpc/case.submit`, submission(newIdempotencyKey(), description, proof), citizenHeaders);
      tally.count(op, reply.status);
      if (reply.status === 200) tally.acknowledged.add(data<{ reference: string }>(reply).reference);
    }
  } else {
    const input = encodeURIComponent(JSON.stringify({}));
    tally.count(op, (await call(agent, 'GET', `${own}/trpc/case.inbox?input=${input}`, undefined, { cookie: setup.cookie })).status);
  }
  return true;
}

/** One person's connection: the mix of calls, with a pause between them, until the clock runs out. */
async function connection(agent: Agent, own: string, setup: SoakSetup, tally: SoakTally, until: number, thinkMs: number): Promise<void> {
  // People do not all arrive in the same millisecond.
  await sleep(Math.random() * thinkMs * 2);
  while (Date.now() < until) {
    let called = true;
    try {
      called = await operate(pick(), agent, own, setup, tally);
    } catch (error) {
      tally.networkError(error);
    }
    // Nothing called: straight on to the next pick, without a pause.
    if (!called) continue;
    if (thinkMs > 0) await sleep(Math.min(Math.random() * thinkMs * 2, until - Date.now()));
  }
}

/** How many acknowledged references have no case in the database (the server stopped). */
async function missingReferences(databasePath: string, acknowledged: ReadonlySet<string>): Promise<number> {
  const db = await Db.open({ url: `file:${databasePath}` });
  let missing = 0;
  try {
    for (const reference of acknowledged) {
      const row = await db.execute({ sql: 'SELECT 1 FROM cases WHERE reference = ?', args: [reference] });
      if (row.rows.length === 0) missing++;
    }
  } finally {
    db.close();
  }
  return missing;
}

/** The measured part: every connection's loop, with the server's memory sampled every 30 s and once at the end. */
async function soakLoop(
  server: ServerProcess,
  setup: SoakSetup,
  tally: SoakTally,
  connections: number,
  seconds: number,
  thinkMs: number,
): Promise<{ start: number; agents: Agent[]; rss: { atSeconds: number; rssMb: number }[] }> {
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
      `soak ${at}s: server RSS ${mb} MB, ${tally.requests} requests (${Math.round((tally.requests - lastRequests) / 30)}/s), ${tally.acknowledged.size} submissions, statuses ${JSON.stringify(tally.statuses)}, network errors ${tally.networkErrors}`,
    );
    lastRequests = tally.requests;
  };
  log(`soak: ${connections} connections for ${seconds} s`);
  const sampler = setInterval(sample, 30_000);

  await Promise.all(
    Array.from({ length: connections }, async (_, index) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1, localAddress: `127.${1 + (index % 250)}.${1 + Math.floor(index / 250)}.1` });
      agents.push(agent);
      await connection(agent, server.url, setup, tally, until, thinkMs);
    }),
  );
  clearInterval(sampler);
  sample();
  return { start, agents, rss };
}

export async function soak(server: ServerProcess): Promise<SoakResult> {
  const seconds = env('BATTERY_SOAK_SECONDS', 600);
  const connections = env('BATTERY_SOAK_CONNECTIONS', 200);
  const thinkMs = env('BATTERY_SOAK_THINK_MS', 8000);
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const setup = await prepareSoak(agent, server);
  const setupRows = setup.tracked.length;

  const tally = new SoakTally();
  const retriesBefore = keepAliveRetries.count;
  const { start, agents, rss } = await soakLoop(server, setup, tally, connections, seconds, thinkMs);
  agent.destroy();
  for (const a of agents) a.destroy();
  const elapsed = (Date.now() - start) / 1000;
  await server.stop();

  const rowsAfter = await submissionRows(server.options.databasePath);
  const newRows = rowsAfter - setup.rowsBefore - setupRows;
  const missing = await missingReferences(server.options.databasePath, tally.acknowledged);
  return soakReport(tally, rss, { elapsed, connections, retries: keepAliveRetries.count - retriesBefore, newRows, missing });
}

/** The result and its verdict, from the tally and the memory samples. */
function soakReport(
  tally: SoakTally,
  rss: { atSeconds: number; rssMb: number }[],
  run: { elapsed: number; connections: number; retries: number; newRows: number; missing: number },
): SoakResult {
  const { elapsed, newRows, missing } = run;
  const { requests, statuses, networkErrors, acknowledged } = tally;
  // Flat: compare the first sample after a minute of warm-up (or the first) with the last.
  const warm = rss.find((r) => r.atSeconds >= 60) ?? rss[0];
  const last = rss.at(-1);
  const growth = warm && last ? round(last.rssMb - warm.rssMb) : 0;
  const flat = !warm || !last || last.rssMb <= warm.rssMb * 1.25 + 32;
  const onlyAllowed = Object.keys(statuses).every((s) => (Number(s) >= 200 && Number(s) < 300) || s === '429');
  return {
    seconds: Math.round(elapsed),
    connections: run.connections,
    requests,
    requestsPerSecond: Math.round(requests / elapsed),
    statuses,
    networkErrors,
    networkErrorKinds: tally.networkErrorKinds,
    keepAliveRaceRetries: run.retries,
    byOperation: tally.byOperation,
    acknowledged: acknowledged.size,
    newSubmissionRows: newRows,
    acknowledgedMissing: missing,
    rssMb: rss,
    rssGrowthMb: growth,
    pass: onlyAllowed && networkErrors === 0 && newRows === acknowledged.size && missing === 0 && flat,
  };
}
