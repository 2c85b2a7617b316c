import { expect, test, type Page } from '@playwright/test';
import { act, openCase, signIn, submitReport, watchConsole } from './support.ts';

/**
 * Issue 10: what the case page asks the server when the officer makes a move. The mutation answers with the
 * moved case, so the page never reads the case itself again; it reads again only what the move may have
 * added (letters, records). Calls are counted where the page makes them (its `fetch`), so that a call in the
 * same batch as another is counted too.
 */

declare global {
  interface Window {
    paknCalls: string[];
  }
}

/** Records every tRPC procedure the page calls, batched or not. */
async function countCalls(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.paknCalls = [];
    const original = window.fetch.bind(window);
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      if (url.pathname.startsWith('/trpc/')) window.paknCalls.push(...url.pathname.slice('/trpc/'.length).split(','));
      return original(input, init);
    };
  });
}

/**
 * Makes a move with `move`, and returns the calls the page made for it: until the live feed's echo of the
 * move has come back and whatever the page does on it has been sent (two turns of the event loop).
 */
async function callsOf(page: Page, reference: string, kind: string, move: () => Promise<void>): Promise<string[]> {
  const from = await page.evaluate(
    ({ reference, kind }) => {
      const w = window as Window & { paknEcho?: Promise<void> };
      w.paknEcho = new Promise((resolve) => {
        const listener = (event: Event) => {
          const change = (event as Event & { change?: { reference: string; kind: string } }).change;
          if (change?.reference !== reference || change.kind !== kind) return;
          window.removeEventListener('pakn-case-changed', listener);
          resolve();
        };
        window.addEventListener('pakn-case-changed', listener);
      });
      return window.paknCalls.length;
    },
    { reference, kind },
  );
  await move();
  return page.evaluate(async (from) => {
    await (window as Window & { paknEcho?: Promise<void> }).paknEcho;
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
    return window.paknCalls.slice(from);
  }, from);
}

test('issue 10: after a move the case page shows the new status, letters and history without reading the case again', async ({ page }) => {
  const errors = watchConsole(page);
  await countCalls(page);
  const receipt = await submitReport(page, {
    category: 'Trả kết quả muộn so với ngày hẹn',
    description: 'Hồ sơ đăng ký biến động đất đai của tôi quá hẹn mười ngày mà chưa có kết quả, không ai giải thích.',
  });
  await signIn(page, 'tiepnhan');
  await openCase(page, receipt.reference);

  // The keys c and f go to the classification and the forwarding forms.
  await page.keyboard.press('c');
  await expect(page.getByLabel('Thuộc phạm vi tiếp nhận')).toBeFocused();

  const classified = await callsOf(page, receipt.reference, 'classified_in_scope', async () => {
    await page.getByLabel('Thuộc phạm vi tiếp nhận').check();
    await page.getByLabel('Loại phản ánh', { exact: true }).selectOption({ label: 'Trả kết quả muộn so với ngày hẹn' });
    await act(page, 'Lưu phân loại', 'Đã phân loại, chờ chuyển xử lý');
    await expect(page.getByText('Đã lưu phân loại.')).toBeVisible();
  });
  expect(classified).toContain('case.classify');
  expect(classified.filter((call) => call === 'case.get')).toEqual([]);
  await expect(page.getByTestId('case-history').locator('li[data-kind="classified_in_scope"]')).toHaveCount(1);

  await page.keyboard.press('f');
  await expect(page.getByLabel('Đơn vị xử lý')).toBeFocused();

  const drafted = await callsOf(page, receipt.reference, 'forwarding_drafted', async () => {
    await page.getByLabel('Đơn vị xử lý').selectOption({ value: 'ward-cua-nam' });
    await act(page, 'Dự thảo văn bản chuyển xử lý', 'Chờ Giám đốc Trung tâm duyệt chuyển');
  });
  expect(drafted).toContain('case.draftForwarding');
  expect(drafted.filter((call) => call === 'case.get')).toEqual([]);
  // The letter the move made is read again and shown.
  expect(drafted).toContain('case.letters');
  await expect(page.getByTestId('case-letter')).toHaveCount(1);
  await expect(page.getByTestId('case-letter')).toContainText('Dự thảo (chưa cấp số)');
  await expect(page.getByTestId('case-history').locator('li[data-kind="forwarding_drafted"]')).toHaveCount(1);
  expect(errors).toEqual([]);
});
