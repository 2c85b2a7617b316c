import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { forwardToWard, signIn, signOut, staffApi, submitReport, watchConsole } from './support.ts';

/**
 * Search in the inbox (issue 5): typed without diacritics, kept in the address, and blind to the identity of
 * a citizen who asked for confidentiality when the unit concerned searches.
 */
// Each test submits through the widget (proof of work) before it searches: slower than most on a shared machine.
test.describe.configure({ mode: 'serial', timeout: 60_000 });

/** A word nobody else submits: the first group of a UUID. */
function marker(): string {
  return randomUUID().split('-')[0]!;
}

function searchBox(page: Page) {
  return page.getByRole('searchbox', { name: 'Tìm kiếm phản ánh' });
}

function rowOf(page: Page, reference: string) {
  return page.locator('tr', { has: page.getByRole('link', { name: reference }) });
}

test('the officer finds a case written with diacritics by typing without them, and the address keeps the search', async ({ page }) => {
  const errors = watchConsole(page);
  const code = marker();
  const receipt = await submitReport(page, {
    category: 'Trả kết quả muộn so với ngày hẹn',
    description: `Hồ sơ đăng ký đất đai nộp ở bộ phận một cửa trên Đường Đội Cấn bị trả muộn hai tuần (mã ${code}).`,
  });

  await signIn(page, 'tiepnhan');
  // "/" goes to the search box.
  await page.getByRole('heading', { name: 'Hộp thư phản ánh' }).click();
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type(`duong doi can ${code}`);
  await expect(rowOf(page, receipt.reference)).toBeVisible();
  await expect(page.locator('pakn-inbox tbody tr')).toHaveCount(1);
  await expect(page).toHaveURL(new RegExp(`[?&]q=duong\\+doi\\+can\\+${code}`));

  // Reload: the search comes back from the address.
  await page.reload();
  await expect(searchBox(page)).toHaveValue(`duong doi can ${code}`);
  await expect(rowOf(page, receipt.reference)).toBeVisible();

  // Nothing matches: said so, with the query.
  await searchBox(page).fill(`dat dai ${code} khongcogi`);
  await searchBox(page).press('Enter');
  await expect(page.getByTestId('search-empty')).toHaveText(`Không tìm thấy phản ánh nào khớp với “dat dai ${code} khongcogi”.`);

  // Clearing shows the whole inbox again and drops q from the address.
  await page.getByRole('button', { name: 'Xóa tìm kiếm' }).click();
  await expect(searchBox(page)).toHaveValue('');
  await expect(page).not.toHaveURL(/[?&]q=/);
  await expect(page.locator('pakn-inbox tbody tr').nth(1)).toBeVisible();
  expect(errors).toEqual([]);
});

test("the ward handler cannot find a confidential case by the citizen's name, only by what it says", async ({ page }) => {
  const code = marker();
  const receipt = await submitReport(page, {
    category: 'Trả kết quả muộn so với ngày hẹn',
    description: `Cán bộ phường hẹn trả giấy xác nhận cư trú ba lần vẫn chưa có (mã ${code}).`,
    name: 'Khổng Thị Diệu Linh',
    phone: '0913 579 246',
  });
  const caseId = await forwardToWard(receipt.reference);
  const intake = await staffApi('tiepnhan');
  expect((await intake.query<{ confidential: boolean }>('case.get', { caseId })).confidential).toBe(true);
  // The Centre finds it by the name.
  expect(
    (await intake.query<{ items: { reference: string }[] }>('case.inbox', { status: 'all', q: 'khong thi dieu linh' })).items.map((c) => c.reference),
  ).toEqual([receipt.reference]);
  await intake.dispose();

  await signIn(page, 'xuly.hoankiem');
  for (const q of ['Khổng Thị Diệu Linh', 'khong thi dieu linh', '0913579246']) {
    await searchBox(page).fill(q);
    await searchBox(page).press('Enter');
    await expect(page.getByTestId('search-empty')).toBeVisible();
    await expect(page.getByRole('link', { name: receipt.reference })).toHaveCount(0);
  }
  await searchBox(page).fill(`xac nhan cu tru ${code}`);
  await searchBox(page).press('Enter');
  await expect(rowOf(page, receipt.reference)).toBeVisible();
  await signOut(page);
});
