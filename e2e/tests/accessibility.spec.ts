import { expect, test } from '@playwright/test';
import { DEMO_SITE, expectNoAxeViolations, fillReport, launcherButton, readReceipt, uniqueDescription, widgetDialog } from './support.ts';

/**
 * Issue 3, "Accessibility: WCAG 2.2 AA": zero axe violations in every state (closed, open, each step, error,
 * offline, success, tracking). axe runs on the whole demo page and pierces the widget's open shadow roots.
 */

test('no axe violations closed, open on the form, and with field errors', async ({ page }) => {
  await page.goto(DEMO_SITE);
  await expect(launcherButton(page)).toBeVisible();
  await expectNoAxeViolations(page, 'closed (launcher only)');

  await launcherButton(page).click();
  const dialog = widgetDialog(page);
  await expect(dialog.getByLabel('Đơn vị bị phản ánh', { exact: true })).toHaveValue('ward-hoan-kiem');
  await expectNoAxeViolations(page, 'open on the report form');

  await dialog.getByLabel('Họ và tên').fill('Nguyễn Văn Bình');
  await dialog.getByLabel('Thư điện tử').fill('không phải địa chỉ');
  await dialog.getByRole('button', { name: 'Gửi', exact: true }).click();
  await expect(dialog.getByLabel('Loại phản ánh')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Thư điện tử')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'showing field errors (with the contact and consent fields)');
});

test('no axe violations on the receipt and in tracking: form, not found, result', async ({ page }) => {
  await page.goto(DEMO_SITE);
  await launcherButton(page).click();
  const dialog = widgetDialog(page);
  await fillReport(dialog, uniqueDescription('Kiểm tra trợ năng'));
  await dialog.getByRole('button', { name: 'Gửi', exact: true }).click();
  const receipt = await readReceipt(dialog);
  await expectNoAxeViolations(page, 'showing the receipt');

  await dialog.getByRole('button', { name: 'Theo dõi phản ánh' }).click();
  await expect(dialog.getByLabel('Mã phản ánh')).toBeVisible();
  await expectNoAxeViolations(page, 'on the tracking form');

  await dialog.getByLabel('Mã phản ánh').fill(receipt.reference);
  await dialog.getByLabel('Mã tra cứu').fill('AAAA-BBBB-CCCC-DDDD-EEEE');
  await dialog.getByRole('button', { name: 'Tra cứu', exact: true }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Không tìm thấy phản ánh' })).toBeVisible();
  await expectNoAxeViolations(page, 'showing "case not found"');

  await dialog.getByLabel('Mã tra cứu').fill(receipt.accessKey);
  await dialog.getByRole('button', { name: 'Tra cứu', exact: true }).click();
  await expect(dialog.getByTestId('track-status')).toHaveText('Đã tiếp nhận');
  await expectNoAxeViolations(page, 'showing the tracking result');
});

test('no axe violations in the failure states: widget not loaded, site not loaded, offline at submit', async ({ page, context }) => {
  await page.goto(DEMO_SITE);
  await expect(launcherButton(page)).toBeVisible();
  await context.setOffline(true);
  await launcherButton(page).click();
  await expect(page.locator('pakn-launcher').getByText(/Không tải được/)).toBeVisible();
  await expectNoAxeViolations(page, 'unable to load (launcher message)');
  await context.setOffline(false);

  await page.route('**/trpc/site.config*', (route) => route.abort('internetdisconnected'));
  await launcherButton(page).click();
  const dialog = widgetDialog(page);
  await expect(dialog.getByRole('alert').filter({ hasText: 'Không kết nối được máy chủ' })).toBeVisible();
  await expectNoAxeViolations(page, 'unable to load the site (alert with "Thử lại")');
  await page.unroute('**/trpc/site.config*');
  await dialog.getByRole('button', { name: 'Thử lại' }).click();
  await expect(dialog.getByLabel('Đơn vị bị phản ánh', { exact: true })).toHaveValue('ward-hoan-kiem');

  await fillReport(dialog, uniqueDescription('Kiểm tra trợ năng khi mất mạng'));
  await context.setOffline(true);
  await dialog.getByRole('button', { name: 'Gửi', exact: true }).click();
  await expect(dialog.getByTestId('offline-notice')).toBeVisible();
  await expectNoAxeViolations(page, 'waiting offline (offline notice)');
  await context.setOffline(false);
  await readReceipt(dialog);
});
