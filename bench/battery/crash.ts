/**
 * Crash durability: CRASH_SUBMISSIONS submissions from CRASH_CLIENTS concurrent clients while the server is
 * SIGKILLed CRASH_KILLS times (spread evenly over the run) and restarted on the same database file.
 * A client keeps its idempotency key across retries, as the widget does, so a reply lost in a crash comes
 * back as the same receipt. Afterwards, with the server stopped:
 * - every acknowledged reference is in the database with its exact description;
 * - no description (each is unique) is stored twice, and no battery case exists that was never acknowledged;
 * - a retry of every acknowledged submission, on a fresh server, returns the same reference;
 * - `PRAGMA integrity_check` says ok.
 */
import { Agent } from 'node:http';
import { Db } from '@pakn/db';
import { call, citizenHeaders, data, env, log, newIdempotencyKey, newProof, reason, sleep, submission, type ServerProcess } from './harness.ts';

export interface CrashResult {
  readonly submissions: number;
  readonly clients: number;
  readonly kills: number;
  readonly seconds: number;
  readonly acknowledged: number;
  readonly retriesAfterErrors: number;
  readonly missingOrAltered: number;
  readonly duplicates: number;
  readonly unacknowledgedRows: number;
  readonly replayedSameReference: number;
  readonly replayedDifferent: number;
  readonly integrityCheck: string;
  readonly restartSecondsMax: number;
  readonly pass: boolean;
}

interface Ack {
  readonly idempotencyKey: string;
  readonly description: string;
  readonly reference: string;
}

const RUN_TAG = `battery-crash-${Date.now().toString(36)}`;

function describe(i: number): string {
  return `Hồ sơ số ${i} bị trả muộn so với giấy hẹn; đề nghị Trung tâm xem xét (${RUN_TAG}-${i}).`;
}

/** Submits one report until it is acknowledged, retrying through crashes with the same key. */
async function submitUntilAcknowledged(agent: Agent, server: ServerProcess, i: number, counters: { retries: number }): Promise<Ack> {
  const idempotencyKey = newIdempotencyKey();
  const description = describe(i);
  let proof: string | null = null;
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      if (!proof) proof = (await newProof(agent, server.url)).proof;
      if (!proof) throw new Error('no challenge');
      const reply = await call(agent, 'POST', `${server.url}/trpc/case.submit`, submission(idempotencyKey, description, proof), citizenHeaders, 15_000);
      if (reply.status === 200) return { idempotencyKey, description, reference: data<{ reference: string }>(reply).reference };
      // A proof from before a crash may have expired meanwhile: fetch a new one, keep the key.
      if (reason(reply) === 'proof_invalid') proof = null;
      else if (reply.status < 500) throw new Error(`submission ${i} refused with ${reply.status}: ${reply.text.slice(0, 200)}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('submission')) throw error;
      // Connection refused or reset: the server is down; try again shortly.
    }
    counters.retries++;
    await sleep(100 + Math.random() * 200);
  }
  throw new Error(`submission ${i} was never acknowledged`);
}

/**
 * SIGKILLs the server at evenly spaced acknowledgement counts and restarts it, from a loop of its own so that
 * clients never wait on it. Resolves with the kills done and the longest restart in seconds.
 */
async function killAtIntervals(server: ServerProcess, acks: readonly Ack[], total: number, kills: number): Promise<{ killed: number; restartMax: number }> {
  let killed = 0;
  let restartMax = 0;
  while (killed < kills) {
    const threshold = Math.floor((total * (killed + 1)) / (kills + 1));
    while (acks.length < threshold) await sleep(20);
    await server.kill();
    killed++;
    const t = Date.now();
    await server.start();
    restartMax = Math.max(restartMax, (Date.now() - t) / 1000);
    log(`crash: kill ${killed}/${kills} at ${acks.length} acknowledged; back in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  return { killed, restartMax };
}

/** Every acknowledged submission again, with its key, from `clients` at once: the same reference, never a second case. */
async function replay(agent: Agent, server: ServerProcess, acks: readonly Ack[], clients: number): Promise<{ same: number; different: number }> {
  let same = 0;
  let different = 0;
  let cursor = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (cursor < acks.length) {
        const ack = acks[cursor++];
        if (!ack) break;
        const { proof } = await newProof(agent, server.url);
        const reply = await call(agent, 'POST', `${server.url}/trpc/case.submit`, submission(ack.idempotencyKey, ack.description, proof ?? ''), citizenHeaders);
        if (reply.status === 200 && data<{ reference: string }>(reply).reference === ack.reference) same++;
        else different++;
      }
    }),
  );
  return { same, different };
}

/** What the database holds once the server is stopped, checked against the acknowledgements. */
async function inspect(
  databasePath: string,
  acks: readonly Ack[],
): Promise<{ integrity: string; missing: number; duplicates: number; unacknowledged: number }> {
  const db = await Db.open({ url: `file:${databasePath}` });
  try {
    const integrity = String((await db.execute('PRAGMA integrity_check')).rows[0]?.integrity_check ?? 'no answer');
    const rows = await db.execute({ sql: 'SELECT reference, description FROM cases WHERE description LIKE ?', args: [`%(${RUN_TAG}-%`] });
    const byReference = new Map<string, string>();
    const descriptions = new Map<string, number>();
    for (const row of rows.rows) {
      byReference.set(String(row.reference), String(row.description));
      descriptions.set(String(row.description), (descriptions.get(String(row.description)) ?? 0) + 1);
    }
    const missing = acks.filter((a) => byReference.get(a.reference) !== a.description).length;
    const duplicates = [...descriptions.values()].filter((n) => n > 1).length;
    const acknowledged = new Set(acks.map((a) => a.reference));
    const unacknowledged = [...byReference.keys()].filter((r) => !acknowledged.has(r)).length;
    return { integrity, missing, duplicates, unacknowledged };
  } finally {
    db.close();
  }
}

export async function crash(server: ServerProcess): Promise<CrashResult> {
  const total = env('BATTERY_CRASH_SUBMISSIONS', 5000);
  const clients = env('BATTERY_CRASH_CLIENTS', 50);
  const kills = env('BATTERY_CRASH_KILLS', 20);
  log(`crash: ${total} submissions from ${clients} clients, SIGKILL ${kills} times`);
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const acks: Ack[] = [];
  const counters = { retries: 0 };
  let next = 0;
  const start = Date.now();

  const killer = killAtIntervals(server, acks, total, kills);
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++;
        acks.push(await submitUntilAcknowledged(agent, server, i, counters));
      }
    }),
  );
  const { killed, restartMax } = await killer;
  const seconds = (Date.now() - start) / 1000;
  log(`crash: ${acks.length} acknowledged in ${seconds.toFixed(0)} s, ${counters.retries} retries; replaying every key`);

  const { same, different } = await replay(agent, server, acks, clients);
  agent.destroy();
  await server.stop();

  const { integrity, missing, duplicates, unacknowledged } = await inspect(server.options.databasePath, acks);
  return {
    submissions: total,
    clients,
    kills: killed,
    seconds: Math.round(seconds),
    acknowledged: acks.length,
    retriesAfterErrors: counters.retries,
    missingOrAltered: missing,
    duplicates,
    unacknowledgedRows: unacknowledged,
    replayedSameReference: same,
    replayedDifferent: different,
    integrityCheck: integrity,
    restartSecondsMax: Number(restartMax.toFixed(1)),
    pass: acks.length === total && killed === kills && missing === 0 && duplicates === 0 && unacknowledged === 0 && different === 0 && integrity === 'ok',
  };
}
