import { expect, test, type Page } from '@playwright/test';
import { PAKN, signIn, watchConsole, watchCsp } from './support.ts';

/**
 * Issue 5, "usable at 1280 px and on a tablet": every page of the portal fits the width of an office screen
 * and of a tablet held upright, with no sideways scrolling of the page (wide tables may scroll inside their
 * own box), and the main navigation stays reachable.
 */

const SCREENS = [
  { name: 'an office screen of 1280 px', viewport: { width: 1280, height: 800 }, touch: false },
  { name: 'a tablet held upright (768 px)', viewport: { width: 768, height: 1024 }, touch: true },
] as const;

/** Each page with who opens it and the page's title, as the shell puts it in the document title. */
const PAGES: readonly { readonly who: string; readonly path: string; readonly title: string }[] = [
  { who: 'tiepnhan', path: '/portal/', title: 'Hộp thư phản ánh' },
  { who: 'tiepnhan', path: '/portal/intake', title: 'Tiếp nhận qua điện thoại, Zalo, Viber' },
  { who: 'tiepnhan', path: '/portal/follow-up', title: 'Theo dõi, đôn đốc' },
  { who: 'tiepnhan', path: '/portal/register', title: 'Sổ văn bản chuyển xử lý' },
  { who: 'thanhtra', path: '/portal/audit', title: 'Nhật ký kiểm tra' },
  { who: 'quantri', path: '/portal/admin', title: 'Quản trị hệ thống' },
  { who: 'quantri', path: '/portal/admin/users', title: 'Tài khoản cán bộ' },
  { who: 'quantri', path: '/portal/admin/units', title: 'Đơn vị' },
  { who: 'quantri', path: '/portal/admin/sites', title: 'Trang web nhúng biểu mẫu' },
  { who: 'quantri', path: '/portal/admin/categories', title: 'Loại phản ánh' },
  { who: 'quantri', path: '/portal/admin/letter-template', title: 'Mẫu văn bản chuyển xử lý' },
  { who: 'quantri', path: '/portal/admin/authorities', title: 'Danh mục cơ quan có thẩm quyền' },
  { who: 'quantri', path: '/portal/calendar', title: 'Lịch làm việc' },
];

/** The page is drawn: its title is set, its heading shows, and nothing says it is still loading. */
async function pageReady(page: Page, title: string) {
  await expect(page).toHaveTitle(new RegExp(`^${title}`));
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.getByText(/^Đang tải/)).toHaveCount(0);
}

/** How far the page itself scrolls sideways, in CSS pixels (0 when it fits). */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

for (const screen of SCREENS) {
  test.describe(`on ${screen.name}`, () => {
    test.use({ viewport: screen.viewport, hasTouch: screen.touch });

    test('every page fits the width, and the case page too', async ({ page }) => {
      test.setTimeout(120_000);
      const errors = watchConsole(page);
      let signedIn = '';
      for (const { who, path, title } of PAGES) {
        if (who !== signedIn) {
          await page.context().clearCookies();
          await signIn(page, who);
          signedIn = who;
        }
        await page.goto(`${PAKN}${path}`);
        await pageReady(page, title);
        await expect(page.getByRole('navigation').first()).toBeVisible();
        expect(await sidewaysOverflow(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      }
      // A case with its history, letters and actions: the widest page the officer works on.
      await page.context().clearCookies();
      await signIn(page, 'tiepnhan');
      await page
        .getByRole('link', { name: /PAKN-\d{4}-\d{6}/ })
        .first()
        .click();
      await expect(page.getByRole('heading', { level: 1, name: /PAKN-\d{4}-\d{6}/ })).toBeVisible();
      await expect(page.getByText(/^Đang tải/)).toHaveCount(0);
      expect(await sidewaysOverflow(page), 'the case page scrolls sideways').toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
    });
  });
}

// Issue 9: the portal's CSP enforces Trusted Types (`require-trusted-types-for 'script'; trusted-types lit-html`):
// a plain string never reaches an HTML sink, and no page of the portal needs one to draw.
test('every page enforces Trusted Types and draws without one violation', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchConsole(page);
  const violations = await watchCsp(page);
  let signedIn = '';
  for (const { who, path, title } of PAGES) {
    if (who !== signedIn) {
      await page.context().clearCookies();
      await signIn(page, who);
      signedIn = who;
    }
    await page.goto(`${PAKN}${path}`);
    await pageReady(page, title);
    expect(await violations(), path).toEqual([]);
  }
  const enforced = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return false;
    } catch (error) {
      return error instanceof TypeError;
    }
  });
  expect(enforced, 'a string assigned to innerHTML is refused').toBe(true);
  // The refused assignment above is the one violation, reported as such; nothing else went wrong.
  await expect.poll(violations).toEqual([expect.stringMatching(/^require-trusted-types-for /)]);
  expect(errors.filter((e) => !/TrustedHTML/.test(e))).toEqual([]);
});
