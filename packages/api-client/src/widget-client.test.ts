import { afterEach, describe, expect, it, vi } from 'vitest';
import { WidgetClientError, createWidgetClient } from './widget-client.ts';

const ORIGIN = 'https://pakn.example.vn';

function respond(status: number, body: unknown, type = 'application/json') {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': type } });
    }),
  );
  return calls;
}

const client = () => createWidgetClient({ origin: `${ORIGIN}/`, lang: () => 'en' });

afterEach(() => vi.unstubAllGlobals());

describe('the widget client speaks tRPC’s HTTP format without @trpc/client', () => {
  it('sends a query as GET with the input URL-encoded, no cookies, and unwraps the result', async () => {
    const calls = respond(200, { result: { data: { key: 'site', name: 'Phường', units: [] } } });
    const config = await client().siteConfig({ siteKey: 'phường hoàn kiếm' });
    expect(config).toMatchObject({ key: 'site' });
    expect(calls[0]!.url).toBe(`${ORIGIN}/trpc/site.config?input=${encodeURIComponent(JSON.stringify({ siteKey: 'phường hoàn kiếm' }))}`);
    expect(calls[0]!.init).toMatchObject({ method: 'GET', credentials: 'omit', body: null, headers: { 'x-pakn-lang': 'en' } });
  });

  it('sends a mutation as POST with a JSON body', async () => {
    const calls = respond(200, { result: { data: { reference: 'PAKN-2026-000001', accessKey: 'K', createdAt: 'now' } } });
    await client().track({ reference: 'PAKN-2026-000001', accessKey: 'K' });
    expect(calls[0]!.url).toBe(`${ORIGIN}/trpc/case.track`);
    expect(calls[0]!.init).toMatchObject({
      method: 'POST',
      credentials: 'omit',
      body: JSON.stringify({ reference: 'PAKN-2026-000001', accessKey: 'K' }),
      headers: { 'content-type': 'application/json', 'x-pakn-lang': 'en' },
    });
  });

  it('sends the reply to a request for more information as a POST to case.provideInfo', async () => {
    const calls = respond(200, { result: { data: { reference: 'PAKN-2026-000001', status: 'in_progress', infoRequest: null } } });
    const view = await client().provideInfo({ reference: 'PAKN-2026-000001', accessKey: 'K', message: 'Số biên nhận: 000.00.12.H26-0302.' });
    expect(view).toMatchObject({ status: 'in_progress', infoRequest: null });
    expect(calls[0]!.url).toBe(`${ORIGIN}/trpc/case.provideInfo`);
    expect(calls[0]!.init).toMatchObject({
      method: 'POST',
      credentials: 'omit',
      body: JSON.stringify({ reference: 'PAKN-2026-000001', accessKey: 'K', message: 'Số biên nhận: 000.00.12.H26-0302.' }),
    });
  });

  it('sends the ids of the files attached to the reply', async () => {
    const calls = respond(200, { result: { data: { reference: 'PAKN-2026-000001', status: 'in_progress', infoRequest: null } } });
    const input = { reference: 'PAKN-2026-000001', accessKey: 'K', message: 'Ảnh biên nhận đính kèm.', attachments: ['att_1', 'att_2'] };
    await client().provideInfo(input);
    expect(calls[0]!.init).toMatchObject({ method: 'POST', body: JSON.stringify(input) });
  });

  it('turns the API’s error shape into reason, message and field errors', async () => {
    respond(400, {
      error: { message: 'Some fields are invalid.', code: -32600, data: { reason: 'invalid', fieldErrors: { description: 'Too short' }, httpStatus: 400 } },
    });
    const error = await client()
      .track({ reference: 'x', accessKey: 'y' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WidgetClientError);
    expect(error).toMatchObject({ reason: 'invalid', message: 'Some fields are invalid.', httpStatus: 400, fieldErrors: { description: 'Too short' } });
    expect((error as WidgetClientError).retryable).toBe(false);
  });

  it('treats 429 and a proxy’s 502 page as retryable', async () => {
    respond(429, { error: { message: 'Too many requests.', code: -32029, data: { reason: 'rate_limited', fieldErrors: null, httpStatus: 429 } } });
    const limited = await client()
      .track({ reference: 'x', accessKey: 'y' })
      .catch((e: unknown) => e);
    expect(limited).toMatchObject({ reason: 'rate_limited', retryable: true });
    respond(502, '<html>Bad gateway</html>', 'text/html');
    const proxy = await client()
      .track({ reference: 'x', accessKey: 'y' })
      .catch((e: unknown) => e);
    expect(proxy).toMatchObject({ reason: 'internal', message: '', httpStatus: 502, retryable: true });
  });

  it('reports a failed fetch (offline, DNS, CORS, timeout) as `network`, retryable', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const error = await client()
      .challenge({ siteKey: 's' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'network', httpStatus: null, retryable: true });
  });
});
