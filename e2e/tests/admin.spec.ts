import { randomUUID } from 'node:crypto';
import { expect, request, test, type Page } from '@playwright/test';
import { PAKN, expectNoAxeViolations, signIn, signOut, staffApi, watchConsole } from './support.ts';

/**
 * Issue 5, "admin (users, units, sites, …)": the administrator's pages in the staff portal. Accounts made
 * here sign in and see their unit's cases only; the server's refusals land next to the fields; an origin
 * added to a site is one the widget may then be called from.
 */

const PASSWORD = 'mat-khau-thu-nghiem-2026';

function unique(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** Opens a page through the nav's one Administration link and the landing page, as an admin would. */
async function openAdminPage(page: Page, link: string) {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản trị' }).click();
  await expect(page.getByRole('heading', { name: 'Quản trị hệ thống', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: link, exact: true }).click();
  await expect(page.getByRole('heading', { name: link, level: 1 })).toBeVisible();
}

async function inboxReferences(page: Page): Promise<string[]> {
  await expect(page.locator('pakn-inbox tbody tr[data-reference]').first()).toBeVisible();
  return (await page.locator('pakn-inbox tbody tr[data-reference]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-reference') ?? ''))).sort();
}

test('the admin creates a ward handler, who signs in and sees only that ward’s cases', async ({ page }) => {
  const errors = watchConsole(page);
  const username = unique('xuly.thunghiem');
  await signIn(page, 'quantri');
  await openAdminPage(page, 'Tài khoản cán bộ');
  await expect(page.locator('pakn-users tr[data-username="xuly.hoankiem"]')).toContainText('Cán bộ xử lý (đơn vị)');

  await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
  await expect(page.getByLabel('Tên đăng nhập')).toBeFocused();
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Họ và tên').fill('Ngô Thị Thử Nghiệm');
  await page.getByLabel('Vai trò').selectOption({ label: 'Cán bộ xử lý (đơn vị)' });
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  // A unit role without a unit: said next to the unit, before anything is sent.
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  const unit = page.getByLabel('Đơn vị', { exact: true });
  await expect(unit).toHaveAttribute('aria-invalid', 'true');
  await expect(unit).toBeFocused();
  await expect(page.getByText('Cán bộ của đơn vị phải thuộc một đơn vị.')).toBeVisible();

  // About 160 units: the search box narrows the select, tone marks optional.
  await page.getByRole('searchbox', { name: /Tìm đơn vị \(Đơn vị\)/ }).fill('hoan kiem');
  await expect(page.getByText('1 đơn vị khớp.')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(unit).toBeFocused();
  await unit.selectOption({ label: 'UBND phường Hoàn Kiếm' });
  await page.getByLabel('Thư điện tử').fill(`${username}@hoankiem.hanoi.gov.vn`);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `Đã lưu tài khoản ${username}.` })).toBeVisible();
  const row = page.locator(`pakn-users tr[data-username="${username}"]`);
  await expect(row).toContainText('Ngô Thị Thử Nghiệm');
  await expect(row).toContainText('UBND phường Hoàn Kiếm');
  await expect(row.getByRole('button', { name: `Sửa ${username}` })).toBeFocused();

  // The filter finds the account by its unit, typed without marks.
  await page.getByLabel('Lọc danh sách').fill('thu nghiem hoan kiem');
  await expect(page.locator('pakn-users tbody tr')).toHaveCount(1);

  await signOut(page);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByText('Ngô Thị Thử Nghiệm')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Quản trị' })).toHaveCount(0);
  const seen = await inboxReferences(page);

  // The same cases the ward's own handler sees, and fewer than the Centre sees.
  const ward = await staffApi('xuly.hoankiem');
  const wardCases = (await ward.query<{ items: { reference: string; unitId: string | null }[] }>('case.inbox', { status: 'open', limit: 200 })).items;
  await ward.dispose();
  const centre = await staffApi('tiepnhan');
  const allCases = (await centre.query<{ total: number }>('case.inbox', { status: 'open' })).total;
  await centre.dispose();
  expect(wardCases.length).toBeGreaterThan(0);
  expect(wardCases.every((c) => c.unitId === 'ward-hoan-kiem')).toBe(true);
  expect(seen).toEqual(wardCases.map((c) => c.reference).sort());
  expect(allCases).toBeGreaterThan(seen.length);
  expect(errors).toEqual([]);
});

