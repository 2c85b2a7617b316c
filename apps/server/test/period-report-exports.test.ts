import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db, listAudit, migrate } from '@pakn/db';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PaknApp } from '../src/app.ts';
import { createApp } from '../src/app.ts';
import { parseEnv } from '../src/env.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/seed.ts';
import { AssetDirectory } from '../src/static-assets.ts';

/** Issue 12: the period report as CSV and XLSX over HTTP, for the evaluation's readers only, each export audited. */
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
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

function exportFile(file: string, filter: Record<string, string | number>, headers: Record<string, string> = {}) {
  return app.request(`/api/v1/exports/${file}`, {
    method: 'POST',
    headers: { origin: OWN, 'x-pakn-csrf': '1', 'content-type': 'application/json', ...headers },
    body: JSON.stringify(filter),
  });
}

describe('period report exports over HTTP', () => {
  it('refuses without a session, for a unit and for the admin, and answers a period that does not exist with a field error', async () => {
    expect((await exportFile('period-report.xlsx', { kind: 'quarter' })).status).toBe(401);
    expect((await exportFile('period-report.csv', { kind: 'quarter' }, { cookie: await login('xuly.hoankiem') })).status).toBe(403);
    expect((await exportFile('period-report.xlsx', { kind: 'quarter' }, { cookie: await login('quantri') })).status).toBe(403);
    const bad = await exportFile('period-report.xlsx', { kind: 'quarter', year: 2026, index: 5 }, { cookie: await login('thanhtra'), 'accept-language': 'vi' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fieldErrors: Record<string, string> } }).error.fieldErrors.index).toMatch(/Kỳ báo cáo không có trong năm/);
    expect(await listAudit(db, { action: 'export.period_report' })).toEqual([]);
  });

  it('sends the workbook and the CSV as attachments, and audits each with its period and format', async () => {
    const cookie = await login('thanhtra');
    const xlsx = await exportFile('period-report.xlsx', { kind: 'quarter', year: 2026, index: 1 }, { cookie });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers.get('content-disposition')).toContain('filename="pakn-bao-cao-quarter-2026-1_2025-12-15_2026-03-14.xlsx"');
    expect(xlsx.headers.get('cache-control')).toBe('private, no-store');
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 2))).toBe('PK'); // a zip, as every XLSX is
    const csv = await exportFile('period-report.csv', { kind: 'month', year: 2026, index: 3 }, { cookie, 'accept-language': 'vi' });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain('BÁO CÁO Kết quả tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp tháng 3 năm 2026');
    expect(text).toContain('Số liệu từ ngày 15/02/2026 đến ngày 14/03/2026');
    const audit = await listAudit(db, { action: 'export.period_report' });
    expect(audit.map((e) => (e.after as { format: string }).format).sort()).toEqual(['csv', 'xlsx']);
  });
});
