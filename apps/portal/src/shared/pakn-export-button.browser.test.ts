import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { deferred, fakeApi, FakeNetworkError, inShadow, mount, recordEvents } from '../test-support/index.ts';
import './pakn-export-button.ts';

/** Records the downloads the element starts (the hidden link it clicks), without letting the browser save. */
function recordDownloads(host: Element): { name: string; href: string }[] {
  const downloads: { name: string; href: string }[] = [];
  host.shadowRoot?.addEventListener('click', (event) => {
    if (!(event.target instanceof HTMLAnchorElement)) return;
    event.preventDefault();
    downloads.push({ name: event.target.download, href: event.target.href });
  });
  return downloads;
}

const CSV_HEADERS = { 'content-type': 'text/csv', 'content-disposition': `attachment; filename="cases.csv"; filename*=UTF-8''phan-anh-2026.csv` };

describe('<pakn-export-button>', () => {
  test('posts the filter as JSON with the anti-CSRF header and saves under the name the server gives', async () => {
    const api = fakeApi();
    api.http('POST', '/api/v1/exports/cases.csv', () => new Response('reference,status\n', { headers: CSV_HEADERS }));
    const button = await mount('pakn-export-button', {
      attributes: { file: 'cases.csv', label: 'Xuất CSV', lang: 'vi' },
      properties: { filter: { status: 'received', overdue: true } },
    });
    const downloads = recordDownloads(button);

    await userEvent.click(inShadow(button, 'button'));

    await expect.poll(() => downloads).toHaveLength(1);
    expect(downloads[0]?.name).toBe('phan-anh-2026.csv');
    expect(downloads[0]?.href).toMatch(/^blob:/);
    const [call] = api.calls;
    expect(call?.request.method).toBe('POST');
    expect(call?.request.headers.get('x-pakn-csrf')).toBe('1');
    expect(call?.request.headers.get('x-pakn-lang')).toBe('vi');
    expect(call?.request.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(String(call?.input))).toEqual({ status: 'received', overdue: true });
    expect(inShadow(button, 'button').textContent?.trim()).toBe('Xuất CSV');
    expect(button.shadowRoot?.querySelector('[role="alert"]')).toBeNull();
  });

  test('is busy while the file is prepared: disabled, aria-busy, and says so in the element’s language', async () => {
    const answer = deferred<Response>();
    fakeApi().http('POST', '/api/v1/exports/unit-evaluation.csv', () => answer.promise);
    const button = await mount('pakn-export-button', { attributes: { file: 'unit-evaluation.csv', label: 'Export', lang: 'en' } });
    recordDownloads(button);
    const control = inShadow(button, 'button');

    await userEvent.click(control);

    await expect.element(control).toBeDisabled();
    await expect.element(control).toHaveAttribute('aria-busy', 'true');
    await expect.element(control).toHaveTextContent('Preparing the file…');
    answer.resolve(new Response('x', { headers: CSV_HEADERS }));
    await expect.element(control).toBeEnabled();
    await expect.element(control).toHaveAttribute('aria-busy', 'false');
    await expect.element(control).toHaveTextContent('Export');
  });

  test('a lost session shows the server’s message and asks the shell to sign in again', async () => {
    fakeApi().http('POST', '/api/v1/exports/cases.csv', () => Response.json({ error: { message: 'Vui lòng đăng nhập lại.' } }, { status: 401 }));
    const button = await mount('pakn-export-button', { attributes: { label: 'Xuất CSV', lang: 'vi' } });
    const expired = recordEvents(document, 'pakn-session-expired');

    await userEvent.click(inShadow(button, 'button'));

    // Polled: the alert exists only once the answer has arrived (looking it up at once raced the response).
    await expect.poll(() => button.shadowRoot?.querySelector('[role="alert"]')?.textContent).toContain('Vui lòng đăng nhập lại.');
    expect(expired).toHaveLength(1);
  });

  test('a network failure says so, and another click tries again', async () => {
    let attempts = 0;
    fakeApi().http('POST', '/api/v1/exports/cases.csv', () => {
      attempts += 1;
      if (attempts === 1) throw new FakeNetworkError();
      return new Response('x', { headers: CSV_HEADERS });
    });
    const button = await mount('pakn-export-button', { attributes: { label: 'Xuất CSV', lang: 'vi' } });
    const downloads = recordDownloads(button);

    await userEvent.click(inShadow(button, 'button'));
    await expect.poll(() => button.shadowRoot?.querySelector('[role="alert"]')?.textContent).toContain('Không kết nối được máy chủ');

    await userEvent.click(inShadow(button, 'button'));
    await expect.poll(() => downloads).toHaveLength(1);
    expect(button.shadowRoot?.querySelector('[role="alert"]')).toBeNull();
  });
});