test('a taken username is refused next to the field, and the form keeps what was typed', async ({ page }) => {
  await signIn(page, 'quantri');
  await page.goto(`${PAKN}/portal/admin/users`);
  await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
  await page.getByLabel('Tên đăng nhập').fill('xuly.hoankiem');
  await page.getByLabel('Họ và tên').fill('Người trùng tên đăng nhập');
  await page.getByLabel('Vai trò').selectOption({ label: 'Thanh tra, giám sát' });
  await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();

  const usernameField = page.getByLabel('Tên đăng nhập');
  await expect(usernameField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('pakn-users #username-error')).toHaveText('Tên đăng nhập đã được dùng.');
  await expect(page.getByRole('alert')).toContainText('kiểm tra các trường được đánh dấu');
  await expect(usernameField).toBeFocused();
  await expect(page.getByLabel('Họ và tên')).toHaveValue('Người trùng tên đăng nhập');
  await expect(page.getByLabel('Vai trò')).toHaveValue('inspector');
  await expect(page.getByLabel('Mật khẩu', { exact: true })).toHaveValue(PASSWORD);

  // A too-short password is refused with the minimum shown.
  await usernameField.fill(unique('thanhtra.moi'));
  await page.getByLabel('Mật khẩu', { exact: true }).fill('ngan');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.locator('pakn-users #password-error')).toHaveText('Cần ít nhất 12 ký tự.');
});

test('the admin adds an origin to a site, which the widget may then be called from, and copies its embed code', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: PAKN });
  const origin = `https://${unique('gopy')}.hoankiem.hanoi.gov.vn`;
  await signIn(page, 'quantri');
  await openAdminPage(page, 'Trang web nhúng biểu mẫu');
  const card = page.locator('pakn-sites li[data-key="phuong-hoan-kiem"]');
  await card.getByRole('button', { name: /^Sửa/ }).click();
  const box = page.getByLabel('Địa chỉ được phép nhúng');
  await expect(box).toBeFocused();
  const before = await box.inputValue();

  // A bare domain and an address with a path: each line's problem, in words.
  await box.fill(`${before}\n${origin.replace('https://', '')}\n${origin}/gop-y`);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  const lines = before.split('\n').length;
  await expect(page.getByText(`Dòng ${lines + 1}: “${origin.replace('https://', '')}” không phải địa chỉ trang web`)).toBeVisible();
  await expect(page.getByText(`Dòng ${lines + 2}: “${origin}/gop-y” có đường dẫn hoặc tham số`)).toBeVisible();

  await box.fill(`${before}\n${origin}/`);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu trang web' })).toBeVisible();
  await expect(card.getByRole('button', { name: /^Sửa/ })).toBeFocused();
  await expect(card.getByRole('listitem').filter({ hasText: origin })).toHaveText(origin);
  const snippet = `<script src="${PAKN}/widget/v1/loader.js" data-site="phuong-hoan-kiem" async></script>`;
  await expect(card.getByTestId('snippet')).toHaveText(snippet);
  await expect(card.getByRole('link', { name: `${PAKN}/c/phuong-hoan-kiem` })).toHaveAttribute('href', `${PAKN}/c/phuong-hoan-kiem`);
  await card.getByRole('button', { name: /^Chép đoạn mã/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã chép đoạn mã nhúng' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

  // The server now lets the widget call from the new origin, and still refuses others.
  const api = await request.newContext({ baseURL: PAKN });
  const config = (from: string) =>
    api.get(`/trpc/site.config?input=${encodeURIComponent(JSON.stringify({ siteKey: 'phuong-hoan-kiem' }))}`, { headers: { origin: from } });
  expect((await config(origin)).status()).toBe(200);
  expect((await config('https://khong-dang-ky.example')).status()).toBe(403);
  await api.dispose();
});

