import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { signIn, signOut, watchConsole } from './support.ts';

/**
 * Issue 12: the unit evaluation lists every unit with every column (the unit's name kept in view while the figures
 * scroll), exports as XLSX (read back here with exceljs), is signed by the Director and opened again as saved;
 * the administrator sets the scoring.
 */

test('the evaluation shows every unit and column, exports an XLSX that reads back, and is signed and reopened', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = watchConsole(page);
  await signIn(page, 'quantri');
  await page.goto('/portal/admin/evaluation-scoring');
  await expect(page.getByRole('heading', { name: 'Cách tính điểm đánh giá đơn vị' })).toBeVisible();
  await page.getByLabel('Số vụ việc tối thiểu để xếp hạng').fill('1');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByText('Đã lưu cách tính điểm.')).toBeVisible();
  await signOut(page);

  await signIn(page, 'giamdoc');
  await page.getByRole('link', { name: 'Theo dõi, đôn đốc' }).click();
  const evaluation = page.getByTestId('unit-evaluation');
  await expect(evaluation.getByTestId('evaluation-scoring')).toContainText('Số vụ việc tối thiểu để xếp hạng: 1');
  const table = evaluation.locator('table.evaluation');
  await expect(table.locator('tr[data-unit="ward-hoan-kiem"] th')).toHaveText('UBND phường Hoàn Kiếm');
  // Every unit but the Centre, those without cases too.
  const units = await table.locator('tbody tr').count();
  expect(units).toBeGreaterThan(3);
  await expect(table.locator('thead')).toContainText('Tỷ lệ đúng hạn');
  await expect(table.locator('thead')).toContainText('Phân vị 90 (ngày)');
  await expect(table.locator('thead')).toContainText('Đúng một phần');
  // The table scrolls inside its frame, the unit's name stays put.
  const wrap = evaluation.locator('.evaluation-wrap');
  const scrolls = await wrap.evaluate((el) => el.scrollWidth > el.clientWidth);
  if (scrolls) {
    const before = await table.locator('tbody th').first().boundingBox();
    await wrap.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    const after = await table.locator('tbody th').first().boundingBox();
    expect(after?.x).toBe(before?.x);
  }

  const [download] = await Promise.all([page.waitForEvent('download'), evaluation.getByRole('button', { name: 'Xuất Excel (XLSX)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^pakn-danh-gia-don-vi-\d{4}-01-01_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  const bytes = await readFile(await download.path());
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  expect(book.worksheets.map((s) => s.name)).toEqual(['Đơn vị', 'Cách tính điểm']);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('No sheet');
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header.slice(0, 4)).toEqual(['Hạng', 'Đơn vị', 'Điểm', 'Tiếp nhận']);
  expect(sheet.rowCount).toBe(units + 1);
  const names = sheet.getColumn(2).values.slice(2);
  expect(names).toContain('UBND phường Hoàn Kiếm');
  const rate = header.indexOf('Tỷ lệ trả lời đúng hạn') + 1;
  expect(sheet.getRow(2).getCell(rate).numFmt).toBe('0.0%');
  const scoring = book.worksheets[1];
  expect(scoring?.getRow(7).values).toEqual([undefined, 'Số vụ việc tối thiểu để xếp hạng', 1]);

  // Signed for the record, then opened from the list as saved.
  await evaluation.getByLabel('Tên bản đánh giá').fill('Đánh giá đơn vị năm nay (kiểm thử)');
  await evaluation.getByRole('button', { name: 'Ký, lưu bản đánh giá' }).click();
  const saved = evaluation.getByTestId('saved-evaluation');
  await expect(saved.getByRole('heading', { name: 'Đánh giá đơn vị năm nay (kiểm thử)' })).toBeVisible();
  await expect(saved.locator('tr[data-unit="ward-hoan-kiem"] th')).toHaveText('UBND phường Hoàn Kiếm');
  await expect(evaluation.getByRole('button', { name: 'Đánh giá đơn vị năm nay (kiểm thử)' })).toBeVisible();
  await saved.getByRole('button', { name: 'Quay lại đánh giá theo kỳ' }).click();
  await expect(evaluation.getByRole('button', { name: 'Ký, lưu bản đánh giá' })).toBeVisible();
  // On paper: the figures only, no forms.
  await page.emulateMedia({ media: 'print' });
  await expect(evaluation.getByRole('button', { name: 'Ký, lưu bản đánh giá' })).toBeHidden();
  await expect(evaluation.locator('form.period')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  expect(errors).toEqual([]);
});
