import { expect, type Page } from '@playwright/test';

export const PAKN = 'http://127.0.0.1:18480';
export const DEMO_SITE = 'http://127.0.0.1:18481/';
export const DEMO_PASSWORD = 'pakn-demo-2026';

/** Fails the test on any console error or uncaught exception (CSP violations and bundle parse errors land here). */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export async function openWidget(page: Page) {
  await page.goto(DEMO_SITE);
  const launcher = page.getByRole('button', { name: 'Phản ánh, kiến nghị' });
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  await launcher.click();
  await expect(launcher).toHaveAttribute('aria-expanded', 'true');
  const dialog = page.getByRole('dialog', { name: 'Phản ánh, kiến nghị' });
  await expect(dialog).toBeVisible();
  return dialog;
}

export interface Receipt {
  readonly reference: string;
  readonly accessKey: string;
}

export async function submitReport(
  page: Page,
  report: { category: string; description: string; name?: string; phone?: string },
  screenshot?: string,
): Promise<Receipt> {
  const dialog = await openWidget(page);
  await dialog.getByLabel('Loại phản ánh').selectOption({ label: report.category });
  await dialog.getByLabel('Nội dung phản ánh').fill(report.description);
  if (screenshot) await page.screenshot({ path: screenshot });
  if (report.name) await dialog.getByLabel('Họ và tên').fill(report.name);
  if (report.phone) await dialog.getByLabel('Số điện thoại').fill(report.phone);
  if (report.name || report.phone) await dialog.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
  await dialog.getByRole('button', { name: 'Gửi', exact: true }).click();
  const reference = (await dialog.getByTestId('receipt-reference').textContent())?.trim() ?? '';
  const accessKey = (await dialog.getByTestId('receipt-access-key').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^PAKN-\d{4}-\d{6}$/);
  expect(accessKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  return { reference, accessKey };
}

export async function track(page: Page, receipt: Receipt) {
  const dialog = await openWidget(page);
  await dialog.getByRole('button', { name: 'Theo dõi phản ánh' }).click();
  await dialog.getByLabel('Mã phản ánh').fill(receipt.reference);
  await dialog.getByLabel('Mã tra cứu').fill(receipt.accessKey);
  await dialog.getByRole('button', { name: 'Tra cứu', exact: true }).click();
  return dialog;
}

export async function signIn(page: Page, username: string) {
  await page.goto(`${PAKN}/portal/`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
}

export async function openCase(page: Page, reference: string) {
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { name: reference })).toBeVisible();
}
