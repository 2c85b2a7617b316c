import { randomUUID } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { moveServerClock, PAKN, signIn, staffApi, watchConsole } from './support.ts';

/**
 * Issue 11: the inbox, its search, the follow-up lists, the forwarding register and the audit log page through
 * everything, 50 to a page: "next page", a link to a page (the cursor is in the address), back to the first page.
 * The journeys log more calls than a page holds (and forward more letters than a page holds), and close them at
 * the end so that the other journeys' inbox is as before (the forwarded ones by merging them into a logged call).
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const CALLS = 55;
/** A word nobody else logs: the first group of a UUID. */
const code = randomUUID().split('-')[0] ?? 'paging';
const caseIds: string[] = [];
/** The cases forwarded for the register's pages. */
const forwardedIds: string[] = [];

test.beforeAll(async () => {
  const intake = await staffApi('tiepnhan');
  for (let i = 0; i < CALLS; i++) {
    const logged = await intake.call<{ caseId: string }>('intake.logContact', {
      channel: 'hotline',
      summary: `Công dân gọi hỏi về hồ sơ cấp đổi giấy phép lái xe chậm trả (đợt ${code}, cuộc gọi ${i + 1}).`,
      confidential: false,
    });
    caseIds.push(logged.caseId);
  }
  await intake.dispose();
});

test.afterAll(async () => {
  await moveServerClock(0);
  const intake = await staffApi('tiepnhan');
  // Closed as duplicates of a call that is closed below.
  for (const duplicateId of forwardedIds) await intake.call('case.merge', { primaryId: caseIds[0], duplicateId });
  for (const caseId of caseIds) {
    await intake.call('case.classify', { caseId, scope: 'out', outOfScopeClass: 'other', referral: 'Đề nghị liên hệ Sở Xây dựng (dữ liệu kiểm thử).' });
  }
  await intake.dispose();
});

const rows = (page: Page) => page.locator('pakn-inbox tbody tr[data-reference]');
const references = (page: Page) => rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-reference') ?? ''));

test('the inbox shows 50 cases a page, the next page, a link to it, and the first page again', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'tiepnhan');
  await expect(rows(page)).toHaveCount(50);
  const first = await references(page);
  await expect(page.locator('pakn-inbox .summary')).toHaveText(/^\d+ phản ánh$/);

  await page.getByRole('button', { name: 'Trang sau ›' }).click();
  await expect(page).toHaveURL(/[?&]page=[A-Za-z0-9_-]+/);
  await expect(rows(page).first()).not.toHaveAttribute('data-reference', first[0] ?? '');
  const second = await references(page);
  expect(second.filter((r) => first.includes(r))).toEqual([]);

  // Previous page: the one it came from.
  await page.getByRole('button', { name: '‹ Trang trước' }).click();
  await expect(page).not.toHaveURL(/[?&]page=/);
  await expect(rows(page).first()).toHaveAttribute('data-reference', first[0] ?? '');

  await secondPageByLink(page, rows(page), first[0] ?? '', second[0] ?? '');
  expect(errors).toEqual([]);
});

/**
 * After "previous page": browser Back walks to the second page again, and its address is a link to it. Opened by
 * its link, the page knows no page before it: it offers the first page.
 */
async function secondPageByLink(page: Page, list: Locator, first: string, second: string): Promise<void> {
  await page.goBack();
  await expect(page).toHaveURL(/[?&]page=/);
  await expect(list.first()).toHaveAttribute('data-reference', second);
  const link = page.url();
  await page.goto(`${PAKN}/portal/`);
  await page.goto(link);
  await expect(list.first()).toHaveAttribute('data-reference', second);
  await page.getByRole('button', { name: '« Trang đầu' }).click();
  await expect(page).not.toHaveURL(/[?&]page=/);
  await expect(list.first()).toHaveAttribute('data-reference', first);
}

test('a link to a page that is not one says so, in Vietnamese, and offers the first page', async ({ page }) => {
  await signIn(page, 'tiepnhan');
  await page.goto(`${PAKN}/portal/?page=not-a-page`);
  await expect(page.getByText('Liên kết tới trang danh sách này không hợp lệ hoặc đã cũ. Vui lòng mở lại trang đầu.')).toBeVisible();
  // Trying the same link again would fail again: the button opens the first page instead.
  await page.getByRole('button', { name: 'Mở trang đầu' }).click();
  await expect(page).not.toHaveURL(/[?&]page=/);
  await expect(rows(page)).toHaveCount(50);

  await page.goto(`${PAKN}/portal/follow-up?overdue=not-a-page`);
  await page.getByRole('button', { name: 'Mở trang đầu' }).click();
  await expect(page).not.toHaveURL(/[?&]overdue=/);
  await expect(page.locator('pakn-follow-up #overdue-heading')).toBeVisible();
});

