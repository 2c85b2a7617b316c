import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Db, migrate } from '@pakn/db';
import type { PaknApp } from '../src/app.ts';
import { expect } from 'vitest';
import { createApp } from '../src/app.ts';
import { parseEnv } from '../src/env.ts';
import type { Logger } from '../src/logger.ts';
import { DEMO_PASSWORD, DEMO_SITE_KEY, seedDemo } from '../src/seed.ts';
import { AssetDirectory } from '../src/static-assets.ts';
import { solveChallenge } from '@pakn/api';

/** The portal's own origin (PORT 8080) and the demo ward's site, as in http.test.ts. */
export const OWN = 'http://127.0.0.1:8080';
export const WARD = 'http://127.0.0.1:8081';

/** A fresh in-memory database with the demo organisation, and the app over it. */
export class HttpFixture {
  private constructor(
    readonly db: Db,
    readonly app: PaknApp,
    private readonly assetsDir: string,
  ) {}

  static async create(env: Record<string, string> = {}, options: { withSampleCases?: boolean; logger?: Logger } = {}): Promise<HttpFixture> {
    const assetsDir = mkdtempSync(join(tmpdir(), 'pakn-assets-'));
    mkdirSync(join(assetsDir, 'widget'), { recursive: true });
    mkdirSync(join(assetsDir, 'portal'), { recursive: true });
    const db = await Db.open({ url: ':memory:' });
    await migrate(db);
    await seedDemo(db, { demoSiteOrigins: [WARD], now: new Date(), withSampleCases: options.withSampleCases ?? false });
    const app = createApp({
      db,
      config: parseEnv({ PORT: '8080', POW_MAX_NUMBER: '100', PAKN_SECRET: 'http-test-secret-0123456789', LOG_LEVEL: 'silent', ...env }),
      widgetAssets: new AssetDirectory(join(assetsDir, 'widget')),
      portalAssets: new AssetDirectory(join(assetsDir, 'portal')),
      ...(options.logger ? { logger: options.logger } : {}),
    });
    return new HttpFixture(db, app, assetsDir);
  }

  close(): void {
    this.db.close();
    rmSync(this.assetsDir, { recursive: true, force: true });
  }

  post(path: string, body: unknown, headers: Record<string, string> = {}) {
    return this.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  /** A staff call from the portal: its origin, the anti-CSRF header, the session cookie. */
  staffPost(path: string, body: unknown, cookie: string) {
    return this.post(path, body, { origin: OWN, 'x-pakn-csrf': '1', cookie });
  }

  /** A staff download as the portal makes it (issue 9): a POST from its own origin with the anti-CSRF header, no body. */
  staffDownload(path: string, cookie: string) {
    return this.app.request(path, { method: 'POST', headers: { origin: OWN, 'x-pakn-csrf': '1', cookie } });
  }

  async login(username = 'tiepnhan'): Promise<string> {
    const res = await this.post('/trpc/auth.login', { username, password: DEMO_PASSWORD }, { origin: OWN, 'x-pakn-csrf': '1' });
    expect(res.status).toBe(200);
    return res.headers.get('set-cookie')?.split(';')[0] ?? '';
  }

  async query<T>(path: string, input: unknown, cookie: string): Promise<T> {
    const res = await this.app.request(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } });
    expect(res.status, path).toBe(200);
    return ((await res.json()) as { result: { data: T } }).result.data;
  }

  /** Asks for a challenge and solves it, as the widget does. */
  async proof(): Promise<string> {
    const res = await this.post('/trpc/case.challenge', { siteKey: DEMO_SITE_KEY }, { origin: WARD });
    const challenge = ((await res.json()) as { result: { data: { challenge: string; salt: string; maxnumber: number } } }).result.data;
    return solveChallenge(challenge);
  }

  async report(extra: Record<string, unknown> = {}) {
    return {
      siteKey: DEMO_SITE_KEY,
      category: 'late_result',
      description: 'Hồ sơ đăng ký kết hôn của tôi bị trả muộn 7 ngày so với giấy hẹn.',
      idempotencyKey: randomBytes(16).toString('base64url'),
      proof: await this.proof(),
      ...extra,
    };
  }

  /** A citizen's submission from the ward's site: its receipt. */
  async submit(extra: Record<string, unknown> = {}): Promise<{ reference: string; accessKey: string }> {
    const res = await this.post('/trpc/case.submit', await this.report(extra), { origin: WARD });
    expect(res.status).toBe(200);
    return ((await res.json()) as { result: { data: { reference: string; accessKey: string } } }).result.data;
  }

  async caseId(reference: string, cookie: string): Promise<string> {
    // By its reference, among every case (the inbox is a page of them).
    return (await this.query<{ id: string }>('case.findByReference', { reference }, cookie)).id;
  }

  /** A case of the demo ward, forwarded, approved and acknowledged: its handler can answer. */
  async caseInProgress() {
    const receipt = await this.submit();
    const officer = await this.login('tiepnhan');
    const caseId = await this.caseId(receipt.reference, officer);
    expect((await this.staffPost('/trpc/case.classify', { caseId, scope: 'in', category: 'late_result' }, officer)).status).toBe(200);
    expect((await this.staffPost('/trpc/case.draftForwarding', { caseId, unitId: 'ward-hoan-kiem', confirmSelfReview: true }, officer)).status).toBe(200);
    expect((await this.staffPost('/trpc/case.approveForwarding', { caseId }, await this.login('giamdoc'))).status).toBe(200);
    const handler = await this.login('xuly.hoankiem');
    expect((await this.staffPost('/trpc/case.acknowledge', { caseId }, handler)).status).toBe(200);
    return { caseId, receipt, officer, handler };
  }

  async count(sql: string): Promise<number> {
    return Number((await this.db.execute(sql)).rows[0]?.[0] ?? 0);
  }
}

/** The name a download is saved under: `filename*` (RFC 6266), else the plain `filename`. */
export function savedName(res: Response): string {
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (star) return decodeURIComponent(star);
  return /filename="([^"]*)"/i.exec(disposition)?.[1] ?? '';
}
