import { expect, test, type Page } from '@playwright/test';
import { act, caseIdOf, forwardToWard, moveServerClock, openCase, PAKN, signIn, signOut, staffApi, submitReport, track, watchConsole } from './support.ts';

/**
 * The Centre's process in the staff portal (issue 5): intake from the hotline with a repeat caller, a draft
 * the Director returns, an extension, a reminder once the clock has passed the deadline, and a merge.
 * Confidentiality and the full forward → approve → answer → verify path are in journeys.spec.ts.
 */
test.describe.configure({ mode: 'serial' });

const summary = 'Công dân gọi đường dây nóng phản ánh hồ sơ cấp phiếu lý lịch tư pháp trả muộn 5 ngày so với giấy hẹn.';

/** Today's hotline figures as the inbox shows them: "N cuộc gọi từ M số máy". */
async function hotlineCounts(page: Page): Promise<{ calls: number; numbers: number }> {
  await page.goto(`${PAKN}/portal/`);
  const line = page.getByText(/\d+ cuộc gọi từ \d+ số máy/);
  await expect(line).toBeVisible();
  const [, calls, numbers] = /(\d+) cuộc gọi từ (\d+) số máy/.exec((await line.textContent()) ?? '')!;
  return { calls: Number(calls), numbers: Number(numbers) };
}

