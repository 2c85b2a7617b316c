import { listAudit } from '@pakn/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpFixture, OWN } from './http-fixture.ts';

/** Issue 12: the period report as CSV and XLSX over HTTP, for the evaluation's readers only, each export audited. */
let f: HttpFixture;
beforeEach(async () => {
  f = await HttpFixture.create({}, { withSampleCases: true });
});
afterEach(() => f.close());

/** The portal's export: a POST from its own origin with the anti-CSRF header and the filter as JSON. */
const exportFile = (file: string, filter: Record<string, string | number>, cookie = '', headers: Record<string, string> = {}) =>
  f.post(`/api/v1/exports/${file}`, filter, { origin: OWN, 'x-pakn-csrf': '1', ...(cookie ? { cookie } : {}), ...headers });

describe('period report exports over HTTP', () => {
  it('refuses without a session, for a unit and for the admin, and answers a period that does not exist with a field error', async () => {
    expect((await exportFile('period-report.xlsx', { kind: 'quarter' })).status).toBe(401);
    expect((await exportFile('period-report.csv', { kind: 'quarter' }, await f.login('xuly.hoankiem'))).status).toBe(403);
    expect((await exportFile('period-report.xlsx', { kind: 'quarter' }, await f.login('quantri'))).status).toBe(403);
    const bad = await exportFile('period-report.xlsx', { kind: 'quarter', year: 2026, index: 5 }, await f.login('thanhtra'), { 'accept-language': 'vi' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fieldErrors: Record<string, string> } }).error.fieldErrors.index).toMatch(/Kỳ báo cáo không có trong năm/);
    expect(await listAudit(f.db, { action: 'export.period_report' })).toEqual([]);
  });

  it('sends the workbook and the CSV as attachments, and audits each with its period and format', async () => {
    const cookie = await f.login('thanhtra');
    const xlsx = await exportFile('period-report.xlsx', { kind: 'quarter', year: 2026, index: 1 }, cookie);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers.get('content-disposition')).toContain('filename="pakn-bao-cao-quarter-2026-1_2025-12-15_2026-03-14.xlsx"');
    expect(xlsx.headers.get('cache-control')).toBe('private, no-store');
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 2))).toBe('PK'); // a zip, as every XLSX is
    const csv = await exportFile('period-report.csv', { kind: 'month', year: 2026, index: 3 }, cookie, { 'accept-language': 'vi' });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain('BÁO CÁO Kết quả tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp tháng 3 năm 2026');
    expect(text).toContain('Số liệu từ ngày 15/02/2026 đến ngày 14/03/2026');
    const audit = await listAudit(f.db, { action: 'export.period_report' });
    expect(audit.map((e) => (e.after as { format: string }).format).sort()).toEqual(['csv', 'xlsx']);
  });
});
