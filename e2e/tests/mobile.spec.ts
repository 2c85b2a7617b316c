import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_SITE, expectNoAxeViolations, fillReport, launcherButton, readReceipt, uniqueDescription, watchConsole, widgetDialog } from './support.ts';

/**
 * Issue 3, "Accessibility": full screen at 640 px and below, inputs at 16 px (no zoom on focus in mobile
 * browsers), 24 px targets, reflow at 320 px (WCAG 1.4.10, the same as 1280 px at 400% zoom).
 */

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

async function openByTap(page: Page): Promise<Locator> {
  await page.goto(DEMO_SITE);
  await launcherButton(page).tap();
  const dialog = widgetDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Đơn vị bị phản ánh', { exact: true })).toHaveValue('ward-hoan-kiem');
  return dialog;
}

async function expectFullScreen(page: Page, dialog: Locator): Promise<void> {
  const box = (await dialog.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect([box.x, box.y, box.width, box.height].map(Math.round)).toEqual([0, 0, viewport.width, viewport.height]);
}

/** Controls of the dialog (through its shadow roots) that break a rule; `[]` when none does. */
function offenders(dialog: Locator, rule: 'font' | 'target' | 'reflow'): Promise<string[]> {
  return dialog.evaluate((root, rule) => {
    const all: Element[] = [];
    const walk = (node: Element | ShadowRoot) => {
      for (const child of Array.from(node.children)) {
        all.push(child);
        if (child.shadowRoot) walk(child.shadowRoot);
        walk(child);
      }
    };
    walk(root);
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      // Moved off to the left or clipped to a pixel: the usual ways to hide a control from sight on purpose
      // (e.g. the honeypot field); not a target, and not content that failed to reflow.
      const hiddenOnPurpose = r.right <= 0 || r.bottom <= 0 || (r.width <= 1 && r.height <= 1);
      return r.width > 0 && r.height > 0 && !hiddenOnPurpose && getComputedStyle(e).visibility !== 'hidden';
    };
    const describe = (e: Element) => {
      const labelled = e as Element & { labels?: NodeListOf<HTMLLabelElement> | null };
      const name = e.getAttribute('aria-label') ?? labelled.labels?.[0]?.textContent ?? e.textContent ?? '';
      const r = e.getBoundingClientRect();
      return `${e.localName} "${name.replace(/\s+/g, ' ').trim().slice(0, 40)}" ${Math.round(r.width)}x${Math.round(r.height)} at x=${Math.round(r.left)}`;
    };
    const out: string[] = [];
    const overflowing: Element[] = [];
    const width = root.clientWidth;
    const left = root.getBoundingClientRect().left;
    if (rule === 'reflow' && root.scrollWidth > root.clientWidth) out.push(`dialog scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    for (const e of all.filter(visible)) {
      if (rule === 'font' && e.matches('input:not([type=checkbox]):not([type=radio]):not([type=file]), select, textarea')) {
        if (parseFloat(getComputedStyle(e).fontSize) < 16) out.push(`${describe(e)} font-size ${getComputedStyle(e).fontSize}`);
      }
      if (rule === 'target' && e.matches('button, select, input, textarea, a[href], [role=button]')) {
        // A checkbox's target includes its label (clicking either toggles it).
        const target = e.matches('input[type=checkbox], input[type=radio]') ? (e.closest('label') ?? e) : e;
        const r = target.getBoundingClientRect();
        if (r.width < 24 || r.height < 24) out.push(describe(target));
      }
      if (rule === 'reflow') {
        const r = e.getBoundingClientRect();
        if (r.right - left > width + 1 || r.left < left - 1) overflowing.push(e);
      }
    }
    // Name the innermost elements that stick out (their containers stick out because of them).
    const composedContains = (outer: Element, inner: Element) => {
      for (let n: Node | null = inner.parentNode; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) if (n === outer) return true;
      return false;
    };
    for (const e of overflowing) if (!overflowing.some((o) => o !== e && composedContains(e, o))) out.push(describe(e));
    return out;
  }, rule);
}

test('on a phone the launcher opens by tap, the dialog fills the screen, inputs are 16 px, targets 24 px, and a report is sent by touch', async ({ page }) => {
  const errors = watchConsole(page);
  const dialog = await openByTap(page);
  await expectFullScreen(page, dialog);
  expect(await offenders(dialog, 'font')).toEqual([]);
  expect(await offenders(dialog, 'target')).toEqual([]);
  const launcherBox = (await launcherButton(page).boundingBox())!;
  expect(Math.min(launcherBox.width, launcherBox.height)).toBeGreaterThanOrEqual(24);

  await fillReport(dialog, uniqueDescription('Gửi từ điện thoại'));
  // On a loaded machine Chromium can take an emulated tap whose touchend comes late for a long press, which
  // makes no click (seen once in CI: no request left the page). Tap again only when the first made none.
  const sending = page
    .waitForRequest((r) => /\/trpc\/case\.(challenge|submit)\b/.test(r.url()), { timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
  const send = dialog.getByRole('button', { name: 'Gửi', exact: true });
  await send.tap();
  if (!(await sending)) await send.tap();
  await readReceipt(dialog);
  await expectFullScreen(page, dialog);
  expect(await offenders(dialog, 'target')).toEqual([]);
  await expectNoAxeViolations(page, 'full screen on a phone, showing the receipt');
  expect(errors).toEqual([]);
});

test('at 640 px wide the dialog is full screen', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 900 });
  const dialog = await openByTap(page);
  await expectFullScreen(page, dialog);
});

test('at 320 px wide every view reflows without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const dialog = await openByTap(page);
  expect(await offenders(dialog, 'reflow'), 'the form').toEqual([]);

  await dialog.getByRole('button', { name: 'Gửi', exact: true }).tap();
  await expect(dialog.getByLabel('Loại phản ánh')).toHaveAttribute('aria-invalid', 'true');
  expect(await offenders(dialog, 'reflow'), 'the form with field errors').toEqual([]);

  await fillReport(dialog, uniqueDescription('Màn hình hẹp 320 px'));
  await dialog.getByRole('button', { name: 'Gửi', exact: true }).tap();
  await readReceipt(dialog);
  expect(await offenders(dialog, 'reflow'), 'the receipt').toEqual([]);

  await dialog.getByRole('button', { name: 'Xem tình trạng xử lý' }).tap();
  await dialog.getByRole('button', { name: 'Tra cứu', exact: true }).tap();
  await expect(dialog.getByTestId('track-status')).toHaveText('Đã tiếp nhận');
  expect(await offenders(dialog, 'reflow'), 'the tracking result').toEqual([]);
});

test('issue 13: on a phone the first invalid field comes into view below the sticky header, and the English header keeps its toggle on one line', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const dialog = await openByTap(page);
  const first = dialog.getByLabel('Loại phản ánh');
  const header = dialog.locator('.head');
  // The dialog scrolled so that the first field lies half under the sticky header: "in view" to a browser that
  // does not count the header, so focusing it alone would not scroll. The form is sent without scrolling to "Gửi".
  await dialog.evaluate((root, top) => root.scrollBy(0, top), (await first.boundingBox())!.y - 20);
  expect((await first.boundingBox())!.y).toBeLessThan((await header.boundingBox())!.height);
  await dialog.getByRole('button', { name: 'Gửi', exact: true }).dispatchEvent('click');
  await expect(first).toBeFocused();
  const head = (await header.boundingBox())!;
  const label = (await dialog.getByText('Loại phản ánh', { exact: true }).first().boundingBox())!;
  // Not under the header: the field and its label above it can be read.
  expect(label.y).toBeGreaterThanOrEqual(head.y + head.height);

  await dialog.getByRole('button', { name: 'English' }).tap();
  const toggle = page.getByRole('button', { name: 'Tiếng Việt' });
  await expect(toggle).toBeVisible();
  // One line box for its text: "Tiếng Việt" does not break beside the English title at 320 px.
  const lines = await toggle.evaluate((button) => {
    const range = document.createRange();
    range.selectNodeContents(button);
    return new Set(Array.from(range.getClientRects(), (r: DOMRect) => Math.round(r.top))).size;
  });
  expect(lines).toBe(1);
});
