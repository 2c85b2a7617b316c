import { errorMessage } from '@pakn/domain';
import { describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { deferred, fakeApi, inShadow, mount, recordEvents } from '../test-support/index.ts';
import './pakn-download-link.ts';

const URL_PATH = '/api/v1/attachments/att-1/download';

/** Records the downloads the element starts (the hidden link it clicks), without letting the browser save. */
function recordDownloads(host: Element): string[] {
  const names: string[] = [];
  host.shadowRoot?.addEventListener('click', (event) => {
    if (!(event.target instanceof HTMLAnchorElement)) return;
    event.preventDefault();
    names.push(event.target.download);
  });
  return names;
}

describe('<pakn-download-link>', () => {
  test('reads as its label and the file name, and downloads with a body-less POST carrying the anti-CSRF header', async () => {
    const api = fakeApi();
    api.http('POST', URL_PATH, () => new Response('%PDF', { headers: { 'content-disposition': 'attachment; filename="server-name.pdf"' } }));
    const link = await mount('pakn-download-link', { attributes: { url: URL_PATH, name: 'đơn thư.pdf', label: 'Tải xuống', lang: 'vi' } });
    const downloads = recordDownloads(link);
    const button = inShadow(link, 'button');
    await expect.element(button).toHaveAccessibleName('Tải xuống: đơn thư.pdf');

    await userEvent.click(button);

    await expect.poll(() => downloads).toEqual(['server-name.pdf']);
    const [call] = api.calls;
    expect(call?.request.method).toBe('POST');
    expect(call?.request.headers.get('x-pakn-csrf')).toBe('1');
    expect(call?.request.headers.get('content-type')).toBeNull();
    expect(call?.input).toBe('');
  });

  test('falls back to its own name when the server gives none', async () => {
    fakeApi().http('POST', URL_PATH, () => new Response('x'));
    const link = await mount('pakn-download-link', { attributes: { url: URL_PATH, name: 'ảnh hiện trường.jpg', lang: 'vi' } });
    const downloads = recordDownloads(link);

    await userEvent.click(inShadow(link, 'button'));

    await expect.poll(() => downloads).toEqual(['ảnh hiện trường.jpg']);
  });

  test('a second click while the first download runs sends no second request', async () => {
    const answer = deferred<Response>();
    const api = fakeApi();
    api.http('POST', URL_PATH, () => answer.promise);
    const link = await mount('pakn-download-link', { attributes: { url: URL_PATH, name: 'a.pdf', lang: 'vi' } });
    const downloads = recordDownloads(link);
    const button = inShadow(link, 'button');

    await userEvent.click(button);
    await expect.element(button).toHaveAttribute('aria-busy', 'true');
    await userEvent.click(button);
    answer.resolve(new Response('x'));

    await expect.poll(() => downloads).toEqual(['a.pdf']);
    await expect.element(button).toHaveAttribute('aria-busy', 'false');
    expect(api.calls).toHaveLength(1);
  });

  test('a refused download shows the server’s message; a lost session also tells the shell', async () => {
    const api = fakeApi();
    api.http('POST', URL_PATH, () => Response.json({ error: { message: 'Phiên làm việc đã hết hạn.' } }, { status: 401 }));
    const link = await mount('pakn-download-link', { attributes: { url: URL_PATH, name: 'a.pdf', lang: 'vi' } });
    const expired = recordEvents(document, 'pakn-session-expired');

    await userEvent.click(inShadow(link, 'button'));

    await expect.poll(() => link.shadowRoot?.querySelector('[role="alert"]')?.textContent).toBe('Phiên làm việc đã hết hạn.');
    expect(expired).toHaveLength(1);
  });

  test('a refusal without a message shows the generic one in the element’s language, and no sign-in request', async () => {
    fakeApi().http('POST', URL_PATH, () => new Response('oops', { status: 500 }));
    const link = await mount('pakn-download-link', { attributes: { url: URL_PATH, name: 'a.pdf', lang: 'en' } });
    const expired = recordEvents(document, 'pakn-session-expired');

    await userEvent.click(inShadow(link, 'button'));

    await expect.poll(() => link.shadowRoot?.querySelector('[role="alert"]')?.textContent).toBe(errorMessage('internal', 'en'));
    expect(expired).toHaveLength(0);
  });
});