test('staff who do not administer see no admin link, and are told plainly they may not open the pages', async ({ page }) => {
  await signIn(page, 'tiepnhan');
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản trị' })).toHaveCount(0);
  for (const path of ['admin/users', 'admin', 'admin/sites']) {
    await page.goto(`${PAKN}/portal/${path}`);
    await expect(page.getByRole('heading', { name: 'Không có quyền truy cập' })).toBeVisible();
    await expect(page.getByText('Trang này dành cho cán bộ có nhiệm vụ khác.')).toBeVisible();
    await expect(page.locator('pakn-users, pakn-admin, pakn-sites')).toHaveCount(0);
  }
});

test('units: grouped from the Centre down, a new ward, a taken id refused; no axe violations on the landing and units pages', async ({ page }) => {
  // axe over every unit's row takes about a minute on a busy two-core machine.
  test.setTimeout(150_000);
  await signIn(page, 'quantri');
  await page.goto(`${PAKN}/portal/admin`);
  await expect(page.getByRole('link', { name: 'Loại phản ánh' })).toHaveAttribute('href', '/portal/admin/categories');
  await expect(page.getByRole('link', { name: 'Mẫu văn bản chuyển xử lý' })).toHaveAttribute('href', '/portal/admin/letter-template');
  await expect(page.getByRole('link', { name: 'Quản trị' })).toHaveAttribute('aria-current', 'page');
  await expectNoAxeViolations(page, 'on the admin landing page');

  await page.getByRole('link', { name: 'Đơn vị', exact: true }).click();
  const units = page.locator('pakn-units');
  await expect(units.getByRole('heading', { level: 2 })).toHaveText([/^Trung tâm/, /^Chi nhánh \(30\)/, /^Sở, ngành/, /^UBND xã/, /^UBND phường/]);
  await expectNoAxeViolations(page, 'on the units page');

  const id = unique('ward-thu-nghiem');
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await page.getByLabel('Mã đơn vị').fill('ward-hoan-kiem');
  await page.getByLabel('Loại đơn vị').selectOption({ label: 'UBND phường' });
  await page.getByLabel('Tên đơn vị').fill('UBND phường Thử Nghiệm');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.locator('pakn-units #id-error')).toHaveText('Mã này đã được dùng. Hãy chọn mã khác, hoặc sửa mục đã có.');
  await expectNoAxeViolations(page, 'on the unit form with an error');
  await page.getByLabel('Mã đơn vị').fill(id);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã lưu đơn vị UBND phường Thử Nghiệm.' })).toBeVisible();
  await page.getByLabel('Lọc danh sách').fill('thu nghiem');
  await expect(units.getByRole('region', { name: /^UBND phường/ }).locator(`tr[data-id="${id}"]`)).toBeVisible();
});

test('no axe violations on the users and sites pages, with their forms and field errors', async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, 'quantri');
  await page.goto(`${PAKN}/portal/admin/users`);
  await expect(page.locator('pakn-users tbody tr').first()).toBeVisible();
  await expectNoAxeViolations(page, 'on the users page');
  await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByLabel('Tên đăng nhập')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'on the account form with errors');

  await page.goto(`${PAKN}/portal/admin/sites`);
  await expect(page.getByTestId('snippet').first()).toBeVisible();
  await expectNoAxeViolations(page, 'on the sites page');
  await page.getByRole('button', { name: 'Thêm trang web' }).click();
  await page.getByLabel('Địa chỉ được phép nhúng').fill('not a url');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(page.getByLabel('Địa chỉ được phép nhúng')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'on the site form with errors');
});
