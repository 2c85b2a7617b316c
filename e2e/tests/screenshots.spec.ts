import { expect, test } from '@playwright/test';
import { screenshotLoaded } from './support.ts';

/**
 * The README's screenshots (journeys.spec.ts) are taken with `screenshotLoaded`, which must refuse a view that
 * still says "Đang tải…" (issue 10: the inbox was pictured loading) and must not be fooled by text that is in the
 * DOM but not on screen.
 */
test('issue 10: a README screenshot is refused while the view still shows a loading text', async ({ page }, info) => {
  const path = info.outputPath('loading.png');
  const shoot = () => screenshotLoaded(page, path, page.getByRole('cell'), { timeout: 500 });
  await page.setContent('<main><h1>Hộp thư phản ánh</h1><table><tr><td>PAKN-2026-000001</td></tr></table><p id="wait">Đang tải…</p></main>');
  await expect(shoot()).rejects.toThrow(/still loading/);
  await page.evaluate(() => {
    document.getElementById('wait')?.remove();
    // Unrendered fallback text (light DOM of a shadow host with no slot), as `<pakn-track-form>` has: not on screen.
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append('Đã tải xong');
    host.append('Đang tải…');
    document.body.append(host);
  });
  await shoot();
  // Loading text inside a shadow root (the widget's views) is on screen: refused.
  await page.evaluate(() => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append('Đang tải…');
    document.body.append(host);
  });
  await expect(shoot()).rejects.toThrow(/still loading/);
});
