/**
 * The citizen path in-process (issue 11): CPU and wall time per submission and per tracking lookup, on a
 * temporary file database with the production durability settings, with `used_proofs` holding the rows that
 * sustained traffic leaves (100 submissions a second, proofs valid for 10 minutes: 60,000 rows).
 *
 *   pnpm --filter @pakn/bench exec tsx citizen-path.ts [--proofs 60000] [--submissions 300] [--tracks 3000]
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

const { values } = parseArgs({
  options: { proofs: { type: 'string', default: '60000' }, submissions: { type: 'string', default: '300' }, tracks: { type: 'string', default: '3000' } },
});
const usedProofs = Number(values.proofs);
const submissions = Number(values.submissions);
const tracks = Number(values.tracks);

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
  const input = {
    siteKey: DEMO_SITE_KEY,
    category: 'late_result' as const,
    description: 'Hồ sơ của tôi bị trả muộn 10 ngày so với giấy hẹn, đề nghị Trung tâm xem xét.',
  };

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
  console.log(JSON.stringify({ usedProofs, submissions, tracks, submit, track }));
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
