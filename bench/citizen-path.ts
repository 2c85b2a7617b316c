/**
 * The citizen path in-process (issue 11): CPU and wall time per submission and per tracking lookup, on a
 * temporary file database with the production durability settings, with `used_proofs` holding the rows that
 * sustained traffic leaves (100 submissions a second, proofs valid for 10 minutes: 60,000 rows).
 *
 *   pnpm --filter @pakn/bench exec tsx citizen-path.ts [--proofs 60000] [--submissions 300] [--tracks 3000]
 *     [--concurrent 1000] [--connections 50]
 *
 * Then the same file through a second handle configured as before issue 11's database work (reads on the event
 * loop, DATABASE_READERS=0, and one commit per write), in the same run: `concurrent` submissions by
 * `connections` callers at once on each (commits counted: group commit shares them), against raw durable
 * single-row inserts into another file, and sequential tracking on each.
 *
 * Prints one JSON line. Not part of `pnpm bench` (bench/run.ts): a before/after probe for one change.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createCaller } from '@pakn/api';
import { Db, migrate } from '@pakn/db';
import { seedDemo, DEMO_SITE_KEY } from '@pakn/server';
import { benchCitizenContext, solveChallenge } from './citizen-support.ts';
import { rawDurableInserts } from './http/http.ts';

const { values } = parseArgs({
  options: {
    proofs: { type: 'string', default: '60000' },
    submissions: { type: 'string', default: '300' },
    tracks: { type: 'string', default: '3000' },
    concurrent: { type: 'string', default: '1000' },
    connections: { type: 'string', default: '50' },
  },
});
const usedProofs = Number(values.proofs);
const submissions = Number(values.submissions);
const tracks = Number(values.tracks);
const concurrent = Number(values.concurrent);
const connections = Number(values.connections);
const input = {
  siteKey: DEMO_SITE_KEY,
  category: 'late_result' as const,
  description: 'Hồ sơ của tôi bị trả muộn 10 ngày so với giấy hẹn, đề nghị Trung tâm xem xét.',
};

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const dir = mkdtempSync(join(tmpdir(), 'pakn-citizen-bench-'));
const db = await Db.open({ url: `file:${join(dir, 'bench.db')}` });
try {
  await migrate(db);
  await seedDemo(db, { demoSiteOrigins: ['http://ward.bench'], now: new Date(), withSampleCases: false });
  // Spent proofs not yet expired: what a purge before every spend had to scan and could not delete.
  const later = new Date(Date.now() + 600_000).toISOString();
  for (let done = 0; done < usedProofs; done += 5000) {
    await db.execute({
      sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
            INSERT INTO used_proofs (signature, expires_at) SELECT 'prefill-' || (? + i), ? FROM n`,
      args: [Math.min(5000, usedProofs - done), done, later],
    });
  }
  const caller = createCaller(benchCitizenContext(db));
  const solve = async () => solveChallenge(await caller.case.challenge({ siteKey: DEMO_SITE_KEY }));
  const proofs: string[] = [];
  for (let i = 0; i < submissions; i++) proofs.push(await solve());

  let last = { reference: '', accessKey: '' };
  let wall = performance.now();
  let cpu = cpuMs();
  for (const proof of proofs) last = await caller.case.submit({ ...input, idempotencyKey: randomBytes(16).toString('base64url'), proof });
  const submit = { perSecond: Math.round(submissions / ((performance.now() - wall) / 1000)), cpuMsEach: Number(((cpuMs() - cpu) / submissions).toFixed(3)) };

  for (let i = 0; i < 200; i++) await caller.case.track(last); // warm-up
  wall = performance.now();
  cpu = cpuMs();
  for (let i = 0; i < tracks; i++) await caller.case.track(last);
  const track = { perSecond: Math.round(tracks / ((performance.now() - wall) / 1000)), cpuMsEach: Number(((cpuMs() - cpu) / tracks).toFixed(3)) };
  // As before issue 11's database work: reads on the loop, one commit per write.
  const before = await Db.open({ url: `file:${join(dir, 'bench.db')}`, readers: 0, groupCommit: { maxMembers: 1, maxMs: 0 } });
  try {
    const parallel = { now: await concurrentSubmissions(db), before: await concurrentSubmissions(before) };
    const rawInserts = rawDurableInserts(dir, 3);
    const trackBefore = await trackEach(before, last);
    const trackNow = await trackEach(db, last);
    console.log(
      JSON.stringify({
        usedProofs,
        submissions,
        tracks,
        submit,
        track,
        concurrent: { connections, rawInsertsPerSecond: rawInserts, ...parallel },
        trackNow,
        trackBefore,
      }),
    );
  } finally {
    before.close();
  }
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}

/** `concurrent` submissions by `connections` callers at once; commits counted (one write transaction each). */
async function concurrentSubmissions(target: Db) {
  const caller = createCaller(benchCitizenContext(target));
  const proofs: string[] = [];
  for (let i = 0; i < concurrent; i++) proofs.push(solveChallenge(await caller.case.challenge({ siteKey: DEMO_SITE_KEY })));
  let commits = 0;
  const writer = target.writer;
  if (!writer) throw new Error('citizen-path measures a local file: its Db has a writer connection');
  const begin = writer.begin.bind(writer);
  writer.begin = () => {
    commits++;
    return begin();
  };
  const wall = performance.now();
  const cpu = cpuMs();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      for (let proof = proofs.pop(); proof; proof = proofs.pop()) {
        await caller.case.submit({ ...input, idempotencyKey: randomBytes(16).toString('base64url'), proof });
      }
    }),
  );
  const seconds = (performance.now() - wall) / 1000;
  writer.begin = begin;
  return { perSecond: Math.round(concurrent / seconds), commits, cpuMsEach: Number(((cpuMs() - cpu) / concurrent).toFixed(3)) };
}

/** Sequential tracking lookups: per second and CPU (of every thread of the process) each. */
async function trackEach(target: Db, receipt: { reference: string; accessKey: string }) {
  const caller = createCaller(benchCitizenContext(target));
  for (let i = 0; i < 200; i++) await caller.case.track(receipt); // warm-up
  const wall = performance.now();
  const cpu = cpuMs();
  for (let i = 0; i < tracks; i++) await caller.case.track(receipt);
  return { perSecond: Math.round(tracks / ((performance.now() - wall) / 1000)), cpuMsEach: Number(((cpuMs() - cpu) / tracks).toFixed(3)) };
}
