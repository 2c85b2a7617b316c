import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertUnit } from '@pakn/db';
import { DEMO_STAFF } from '../src/seed.ts';
import { HttpFixture, WARD } from './http-fixture.ts';

/**
 * Issue 12: the public statistics over HTTP. The page in both languages with its own headers and no cookie, the
 * JSON any origin may read, HTTP caching (ETag, 304), the per-source limit, and nothing that names a person.
 */
let f: HttpFixture;
afterEach(() => f.close());

describe('the public statistics page and JSON', () => {
  beforeEach(async () => {
    f = await HttpFixture.create();
  });

  it('serves /thong-ke in Vietnamese and /en/statistics in English, without script, cookie or login', async () => {
    const vi = await f.app.request('/thong-ke?period=year&group=local');
    expect(vi.status).toBe(200);
    const html = await vi.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Thống kê giải quyết phản ánh, kiến nghị');
    expect(html).toContain('<option value="year" selected>Năm nay</option>');
    expect(html).toContain('UBND phường Hoàn Kiếm');
    expect(html).not.toContain('<script');
    // The portal's icon (img-src 'self'): a browser would otherwise ask for /favicon.ico, which is not one.
    expect(html).toContain('<link rel="icon" href="/portal/favicon.svg" type="image/svg+xml">');
    expect(vi.headers.get('content-security-policy')).toContain("script-src 'none'");
    expect(vi.headers.get('x-frame-options')).toBe('DENY');
    expect(vi.headers.get('set-cookie')).toBeNull();

    const en = await f.app.request('/en/statistics');
    expect(await en.text()).toContain('<html lang="en">');
    const css = await f.app.request('/thong-ke/statistics.css');
    expect(css.headers.get('content-type')).toContain('text/css');
  });

  it('escapes a unit name that holds markup', async () => {
    await insertUnit(f.db, { id: 'ward-x', kind: 'ward', name: 'Phường <img src=x onerror=alert(1)> & "Tây"', parentId: null }, new Date());
    const html = await (await f.app.request('/thong-ke?group=local')).text();
    expect(html).toContain('Phường &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Tây&quot;');
    expect(html).not.toContain('<img');
  });

  it('answers a repeated request with 304 while the figures are the same', async () => {
    const first = await f.app.request('/thong-ke?period=quarter');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+-vi-all"$/);
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    const again = await f.app.request('/thong-ke?period=quarter', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // Another language or group is another answer.
    expect((await f.app.request('/en/statistics?period=quarter', { headers: { 'if-none-match': etag } })).status).toBe(200);
  });

  it('lets any origin read the JSON, of the city or of one unit, and refuses unknown periods and units', async () => {
    const all = await f.app.request('/api/v1/statistics?period=year', { headers: { origin: 'https://any-site.example' } });
    expect(all.status).toBe(200);
    expect(all.headers.get('access-control-allow-origin')).toBe('*');
    expect(all.headers.get('access-control-allow-credentials')).toBeNull();
    const body = (await all.json()) as { city: { received: number }; units: { unitId: string }[]; minCases: number };
    expect(body.minCases).toBe(5);
    expect(body.units.map((u) => u.unitId)).toContain('ward-hoan-kiem');
    const one = (await (await f.app.request('/api/v1/statistics?unit=ward-hoan-kiem')).json()) as { unit: { name: string }; period: { key: string } };
    expect(one.unit.name).toBe('UBND phường Hoàn Kiếm');
    expect(one.period.key).toBe('month');
    expect((await f.app.request('/api/v1/statistics?unit=constructor')).status).toBe(404);
    expect((await f.app.request('/api/v1/statistics?period=forever')).status).toBe(400);
    const etag = all.headers.get('etag') ?? '';
    expect((await f.app.request('/api/v1/statistics?period=year', { headers: { 'if-none-match': `W/${etag}` } })).status).toBe(304);
  });
});

describe('the public statistics, with a case of a named citizen', () => {
  beforeEach(async () => {
    f = await HttpFixture.create();
  });

  it('shows the case in the counts and no name, phone, text or staff member anywhere', async () => {
    const contact = { name: 'Đỗ Văn Bí Mật', phone: '0912345678', email: 'bimat@example.vn' };
    const receipt = await f.submit({ contact, consent: true });
    const officer = await f.login('tiepnhan');
    const caseId = await f.caseId(receipt.reference, officer);
    expect((await f.staffPost('/trpc/case.classify', { caseId, scope: 'in', category: 'late_result' }, officer)).status).toBe(200);
    expect((await f.staffPost('/trpc/case.draftForwarding', { caseId, unitId: 'ward-hoan-kiem', confirmSelfReview: true }, officer)).status).toBe(200);
    expect((await f.staffPost('/trpc/case.approveForwarding', { caseId }, await f.login('giamdoc'))).status).toBe(200);
    const data = await (await f.app.request('/api/v1/statistics?unit=ward-hoan-kiem', { headers: { origin: WARD } })).text();
    expect(JSON.parse(data)).toMatchObject({ unit: { received: 1 } });
    for (const path of ['/thong-ke', '/en/statistics', '/api/v1/statistics', '/api/v1/statistics?unit=ward-hoan-kiem']) {
      const text = await (await f.app.request(path)).text();
      for (const secret of [contact.name, contact.phone, contact.email, 'kết hôn', receipt.reference, ...DEMO_STAFF.map((s) => s.displayName)]) {
        expect(text, `${path} shows ${secret}`).not.toContain(secret);
      }
    }
  });
});

describe('the public statistics under the per-source limit', () => {
  beforeEach(async () => {
    f = await HttpFixture.create({ RATE_LIMIT_STATISTICS_PER_HOUR: '2' });
  });

  it('refuses a source over its hourly limit with 429 and the time to wait, page and JSON together', async () => {
    expect((await f.app.request('/thong-ke')).status).toBe(200);
    expect((await f.app.request('/api/v1/statistics')).status).toBe(200);
    const refused = await f.app.request('/api/v1/statistics');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('3600');
    expect((await f.app.request('/thong-ke')).status).toBe(429);
  });
});
