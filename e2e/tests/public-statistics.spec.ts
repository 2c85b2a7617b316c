import { expect, test, type Page } from '@playwright/test';
import { STATS_UNIT } from '../fixture-server.ts';
import { expectNoAxeViolations, fixtureUrl, watchConsole, watchCsp } from './support.ts';

/**
 * Issue 12: the public statistics. The page in both languages, usable without JavaScript (a GET form and links);
 * the `<pakn-stats>` element on the same hostile partner pages as the widget (e2e/fixtures, `?embed=stats` puts
 * its script where the loader stood), with no console error and no CSP or Trusted Types violation.
 */

test.describe('the public statistics page', () => {
  test.use({ javaScriptEnabled: false });

  test('in Vietnamese: a table of every unit, a period and a group chosen with the form, without JavaScript', async ({ page }) => {
    await page.goto('/thong-ke');
    await expect(page.getByRole('heading', { level: 1, name: 'Thống kê giải quyết phản ánh, kiến nghị' })).toBeVisible();
    const table = page.getByRole('table');
    await expect(table.getByRole('columnheader', { name: 'Tỷ lệ đúng hạn' })).toBeVisible();
    await expect(table.getByRole('rowheader', { name: /UBND phường Hoàn Kiếm/ })).toBeVisible();
    await expect(table.getByRole('rowheader', { name: 'Toàn thành phố' })).toBeVisible();
    await expect(page.getByText('Cách tính số liệu')).toBeVisible();

    await page.getByLabel('Kỳ thống kê', { exact: true }).selectOption('year');
    await page.getByLabel('Nhóm đơn vị').selectOption('branch');
    await page.getByRole('button', { name: 'Xem' }).click();
    await expect(page).toHaveURL(/\/thong-ke\?period=year&group=branch$/);
    await expect(page.getByRole('table').getByRole('caption')).toContainText('Chi nhánh: Năm nay');
    await expect(page.getByRole('rowheader', { name: /phường Hoàn Kiếm/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Năm trước' })).toHaveAttribute('href', '/thong-ke?period=last-year&group=branch');
  });

  test('in English, reached from the Vietnamese page with the same choices', async ({ page }) => {
    await page.goto('/thong-ke?period=quarter&group=local');
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/en\/statistics\?period=quarter&group=local$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Statistics on complaints and recommendations' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'On-time rate' })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: /UBND phường Hoàn Kiếm/ })).toBeVisible();
    await expect(page.getByRole('link', { name: 'This quarter' })).toHaveAttribute('aria-current', 'page');
  });
});

test.describe('the public statistics page, checked by axe (which needs JavaScript to run)', () => {
  test.use({ bypassCSP: true });
  for (const path of ['/thong-ke?period=year', '/en/statistics?group=branch']) {
    test(`${path} has no accessibility violation`, async ({ page }) => {
      await page.goto(path);
      await expectNoAxeViolations(page, path);
    });
  }
});

const STATS_PAGES = ['plain', 'hostile-css', 'strict-csp-nonce', 'allowlist-csp', 'trusted-types', 'trusted-types-lit-host', 'quirks', 'coep'] as const;

/** The element's card as the reader sees it: its font size, case and colour. */
function cardLook(page: Page) {
  return page.locator('pakn-stats').evaluate((host) => {
    const card = host.shadowRoot?.querySelector('.c');
    if (!card) return null;
    const style = getComputedStyle(card);
    const box = card.getBoundingClientRect();
    return {
      fontSize: style.fontSize,
      textTransform: style.textTransform,
      color: style.color,
      letterSpacing: style.letterSpacing,
      width: Math.round(box.width),
    };
  });
}

test.describe('the <pakn-stats> element on partner pages (fixture origin)', () => {
  for (const kind of STATS_PAGES) {
    test(`${kind}: shows the ward's figures in Vietnamese, without errors or CSP violations`, async ({ page }) => {
      const errors = watchConsole(page);
      const violations = await watchCsp(page);
      await page.goto(fixtureUrl(`${kind}?embed=stats`));
      const element = page.locator('pakn-stats');
      await expect(element).toHaveAttribute('unit', STATS_UNIT);
      await expect(element.getByText('Giải quyết phản ánh, kiến nghị: UBND phường Hoàn Kiếm')).toBeVisible();
      await expect(element.getByText('Tiếp nhận', { exact: true })).toBeVisible();
      await expect(element.getByText('Tháng này', { exact: false })).toBeVisible();
      await expect(element.getByRole('link', { name: 'Xem thống kê đầy đủ' })).toHaveAttribute('href', /\/thong-ke\?period=month$/);
      expect(await violations()).toEqual([]);
      expect(errors).toEqual([]);
    });
  }

  test('hostile-css: the card looks as it does on a plain page', async ({ page }) => {
    await page.goto(fixtureUrl('plain?embed=stats'));
    await expect(page.locator('pakn-stats').getByText('Tiếp nhận', { exact: true })).toBeVisible();
    const plain = await cardLook(page);
    await page.goto(fixtureUrl('hostile-css?embed=stats'));
    await expect(page.locator('pakn-stats').getByText('Tiếp nhận', { exact: true })).toBeVisible();
    expect(await cardLook(page)).toEqual(plain);
    expect(plain).toMatchObject({ fontSize: '16px', textTransform: 'none' });
  });

  test('a page that replaced the built-ins it uses (an old library, a careless polyfill) still shows the figures', async ({ page }) => {
    const errors = watchConsole(page);
    // Not Array.prototype.includes: Playwright's own page script needs it (it fails the same without the element).
    await page.addInitScript(() => {
      const broken = () => {
        throw new Error('replaced by the host page');
      };
      for (const name of ['forEach', 'map', 'filter', 'find', 'reverse', 'reduce'] as const) {
        Object.defineProperty(Array.prototype, name, { value: broken, configurable: true, writable: true });
      }
      Object.defineProperty(String.prototype, 'split', { value: broken, configurable: true, writable: true });
    });
    await page.goto(fixtureUrl('plain?embed=stats'));
    const element = page.locator('pakn-stats');
    await expect(element.getByText('Tiếp nhận', { exact: true })).toBeVisible();
    await expect(element.getByText(/\(\d\d\/\d\d\/\d{4}–\d\d\/\d\d\/\d{4}\)/)).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('lang="en" switches to English', async ({ page }) => {
    await page.goto(fixtureUrl('plain?embed=stats&lang=en'));
    const element = page.locator('pakn-stats');
    await expect(element.getByText('Received', { exact: true })).toBeVisible();
    await expect(element.getByText('This month', { exact: false })).toBeVisible();
    await expect(element.getByRole('link', { name: 'See all statistics' })).toHaveAttribute('href', /\/en\/statistics\?period=month$/);
  });
});
