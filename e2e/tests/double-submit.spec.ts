import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  DEMO_SITE,
  fillReport,
  launcherButton,
  readReceipt,
  signInStaffApi,
  uniqueDescription,
  watchApiRequests,
  watchConsole,
  widgetDialog,
  type StaffApi,
} from './support.ts';

/**
 * Issue 3, "Submitting without losing anything": an idempotency key per submission, so that a double click
 * or a repeated Enter produce exactly one case, one receipt and one event for the host page. The server is
 * asked how many cases carry the report's (unique) description once the widget's requests have settled.
 */

let staff: StaffApi;
test.beforeAll(async () => {
  staff = await signInStaffApi();
});
test.afterAll(async () => {
  await staff.dispose();
});

async function openFilledForm(page: Page, description: string): Promise<Locator> {
  await page.goto(DEMO_SITE);
  // The demo page is the host: it counts the widget's events on document.
  await page.evaluate(() => {
    const w = window as unknown as { submittedEvents: number };
    w.submittedEvents = 0;
    document.addEventListener('pakn-case-submitted', () => w.submittedEvents++);
  });
  await launcherButton(page).click();
  const dialog = widgetDialog(page);
  await expect(dialog.getByLabel('Đơn vị bị phản ánh', { exact: true })).toHaveValue('ward-hoan-kiem');
  await fillReport(dialog, description);
  return dialog;
}

async function expectExactlyOneCase(page: Page, dialog: Locator, api: ReturnType<typeof watchApiRequests>, description: string) {
  await readReceipt(dialog);
  await expect.poll(() => api.inFlight()).toBe(0);
  expect(await staff.casesWithDescription(description)).toBe(1);
  await expect(dialog.getByTestId('receipt-reference')).toHaveCount(1);
  expect(await page.evaluate(() => (window as unknown as { submittedEvents: number }).submittedEvents)).toBe(1);
}

test('a double click on "Gửi" makes one case', async ({ page }) => {
  const errors = watchConsole(page);
  const api = watchApiRequests(page);
  const description = uniqueDescription('Bấm đúp nút Gửi');
  const dialog = await openFilledForm(page, description);
  await dialog.getByRole('button', { name: 'Gửi', exact: true }).dblclick();
  await expectExactlyOneCase(page, dialog, api, description);
  expect(errors).toEqual([]);
});

test('two clicks in the same moment (before any re-render) make one case', async ({ page }) => {
  const errors = watchConsole(page);
  const api = watchApiRequests(page);
  const description = uniqueDescription('Hai cú bấm cùng lúc');
  const dialog = await openFilledForm(page, description);
  await dialog.getByRole('button', { name: 'Gửi', exact: true }).evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  await expectExactlyOneCase(page, dialog, api, description);
  expect(errors).toEqual([]);
});

test('Enter pressed twice in a field makes one case', async ({ page }) => {
  const errors = watchConsole(page);
  const api = watchApiRequests(page);
  const description = uniqueDescription('Nhấn Enter hai lần');
  const dialog = await openFilledForm(page, description);
  await dialog.getByLabel('Họ và tên').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expectExactlyOneCase(page, dialog, api, description);
  expect(errors).toEqual([]);
});
