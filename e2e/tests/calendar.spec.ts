import { expect, test } from '@playwright/test';
import { PAKN, signIn, watchConsole } from './support.ts';

/**
 * Issue 10 split the calendar page into a viewer and an editor: the administrator's journey through the editor
 * (errors beside the row, preview, back, save) and the read-only view stay as they were. A far year, so that
 * no other test's deadlines move.
 */

test('issue 10: the admin edits a year: errors beside the row, a preview, back to the year in force, then a save', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'quantri');
  await page.goto(`${PAKN}/portal/calendar?year=2031`);
  await expect(page.getByRole('heading', { level: 1, name: 'Lịch làm việc' })).toBeVisible();
  const editor = page.getByTestId('calendar-editor');
  const months = page.getByTestId('calendar-months');
  await expect(editor.getByRole('heading', { name: 'Cập nhật lịch năm 2031' })).toBeVisible();

  await editor.getByRole('button', { name: 'Thêm ngày nghỉ' }).click();
  const date = editor.getByLabel('Ngày', { exact: true }).first();
  await expect(date).toBeFocused();
  await date.fill('2033-05-04');
  await editor.getByLabel('Tên, lý do').first().fill('Nghỉ thêm để kiểm thử');
  await editor.getByRole('button', { name: 'Xem trước' }).click();
  await expect(editor.getByRole('alert')).toContainText('Vui lòng sửa các ô được đánh dấu.');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toBeFocused();

  await date.fill('2031-05-05');
  await expect(date).toHaveAttribute('aria-invalid', 'false');
  await editor.getByRole('button', { name: 'Xem trước' }).click();
  await expect(page.getByTestId('calendar-preview-notice')).toContainText('Đang xem trước lịch năm 2031');
  await expect(page.getByTestId('calendar-preview-notice')).toBeFocused();
  await expect(months).toHaveAttribute('data-preview', 'true');
  await expect(months.locator('td[data-date="2031-05-05"]')).toHaveAttribute('data-kind', 'extra_day_off');

  await page.getByRole('button', { name: 'Xem lại lịch đang áp dụng' }).click();
  await expect(editor.getByRole('button', { name: 'Xem trước' })).toBeFocused();
  await expect(months).toHaveAttribute('data-preview', 'false');
  await expect(months.locator('td[data-date="2031-05-05"]')).toHaveAttribute('data-kind', 'working');

  await editor.getByRole('button', { name: 'Lưu lịch năm' }).click();
  await expect(page.getByTestId('calendar-saved-notice')).toContainText('Đã lưu lịch năm 2031');
  // The open cases' stored deadlines are counted again in the background, and the notice says so.
  await expect(page.getByTestId('calendar-recounting')).toContainText('đang được tính lại theo lịch mới');
  await expect(page.getByTestId('calendar-saved-notice')).toBeFocused();
  const row = page.getByTestId('calendar-special-days').locator('tr[data-date="2031-05-05"]');
  await expect(row).toHaveAttribute('data-kind', 'extra_day_off');
  await expect(row).toContainText('Nghỉ thêm để kiểm thử');

  // Saved on the server: a reload shows it, and the form holds it.
  await page.reload();
  await expect(row).toContainText('Nghỉ thêm để kiểm thử');
  await expect(editor.getByLabel('Ngày', { exact: true }).first()).toHaveValue('2031-05-05');

  // Another year from the selector: its own schedule, and the address keeps it.
  await page.getByLabel('Năm', { exact: true }).selectOption('2029');
  await expect(page).toHaveURL(/\/portal\/calendar\?year=2029$/);
  await expect(editor.getByRole('heading', { name: 'Cập nhật lịch năm 2029' })).toBeVisible();
  await expect(months.locator('td[data-date="2029-01-01"]')).toHaveAttribute('data-kind', 'public_holiday');
  expect(errors).toEqual([]);
});

test('issue 10: staff who do not manage the calendar see it read-only', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'tiepnhan');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Lịch làm việc' }).click();
  await expect(page).toHaveURL(/\/portal\/calendar$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Lịch làm việc' })).toBeVisible();
  await expect(page.getByTestId('calendar-months')).toBeVisible();
  await expect(page.getByText('Lịch năm do quản trị hệ thống cập nhật theo công bố của Chính phủ.')).toBeVisible();
  await expect(page.getByTestId('calendar-editor')).toHaveCount(0);
  expect(errors).toEqual([]);
});
