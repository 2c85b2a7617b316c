import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, focusedElement, forwardToWard, openCase, signIn, signOut, submitReport, watchConsole } from './support.ts';

/**
 * Issue 5, "record and summarise each report": the Centre corrects a case's summary on the case page until
 * the case is forwarded; the earlier text stays in the history, which the ward never sees.
 */

test('the officer corrects the summary before forwarding; afterwards nobody can, and the ward sees neither button nor edit', async ({ page }) => {
  // A widget submission and three sign-ins on a shared, busy machine: more than the default 30 s.
  test.setTimeout(90_000);
  const errors = watchConsole(page);
  const original = 'Hồ sơ đăng ký kết hôn của tôi bị trả muộn, cán bộ không giải thích lý do.';
  const corrected = 'Hồ sơ đăng ký kết hôn nộp tại phường Hoàn Kiếm ngày 3/11 bị trả muộn 6 ngày so với giấy hẹn, cán bộ không giải thích lý do.';
  const receipt = await submitReport(page, { category: 'Trả kết quả muộn so với ngày hẹn', description: original });

  await signIn(page, 'tiepnhan');
  await openCase(page, receipt.reference);
  await expect(page.getByTestId('case-description')).toHaveText(original);
  const edit = page.getByRole('button', { name: 'Sửa nội dung tóm tắt' });
  await edit.click();

  const textarea = page.getByLabel('Nội dung tóm tắt', { exact: true });
  await expect(textarea).toHaveValue(original);
  expect(await focusedElement(page)).toMatchObject({ tag: 'textarea', name: 'Nội dung tóm tắt' });
  await expect(page.getByTestId('summary-count')).toHaveText(`${original.length} ký tự (từ 20 đến 5000 ký tự)`);
  await expectNoAxeViolations(page, 'summary form open');

  // Too short: the field says so, and the officer's text and the form stay.
  await textarea.fill('Trả muộn.');
  await expect(page.getByTestId('summary-count')).toHaveText('9 ký tự (từ 20 đến 5000 ký tự)');
  await page.getByRole('button', { name: 'Lưu nội dung' }).click();
  await expect(page.getByText('Cần ít nhất 20 ký tự.')).toBeVisible();
  await expect(textarea).toHaveValue('Trả muộn.');
  await expect(textarea).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'summary form with an error');

  // Cancel puts focus back on the button and leaves the text as it was.
  await page.getByRole('button', { name: 'Hủy' }).click();
  await expect(page.getByTestId('case-description')).toHaveText(original);
  expect(await focusedElement(page)).toMatchObject({ name: 'Sửa nội dung tóm tắt' });

  await edit.click();
  await expect(textarea).toHaveValue(original);
  await textarea.fill(corrected);
  await page.getByRole('button', { name: 'Lưu nội dung' }).click();
  await expect(page.getByText('Đã lưu nội dung tóm tắt. Nội dung cũ được giữ trong lịch sử xử lý.')).toBeVisible();
  await expect(page.getByTestId('case-description')).toHaveText(corrected);
  await expect(textarea).toHaveCount(0);
  expect(await focusedElement(page)).toMatchObject({ name: 'Sửa nội dung tóm tắt' });
  const edited = page.getByTestId('case-history').locator('li[data-kind="summary_edited"]');
  await expect(edited).toContainText('Trung tâm chỉnh sửa nội dung tóm tắt');
  await expect(edited).toContainText(original);

  // Someone else forwards the case while the officer is typing: the form closes, and what was typed stays
  // on the page to copy.
  const typed = `${corrected} Bổ sung: đã gọi lại cho công dân.`;
  await edit.click();
  await textarea.fill(typed);
  await forwardToWard(receipt.reference);
  await expect(page.getByTestId('summary-unsaved')).toContainText('Phản ánh đã chuyển sang bước xử lý khác');
  await expect(page.getByLabel('Nội dung bạn đã gõ (chưa lưu)')).toHaveValue(typed);
  await expectNoAxeViolations(page, 'summary typed while the case moved on');

  // Forwarded: the letter quotes the text, which is now the ward's to work from.
  await page.reload();
  await expect(page.getByTestId('case-description')).toHaveText(corrected);
  await expect(page.getByTestId('case-status')).not.toHaveText('Đã tiếp nhận');
  await expect(page.getByRole('button', { name: 'Sửa nội dung tóm tắt' })).toHaveCount(0);
  await signOut(page);

  await signIn(page, 'xuly.hoankiem');
  await openCase(page, receipt.reference);
  await expect(page.getByTestId('case-description')).toHaveText(corrected);
  await expect(page.getByRole('button', { name: 'Sửa nội dung tóm tắt' })).toHaveCount(0);
  await expect(page.getByTestId('case-history').locator('li[data-kind="summary_edited"]')).toHaveCount(0);
  await expect(page.getByTestId('case-history')).not.toContainText(original);
  expect(errors).toEqual([]);
});
