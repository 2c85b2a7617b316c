/**
 * pnpm battery: the long part of the security and durability battery (issue 9), against a real server process
 * on 127.0.0.1. Phases (BATTERY_PHASES, comma-separated, default all):
 *   slowloris  1,000 slow sockets for 120 s while /healthz keeps p99 under 200 ms
 *   crash      5,000 submissions from 50 clients while the server is SIGKILLed 20 times
 *   faults     a full disk and a read-only database: 503, no acknowledgement, recovery without a restart
 *   soak       200 connections for 10 minutes: only 2xx and 429, acknowledged = rows, memory flat
 * Sizes and durations: BATTERY_SLOW_SOCKETS, BATTERY_SLOW_SECONDS, BATTERY_CRASH_SUBMISSIONS,
 * BATTERY_CRASH_CLIENTS, BATTERY_CRASH_KILLS, BATTERY_SOAK_SECONDS, BATTERY_SOAK_CONNECTIONS, BATTERY_SOAK_THINK_MS.
 * Ports BATTERY_PORT and BATTERY_PORT + 1 (default 18990). Writes BATTERY_OUT (default docs/battery.json) and
 * the same figures as a table next to it (.md). Exits non-zero when a goal is missed. Needs root for the faults
 * phase (mount, chattr).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { crash, type CrashResult } from './crash.ts';
import { faults, type FaultsResult } from './faults.ts';
import { env, log, ROOT, ServerProcess } from './harness.ts';
import { slowloris, type SlowlorisResult } from './slowloris.ts';
import { soak, type SoakResult } from './soak.ts';

const PHASES = ['slowloris', 'crash', 'faults', 'soak'] as const;
type Phase = (typeof PHASES)[number];

interface Report {
  date: string;
  commit: string;
  machine: string;
  note: string;
  settings: Record<string, number | string>;
  slowloris?: SlowlorisResult;
  crash?: CrashResult;
  faults?: FaultsResult;
  soak?: SoakResult;
  pass: boolean;
}

function commit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT }).toString().trim();
    return dirty ? `${sha} (with local changes)` : sha;
  } catch {
    return 'unknown';
  }
}

function markdown(r: Report): string {
  const yes = (b: boolean | undefined) => (b ? 'pass' : 'FAIL');
  const lines = [
    '# Battery: the long part (issue 9)',
    '',
    `Run on ${r.date} at commit ${r.commit}, by \`pnpm battery\` (as root). ${r.machine}.`,
    r.note,
    '',
    '| Phase | Goal | Measured | Result |',
    '| --- | --- | --- | --- |',
  ];
  const s = r.slowloris;
  if (s) {
    lines.push(
      `| Slow sockets | ${s.slowSockets} slow sockets for ${s.seconds} s, /healthz p99 < ${s.goalP99Ms} ms | ` +
        `/healthz p50 ${s.healthP50Ms} ms, p99 ${s.healthP99Ms} ms, max ${s.healthMaxMs} ms over ${s.probes} probes, ${s.probesFailed} failed ` +
        `(p99 before the attack ${s.baselineP99Ms} ms); up to ${s.maxOpenSlowSockets} slow sockets open at once, ` +
        `${s.slowSocketsClosedByServer} dropped by the server's header deadline and reopened | ${yes(s.pass)} |`,
    );
  }
  const c = r.crash;
  if (c) {
    lines.push(
      `| Crash durability | ${c.submissions} submissions, ${c.clients} clients, SIGKILL ${c.kills}×: every acknowledged reference stored with its content, no duplicate, integrity ok | ` +
        `${c.acknowledged} acknowledged in ${c.seconds} s (${c.retriesAfterErrors} retries through crashes), ${c.missingOrAltered} missing or altered, ` +
        `${c.duplicates} duplicates, ${c.unacknowledgedRows} stored but never acknowledged; replay of every key: ${c.replayedSameReference} same reference, ` +
        `${c.replayedDifferent} different; integrity_check ${c.integrityCheck}; slowest restart ${c.restartSecondsMax} s | ${yes(c.pass)} |`,
    );
  }
  const f = r.faults;
  if (f) {
    const one = (name: string, x: FaultsResult['diskFull']) =>
      x
        ? `${name}: ${x.refused503} × 503 storage_unavailable, ${x.acknowledged} stored and acknowledged before the space ran out, other answers ${JSON.stringify(x.otherStatuses)}, first submission after the fault cleared: ${x.firstSubmissionAfterRecovery}`
        : `${name}: not run`;
    lines.push(
      `| Full disk, read-only database | 503 with no acknowledgement, recovery without a restart | ` +
        (f.skipped
          ? `skipped: ${f.skipped}`
          : `${one('full tmpfs', f.diskFull)}; ${one('chattr +i', f.readOnly)}; ${f.acknowledgedMissing} acknowledged cases missing; integrity_check ${f.integrityCheck}; restarts ${f.serverRestarts}`) +
        ` | ${yes(f.pass)} |`,
    );
  }
  const k = r.soak;
  if (k) {
    const rss = k.rssMb.map((x) => `${x.atSeconds}s ${x.rssMb}`).join(', ');
    lines.push(
      `| Soak | ${k.connections} connections for ${k.seconds} s: only 2xx and 429, acknowledged = rows, memory flat | ` +
        `${k.requests} requests (${k.requestsPerSecond}/s), statuses ${JSON.stringify(k.statuses)} (by call: ${JSON.stringify(k.byOperation)}), ${k.networkErrors} network errors ` +
        `(${k.keepAliveRaceRetries} calls sent again after the server closed an idle keep-alive socket under them); ` +
        `${k.acknowledged} acknowledged, ${k.newSubmissionRows} new rows, ${k.acknowledgedMissing} missing; server RSS MB every 30 s: ${rss} (growth after warm-up ${k.rssGrowthMb} MB) | ${yes(k.pass)} |`,
    );
  }
  lines.push('', `Overall: ${r.pass ? 'pass' : 'FAIL'}. Raw figures: [battery.json](battery.json).`, '');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const wanted = (process.env.BATTERY_PHASES ?? PHASES.join(',')).split(',').map((p) => p.trim()) as Phase[];
  for (const p of wanted) if (!PHASES.includes(p)) throw new Error(`unknown phase ${p}; use ${PHASES.join(',')}`);
  const port = env('BATTERY_PORT', 18990);
  const out = resolve(ROOT, process.env.BATTERY_OUT ?? 'docs/battery.json');
  const work = mkdtempSync(join(tmpdir(), 'pakn-battery-'));
  const report: Report = {
    date: new Date().toISOString(),
    commit: commit(),
    machine: `${cpus().length} CPU cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`,
    note:
      'The machine is shared (other sessions and CI may run beside the battery): latencies are an upper bound. ' +
      'In the slow-socket, crash and fault phases citizen rate limits are off (0) and the proof of work is easy (POW_MAX_NUMBER=10), so that they load the server rather than its quotas; ' +
      'the soak runs with the production limits and proof of work, each connection from its own loopback address; ' +
      'client and server share the same cores.',
    settings: Object.fromEntries(
      Object.entries(process.env)
        .filter(([k]) => k.startsWith('BATTERY_'))
        .map(([k, v]) => [k, v ?? '']),
    ),
    pass: false,
  };
  const passes: boolean[] = [];
  try {
    for (const phase of wanted) {
      const databasePath = join(work, `${phase}.db`);
      const limits = phase === 'soak' && process.env.BATTERY_SOAK_LIMITS !== 'off' ? 'production' : 'off';
      const server = new ServerProcess({ port, databasePath, limits });
      try {
        if (phase === 'faults') {
          report.faults = await faults(port + 1, work);
          passes.push(report.faults.pass);
        } else {
          await server.start();
          if (phase === 'slowloris') {
            report.slowloris = await slowloris(server);
            passes.push(report.slowloris.pass);
          } else if (phase === 'crash') {
            report.crash = await crash(server);
            passes.push(report.crash.pass);
          } else {
            report.soak = await soak(server);
            passes.push(report.soak.pass);
          }
        }
        log(`${phase}: ${JSON.stringify(report[phase])}`);
      } finally {
        await server.stop();
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  report.pass = passes.length === wanted.length && passes.every(Boolean);
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(out.replace(/\.json$/, '.md'), markdown(report));
  log(`wrote ${out}: ${report.pass ? 'pass' : 'FAIL'}`);
  process.exitCode = report.pass ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error('[battery] failed:', error);
  process.exitCode = 1;
});