test('an officer logs a hotline call, and recognises the caller when they call again', async ({ page }) => {
  const errors = watchConsole(page);
  await signIn(page, 'tiepnhan');
  // Other journeys log calls today too: the counts must grow by this journey's calls and numbers.
  const before = await hotlineCounts(page);
  await page.goto(`${PAKN}/portal/intake`);
  await page.getByLabel('Đường dây nóng').check();
  await page.getByLabel('Số điện thoại người gọi').fill('0903 111 222');
  await expect(page.getByText('Số máy này chưa liên hệ lần nào.')).toBeVisible();
  await page.getByLabel('Họ và tên').fill('Phạm Thị Hoa');
  await page.getByLabel('Tóm tắt nội dung phản ánh').fill(summary);
  await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Đã ghi nhận phản ánh' })).toBeVisible();
  const reference = (await page
    .getByText(/PAKN-\d{4}-\d{6}/)
    .first()
    .textContent())!.match(/PAKN-\d{4}-\d{6}/)![0];

  // The caller calls again from the same number, typed differently.
  await page.getByRole('button', { name: 'Ghi nhận liên hệ khác' }).click();
  await page.getByLabel('Đường dây nóng').check();
  await page.getByLabel('Số điện thoại người gọi').fill('+84 903 111 222');
  await expect(page.getByText('Người gọi đã liên hệ 1 lần')).toBeVisible();
  await expect(page.getByText(reference).first()).toBeVisible();
  await page.getByRole('button', { name: 'Ghi nhận là gọi lại về phản ánh này' }).first().click();
  await page.getByLabel('Tóm tắt nội dung phản ánh').fill('Người dân gọi lại hỏi tiến độ xử lý phản ánh trước đó.');
  await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Đã ghi nhận liên hệ lại' })).toBeVisible();

  // The inbox counts the day the way the Centre reports it.
  expect(await hotlineCounts(page)).toEqual({ calls: before.calls + 2, numbers: before.numbers + 1 });
  await openCase(page, reference);
  await expect(page.getByText('0903 *** 222')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the Director returns a draft with a comment, and approves the corrected one', async ({ page }) => {
  const receipt = await submitReport(page, {
    category: 'Trả kết quả muộn so với ngày hẹn',
    description: 'Hồ sơ đăng ký thường trú của tôi bị trả muộn so với giấy hẹn mà không được thông báo lý do.',
  });
  const caseId = await caseIdOf(receipt.reference);
  const intake = await staffApi('tiepnhan');
  await intake.call('case.classify', { caseId, scope: 'in', category: 'late_result' });
  await intake.call('case.draftForwarding', { caseId, unitId: 'ward-cua-nam' });
  await intake.dispose();

  await signIn(page, 'giamdoc');
  await openCase(page, receipt.reference);
  await page.getByLabel('Ý kiến của Giám đốc').fill('Hồ sơ nộp tại phường Hoàn Kiếm; đề nghị chuyển đúng đơn vị.');
  await act(page, 'Trả lại dự thảo', 'Đã phân loại, chờ chuyển xử lý');
  await expect(page.getByText('Hồ sơ nộp tại phường Hoàn Kiếm; đề nghị chuyển đúng đơn vị.').first()).toBeVisible();
  await signOut(page);

  await signIn(page, 'tiepnhan');
  await openCase(page, receipt.reference);
  await expect(page.getByText('Bị trả lại').first()).toBeVisible();
  await page.getByLabel('Đơn vị xử lý').selectOption({ label: 'UBND phường Hoàn Kiếm' });
  await page.getByLabel('Tôi hiểu và vẫn chuyển cho đơn vị này').check();
  await act(page, 'Dự thảo văn bản chuyển xử lý', 'Chờ Giám đốc Trung tâm duyệt chuyển');
  await signOut(page);

  await signIn(page, 'giamdoc');
  await openCase(page, receipt.reference);
  await act(page, 'Duyệt chuyển', 'Đã chuyển đơn vị có thẩm quyền xử lý');
});

test('the ward asks for an extension and the Director grants it; the deadline moves', async ({ page }) => {
  const receipt = await submitReport(page, {
    category: 'Trả kết quả muộn so với ngày hẹn',
    description: 'Hồ sơ cấp giấy chứng nhận quyền sử dụng đất của tôi quá hạn hai tuần chưa có kết quả.',
  });
  await forwardToWard(receipt.reference);
  await signIn(page, 'xuly.hoankiem');
  await openCase(page, receipt.reference);
  const before = await page.getByTestId('case-deadline').textContent();
  await page.getByLabel('Số ngày làm việc gia hạn').fill('10');
  await page.getByLabel('Lý do gia hạn').fill('Cần xác minh với Văn phòng đăng ký đất đai về hồ sơ gốc.');
  await page.getByRole('button', { name: 'Đề nghị gia hạn', exact: true }).click();
  await expect(page.getByText('Đã gửi đề nghị gia hạn tới Giám đốc.')).toBeVisible();
  await signOut(page);

  await signIn(page, 'giamdoc');
  await openCase(page, receipt.reference);
  await page.getByRole('button', { name: 'Đồng ý gia hạn' }).click();
  await expect(page.getByText('Đã đồng ý gia hạn.')).toBeVisible();
  await expect(page.getByTestId('case-deadline')).not.toHaveText(before ?? '');
});

test('once the clock passes the deadline, the case is overdue and the officer sends a reminder (đôn đốc)', async ({ page }) => {
  const receipt = await submitReport(page, {
    category: 'Trả kết quả muộn so với ngày hẹn',
    description: 'Hồ sơ đăng ký khai tử của bố tôi bị trả muộn, cán bộ hẹn lại nhiều lần.',
  });
  await forwardToWard(receipt.reference);
  try {
    await moveServerClock(40 * 86_400_000); // 40 calendar days later: well past 15 working days
    await signIn(page, 'tiepnhan');
    await page.goto(`${PAKN}/portal/follow-up`);
    const overdue = page.getByTestId('follow-up-overdue');
    await expect(overdue.getByRole('link', { name: receipt.reference })).toBeVisible();
    await openCase(page, receipt.reference);
    await expect(page.getByTestId('case-deadline')).toContainText('quá hạn');
    await page.getByLabel('Hình thức').selectOption({ label: 'Đôn đốc' });
    await page.getByLabel('Nội dung ghi nhận').fill('Đề nghị phường trả lời người dân trong tuần này.');
    await page.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await expect(page.getByText('Đã ghi nhận: Đôn đốc.')).toBeVisible();
    await expect(page.getByText('Đề nghị phường trả lời người dân trong tuần này.').first()).toBeVisible();
  } finally {
    await moveServerClock(0);
  }
});

test('an officer merges a duplicate; its citizen is pointed to the case that continues', async ({ page }) => {
  const description = 'Cán bộ một cửa yêu cầu tôi nộp thêm giấy xác nhận tình trạng hôn nhân không có trong quy định.';
  const first = await submitReport(page, { category: 'Từ chối, kéo dài hoặc yêu cầu giấy tờ ngoài quy định', description });
  const duplicate = await submitReport(page, { category: 'Từ chối, kéo dài hoặc yêu cầu giấy tờ ngoài quy định', description: `${description} (gửi lại)` });
  await signIn(page, 'tiepnhan');
  await openCase(page, duplicate.reference);
  await page.getByLabel('Mã phản ánh chính').fill(first.reference);
  await act(page, 'Gộp phản ánh', 'Đã gộp vào phản ánh khác');

  const dialog = await track(page, duplicate);
  await expect(dialog.getByTestId('track-status')).toHaveText('Đã gộp vào phản ánh khác');
  await expect(dialog.getByTestId('track-merged')).toContainText(first.reference);
});
