/**
 * The server as the HTTP tests see it: a seeded in-memory database, the demo site and staff, tiny built assets,
 * and `app.request()` (no socket). Shared by the issue 9 tests; not a test file itself.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db, migrate } from '@pakn/db';
import type { PaknApp } from '../src/app.ts';
import { createApp } from '../src/app.ts';
import { parseEnv } from '../src/env.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/seed.ts';
import { AssetDirectory } from '../src/static-assets.ts';

export const OWN = 'http://127.0.0.1:8080';
export const WARD = 'http://127.0.0.1:8081';

export interface Harness {
  readonly app: PaknApp;
  readonly db: Db;
  /** A session cookie (`pakn_session=…`) of a demo staff member. */
  login(username?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}, options: { withSampleCases?: boolean } = {}): Promise<Harness> {
  const assetsDir = mkdtempSync(join(tmpdir(), 'pakn-assets-'));
  mkdirSync(join(assetsDir, 'widget/v1/assets'), { recursive: true });
  mkdirSync(join(assetsDir, 'portal/assets'), { recursive: true });
  writeFileSync(join(assetsDir, 'widget/v1/loader.js'), '/* loader */');
  writeFileSync(join(assetsDir, 'widget/v1/hosted.html'), '<!doctype html><title>Phản ánh</title>');
  writeFileSync(join(assetsDir, 'widget/v1/frame.html'), '<!doctype html><title>frame</title>');
  writeFileSync(join(assetsDir, 'portal/index.html'), '<!doctype html><title>PAKN</title>');
  const db = await Db.open({ url: ':memory:' });
  await migrate(db);
  await seedDemo(db, { demoSiteOrigins: [WARD], now: new Date(), withSampleCases: options.withSampleCases ?? false });
  const config = parseEnv({ PORT: '8080', POW_MAX_NUMBER: '100', PAKN_SECRET: 'http-test-secret-0123456789', LOG_LEVEL: 'silent', ...env });
  const app = createApp({
    db,
    config,
    widgetAssets: new AssetDirectory(join(assetsDir, 'widget')),
    portalAssets: new AssetDirectory(join(assetsDir, 'portal')),
  });
  return {
    app,
    db,
    async login(username = 'tiepnhan') {
      const res = await app.request('/trpc/auth.login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: OWN, 'x-pakn-csrf': '1' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login as ${username} answered ${res.status}`);
      return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    },
    async close() {
      db.close();
      rmSync(assetsDir, { recursive: true, force: true });
    },
  };
}
