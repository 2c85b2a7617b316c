import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, OWN, WARD, type Harness } from './harness.ts';

/**
 * Issue 9, defect 8: odd paths answered 500 or skipped the sign-in check. `/api/v1/exports/__proto__` answered
 * 500 without a session and `/exports/constructor` 200 (names looked up in a map with a prototype); a large
 * download request body answered 500 instead of 413; a daily-stats date of `0000-00-00` answered 500.
 */
describe('issue 9: odd paths answer 4xx', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  it('treats prototype names as unknown exports, with or without a session', async () => {
    const cookie = await h.login();
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      for (const headers of [{}, { cookie, origin: OWN, 'x-pakn-csrf': '1' }] as Record<string, string>[]) {
        // Exports are read by GET or, once they carry a token, by POST: neither finds Object's members.
        const get = await h.app.request(`/api/v1/exports/${name}`, { headers });
        const post = await h.app.request(`/api/v1/exports/${name}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: '{}',
        });
        for (const res of [get, post]) expect([404, 405], `${res.status} for ${name} ${JSON.stringify(headers)}`).toContain(res.status);
      }
    }
  });

  it('refuses a large download request body with 413, in the citizen language', async () => {
    const body = JSON.stringify({ reference: 'PAKN-2026-000001', accessKey: 'x'.repeat(10_000) });
    for (const [lang, message] of [
      ['vi', 'Nội dung gửi quá lớn.'],
      ['en', 'The request is too large.'],
    ] as const) {
      const res = await h.app.request('/api/v1/answer-attachments/abcdefghijklmnop/download', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: WARD, 'accept-language': lang },
        body,
      });
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({ error: { reason: 'payload_too_large', message } });
    }
  });

  it('answers 400 for a daily-stats date of 0000-00-00', async () => {
    const cookie = await h.login();
    const res = await h.app.request(`/trpc/intake.dailyStats?input=${encodeURIComponent(JSON.stringify({ date: '0000-00-00' }))}`, {
      headers: { cookie, origin: OWN },
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain('Ngày không hợp lệ.');
  });
});

describe('issue 9: the end-to-end clock route', () => {
  it('answers 400 for a body that is not JSON', async () => {
    const h = await startHarness({ TEST_CLOCK: 'true' });
    try {
      const res = await h.app.request('/__test__/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
      expect(res.status).toBe(400);
    } finally {
      await h.close();
    }
  });
});
