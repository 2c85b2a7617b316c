import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  DIALOG_NAME,
  PAKN,
  SITE_KEY,
  expectFixtureOriginRegistered,
  expectNoAxeViolations,
  fillReport,
  fixtureUrl,
  hostLog,
  launcherButton,
  sendAndReadReceipt,
  uniqueDescription,
  watchConsole,
  watchCsp,
  widgetDialog,
  type Receipt,
} from './support.ts';

/**
 * Issue 3, "Isolation on real pages": the widget on every kind of partner page (e2e/fixtures, served from a
 * third origin by e2e/fixture-server.ts), with no console error and no CSP or Trusted Types violation.
 */

async function openFromLauncher(page: Page, launcher = launcherButton(page), dialog = widgetDialog(page)): Promise<Locator> {
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  await launcher.click();
  await expect(dialog).toBeVisible();
  await expect(launcher).toHaveAttribute('aria-expanded', 'true');
  return dialog;
}

/** The host page heard `pakn-case-submitted` once, with the reference and without the access key. */
async function expectSubmittedEvent(page: Page, receipt: Receipt): Promise<void> {
  await expect
    .poll(async () => (await hostLog(page)).filter((e) => e.type === 'pakn-case-submitted'))
    .toEqual([{ type: 'pakn-case-submitted', detail: expect.objectContaining({ reference: receipt.reference }) }]);
  expect(JSON.stringify(await hostLog(page))).not.toContain(receipt.accessKey);
}

/** Checks that a fixture page really is of its kind, so that a broken fixture cannot pass for a working widget. */
const PAGE_KIND_CHECKS: Readonly<Record<string, (page: Page) => Promise<void>>> = {
  plain: async (page) => expect(await page.evaluate(() => document.compatMode)).toBe('CSS1Compat'),
  quirks: async (page) => expect(await page.evaluate(() => document.compatMode)).toBe('BackCompat'),
  coep: async (page) => expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true),
  'script-in-head': async (page) =>
    expect(await page.evaluate(() => document.head.querySelector('script[src$="/widget/v1/loader.js"]:not([async]):not([defer])') !== null)).toBe(true),
};

/**
 * Run after the test has read the page's violations (the probes raise some): the fixture's policy is in force,
 * so inline script does not run and, with Trusted Types, a policy of a foreign name cannot be created.
 */
async function expectPolicyEnforced(page: Page, kind: string): Promise<void> {
  const enforced = await page.evaluate(() => {
    // An inline event handler: refused without 'unsafe-inline' (and, with Trusted Types, the string itself).
    const probe = document.createElement('button');
    try {
      probe.setAttribute('onclick', 'window.cspProbe = 1');
    } catch {
      // Trusted Types refuse the plain string: enforced too.
    }
    document.body.append(probe);
    probe.click();
    probe.remove();
    const inlineBlocked = !('cspProbe' in window);
    let trustedTypesBlocked = true;
    try {
      const factory = (window as unknown as { trustedTypes?: { createPolicy(name: string, rules: object): unknown } }).trustedTypes;
      factory?.createPolicy(`probe-${Math.random()}`, {});
      trustedTypesBlocked = false;
    } catch {
      // Not an allowed policy name.
    }
    return { inlineBlocked, trustedTypesBlocked };
  });
  expect(enforced.inlineBlocked, `${kind} must block inline scripts`).toBe(true);
  if (kind.startsWith('trusted-types')) expect(enforced.trustedTypesBlocked, `${kind} must enforce Trusted Types`).toBe(true);
}

const SUBMITTING_PAGES = [
  'plain',
  'strict-csp-nonce',
  'allowlist-csp',
  'trusted-types',
  'trusted-types-lit-host',
  'quirks',
  'script-in-head',
  'hostile-css',
  'coep',
] as const;

