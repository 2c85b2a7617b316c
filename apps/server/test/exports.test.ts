import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db, listAudit, migrate } from '@pakn/db';
import type { PaknApp } from '../src/app.ts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.ts';
import { parseEnv } from '../src/env.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/seed.ts';
import { AssetDirectory } from '../src/static-assets.ts';

const OWN = 'http://127.0.0.1:8080';

let assetsDir: string;
let db: Db;
let app: PaknApp;

beforeAll(() => {
  assetsDir = mkdtempSync(join(tmpdir(), 'pakn-assets-'));
});
afterAll(() => rmSync(assetsDir, { recursive: true, force: true }));

beforeEach(async () => {
  db = await Db.open({ url: ':memory:' });
  await migrate(db);
  await seedDemo(db, { demoSiteOrigins: [], now: new Date(), withSampleCases: true });
  app = createApp({
    db,
    config: parseEnv({ PORT: '8080', POW_MAX_NUMBER: '100', PAKN_SECRET: 'http-test-secret-0123456789', LOG_LEVEL: 'silent' }),
    widgetAssets: new AssetDirectory(join(assetsDir, 'widget')),
    portalAssets: new AssetDirectory(join(assetsDir, 'portal')),
  });
});
afterEach(() => db.close());

async function login(username: string): Promise<string> {
  const res = await app.request('/trpc/auth.login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: OWN, 'x-pakn-csrf': '1' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** The portal's export: a POST from its own origin with the anti-CSRF header and the filter as JSON. */
function exportFile(file: string, filter: Record<string, string>, headers: Record<string, string> = {}) {
  return app.request(`/api/v1/exports/${file}`, {
    method: 'POST',
    headers: { origin: OWN, 'x-pakn-csrf': '1', 'content-type': 'application/json', ...headers },
    body: JSON.stringify(filter),
  });
}

describe('CSV exports over HTTP', () => {
  it('refuses without a session (401) and for a role without the right (403)', async () => {
    expect((await exportFile('cases.csv', {})).status).toBe(401);
    expect((await exportFile('unit-evaluation.csv', { from: '2026-01-01', to: '2026-01-31' })).status).toBe(401);
    const admin = await login('quantri');
    const refused = await exportFile('cases.csv', {}, { cookie: admin, 'accept-language': 'vi' });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe('Bạn không có quyền thực hiện thao tác này.');
    const handler = await login('xuly.hoankiem');
    expect((await exportFile('unit-evaluation.csv', { from: '2026-01-01', to: '2026-01-31' }, { cookie: handler })).status).toBe(403);
    expect((await exportFile('other.csv', {}, { cookie: handler })).status).toBe(404);
  });

  it('sends the cases as a UTF-8 CSV attachment with a dated file name, and audits the export', async () => {
    const cookie = await login('tiepnhan');
    const res = await exportFile('cases.csv', { status: 'all' }, { cookie, 'accept-language': 'vi' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="pakn-phan-anh-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''pakn-phan-anh-/);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // TextDecoder drops the BOM unless told not to: keep it, to see the file as Excel does.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFMã phản ánh,Ngày tiếp nhận,Kênh,Lĩnh vực,Trạng thái,Đơn vị xử lý,Đơn vị bị phản ánh,Người được giao,Hạn xử lý,Ngày làm việc còn lại,Quá hạn,Người phản ánh,Điện thoại,Thư điện tử,Giữ bí mật danh tính,Nội dung,Ngày trả lời,Điểm đánh giá',
    );
    const rows = text.trimEnd().split('\r\n').length - 1;
    expect(rows).toBeGreaterThan(0);
    const audit = await listAudit(db, { action: 'export.cases' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorName: 'Nguyễn Thị Lan (tiếp nhận)', actorRole: 'intake_officer', after: { filter: { status: 'all' }, rows } });
  });

  it('sends the unit evaluation, and answers a bad period with field errors (400)', async () => {
    const cookie = await login('thanhtra');
    const bad = await exportFile('unit-evaluation.csv', { from: '2026-03-31', to: '2026-03-01' }, { cookie, 'accept-language': 'vi' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fieldErrors: Record<string, string> } }).error.fieldErrors).toEqual({
      to: 'Ngày kết thúc không thể trước ngày bắt đầu.',
    });
    const res = await exportFile('unit-evaluation.csv', { from: '2026-01-01', to: '2026-12-31' }, { cookie, 'accept-language': 'en' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('filename="pakn-danh-gia-don-vi-2026-01-01_2026-12-31.csv"');
    expect((await res.text()).split('\r\n')[0]).toBe(
      'Rank,Unit,Score,Received,In scope,Answered,Answered on time,On-time rate,Average working days to answer,Working days (90th percentile),' +
        'Substantiated,Partly substantiated,Not substantiated,Average rating,Ratings,Ratings of 1,Ratings of 2,Ratings of 3,Ratings of 4,Ratings of 5,' +
        'Reviews requested,Reminders,Escalations,Reprimands,Corrections,Commendations,Overdue now',
    );
    // The same as a workbook (issue 12): its own type, a zip file (PK), audited like the CSV.
    const book = await exportFile('unit-evaluation.xlsx', { from: '2026-01-01', to: '2026-12-31' }, { cookie, 'accept-language': 'vi' });
    expect(book.status).toBe(200);
    expect(book.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(book.headers.get('content-disposition')).toContain('filename="pakn-danh-gia-don-vi-2026-01-01_2026-12-31.xlsx"');
    expect(
      Buffer.from(await book.arrayBuffer())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    expect((await listAudit(db, { action: 'export.unit_evaluation' })).map((a) => (a.after as { format: string }).format)).toEqual(['csv', 'xlsx']);
    const refused = await exportFile('unit-evaluation.xlsx', { from: '2026-01-01', to: '2026-12-31' }, { cookie: await login('xuly.hoankiem') });
    expect(refused.status).toBe(403);
  });

  it('fails the download when the export fails halfway, over a real connection too, instead of a file that looks complete', async () => {
    const cookie = await login('tiepnhan');
    // The cases' pages are read after the response has started (the head is sent first): break them.
    const execute = db.execute.bind(db);
    db.execute = (stmt) => (typeof stmt !== 'string' && /ORDER BY queue_rank/.test(stmt.sql) ? Promise.reject(new Error('disk I/O error')) : execute(stmt));
    const res = await exportFile('cases.csv', { status: 'all' }, { cookie });
    expect(res.status).toBe(200);
    await expect(res.arrayBuffer()).rejects.toThrow();

    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    // @hono/node-server prints the stream's error as it destroys the connection (our logger logs it too).
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { port } = server.address() as AddressInfo;
      const url = `http://127.0.0.1:${port}`;
      const real = await fetch(`${url}/api/v1/exports/cases.csv`, {
        method: 'POST',
        headers: { origin: OWN, 'x-pakn-csrf': '1', 'content-type': 'application/json', cookie },
        body: JSON.stringify({ status: 'all' }),
      });
      expect(real.status).toBe(200);
      // The connection is cut before the chunked body's end: the client knows the file is not whole.
      await expect(real.text()).rejects.toThrow();
    } finally {
      printed.mockRestore();
      db.execute = execute;
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
