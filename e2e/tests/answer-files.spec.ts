import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import {
  PAKN,
  expectNoAxeViolations,
  forwardToWard,
  openCase,
  openWidget,
  readReceipt,
  signIn,
  signOut,
  submitReport,
  track,
  watchConsole,
  type Receipt,
} from './support.ts';

/**
 * Issue 5: the unit's answer carries files. The ward handler attaches a PDF for the citizen and an internal
 * note, the officer sees both before verifying, and the citizen tracking in the widget sees and downloads only
 * the file meant for them.
 */
// Each test signs in, uploads and downloads: more steps than most journeys, and the machine may be shared.
test.describe.configure({ mode: 'serial', timeout: 60_000 });

const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% kết quả xử lý\n%%EOF\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);
const answerText = 'Phường đã kiểm tra, trả kết quả hồ sơ ngày hôm nay và xin lỗi Ông/Bà vì sự chậm trễ. Văn bản trả lời gửi kèm.';
let receipt: Receipt;

test('the ward handler attaches a file for the citizen and an internal one to the answer', async ({ page }) => {
  const errors = watchConsole(page);
  receipt = await submitReport(page, {
    category: 'Trả kết quả muộn so với ngày hẹn',
    description: 'Hồ sơ cấp đổi giấy phép lái xe của tôi bị trả muộn 6 ngày so với giấy hẹn mà không có thông báo.',
  });
  await forwardToWard(receipt.reference);

  await signIn(page, 'xuly.hoankiem');
  await openCase(page, receipt.reference);
  await page.getByLabel('Phản ánh đúng', { exact: true }).check();
  await page.getByLabel('Nội dung trả lời người dân').fill(answerText);

  // A file that is not an image or a PDF is refused with a clear reason, and can be removed.
  const picker = page.getByLabel('Chọn tệp');
  await picker.setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('ghi chú') });
  await expect(page.getByText('Chỉ nhận ảnh (JPEG, PNG, WebP) hoặc tệp PDF.')).toBeVisible();
  await page.getByRole('button', { name: 'Xóa tệp ghi-chu.txt' }).click();
  await expect(page.getByText('Chỉ nhận ảnh (JPEG, PNG, WebP) hoặc tệp PDF.')).toHaveCount(0);

  await picker.setInputFiles([
    { name: 'van-ban-tra-loi.pdf', mimeType: 'application/pdf', buffer: pdf },
    { name: 'bien-ban-noi-bo.png', mimeType: 'image/png', buffer: png },
  ]);
  const items = page.getByTestId('answer-upload-item');
  await expect(items.filter({ hasText: 'Đã tải lên' })).toHaveCount(2);
  await items.filter({ hasText: 'bien-ban-noi-bo.png' }).getByLabel('Nội bộ (không gửi người dân)').check();
  await page.getByRole('button', { name: 'Gửi kết quả cho Trung tâm', exact: true }).click();
  await expect(page.getByText('Trung tâm đang kiểm tra kết quả trả lời').first()).toBeVisible();
  const listed = page.getByTestId('answer-file');
  await expect(listed).toHaveCount(2);
  expect(errors).toEqual([]);
});

test('the officer sees both files, downloads the internal one, and verifies the answer', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'tiepnhan');
  await openCase(page, receipt.reference);
  const listed = page.getByTestId('answer-file');
  await expect(listed).toHaveCount(2);
  await expect(listed.filter({ hasText: 'van-ban-tra-loi.pdf' })).toContainText('Gửi người dân');
  await expect(listed.filter({ hasText: 'bien-ban-noi-bo.png' })).toContainText('Nội bộ');
  await expectNoAxeViolations(page, 'on the case page with an answer and its files to verify');
  // Issue 9: an audited download is a POST with the anti-CSRF header, saved from a blob under the server's name.
  const internal = listed.filter({ hasText: 'bien-ban-noi-bo.png' }).getByRole('button', { name: 'Tải xuống: bien-ban-noi-bo.png' });
  await expect(listed.getByRole('link')).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), internal.click()]);
  expect(download.suggestedFilename()).toBe('bien-ban-noi-bo.png');
  expect(await readFile(await download.path())).toEqual(png);
  await page.getByRole('button', { name: 'Duyệt kết quả, gửi người dân', exact: true }).click();
  await expect(page.getByText('Đã có kết quả trả lời').first()).toBeVisible();
  await expect(page.getByTestId('answer-file')).toHaveCount(2);
  await signOut(page);
  expect(errors).toEqual([]);
});

