/**
 * issue 9: a full disk or a read-only database answers 503 with no acknowledgement, and the next request after
 * the fault clears succeeds without a restart. The faults are made on the one connection the server holds:
 * `PRAGMA max_page_count` stands for a full disk (SQLITE_FULL) and `PRAGMA query_only` for a read-only file
 * (SQLITE_READONLY). The long battery (`pnpm battery`) does the same with a real full tmpfs and a remount.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Db, migrate } from '@pakn/db';
import type { PaknApp } from '../src/app.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { parseEnv } from '../src/env.ts';
import { DEMO_SITE_KEY, seedDemo } from '../src/seed.ts';
import { AssetDirectory } from '../src/static-assets.ts';
import { solveChallenge } from '@pakn/api';

const WARD = 'http://127.0.0.1:8081';
/** Over one page, for the same reason as the long description below. */
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array<number>(8192).fill(0)]);

let dir: string;
let db: Db;
let app: PaknApp;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pakn-faults-'));
  mkdirSync(join(dir, 'assets/widget'), { recursive: true });
  mkdirSync(join(dir, 'assets/portal'), { recursive: true });
  writeFileSync(join(dir, 'assets/portal/index.html'), '<!doctype html><title>PAKN</title>');
  // A real file: the faults under test are the file's (WAL, page count), not an in-memory database's.
  db = await Db.open({ url: `file:${join(dir, 'pakn.db')}` });
  await migrate(db);
  await seedDemo(db, { demoSiteOrigins: [WARD], now: new Date(), withSampleCases: false });
  const config = parseEnv({ PORT: '8080', POW_MAX_NUMBER: '100', PAKN_SECRET: 'faults-test-secret-0123456789', LOG_LEVEL: 'silent' });
  app = createApp({
    db,
    config,
    widgetAssets: new AssetDirectory(join(dir, 'assets/widget')),
    portalAssets: new AssetDirectory(join(dir, 'assets/portal')),
  });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: WARD, ...headers },
    body: JSON.stringify(body),
  });
}

async function proof(): Promise<string> {
  const res = await post('/trpc/case.challenge', { siteKey: DEMO_SITE_KEY });
  expect(res.status).toBe(200);
  const challenge = ((await res.json()) as { result: { data: { challenge: string; salt: string; maxnumber: number } } }).result.data;
  return solveChallenge(challenge);
}

async function report(idempotencyKey = randomBytes(16).toString('base64url')) {
  return {
    siteKey: DEMO_SITE_KEY,
    category: 'late_result',
    // Over one page (4 KiB): the case needs a new page whatever room its table's pages have left.
    description: `Hồ sơ của tôi bị trả muộn so với giấy hẹn. ${'Đề nghị Trung tâm xem xét. '.repeat(150)}`,
    idempotencyKey,
    proof: await proof(),
  };
}

async function caseCount(): Promise<number> {
  const result = await db.execute('SELECT COUNT(*) AS n FROM cases');
  return Number(result.rows[0]?.n);
}

/**
 * Caps the file at its current size and fills what room is left in its pages, down to single bytes: the next
 * write that needs space is refused with SQLITE_FULL, as on a full disk.
 */
async function fillDisk(): Promise<void> {
  await db.execute('CREATE TABLE IF NOT EXISTS test_filler (x BLOB)');
  const pages = Number((await db.execute('PRAGMA page_count')).rows[0]?.page_count);
  await db.execute(`PRAGMA max_page_count = ${pages}`);
  for (const size of [4000, 1000, 200, 50, 10, 1]) {
    for (;;) {
      try {
        await db.execute(`INSERT INTO test_filler VALUES (randomblob(${size}))`);
      } catch {
        break;
      }
    }
  }
}

async function freeDisk(): Promise<void> {
  await db.execute('PRAGMA max_page_count = 1073741823');
}

function expectStorageUnavailable(status: number, text: string, language: 'vi' | 'en'): void {
  expect(status).toBe(503);
  const body = JSON.parse(text) as unknown;
  expect(JSON.stringify(body)).toContain('storage_unavailable');
  expect(text).toContain(language === 'vi' ? 'tạm thời không lưu được' : 'cannot save anything right now');
  // An acknowledgement is a reference and an access key: neither may appear in a refusal.
  expect(text).not.toMatch(/reference|accessKey/);
  expect(text).not.toMatch(/SQLITE|stack|\.ts\b|node_modules/);
}

describe('issue 9: a full disk and a read-only database', () => {
  it('answers a submission with 503 and no acknowledgement when the disk is full, and takes the retry once it has room', async () => {
    const before = await caseCount();
    const input = await report();
    await fillDisk();
    const refused = await post('/trpc/case.submit', input);
    expectStorageUnavailable(refused.status, await refused.text(), 'vi');
    expect(await caseCount()).toBe(before);

    // Same process, no restart: the citizen's retry with the same key and proof goes through.
    await freeDisk();
    const accepted = await post('/trpc/case.submit', input);
    expect(accepted.status).toBe(200);
    const receipt = ((await accepted.json()) as { result: { data: { reference: string; accessKey: string } } }).result.data;
    expect(receipt.reference).toMatch(/\d/);
    expect(await caseCount()).toBe(before + 1);
    const again = await post('/trpc/case.submit', input);
    expect(((await again.json()) as { result: { data: { reference: string } } }).result.data.reference).toBe(receipt.reference);
    expect(await caseCount()).toBe(before + 1);
  });

  it('answers 503 in English when asked, for a read-only database, and recovers without a restart', async () => {
    const before = await caseCount();
    const input = await report();
    await db.execute('PRAGMA query_only = ON');
    const refused = await post('/trpc/case.submit', input, { 'x-pakn-lang': 'en' });
    expectStorageUnavailable(refused.status, await refused.text(), 'en');
    await db.execute('PRAGMA query_only = OFF');
    expect(await caseCount()).toBe(before);
    const accepted = await post('/trpc/case.submit', input);
    expect(accepted.status).toBe(200);
    expect(await caseCount()).toBe(before + 1);
  });

  it("answers 503 on a REST route (a citizen's upload) when the disk is full, and 201 once it has room", async () => {
    const upload = () =>
      app.request('/api/v1/attachments', {
        method: 'POST',
        headers: { origin: WARD, 'content-type': 'application/octet-stream', 'x-pakn-site': DEMO_SITE_KEY, 'x-pakn-filename': 'anh.png' },
        body: PNG,
      });
    await fillDisk();
    const refused = await upload();
    expectStorageUnavailable(refused.status, await refused.text(), 'vi');
    await freeDisk();
    expect((await upload()).status).toBe(201);
  });

  it('leaves no transaction open after a failed write: a batch of faults, then every write succeeds', async () => {
    await fillDisk();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post('/trpc/case.submit', await report())).status);
    expect(statuses).toEqual([503, 503, 503, 503, 503]);
    await freeDisk();
    for (let i = 0; i < 5; i++) statuses.push((await post('/trpc/case.submit', await report())).status);
    expect(statuses.slice(5)).toEqual([200, 200, 200, 200, 200]);
    const health = await app.request('/healthz');
    expect(health.status).toBe(200);
  });
});
