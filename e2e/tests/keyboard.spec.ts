import { expect, test } from '@playwright/test';
import { DEMO_SITE, focusedElement, launcherButton, readReceipt, tabTo, uniqueDescription, watchConsole, widgetDialog } from './support.ts';

/**
 * Issue 3, "Accessibility": a real button launcher with aria-expanded; a dialog that takes focus, traps it,
 * closes on Escape and returns focus. Everything here is done with the keyboard only.
 */

test('a citizen reports with the keyboard only: Tab to the launcher, Enter, fill, send, Escape', async ({ page }) => {
  // Two full rounds of the dialog's controls, one key press and one focus check each.
  test.setTimeout(60_000);
  const errors = watchConsole(page);
  await page.goto(DEMO_SITE);
  const launcher = launcherButton(page);
  await expect(launcher).toBeVisible();

  // The page's own #pakn link has the same name: go on to the launcher itself.
  await tabTo(page, 'Phản ánh, kiến nghị', { max: 12, widget: 'pakn-launcher' });
  const focusRing = await launcher.evaluate((button) => getComputedStyle(button).outlineStyle);
  expect(focusRing, 'a visible focus indicator on the launcher').not.toBe('none');

  await page.keyboard.press('Enter');
  const dialog = widgetDialog(page);
  await expect(dialog).toBeVisible();
  await expect(launcher).toHaveAttribute('aria-expanded', 'true');
  expect((await focusedElement(page)).widget, 'focus moves into the dialog').toBe('pakn-widget');

  // Tab and Shift+Tab go round inside the dialog, on visible controls, and never reach the page behind it.
  for (const key of ['Tab', 'Shift+Tab']) {
    const visited: string[] = [];
    let wrapped = false;
    for (let i = 0; i < 60 && !wrapped; i++) {
      await page.keyboard.press(key);
      const focused = await focusedElement(page);
      const where = `${key} #${i + 1}: ${focused.tag} "${focused.name}"`;
      expect(focused.widget, `${where} is outside the dialog`).toBe('pakn-widget');
      expect(focused.onScreen, `${where} is off screen`).toBe(true);
      wrapped = visited[0] === `${focused.tag} ${focused.name}`;
      visited.push(`${focused.tag} ${focused.name}`);
    }
    expect(wrapped, `${key} comes back round to where it started`).toBe(true);
    expect(visited, `${key} reaches the first and the last control`).toEqual(expect.arrayContaining(['button Đóng', 'button Gửi']));
  }

  await tabTo(page, 'Loại phản ánh');
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByLabel('Loại phản ánh')).not.toHaveValue('');
  await tabTo(page, 'Nội dung phản ánh');
  const description = uniqueDescription('Chỉ dùng bàn phím');
  await page.keyboard.type(description);
  await expect(dialog.getByLabel('Nội dung phản ánh')).toHaveValue(description);
  await tabTo(page, 'Gửi');
  await page.keyboard.press('Enter');
  await readReceipt(dialog);
  expect((await focusedElement(page)).widget, 'focus stays in the dialog on the receipt').toBe('pakn-widget');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  expect(await focusedElement(page)).toMatchObject({ tag: 'button', widget: 'pakn-launcher' });
  expect(errors).toEqual([]);
});

test('field errors take focus to the first invalid field, and Escape from a field closes the dialog', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto(DEMO_SITE);
  const launcher = launcherButton(page);
  await launcher.focus();
  await page.keyboard.press('Enter');
  const dialog = widgetDialog(page);
  await tabTo(page, 'Gửi');
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Loại phản ánh')).toHaveAttribute('aria-invalid', 'true');
  expect((await focusedElement(page)).name).toBe('Loại phản ánh');

  await tabTo(page, 'Nội dung phản ánh');
  await page.keyboard.type('Đang gõ dở');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(launcher).toHaveAttribute('aria-expanded', 'false');
  expect(await focusedElement(page)).toMatchObject({ tag: 'button', widget: 'pakn-launcher' });

  // Typed text is never lost within the visit.
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Nội dung phản ánh')).toHaveValue('Đang gõ dở');
  expect(errors).toEqual([]);
});
