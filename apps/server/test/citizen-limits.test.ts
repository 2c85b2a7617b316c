/**
 * Issue 9: the citizens' limits through HTTP: every knob comes from the environment, refusals are 429 with a
 * message in the citizen's language, and the rising proof-of-work difficulty can be switched off (end-to-end).
 */
import { createHash, randomBytes } from 'node:crypto';
import { Db, migrate } from '@pakn/db';
import type { PaknApp } from '../src/app.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { ConfigError, parseEnv } from '../src/env.ts';
import { DEMO_SITE_KEY, seedDemo } from '../src/seed.ts';
import { AssetDirectory } from '../src/static-assets.ts';

const WARD = 'http://127.0.0.1:8081';
let db: Db | undefined;
afterEach(() => db?.close());

async function build(env: Record<string, string>): Promise<PaknApp> {
  db = await Db.open({ url: ':memory:' });
  await migrate(db);
  await seedDemo(db, { demoSiteOrigins: [WARD], now: new Date(), withSampleCases: false });
  // The trusted header stands for a reverse proxy here, so that requests can come from several addresses.
  const config = parseEnv({
    PORT: '8080',
    POW_MAX_NUMBER: '100',
    PAKN_SECRET: 'http-test-secret-0123456789',
    LOG_LEVEL: 'silent',
    CLIENT_ADDRESS_HEADER: 'x-real-ip',
    ...env,
  });
  return createApp({ db, config, widgetAssets: new AssetDirectory('/nonexistent'), portalAssets: new AssetDirectory('/nonexistent') });
}

function challenge(app: PaknApp, address: string, lang = 'vi') {
  return app.request('/trpc/case.challenge', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: WARD, 'x-real-ip': address, 'x-pakn-lang': lang },
    body: JSON.stringify({ siteKey: DEMO_SITE_KEY }),
  });
}

/** Fetches a challenge, solves it and submits a report, all from `address`, as the widget does. */
async function submit(app: PaknApp, address: string, lang = 'vi') {
  const headers = { 'content-type': 'application/json', origin: WARD, 'x-real-ip': address, 'x-pakn-lang': lang };
  const c = ((await (await challenge(app, address)).json()) as { result: { data: { challenge: string; salt: string; maxnumber: number } } }).result.data;
  let number = 0;
  while (
    createHash('sha256')
      .update(c.salt + number)
      .digest('hex') !== c.challenge
  )
    number++;
  const proof = Buffer.from(JSON.stringify({ ...c, number })).toString('base64');
  const report = {
    siteKey: DEMO_SITE_KEY,
    category: 'late_result',
    description: 'Hồ sơ của tôi bị trả muộn 7 ngày so với giấy hẹn.',
    idempotencyKey: randomBytes(16).toString('base64url'),
    proof,
  };
  return app.request('/trpc/case.submit', { method: 'POST', headers, body: JSON.stringify(report) });
}

type Answer = { result?: { data: { maxnumber: number } }; error?: { message: string; data: { reason: string } } };

