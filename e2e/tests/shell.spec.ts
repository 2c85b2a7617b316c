import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, PAKN, signIn, watchConsole } from './support.ts';

/**
 * Issue 10 made the shell's login form and shortcut help elements of their own, and the page table drives the
 * navigation: the journeys through them stay as they were.
 */

test('issue 10: the login form marks empty fields, says why a sign-in was refused, and selects the password again', async ({ page }) => {
  await page.goto(`${PAKN}/portal/`);
  await expect(page).toHaveTitle(/^Đăng nhập – /);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByLabel('Tên đăng nhập')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Tên đăng nhập')).toBeFocused();

  await page.getByLabel('Tên đăng nhập').fill('tiepnhan');
  await page.getByLabel('Mật khẩu').fill(`${DEMO_PASSWORD}-wrong`);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByLabel('Mật khẩu')).toBeFocused();

  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
  await expect(page).toHaveTitle(/^Hộp thư phản ánh – /);
});

test('issue 10: "?" opens the shortcut help, "g i" goes to the inbox, the navigation marks the page shown', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'tiepnhan');
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await nav.getByRole('link', { name: 'Theo dõi, đôn đốc' }).click();
  await expect(page).toHaveTitle(/^Theo dõi, đôn đốc – /);
  await expect(nav.getByRole('link', { name: 'Theo dõi, đôn đốc' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Hộp thư' })).not.toHaveAttribute('aria-current', 'page');
  // Not allowed to this role: no link.
  await expect(nav.getByRole('link', { name: 'Quản trị' })).toHaveCount(0);

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Phím tắt' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /g rồi i/ })).toContainText('Về hộp thư phản ánh');
  await help.getByRole('button', { name: 'Đóng' }).click();
  await expect(help).toBeHidden();

  // The keys go to the page again (not to the closed dialog's button, which may hold the focus a moment).
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('g');
  await page.keyboard.press('i');
  await expect(page).toHaveURL(/\/portal\/$/);
  await expect(page).toHaveTitle(/^Hộp thư phản ánh – /);
  await expect(nav.getByRole('link', { name: 'Hộp thư' })).toHaveAttribute('aria-current', 'page');

  await page.goto(`${PAKN}/portal/no-such-page`);
  await expect(page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' })).toBeVisible();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng nhập' })).toBeVisible();
  await expect(page).toHaveURL(/\/portal\/$/);
  expect(errors).toEqual([]);
});
