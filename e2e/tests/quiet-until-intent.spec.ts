import { gzipSync } from 'node:zlib';
import { expect, test, type Page, type Response } from '@playwright/test';
import { DEMO_SITE, PAKN, fillReport, launcherButton, readReceipt, uniqueDescription, widgetDialog } from './support.ts';

/**
 * Issue 3, "Budgets" and "No cookies at all": before the citizen shows intent the page costs one small
 * request; nothing is stored in the browser, ever, and the host page's layout never moves. Sizes here are
 * what the browser really fetched in each state, gzipped at level 9 (the widget's own size check measures
 * the built files).
 */

const KB = 1024;

/** Everything the browser keeps for a site, for both the host and the PAKN origin where reachable. */
async function browserStorage(page: Page) {
  const cookies = await page.context().cookies([DEMO_SITE, `${PAKN}/`]);
  const host = await page.evaluate(async () => ({
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: 'caches' in window ? await caches.keys() : [],
  }));
  return { cookies: cookies.map((c) => `${c.domain} ${c.name}`), host };
}

const NOTHING_STORED = { cookies: [], host: { localStorage: 0, sessionStorage: 0, indexedDB: [], caches: [] } };

/**
 * Layout shifts of the host page's own content. The widget's dialog may move its own content (a receipt
 * replacing the form); what it must never do is push the partner's page around.
 */
async function watchHostLayoutShift(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const shifts: string[] = [];
    Object.defineProperty(window, '__hostLayoutShifts', { value: shifts });
    const inWidget = (node: Node) => node.getRootNode() !== document || (node instanceof Element && node.closest('pakn-widget, pakn-launcher') !== null);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources: { node: Node | null }[] })[]) {
        const moved = entry.sources.flatMap((s) => (s.node && !inWidget(s.node) ? [s.node.nodeName.toLowerCase()] : []));
        if (moved.length) shifts.push(`${entry.value.toFixed(4)} moving ${moved.join(', ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return () => page.evaluate(() => (window as unknown as { __hostLayoutShifts: string[] }).__hostLayoutShifts);
}

test('before any interaction the page fetches only loader.js from PAKN, sets no cookie and stores nothing', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(`${PAKN}/`)) requests.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  const hostLayoutShifts = await watchHostLayoutShift(page);
  await page.goto(DEMO_SITE);
  await expect(launcherButton(page)).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(requests).toEqual(['GET /widget/v1/loader.js']);
  expect(await browserStorage(page)).toEqual(NOTHING_STORED);
  expect(await hostLayoutShifts()).toEqual([]);
});

test('after a report is sent and tracked: still no cookie, nothing stored, no web font, no layout shift', async ({ page }) => {
  const fonts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'font') fonts.push(r.url());
  });
  const hostLayoutShifts = await watchHostLayoutShift(page);
  await page.goto(DEMO_SITE);
  await launcherButton(page).click();
  const dialog = widgetDialog(page);
  await fillReport(dialog, uniqueDescription('Không lưu gì trên trình duyệt'));
  await dialog.getByRole('button', { name: 'Gửi', exact: true }).click();
  await readReceipt(dialog);
  await dialog.getByRole('button', { name: 'Xem tình trạng xử lý' }).click();
  await dialog.getByRole('button', { name: 'Tra cứu', exact: true }).click();
  await expect(dialog.getByTestId('track-status')).toHaveText('Đã tiếp nhận');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  expect(await browserStorage(page)).toEqual(NOTHING_STORED);
  expect(fonts).toEqual([]);
  expect(await hostLayoutShifts()).toEqual([]);
});

test('what the browser fetches stays in budget: loader 2 KB, the form 20 KB, everything with tracking 30 KB (gzip)', async ({ page }) => {
  const scripts = new Map<string, Promise<number>>();
  page.on('response', (response: Response) => {
    const url = response.url();
    if (url.startsWith(`${PAKN}/widget/`) && response.request().resourceType() === 'script') {
      scripts.set(
        new URL(url).pathname,
        response.body().then((body) => gzipSync(body, { level: 9 }).length),
      );
    }
  });
  const gzipped = async (filter: (path: string) => boolean) => {
    let total = 0;
    for (const [path, size] of scripts) if (filter(path)) total += await size;
    return total;
  };
  const isLoader = (path: string) => path === '/widget/v1/loader.js';

  await page.goto(DEMO_SITE);
  await launcherButton(page).click();
  const dialog = widgetDialog(page);
  await expect(dialog.getByLabel('Nội dung phản ánh')).toBeVisible();
  expect([...scripts.keys()].filter(isLoader)).toHaveLength(1);
  expect(await gzipped(isLoader), 'loader.js').toBeLessThanOrEqual(2 * KB);
  const form = await gzipped((path) => !isLoader(path));
  expect(form, 'the report form with Lit, the API client and validation').toBeLessThanOrEqual(20 * KB);

  await dialog.getByRole('button', { name: 'Theo dõi phản ánh' }).click();
  await expect(dialog.getByLabel('Mã phản ánh')).toBeVisible();
  const everything = await gzipped(() => true);
  expect(everything, 'everything, including the tracking view').toBeLessThanOrEqual(30 * KB);
});