describe('issue 9: citizen limits from the environment', () => {
  it('has defaults for every limit, and refuses a hard ceiling below the soft one', () => {
    const config = parseEnv({});
    expect(config.limits).toEqual({
      submitsPerAddress: 20,
      submitsPerPrefix: 60,
      submitsGlobal: 2000,
      submitsGlobalHard: 10_000,
      tracksPerAddress: 120,
      tracksPerPrefix: 600,
      challengesPerAddress: 60,
      challengesPerPrefix: 300,
      uploadsPerAddress: 60,
      uploadsPerPrefix: 300,
      statisticsPerAddress: 600,
      statisticsPerPrefix: 3000,
    });
    expect(config.powMaxMultiplier).toBe(16);
    expect(config.powFreeChallenges).toEqual({ perAddress: 5, perPrefix: 20 });
    expect(() => parseEnv({ RATE_LIMIT_SUBMITS_GLOBAL_PER_HOUR: '5000', RATE_LIMIT_SUBMITS_GLOBAL_HARD_PER_HOUR: '4000' })).toThrow(ConfigError);
    expect(() => parseEnv({ POW_MAX_MULTIPLIER: '0' })).toThrow(/POW_MAX_MULTIPLIER/);
    expect(parseEnv({ RATE_LIMIT_SUBMITS_GLOBAL_PER_HOUR: '0' }).limits.submitsGlobalHard).toBe(10_000);
  });

  it('limits challenges per address and per /24 as configured, with a 429 in Vietnamese or English', async () => {
    const app = await build({ RATE_LIMIT_CHALLENGES_PER_HOUR: '2', RATE_LIMIT_CHALLENGES_PER_PREFIX_PER_HOUR: '3' });
    expect((await challenge(app, '198.51.100.7')).status).toBe(200);
    expect((await challenge(app, '198.51.100.7')).status).toBe(200);
    const vi = await challenge(app, '198.51.100.7');
    expect(vi.status).toBe(429);
    const refused = (await vi.json()) as Answer;
    expect(refused.error?.data.reason).toBe('rate_limited');
    expect(refused.error?.message).toBe('Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.');
    // A fresh address of the same /24 gets the one left to the /24, then is refused too.
    expect((await challenge(app, '198.51.100.8')).status).toBe(200);
    const en = await challenge(app, '198.51.100.9', 'en');
    expect(en.status).toBe(429);
    expect(((await en.json()) as Answer).error?.message).toBe('Too many requests. Please try again in a few minutes.');
    expect((await challenge(app, '203.0.113.9')).status).toBe(200);
  });

  it('raises the difficulty for a busy source, unless POW_MAX_MULTIPLIER is 1', async () => {
    const rising = await build({});
    const seen: number[] = [];
    for (let i = 0; i < 12; i++) seen.push(((await (await challenge(rising, '198.51.100.7')).json()) as Answer).result?.data.maxnumber ?? 0);
    expect(seen.slice(0, 5)).toEqual([100, 100, 100, 100, 100]);
    expect(seen.slice(10)).toEqual([400, 400]);
    db?.close();
    const fixed = await build({ POW_MAX_MULTIPLIER: '1' });
    for (let i = 0; i < 12; i++) expect(((await (await challenge(fixed, '127.0.0.1')).json()) as Answer).result?.data.maxnumber).toBe(100);
  });

  it('raises the difficulty after POW_FREE_CHALLENGES_PER_HOUR challenges from an address (issue 11)', async () => {
    const app = await build({ POW_FREE_CHALLENGES_PER_HOUR: '2', POW_FREE_CHALLENGES_PER_PREFIX_PER_HOUR: '100' });
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) seen.push(((await (await challenge(app, '198.51.100.7')).json()) as Answer).result?.data.maxnumber ?? 0);
    expect(seen).toEqual([100, 100, 200, 200, 400]);
    expect(() => parseEnv({ POW_FREE_CHALLENGES_PER_HOUR: '0' })).toThrow(/POW_FREE_CHALLENGES_PER_HOUR/);
  });

  it('sheds the network that filled the soft ceiling with a 429 that says the system is busy, and accepts a fresh one', async () => {
    const app = await build({ RATE_LIMIT_SUBMITS_GLOBAL_PER_HOUR: '3', RATE_LIMIT_SUBMITS_GLOBAL_HARD_PER_HOUR: '100' });
    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) expect((await submit(app, address)).status).toBe(200);
    const vi = await submit(app, '198.51.100.4');
    expect(vi.status).toBe(429);
    const refused = (await vi.json()) as Answer;
    expect(refused.error?.data.reason).toBe('server_busy');
    expect(refused.error?.message).toMatch(/^Hệ thống đang nhận quá nhiều phản ánh cùng lúc\./);
    expect(((await (await submit(app, '198.51.100.5', 'en')).json()) as Answer).error?.message).toMatch(/^The system is receiving too many reports at once\./);
    expect((await submit(app, '203.0.113.9')).status).toBe(200);
    expect((await submit(app, '2001:db8:1:2::3')).status).toBe(200);
  });
});
