import { expect, request } from '@playwright/test';
import { DEMO_PASSWORD, PAKN } from './support.ts';

/**
 * The CSV exports as the XSS battery (xss.spec.ts) reads them: downloaded as a signed-in staff member would, and
 * parsed field by field, so that a test can tell a neutralised formula from a live one.
 */

type ExportFile = 'cases.csv' | 'unit-evaluation.csv';

/**
 * The one place the battery downloads an export, as the signed-in staff member: a POST with the session cookie,
 * the portal's Origin and the anti-CSRF header, as the portal's export button sends it (issue 9, item 11).
 */
async function downloadExport(username: string, file: ExportFile, params: Readonly<Record<string, string>>): Promise<string> {
  const api = await request.newContext({ baseURL: PAKN, extraHTTPHeaders: { origin: PAKN, 'x-pakn-csrf': '1' } });
  try {
    const login = await api.post('/trpc/auth.login', { data: { username, password: DEMO_PASSWORD } });
    expect(login.status(), await login.text()).toBe(200);
    const response = await api.post(`/api/v1/exports/${file}`, { data: params });
    expect(response.status(), `${file}: ${(await response.text()).slice(0, 200)}`).toBe(200);
    // Never rendered by a browser: a download, in a sandbox with no permission to run anything.
    expect(response.headers()['content-type']).toMatch(/^text\/csv/);
    expect(response.headers()['content-disposition']).toMatch(/^attachment;/);
    expect(response.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    return await response.text();
  } finally {
    await api.dispose();
  }
}

export interface CsvField {
  readonly raw: string;
  readonly value: string;
  readonly quoted: boolean;
}

/** RFC 4180, as packages/api/src/csv.ts writes it (comma separator, CRLF, doubled quotes). */
function parseCsv(text: string): CsvField[][] {
  const rows: CsvField[][] = [];
  let row: CsvField[] = [];
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  while (i < text.length) {
    const start = i;
    let value = '';
    const quoted = text[i] === '"';
    if (quoted) {
      i++;
      for (;;) {
        const next = text.indexOf('"', i);
        if (next < 0) throw new Error(`Unclosed quote at ${start}`);
        value += text.slice(i, next);
        if (text[next + 1] === '"') {
          value += '"';
          i = next + 2;
        } else {
          i = next + 1;
          break;
        }
      }
    } else {
      const end = text.slice(i).search(/[,\r\n]/);
      value = end < 0 ? text.slice(i) : text.slice(i, i + end);
      i = end < 0 ? text.length : i + end;
    }
    row.push({ raw: text.slice(start, i), value, quoted });
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i) || text[i] === '\n') {
      i += text[i] === '\r' ? 2 : 1;
      rows.push(row);
      row = [];
    } else if (i < text.length) throw new Error(`Unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (row.length) rows.push(row);
  return rows;
}

/** How the CSV writer neutralises a formula: a leading apostrophe, shown by spreadsheets as text. */
export function neutralised(field: CsvField): boolean {
  return field.value.startsWith("'");
}

/** The value a spreadsheet user sees: without the neutralising apostrophe. */
export function visibleValue(field: CsvField): string {
  return neutralised(field) ? field.value.slice(1) : field.value;
}

export async function payloadExports(): Promise<{ cases: CsvField[][]; evaluation: CsvField[][] }> {
  // Today in Hanoi, as the server counts periods: from 17:00 UTC the UTC date is still yesterday there, and a
  // period ending on it would leave out every case made this (Hanoi) day.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const year = today.slice(0, 4);
  return {
    cases: parseCsv(await downloadExport('tiepnhan', 'cases.csv', { status: 'all' })),
    evaluation: parseCsv(await downloadExport('giamdoc', 'unit-evaluation.csv', { from: `${year}-01-01`, to: today })),
  };
}
