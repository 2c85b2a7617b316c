import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, PAKN, signIn, watchConsole } from './support.ts';

/** The directory of competent authorities: its editor's fields keep their ids, wiring and focus moves. */
test('the admin’s authority editor marks empty fields next to them, moves the focus, and has no axe violations', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'quantri');
  await page.goto(`${PAKN}/portal/admin/authorities`);
  await expect(page.getByRole('heading', { name: 'Danh mục cơ quan có thẩm quyền', level: 1 })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();

  await page.getByRole('button', { name: 'Thêm cơ quan' }).click();
  const id = page.getByLabel('Mã cơ quan');
  await expect(id).toBeFocused();
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(id).toBeFocused();
  await expect(id).toHaveAttribute('aria-invalid', 'true');
  await expect(id).toHaveAttribute('aria-describedby', 'id-hint id-error');
  await expect(page.getByLabel('Loại nội dung ngoài phạm vi')).toHaveAttribute('aria-describedby', 'outOfScopeClass-error');
  await expect(page.getByLabel('Tên cơ quan (tiếng Việt)')).toHaveAttribute('aria-describedby', 'nameVi-error');
  await expect(page.getByLabel('Hướng dẫn cho người dân (tiếng Anh)')).toHaveAttribute('aria-describedby', 'referralEn-hint referralEn-error');
  await expectNoAxeViolations(page, 'on the authorities page with field errors');

  await page.getByLabel('Tên cơ quan (tiếng Việt)').fill('Cơ quan thử');
  await expect(page.getByLabel('Tên cơ quan (tiếng Việt)')).toHaveAttribute('aria-invalid', 'false');
  await page.getByRole('button', { name: 'Hủy' }).click();
  await expect(page.getByRole('button', { name: 'Thêm cơ quan' })).toBeFocused();

  await page.locator('pakn-authorities [data-edit]').first().click();
  await expect(page.getByLabel('Mã cơ quan')).toHaveAttribute('readonly', '');
  await expect(page.getByLabel('Loại nội dung ngoài phạm vi')).toBeFocused();
  expect(errors).toEqual([]);
});
