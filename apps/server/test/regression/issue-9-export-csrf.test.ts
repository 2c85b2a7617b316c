import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpFixture, OWN, WARD } from '../http-fixture.ts';

/**
 * Issue 9, defect 11: exports were GETs with a side effect (each one is written to the audit log), so any page
 * of the same site could make the officer's browser run one with a link, an image or a form. An export is now a
 * POST from the portal's own origin with the anti-CSRF header, like every staff write.
 */
describe('issue 9: an export cannot be triggered by a navigation or a form', () => {
  let f: HttpFixture;
  let cookie: string;
  beforeEach(async () => {
    f = await HttpFixture.create({}, { withSampleCases: true });
    cookie = await f.login('thanhtra');
  });
  afterEach(() => f.close());

  const exportsAudited = () => f.count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'export.%'");
  const FILES = ['/api/v1/exports/cases.csv?status=all', '/api/v1/exports/unit-evaluation.csv?from=2026-01-01&to=2026-12-31'];

  it("refuses a link, an image or a GET form from any page, even the portal's own, and audits nothing", async () => {
    for (const path of FILES) {
      for (const headers of [
        {},
        { origin: OWN },
        { origin: WARD },
        { 'sec-fetch-site': 'same-site', 'sec-fetch-dest': 'image' },
        { origin: OWN, 'x-pakn-csrf': '1' },
      ] as Record<string, string>[]) {
        const res = await f.app.request(path, { headers: { cookie, ...headers } });
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(405);
        expect(res.headers.get('allow')).toBe('POST');
        expect(res.headers.get('content-disposition')).toBeNull();
      }
    }
    expect(await exportsAudited()).toBe(0);
  });

  it('refuses a POST form or a fetch without the anti-CSRF header, or from another origin, and audits nothing', async () => {
    const shapes: { origin?: string; type: string; csrf?: boolean; body: string }[] = [
      { origin: WARD, type: 'application/x-www-form-urlencoded', body: 'status=all' },
      { origin: OWN, type: 'application/x-www-form-urlencoded', body: 'status=all' },
      { origin: 'http://127.0.0.1:9999', type: 'multipart/form-data; boundary=x', body: '--x--' },
      { origin: WARD, type: 'text/plain', body: '{"status":"all"}' },
      { origin: 'http://evil.test', type: 'application/json', csrf: true, body: '{"status":"all"}' },
      { origin: WARD, type: 'application/json', csrf: true, body: '{"status":"all"}' },
      { origin: OWN, type: 'application/json', body: '{"status":"all"}' },
      { origin: 'null', type: 'application/json', csrf: true, body: '{"status":"all"}' },
      { type: 'application/json', csrf: true, body: '{"status":"all"}' },
    ];
    for (const path of FILES) {
      for (const shape of shapes) {
        const headers: Record<string, string> = { cookie, 'content-type': shape.type };
        if (shape.origin) headers.origin = shape.origin;
        if (shape.csrf) headers['x-pakn-csrf'] = '1';
        const res = await f.app.request(path.split('?')[0] ?? '', { method: 'POST', headers, body: shape.body });
        expect([403, 415], `${path} ${JSON.stringify(shape)}`).toContain(res.status);
        expect(res.headers.get('content-disposition')).toBeNull();
      }
    }
    expect(await exportsAudited()).toBe(0);
  });

  it("sends the file to the portal's own POST with the header, and audits it once", async () => {
    const res = await f.app.request('/api/v1/exports/cases.csv', {
      method: 'POST',
      headers: { cookie, origin: OWN, 'x-pakn-csrf': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'all' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await exportsAudited()).toBe(1);
  });
});