test.describe('partner pages of every kind (fixture origin)', () => {
  test.beforeAll(expectFixtureOriginRegistered);

  for (const kind of SUBMITTING_PAGES) {
    test(`${kind}: the launcher opens the form and a report is sent, without errors or CSP violations`, async ({ page }) => {
      const errors = watchConsole(page);
      const violations = await watchCsp(page);
      await page.goto(fixtureUrl(kind));
      await PAGE_KIND_CHECKS[kind]?.(page);

      const dialog = await openFromLauncher(page);
      await fillReport(dialog, uniqueDescription(`Trang ${kind}`));
      const receipt = await sendAndReadReceipt(dialog);
      await expectSubmittedEvent(page, receipt);

      expect(await violations()).toEqual([]);
      expect(errors).toEqual([]);
      if (/csp|trusted-types/.test(kind)) await expectPolicyEnforced(page, kind);
    });
  }

  test('hostile-css: the launcher and the form look the same as on a plain page', async ({ browser }) => {
    const measure = async (kind: string) => {
      const page = await browser.newPage();
      try {
        await page.goto(fixtureUrl(kind));
        const launcher = launcherButton(page);
        await expect(launcher).toBeVisible();
        const closed = await looks(launcher);
        const dialog = await openFromLauncher(page);
        // Wait for the site's units, which size the unit field.
        await expect(dialog.getByLabel('Đơn vị bị phản ánh', { exact: true })).toHaveValue('ward-hoan-kiem');
        return {
          launcher: closed,
          dialog: await looks(dialog),
          category: await looks(dialog.getByLabel('Loại phản ánh')),
          description: await looks(dialog.getByLabel('Nội dung phản ánh')),
          descriptionLabel: await looks(dialog.getByText('Nội dung phản ánh', { exact: true })),
          send: await looks(dialog.getByRole('button', { name: 'Gửi', exact: true })),
        };
      } finally {
        await page.close();
      }
    };
    const plain = await measure('plain');
    const hostile = await measure('hostile-css');
    expect(hostile).toEqual(plain);
  });

  test('two-embeds: two loaders and an inline widget make one launcher, no error, and a second definition does not throw', async ({ page }) => {
    const errors = watchConsole(page);
    const violations = await watchCsp(page);
    await page.goto(fixtureUrl('two-embeds'));
    const inline = page.getByRole('region', { name: DIALOG_NAME });
    await expect(inline.getByLabel('Nội dung phản ánh')).toBeVisible();
    await expect(page.locator('pakn-launcher')).toHaveCount(1);
    await expect(launcherButton(page)).toHaveCount(1);

    const dialog = await openFromLauncher(page);
    await expect(dialog.getByLabel('Nội dung phản ánh')).toBeVisible();

    // A second copy of the widget module (another embed, another version) evaluates its definitions again.
    const entry = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .find((name) => /\/widget\/v1\/assets\/pakn-widget[-.][^/]*\.js$/.test(name)),
    );
    expect(entry, 'the widget module entry was loaded').toBeTruthy();
    await page.addScriptTag({ type: 'module', url: `${entry}?second-copy` });
    await expect(page.locator('pakn-launcher')).toHaveCount(1);

    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('inline: the form is part of the page and sends a report from there', async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto(fixtureUrl('inline'));
    const inline = page.getByRole('region', { name: DIALOG_NAME });
    await fillReport(inline, uniqueDescription('Biểu mẫu đặt trong trang'));
    const receipt = await sendAndReadReceipt(inline);
    await expectSubmittedEvent(page, receipt);
    expect(errors).toEqual([]);
  });

  test("iframe-isolation: the form opens in a frame from the PAKN origin, out of the host page's DOM", async ({ page }) => {
    const errors = watchConsole(page);
    const violations = await watchCsp(page);
    await page.goto(fixtureUrl('iframe-isolation'));
    await launcherButton(page).click();
    const frame = page.frameLocator(`iframe[src^="${PAKN}/"]`);
    await expect(frame.getByLabel('Nội dung phản ánh')).toBeVisible();
    // Hard isolation: none of the form is in the host page's document, shadow roots included.
    await expect(page.locator('textarea, pakn-report-form')).toHaveCount(0);
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('options: English, on the left, a partner accent kept at 4.5:1, and the z-index the page chose', async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto(fixtureUrl('options'));
    const launcher = page.getByRole('button', { name: 'Report a problem', exact: true });
    await expect(launcher).toBeVisible();

    const box = (await launcher.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.x + box.width / 2, 'data-position="bottom-left"').toBeLessThan(viewport.width / 2);

    const colours = await textAndBackground(launcher);
    expect(colours.background, 'data-accent is applied').not.toBe('rgb(179, 38, 30)');
    expect(contrastRatio(colours.text, colours.background)).toBeGreaterThanOrEqual(4.5);

    // data-z-index="1000": a page element at 1001 covers the launcher, one at 999 does not.
    const topmostAt = (zIndex: number) =>
      page.evaluate(
        ({ zIndex, x, y }) => {
          let cover = document.getElementById('cover');
          if (!cover) {
            cover = document.createElement('div');
            cover.id = 'cover';
            Object.assign(cover.style, { position: 'fixed', left: '0', bottom: '0', width: '50vw', height: '50vh', background: '#ddd' });
            document.body.append(cover);
          }
          cover.style.zIndex = String(zIndex);
          return document.elementFromPoint(x, y)?.localName ?? '';
        },
        { zIndex, x: box.x + box.width / 2, y: box.y + box.height / 2 },
      );
    expect(await topmostAt(1001)).toBe('div');
    expect(await topmostAt(999)).toBe('pakn-launcher');
    await page.evaluate(() => document.getElementById('cover')?.remove());

    const dialog = await openFromLauncher(page, launcher, page.getByRole('dialog', { name: 'Report a problem' }));
    await expect(dialog.getByLabel('Category')).toBeVisible();
    await expect(dialog.getByLabel('Description')).toBeVisible();
    const send = dialog.getByRole('button', { name: 'Submit', exact: true });
    const sendColours = await textAndBackground(send);
    expect(contrastRatio(sendColours.text, sendColours.background)).toBeGreaterThanOrEqual(4.5);
    await send.click();
    await expect(dialog.getByText('Please choose a value from the list.')).toBeVisible();
    await expectNoAxeViolations(page, 'open in English with a light partner accent and field errors');
    expect(errors).toEqual([]);
  });

  test("launcher-hidden: no launcher; the page's own link and button open the widget and get focus back", async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto(fixtureUrl('launcher-hidden'));
    await page.waitForFunction(() => typeof (window as unknown as { PAKN?: unknown }).PAKN === 'function');
    await expect(launcherButton(page)).toBeHidden();
    const historyLength = await page.evaluate(() => history.length);

    const link = page.getByRole('link', { name: 'Gửi phản ánh, kiến nghị' });
    await link.click();
    const dialog = widgetDialog(page);
    await expect(dialog.getByLabel('Nội dung phản ánh')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(link).toBeFocused();

    const button = page.getByRole('button', { name: 'Theo dõi phản ánh đã gửi' });
    await button.click();
    await expect(dialog.getByLabel('Mã tra cứu')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();

    expect(await page.evaluate(() => [history.length, location.hash])).toEqual([historyLength, '']);
    expect(errors).toEqual([]);
  });

  test("command-queue: PAKN('track') called before the loader arrived opens the tracking view", async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto(fixtureUrl('command-queue'));
    const dialog = widgetDialog(page);
    await expect(dialog.getByLabel('Mã phản ánh')).toBeVisible();
    await expect(dialog.getByLabel('Mã tra cứu')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('the host page keeps its body styles, scroll position, history and onmessage', async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto(fixtureUrl('plain'));
    await page.evaluate(() => {
      const filler = document.createElement('div');
      filler.style.height = '3000px';
      document.querySelector('main')?.append(filler);
      window.onmessage = function hostOwnHandler() {};
      window.scrollTo(0, 800);
    });
    const hostState = () =>
      page.evaluate(() => ({
        htmlStyle: document.documentElement.getAttribute('style'),
        bodyStyle: document.body.getAttribute('style'),
        bodyClass: document.body.className,
        overflow: [getComputedStyle(document.documentElement).overflow, getComputedStyle(document.body).overflow],
        scrollY: window.scrollY,
        history: history.length,
        url: location.href,
        onmessage: window.onmessage?.name ?? null,
      }));
    const before = await hostState();
    expect(before.scrollY).toBe(800);

    const dialog = await openFromLauncher(page);
    expect(await hostState(), 'while the dialog is open').toEqual(before);
    await fillReport(dialog, uniqueDescription('Trang đối tác giữ nguyên trạng thái'));
    await sendAndReadReceipt(dialog);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await hostState(), 'after a report was sent and the dialog closed').toEqual(before);
    expect(errors).toEqual([]);
  });

  test('a browser without custom elements gets a plain link to the hosted page', async ({ page }) => {
    const errors = watchConsole(page);
    await page.addInitScript(() => Object.defineProperty(window, 'customElements', { value: undefined, configurable: true }));
    await page.goto(fixtureUrl('plain'));
    await expect(page.locator(`a[href="${PAKN}/c/${SITE_KEY}"]`)).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test('the hosted page /c/KEY, for QR codes on posters, serves the form and sends a report', async ({ page }) => {
  const errors = watchConsole(page);
  const violations = await watchCsp(page);
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${PAKN}/c/${SITE_KEY}`);
  const form = page.locator('body');
  await fillReport(form, uniqueDescription('Trang phản ánh riêng của phường'));
  await sendAndReadReceipt(form);
  expect(await violations()).toEqual([]);
  expect(failed, 'requests that failed (a missing favicon logs a console error too)').toEqual([]);
  expect(errors).toEqual([]);
});

/** What a host's CSS could change: box size and the computed styles people see. */
function looks(locator: Locator) {
  return locator.evaluate((element) => {
    const r = element.getBoundingClientRect();
    const s = getComputedStyle(element);
    const round = (n: number) => Math.round(n * 2) / 2;
    return {
      box: [round(r.x), round(r.y), round(r.width), round(r.height)],
      display: s.display,
      font: [s.fontSize, s.fontFamily, s.fontStyle, s.fontWeight, s.lineHeight],
      text: [s.color, s.letterSpacing, s.wordSpacing, s.textTransform, s.textIndent, s.textShadow, s.textAlign],
      background: s.backgroundColor,
      border: [s.borderTopWidth, s.borderTopStyle],
    };
  });
}

function textAndBackground(locator: Locator) {
  return locator.evaluate((element) => {
    const s = getComputedStyle(element);
    return { text: s.color, background: s.backgroundColor };
  });
}

/** WCAG contrast ratio of two opaque `rgb()` colours. */
function contrastRatio(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
