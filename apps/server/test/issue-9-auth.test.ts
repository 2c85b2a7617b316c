import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db, migrate } from '@pakn/db';
import type { PaknApp } from '../src/app.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { parseEnv } from '../src/env.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/seed.ts';
import { AssetDirectory } from '../src/static-assets.ts';

/** Issue 9 through HTTP: HSTS (defect 12), the login throttle's 429 (defect 3), live streams (defect 7). */

let assetsDir: string;
let db: Db;
let app: PaknApp;
let origin: string;
let clock: Date;

beforeAll(() => {
  assetsDir = mkdtempSync(join(tmpdir(), 'pakn-assets-'));
  mkdirSync(join(assetsDir, 'portal'), { recursive: true });
  mkdirSync(join(assetsDir, 'widget'), { recursive: true });
  writeFileSync(join(assetsDir, 'portal/index.html'), '<!doctype html><title>PAKN</title>');
});
afterAll(() => rmSync(assetsDir, { recursive: true, force: true }));
afterEach(() => db.close());

async function build(publicUrl: string, env: Record<string, string> = {}) {
  db = await Db.open({ url: ':memory:' });
  await migrate(db);
  clock = new Date();
  await seedDemo(db, { demoSiteOrigins: [], now: clock, withSampleCases: false });
  origin = new URL(publicUrl).origin;
  app = createApp({
    db,
    config: parseEnv({ PORT: '8080', PUBLIC_URL: publicUrl, PAKN_SECRET: 'http-test-secret-0123456789', LOG_LEVEL: 'silent', ...env }),
    now: () => clock,
    widgetAssets: new AssetDirectory(join(assetsDir, 'widget')),
    portalAssets: new AssetDirectory(join(assetsDir, 'portal')),
  });
}

function login(username: string, password: string, headers: Record<string, string> = {}) {
  return app.request('/trpc/auth.login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, 'x-pakn-csrf': '1', ...headers },
    body: JSON.stringify({ username, password }),
  });
}

describe('issue 9: HSTS', () => {
  it('tells browsers to keep to https on every response when the public URL is https', async () => {
    await build('https://pakn.hanoi.example');
    for (const path of ['/healthz', '/portal/', '/trpc/auth.me', '/no-such-page']) {
      const res = await app.request(path);
      expect(res.headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains');
    }
    expect((await login('tiepnhan', 'wrong-password')).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('sends no HSTS over plain http, where browsers ignore it anyway', async () => {
    await build('http://127.0.0.1:8080');
    expect((await app.request('/healthz')).headers.get('strict-transport-security')).toBeNull();
  });
});

describe('issue 9: login throttle over HTTP', () => {
  it('answers 429 with Retry-After and a Vietnamese message once an account is locked, even for the right password', async () => {
    await build('http://127.0.0.1:8080', { LOGIN_LOCK_AFTER_FAILURES: '3', LOGIN_LOCK_MINUTES: '20' });
    let refused = 0;
    for (let i = 0; refused < 3 && i < 10; i++) {
      const res = await login('tiepnhan', `wrong-${i}`);
      if (res.status === 401) refused++;
      else clock = new Date(clock.getTime() + Number(res.headers.get('retry-after')) * 1000);
    }
    expect(refused).toBe(3);
    const locked = await login('tiepnhan', DEMO_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(19 * 60);
    const body = (await locked.json()) as { error: { message: string; data: { reason: string } } };
    expect(body.error.data.reason).toBe('login_throttled');
    expect(body.error.message).toMatch(/^Đăng nhập tạm thời bị khóa/);
    clock = new Date(clock.getTime() + 21 * 60_000);
    expect((await login('tiepnhan', DEMO_PASSWORD)).status).toBe(200);
  });
});

describe('issue 9: sessions over HTTP', () => {
  it('reads the idle and absolute timeouts from the environment, and keeps SESSION_TTL_HOURS working', () => {
    expect(parseEnv({})).toMatchObject({ sessionIdleSeconds: 1800, sessionTtlSeconds: 12 * 3600 });
    expect(parseEnv({ SESSION_TTL_HOURS: '8' }).sessionTtlSeconds).toBe(8 * 3600);
    expect(parseEnv({ SESSION_ABSOLUTE_HOURS: '10', SESSION_TTL_HOURS: '8', SESSION_IDLE_MINUTES: '15' })).toMatchObject({
      sessionTtlSeconds: 10 * 3600,
      sessionIdleSeconds: 900,
    });
  });

  it('signs out a session idle for SESSION_IDLE_MINUTES', async () => {
    await build('http://127.0.0.1:8080', { SESSION_IDLE_MINUTES: '10' });
    const cookie = (await login('tiepnhan', DEMO_PASSWORD)).headers.get('set-cookie')?.split(';')[0] ?? '';
    const me = async () => ((await (await app.request('/trpc/auth.me', { headers: { cookie } })).json()) as { result: { data: unknown } }).result.data;
    clock = new Date(clock.getTime() + 9 * 60_000);
    expect(await me()).toMatchObject({ username: 'tiepnhan' });
    clock = new Date(clock.getTime() + 10 * 60_000);
    expect(await me()).toBeNull();
  });

  it('ends an open live stream when its session logs out in another tab', async () => {
    await build('http://127.0.0.1:8080');
    const cookie = (await login('tiepnhan', DEMO_PASSWORD)).headers.get('set-cookie')?.split(';')[0] ?? '';
    const stream = await app.request('/trpc/case.onChange', { headers: { cookie, accept: 'text/event-stream' } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readAll = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return 'closed';
        text += decoder.decode(value);
      }
    })();
    const logout = await app.request('/trpc/auth.logout', {
      method: 'POST',
      headers: { cookie, origin, 'x-pakn-csrf': '1', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(logout.status).toBe(200);
    // The guard only keeps a stream that never closes (the defect) from hanging the run; it measures nothing.
    const guard = new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 3000).unref());
    const ended = await Promise.race([readAll, guard]);
    if (ended !== 'closed') await reader.cancel();
    expect(ended).toBe('closed');
    expect(text).toContain('serialized-error');
    expect(text).toContain('UNAUTHORIZED');
  });
});
