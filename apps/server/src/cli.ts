#!/usr/bin/env -S npx tsx
/**
 * pakn start    migrate, seed demo data into an empty database, serve everything, print where to click
 * pakn migrate  apply pending migrations and exit
 * pakn seed     seed demo data into an empty database and exit
 * pakn audit-verify [--database URL|PATH] [--checkpoints PATH]
 *               verify the audit chain with the configured keys against the checkpoint file, offline;
 *               exit 1 when anything is wrong
 */
import { Db, migrate, readCheckpointFile, schemaVersion, verifyAuditChain } from '@pakn/db';
import { loadAuditKeyring } from './audit-keys.ts';
import { ConfigError, parseEnv } from './env.ts';
import { createLogger } from './logger.ts';
import { DEMO_PASSWORD, DEMO_STAFF, seedDemo } from './seed.ts';
import { demoSiteOrigins, openDatabase, startSystem } from './server.ts';
import { ROLE_LABELS } from '@pakn/domain';

/** `--database x --checkpoints y` as environment overrides. */
function options(args: readonly string[]): Record<string, string> {
  const names: Readonly<Record<string, string>> = { '--database': 'DATABASE_URL', '--checkpoints': 'AUDIT_CHECKPOINT_FILE' };
  const overrides: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = names[args[i] ?? ''];
    const value = args[i + 1];
    if (!name || value === undefined) throw new ConfigError(`Unknown or incomplete option "${args[i] ?? ''}": use --database URL|PATH --checkpoints PATH`);
    overrides[name] = name === 'DATABASE_URL' && !/^[a-z]+:/.test(value) ? `file:${value}` : value;
  }
  return overrides;
}

async function auditVerify(args: readonly string[]): Promise<void> {
  const config = parseEnv(undefined, options(args));
  // Never makes a key: a verifier without the real key must say so, not sign with a new one.
  const db = await Db.open({ ...config.database, auditKeys: loadAuditKeyring(config, { createKeyFile: false }) });
  try {
    const checkpoints = await readCheckpointFile(config.audit.checkpointFile);
    const result = await verifyAuditChain(db, { checkpoints, requireCheckpoints: true });
    console.log(`Database:    ${config.database.url}`);
    console.log(`Checkpoints: ${config.audit.checkpointFile}`);
    console.log(`Rows: ${result.rows}, verified: ${result.checked}, keyed from seq ${result.keyedFromSeq ?? '-'}`);
    console.log(
      result.lastCheckpoint
        ? `Last checkpoint: seq ${result.lastCheckpoint.seq} at ${result.lastCheckpoint.at} (${result.lastCheckpoint.count} rows)`
        : 'No valid checkpoint.',
    );
    for (const p of result.problems)
      console.log(`BROKEN ${p.kind}${p.seq === null ? '' : ` seq ${p.seq}`}${p.line === null ? '' : ` checkpoint line ${p.line}`}`);
    console.log(result.ok ? 'The audit log is intact.' : 'The audit log was altered.');
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    db.close();
  }
}

async function main(command: string): Promise<void> {
  if (command === 'audit-verify') return auditVerify(process.argv.slice(3));
  const config = parseEnv();
  switch (command) {
    case 'start': {
      const system = await startSystem(config);
      const { urls } = system;
      const lines = [
        '',
        'PAKN is running.',
        '',
        `  Demo ward website (the widget, cross-origin): ${urls.demoSite ?? '(off: DEMO_SITE_PORT=0)'}`,
        `  Staff portal:                                 ${urls.portal}`,
        `  Dashboard (Director, officers, inspectors):   ${urls.dashboard}`,
        `  Public statistics (no login):                 ${urls.statistics}`,
        `  Widget loader:                                ${urls.loader}`,
        `  Health:                                       ${urls.health}`,
        `  Database:                                     ${config.database.url}${system.seeded ? ' (demo data seeded)' : ''}`,
        '',
        `  Demo logins (password for all: ${DEMO_PASSWORD}):`,
        ...DEMO_STAFF.map((s) => `    ${s.username.padEnd(18)} ${ROLE_LABELS[s.role].vi} / ${ROLE_LABELS[s.role].en}`),
        '',
        'Press Ctrl+C to stop.',
      ];
      console.log(lines.join('\n'));
      const stop = () => {
        void system.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return;
    }
    case 'migrate': {
      const db = await openDatabase(config, createLogger(config.logLevel));
      const applied = await migrate(db);
      console.log(`Applied ${applied.length} migration(s); schema version ${await schemaVersion(db)}.`);
      db.close();
      return;
    }
    case 'seed': {
      const db = await openDatabase(config, createLogger(config.logLevel));
      await migrate(db);
      const seeded = await seedDemo(db, { demoSiteOrigins: demoSiteOrigins(config), now: new Date() });
      console.log(seeded ? 'Demo data seeded.' : 'The database already has staff: nothing seeded.');
      db.close();
      return;
    }
    default:
      console.error(`Unknown command "${command}". Use: start | migrate | seed | audit-verify`);
      process.exit(2);
  }
}

main(process.argv[2] ?? 'start').catch((error: unknown) => {
  // A bad setting is for the person at the terminal; any other failure goes to the log like the server's.
  if (error instanceof ConfigError) console.error(error.message);
  else createLogger('fatal').fatal({ err: error }, 'failed to start');
  process.exit(1);
});
