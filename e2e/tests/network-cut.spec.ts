import { expect, test, type Page } from '@playwright/test';
import {
  DEMO_SITE,
  fillReport,
  launcherButton,
  readReceipt,
  signInStaffApi,
  uniqueDescription,
  watchApiRequests,
  widgetDialog,
  type StaffApi,
} from './support.ts';

/**
 * Issue 3, "Submitting without losing anything": the network cut at each step, from loading the widget to
 * tracking. The page never breaks (no uncaught error), the citizen sees what happened, typed text stays, and
 * a report that waited for the network becomes exactly one case.
 */

let staff: StaffApi;
test.beforeAll(async () => {
  staff = await signInStaffApi();
});
test.afterAll(async () => {
  await staff.dispose();
});

/** Uncaught errors only: failed requests are expected here and log console errors of their own. */
function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const SITE_CONFIG = '**/trpc/site.config*';
const SUBMIT = '**/trpc/case.submit*';

test('before opening: the widget cannot be fetched; the launcher says so and opens once the network is back', async ({ page, context }) => {
  const errors = watchPageErrors(page);
  await page.goto(DEMO_SITE);
  const launcher = launcherButton(page);
  await expect(launcher).toBeVisible();

  await context.setOffline(true);
  await launcher.click();
  await expect(page.locator('pakn-launcher').getByText(/Không tải được/)).toBeVisible();
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  await expect(widgetDialog(page)).toHaveCount(0);

  await context.setOffline(false);
  await launcher.click();
  await expect(widgetDialog(page)).toBeVisible();
  await expect(page.locator('pakn-launcher').getByText(/Không tải được/)).toBeHidden();
  expect(errors).toEqual([]);
});

test('while loading the site: the form says the server is unreachable and "Thử lại" loads the units', async ({ page }) => {
  const errors = watchPageErrors(page);
  await page.route(SITE_CONFIG, (route) => route.abort('internetdisconnected'));
  await page.goto(DEMO_SITE);
  await launcherButton(page).click();
  const dialog = widgetDialog(page);
  await expect(dialog.getByRole('alert').filter({ hasText: 'Không kết nối được máy chủ' })).toBeVisible();
  await dialog.getByLabel('Nội dung phản ánh').fill('Nội dung gõ trong lúc mất mạng phải được giữ lại.');

  await page.unroute(SITE_CONFIG);
  await dialog.getByRole('button', { name: 'Thử lại' }).click();
  await expect(dialog.getByLabel('Đơn vị bị phản ánh', { exact: true })).toHaveValue('ward-hoan-kiem');
  await expect(dialog.getByLabel('Nội dung phản ánh')).toHaveValue('Nội dung gõ trong lúc mất mạng phải được giữ lại.');
  expect(errors).toEqual([]);
});

test('at submit while offline: the report waits with a notice, keeps the text, and is sent once when the network is back', async ({ page, context }) => {
  const errors = watchPageErrors(page);
  const api = watchApiRequests(page);
  await page.goto(DEMO_SITE);
  await launcherButton(page).click();
  const dialog = widgetDialog(page);
  await expect(dialog.getByLabel('Đơn vị bị phản ánh', { exact: true })).toHaveValue('ward-hoan-kiem');
  const description = uniqueDescription('Gửi khi mất mạng');
  await fillReport(dialog, description);

  await context.setOffline(true);
  await dialog.getByRole('button', { name: 'Gửi', exact: true }).click();
  await expect(dialog.getByTestId('offline-notice')).toBeVisible();
  await expect(dialog.getByLabel('Nội dung phản ánh')).toHaveValue(description);
  await expect(dialog.getByTestId('receipt-reference')).toHaveCount(0);

  await context.setOffline(false);
  await readReceipt(dialog);
  await expect(dialog.getByTestId('offline-notice')).toBeHidden();
  await expect.poll(() => api.inFlight()).toBe(0);
  expect(await staff.casesWithDescription(description)).toBe(1);
  expect(errors).toEqual([]);
});

test('the answer to a submission is lost on the way back: the retry makes no second case', async ({ page }) => {
  const errors = watchPageErrors(page);
  const api = watchApiRequests(page);
  let lost = 0;
  await page.route(SUBMIT, async (route) => {
    if (lost > 0) return route.continue();
    lost++;
    await route.fetch(); // the server receives and stores the report...
    return route.abort('connectionreset'); // ...and the citizen's browser never hears back.
  });
  await page.goto(DEMO_SITE);
  await launcherButton(page).click();
  const dialog = widgetDialog(page);
  const description = uniqueDescription('Mất phản hồi sau khi gửi');
  await fillReport(dialog, description);
  await dialog.getByRole('button', { name: 'Gửi', exact: true }).click();

  // Retried automatically (with backoff) or by the citizen: either way, one case.
  const retry = dialog.getByRole('button', { name: 'Thử lại' });
  const reference = dialog.getByTestId('receipt-reference');
  await expect(reference.or(retry)).toBeVisible();
  if (await retry.isVisible()) await retry.click();
  await readReceipt(dialog);
  expect(lost).toBe(1);
  await expect.poll(() => api.inFlight()).toBe(0);
  expect(await staff.casesWithDescription(description)).toBe(1);
  expect(errors).toEqual([]);
});

test('opening the tracking view offline: it says so and "Thử lại" loads it once the network is back', async ({ page, context }) => {
  const errors = watchPageErrors(page);
  await page.goto(DEMO_SITE);
  await launcherButton(page).click();
  const dialog = widgetDialog(page);
  await expect(dialog.getByLabel('Loại phản ánh')).toBeVisible();

  await context.setOffline(true);
  await dialog.getByRole('button', { name: 'Theo dõi phản ánh' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Không kết nối được máy chủ' })).toBeVisible();

  await context.setOffline(false);
  await dialog.getByRole('button', { name: 'Thử lại' }).click();
  await expect(dialog.getByLabel('Mã phản ánh')).toBeVisible();
  expect(errors).toEqual([]);
});

test('tracking offline: the lookup fails visibly, keeps the codes, and works when the network is back', async ({ page, context }) => {
  const errors = watchPageErrors(page);
  await page.goto(DEMO_SITE);
  await launcherButton(page).click();
  const dialog = widgetDialog(page);
  await fillReport(dialog, uniqueDescription('Tra cứu khi mất mạng'));
  await dialog.getByRole('button', { name: 'Gửi', exact: true }).click();
  const receipt = await readReceipt(dialog);
  await dialog.getByRole('button', { name: 'Xem tình trạng xử lý' }).click();
  await expect(dialog.getByLabel('Mã phản ánh')).toHaveValue(receipt.reference);

  await context.setOffline(true);
  await dialog.getByRole('button', { name: 'Tra cứu', exact: true }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'Không kết nối được máy chủ' })).toBeVisible();
  await expect(dialog.getByLabel('Mã phản ánh')).toHaveValue(receipt.reference);
  await expect(dialog.getByLabel('Mã tra cứu')).toHaveValue(receipt.accessKey);

  await context.setOffline(false);
  await dialog.getByRole('button', { name: 'Tra cứu', exact: true }).click();
  await expect(dialog.getByTestId('track-status')).toHaveText('Đã tiếp nhận');
  expect(errors).toEqual([]);
});
