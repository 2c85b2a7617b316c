import { inflateSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { PAKN, signIn, watchConsole } from './support.ts';

/**
 * Issue 12: the period report as an A4 document, printed by Chromium to PDF; and the register and the follow-up
 * list, which print without their forms, filters and pagers.
 */

/** The PDF's text as far as a test can read it without a PDF library: the file, and each Flate stream inflated. */
function pdfText(pdf: Buffer): string {
  const parts = [pdf.toString('latin1')];
  const body = pdf.toString('latin1');
  for (const match of body.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = body.indexOf('endstream', start);
    if (end < 0) continue;
    try {
      parts.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not a Flate stream (an image, a font program): nothing to read.
    }
  }
  return parts.join('\n');
}

/** A PDF string as Chromium writes an outline's title: UTF-16BE in hex, after the byte order mark. */
function utf16Hex(text: string): string {
  return [...text]
    .map((c) => (c.codePointAt(0) ?? 0).toString(16).padStart(4, '0'))
    .join('')
    .toUpperCase();
}

/** Every form control of the page, in every shadow root, that is shown. */
async function visibleControls(page: Page): Promise<string[]> {
  const shown: string[] = [];
  for (const control of await page.locator('input, select, textarea, button').all()) {
    if (await control.isVisible())
      shown.push(await control.evaluate((e) => `${e.tagName.toLowerCase()} ${e.getAttribute('id') ?? e.textContent?.trim() ?? ''}`));
  }
  return shown;
}

test('the Director opens a quarter’s report, prints it to an A4 PDF, and the print leaves the forms out', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = watchConsole(page);
  await signIn(page, 'giamdoc');
  await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
  await expect(page).toHaveURL(/\/portal\/reports/);
  const sheet = page.getByTestId('report-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  await expect(sheet).toContainText('Độc lập - Tự do - Hạnh phúc');
  await expect(sheet).toContainText('Số:');
  await expect(sheet.getByTestId('report-title')).toContainText('Kết quả tiếp nhận, xử lý phản ánh, kiến nghị');
  await expect(sheet.getByTestId('report-data-line')).toHaveText(/^\(Số liệu từ ngày \d\d\/\d\d\/\d{4} đến ngày \d\d\/\d\d\/\d{4}\)$/);
  await expect(sheet.getByTestId('signer-name')).toHaveText('Trần Văn Minh');
  await expect(sheet.locator('table[data-section="received"] thead th').first()).toHaveText('Kênh tiếp nhận');

  // Another period: the second quarter of 2026, from 15 March to 14 June.
  await page.getByLabel('Năm').fill('2026');
  await page.getByLabel('Kỳ', { exact: true }).selectOption({ label: 'Quý II' });
  await page.getByRole('button', { name: 'Xem báo cáo' }).click();
  await expect(sheet.getByTestId('report-data-line')).toHaveText('(Số liệu từ ngày 15/03/2026 đến ngày 14/06/2026)');
  await expect(sheet.getByTestId('report-title')).toHaveText('Kết quả tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp quý II năm 2026');

  await page.emulateMedia({ media: 'print' });
  expect(await visibleControls(page)).toEqual([]);
  await expect(page.getByRole('heading', { name: 'Báo cáo định kỳ' })).toBeHidden();
  await expect(sheet).toBeVisible();

  const pdf = await page.pdf({ format: 'A4', outline: true, tagged: true, preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = pdfText(pdf);
  // A page per section (six), the first under the letterhead.
  const pages = text.match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(6);
  // A4 in points: 595 × 842.
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
  expect(boxes.length).toBeGreaterThan(0);
  for (const box of boxes) expect(box).toEqual([595, 842]);
  // The outline holds the sections' headings.
  expect(text).toContain(utf16Hex('So sánh với kỳ trước'));
  expect(text).toContain(utf16Hex('Tình hình tiếp nhận theo kênh và phạm vi'));
  await page.emulateMedia({ media: 'screen' });
  expect(errors).toEqual([]);
});

test('the register and the follow-up list print without forms, filters or pagers', async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, 'tiepnhan');
  await page.goto(`${PAKN}/portal/register`);
  await expect(page.getByRole('heading', { name: 'Sổ văn bản chuyển xử lý' })).toBeVisible();
  expect((await visibleControls(page)).length).toBeGreaterThan(0);
  await page.emulateMedia({ media: 'print' });
  expect(await visibleControls(page)).toEqual([]);
  await page.emulateMedia({ media: 'screen' });

  await page.goto(`${PAKN}/portal/follow-up`);
  await expect(page.getByTestId('follow-up-overdue')).toBeVisible();
  await expect(page.getByTestId('unit-evaluation')).toBeVisible();
  expect((await visibleControls(page)).length).toBeGreaterThan(0);
  await page.emulateMedia({ media: 'print' });
  expect(await visibleControls(page)).toEqual([]);
  await expect(page.getByTestId('follow-up-overdue')).toBeVisible();
  // Wide: it asks for the landscape page.
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const boxes = [...pdfText(pdf).matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
  expect(boxes[0]).toEqual([842, 595]);
});

test('the admin sets the reporting cut-off day, with a clear error for a day that is not 1-28', async ({ page }) => {
  await signIn(page, 'quantri');
  await page.goto(`${PAKN}/portal/admin`);
  const field = page.getByLabel('Ngày bắt đầu kỳ báo cáo (1–28)');
  await expect(field).toHaveValue('15');
  await field.fill('31');
  await page.getByTestId('report-settings').getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByTestId('cut-off-day-error')).toHaveText(/từ 1 đến 28/);
  await field.fill('15');
  await page.getByTestId('report-settings').getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu: kỳ báo cáo bắt đầu từ ngày 15.')).toBeVisible();
});