test('search results come a page at a time', async ({ page }) => {
  await signIn(page, 'tiepnhan');
  const search = page.getByRole('searchbox', { name: 'Tìm kiếm phản ánh' });
  await search.fill(code);
  await search.press('Enter');
  await expect(page).toHaveURL(new RegExp(`[?&]q=${code}`));
  await expect(rows(page)).toHaveCount(50);
  await expect(page.locator('pakn-inbox .summary')).toHaveText('50 kết quả trên trang này');
  await page.getByRole('button', { name: 'Trang sau ›' }).click();
  await expect(rows(page)).toHaveCount(CALLS - 50);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${code}.*[?&]page=|[?&]page=.*[?&]q=${code}`));
  await expect(page.getByRole('button', { name: 'Trang sau ›' })).toHaveCount(0);
  // Reloaded, the same page of the same search.
  await page.reload();
  await expect(search).toHaveValue(code);
  await expect(rows(page)).toHaveCount(CALLS - 50);
});

test('the follow-up page pages its overdue list, with the page in the address', async ({ page }) => {
  // A week later: every call logged above is overdue for classification (one working day).
  await moveServerClock(7 * 86_400_000);
  await signIn(page, 'giamdoc');
  await page.getByRole('link', { name: 'Theo dõi, đôn đốc' }).click();
  const overdue = page.getByTestId('follow-up-overdue');
  await expect(overdue.getByTestId('follow-up-row')).toHaveCount(50);
  const first = await overdue.getByTestId('follow-up-row').first().getAttribute('data-reference');
  await overdue.getByRole('button', { name: 'Trang sau ›' }).click();
  await expect(page).toHaveURL(/[?&]overdue=[A-Za-z0-9_-]+/);
  await expect(overdue.getByTestId('follow-up-row').first()).not.toHaveAttribute('data-reference', first ?? '');
  await page.reload();
  await expect(overdue.getByRole('button', { name: '« Trang đầu' })).toBeVisible();
  await overdue.getByRole('button', { name: '« Trang đầu' }).click();
  await expect(overdue.getByTestId('follow-up-row').first()).toHaveAttribute('data-reference', first ?? '');
  await moveServerClock(0);
});

const letterRows = (page: Page) => page.locator('pakn-register tbody tr[data-reference]');

test('the forwarding register shows 50 letters a page, the next page, a link to it, and the first page again', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchConsole(page);
  // More letters than a page holds, each numbered when the Director approves it.
  const intake = await staffApi('tiepnhan');
  const director = await staffApi('giamdoc');
  for (let i = 0; i < 51; i++) {
    const logged = await intake.call<{ caseId: string }>('intake.logContact', {
      channel: 'hotline',
      summary: `Công dân gọi về hồ sơ đất đai chậm trả (đợt ${code}, văn bản ${i + 1}).`,
      confidential: false,
    });
    forwardedIds.push(logged.caseId);
    await intake.call('case.classify', { caseId: logged.caseId, scope: 'in', category: 'late_result' });
    await intake.call('case.draftForwarding', { caseId: logged.caseId, unitId: 'dept-health', confirmSelfReview: true });
    await director.call('case.approveForwarding', { caseId: logged.caseId });
  }
  await intake.dispose();
  await director.dispose();

  await signIn(page, 'tiepnhan');
  await page.getByRole('link', { name: 'Sổ văn bản chuyển' }).click();
  await expect(letterRows(page)).toHaveCount(50);
  await expect(page.locator('pakn-register .summary')).toHaveText(/^\d+ văn bản đã duyệt, \d+ dự thảo$/);
  const first = await letterRows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-reference') ?? ''));
  await page.getByRole('button', { name: 'Trang sau ›' }).click();
  await expect(page).toHaveURL(/[?&]page=[A-Za-z0-9_-]+/);
  await expect(letterRows(page).first()).not.toHaveAttribute('data-reference', first[0] ?? '');
  const second = await letterRows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-reference') ?? ''));
  expect(second.filter((r) => first.includes(r))).toEqual([]);
  await page.getByRole('button', { name: '‹ Trang trước' }).click();
  await expect(letterRows(page).first()).toHaveAttribute('data-reference', first[0] ?? '');

  await secondPageByLink(page, letterRows(page), first[0] ?? '', second[0] ?? '');
  expect(errors).toEqual([]);

  // A link to a page that is not one (the browser logs the refused request): said in Vietnamese, with the first page offered.
  await page.goto(`${PAKN}/portal/register?page=not-a-page`);
  await expect(page.getByText('Liên kết tới trang danh sách này không hợp lệ hoặc đã cũ. Vui lòng mở lại trang đầu.')).toBeVisible();
  await page.getByRole('button', { name: 'Mở trang đầu' }).click();
  await expect(page).not.toHaveURL(/[?&]page=/);
  await expect(letterRows(page)).toHaveCount(50);
});

test('the audit log pages 50 entries at a time, with its total, and a filter starts at its first page', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'thanhtra');
  await page.getByRole('link', { name: 'Nhật ký kiểm tra' }).click();
  const log = page.getByTestId('audit-log');
  const entries = log.locator('tbody tr');
  await expect(entries).toHaveCount(50);
  await expect(log.getByTestId('audit-total')).toHaveText(/^\d+ mục, 50 mục mỗi trang$/);
  const seqs = async () => (await entries.locator('td:first-child').allTextContents()).map(Number);
  const first = await seqs();
  await log.getByRole('button', { name: 'Trang sau ›' }).click();
  await expect(entries.first().locator('td').first()).not.toHaveText(String(first[0]));
  const second = await seqs();
  expect(second.filter((seq) => first.includes(seq))).toEqual([]);
  await log.getByRole('button', { name: '‹ Trang trước' }).click();
  await expect(entries.first().locator('td').first()).toHaveText(String(first[0]));
  // A filter starts again at its first page.
  await log.getByRole('button', { name: 'Trang sau ›' }).click();
  await log.getByLabel('Thao tác (hoặc phần đầu, ví dụ case. hay export.)').fill('case.');
  await log.getByRole('button', { name: 'Lọc', exact: true }).click();
  await expect(log.getByRole('button', { name: '‹ Trang trước' })).toHaveCount(0);
  await expect(entries.first()).toHaveAttribute('data-action', /^case\./);
  expect(errors).toEqual([]);
});