test('the citizen tracking in the widget sees only the file for them and downloads it', async ({ page }) => {
  const errors = watchConsole(page);
  const dialog = await track(page, receipt);
  await expect(dialog.getByTestId('track-answer')).toContainText(answerText);
  const files = dialog.getByTestId('track-answer-files').getByRole('listitem');
  await expect(files).toHaveCount(1);
  await expect(files).toContainText('van-ban-tra-loi.pdf');
  await expect(dialog.getByText('bien-ban-noi-bo.png')).toHaveCount(0);
  await expectNoAxeViolations(page, 'showing the answer with its file');
  const download = page.waitForEvent('download');
  await files.getByRole('button').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('van-ban-tra-loi.pdf');
  expect(await readFile(await saved.path())).toEqual(pdf);
  expect(errors).toEqual([]);
});

test("the officer saves the citizen's file from the case page, and a plain link to it saves nothing", async ({ page }) => {
  const errors = watchConsole(page);
  const dialog = await openWidget(page);
  await dialog.getByLabel('Loại phản ánh').selectOption({ label: 'Trả kết quả muộn so với ngày hẹn' });
  await dialog.getByLabel('Nội dung phản ánh').fill('Giấy hẹn trả kết quả hồ sơ đã quá 5 ngày, tôi gửi kèm ảnh chụp giấy hẹn để cán bộ kiểm tra.');
  const input = dialog.getByLabel('Tệp đính kèm (không bắt buộc)');
  await expect(dialog.getByTestId('chosen-files')).toHaveText('Chưa chọn tệp nào.');
  await input.setInputFiles({ name: 'giấy hẹn.png', mimeType: 'image/png', buffer: png });
  await expect(dialog.getByText('Đã tải lên')).toBeVisible();
  // Issue 13: the widget says what is chosen; the browser's own "no file chosen" (the input is emptied) is hidden.
  await expect(dialog.getByTestId('chosen-files')).toHaveText('Đã chọn 1 tệp:');
  expect(await input.evaluate((el) => getComputedStyle(el).color)).toBe('rgba(0, 0, 0, 0)');
  await dialog.getByRole('button', { name: 'Gửi', exact: true }).click();
  const withFile = await readReceipt(dialog);

  await signIn(page, 'tiepnhan');
  await openCase(page, withFile.reference);
  const attachment = page.getByTestId('case-attachment');
  await expect(attachment).toHaveCount(1);
  await expect(attachment.getByRole('link')).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), attachment.getByRole('button', { name: 'Tải xuống: giấy hẹn.png' }).click()]);
  expect(download.suggestedFilename()).toBe('giấy hẹn.png');
  expect(await readFile(await download.path())).toEqual(png);

  // What a link or an image on a page of the same site would do with the officer's cookie: refused, not audited.
  const caseId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const listedFiles = await page.evaluate(async (id) => {
    const response = await fetch(`/trpc/case.attachments?input=${encodeURIComponent(JSON.stringify({ caseId: id }))}`, { credentials: 'same-origin' });
    return ((await response.json()) as { result: { data: { url: string }[] } }).result.data.map((f) => f.url);
  }, caseId);
  expect(listedFiles).toHaveLength(1);
  const viaLink = await page.request.get(`${PAKN}${listedFiles[0] ?? ''}`);
  expect(viaLink.status()).toBe(405);
  expect(viaLink.headers()['content-disposition']).toBeUndefined();
  expect(errors).toEqual([]);
});
