#!/usr/bin/env -S npx tsx
/**
 * pakn start    migrate, seed demo data into an empty database, serve everything, print where to click
 * pakn migrate  apply pending migrations and exit
 * pakn seed     seed demo data into an empty database and exit
 */
import { migrate, schemaVersion } from '@pakn/db';
import { ConfigError, parseEnv } from './env.ts';
import { DEMO_PASSWORD, DEMO_STAFF, seedDemo } from './seed.ts';
import { demoSiteOrigins, openDatabase, startSystem } from './server.ts';
import { ROLE_LABELS } from '@pakn/domain';

async function main(command: string): Promise<void> {
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
      const db = await openDatabase(config);
      const applied = await migrate(db);
      console.log(`Applied ${applied.length} migration(s); schema version ${await schemaVersion(db)}.`);
      db.close();
      return;
    }
    case 'seed': {
      const db = await openDatabase(config);
      await migrate(db);
      const seeded = await seedDemo(db, { demoSiteOrigins: demoSiteOrigins(config), now: new Date() });
      console.log(seeded ? 'Demo data seeded.' : 'The database already has staff: nothing seeded.');
      db.close();
      return;
    }
    default:
      console.error(`Unknown command "${command}". Use: start | migrate | seed`);
      process.exit(2);
  }
}

main(process.argv[2] ?? 'start').catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('[pakn] failed to start:', error);
  process.exit(1);
});
