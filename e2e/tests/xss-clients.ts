import { createHash, randomUUID } from 'node:crypto';
import { expect, request } from '@playwright/test';
import { DEMO_PASSWORD, PAKN, SITE_KEY } from './support.ts';

/**
 * The XSS battery's clients for what the staff API helper (support.ts `staffApi`) does not cover: the citizen's
 * calls as the widget makes them (with the proof of work and file uploads) and a unit handler's answer files.
 */

/** The bytes of every uploaded file: a PNG's signature and the start of its header chunk. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);

/** ALTCHA v1, as the widget solves it (apps/widget/src/proof-of-work.ts); e2e runs use a small maxnumber. */
function solve(challenge: { algorithm: string; challenge: string; salt: string; signature: string; maxnumber: number }): string {
  for (let n = 0; n <= challenge.maxnumber; n++) {
    if (
      createHash('sha256')
        .update(challenge.salt + n)
        .digest('hex') === challenge.challenge.toLowerCase()
    ) {
      const { algorithm, salt, signature } = challenge;
      return Buffer.from(JSON.stringify({ algorithm, challenge: challenge.challenge, number: n, salt, signature })).toString('base64');
    }
  }
  throw new Error('The challenge has no solution');
}

/** The citizen's side: the API as the widget on the demo site (`origin`) calls it. */
export async function citizenApi(origin: string) {
  const api = await request.newContext({ baseURL: PAKN, extraHTTPHeaders: { origin } });
  async function call<T>(path: string, input: unknown): Promise<T> {
    const response = await api.post(`/trpc/${path}`, { data: input });
    expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
    return ((await response.json()) as { result: { data: T } }).result.data;
  }
  return {
    call,
    async upload(name: string): Promise<string> {
      const response = await api.post('/api/v1/attachments', {
        data: PNG,
        headers: { 'content-type': 'application/octet-stream', 'x-pakn-site': SITE_KEY, 'x-pakn-filename': encodeURIComponent(name) },
      });
      expect(response.status(), `upload ${name}: ${await response.text()}`).toBe(201);
      return ((await response.json()) as { id: string }).id;
    },
    async submit(input: Record<string, unknown>): Promise<{ reference: string; accessKey: string }> {
      const challenge = await call<Parameters<typeof solve>[0]>('case.challenge', { siteKey: SITE_KEY });
      return call('case.submit', { siteKey: SITE_KEY, idempotencyKey: randomUUID().replaceAll('-', ''), proof: solve(challenge), ...input });
    },
    dispose: () => api.dispose(),
  };
}

/** A unit handler's file uploads for an answer, as the portal sends them. */
export async function answerFileUploader(username: string) {
  const api = await request.newContext({ baseURL: PAKN, extraHTTPHeaders: { origin: PAKN, 'x-pakn-csrf': '1' } });
  const login = await api.post('/trpc/auth.login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  return {
    async upload(caseId: string, name: string): Promise<string> {
      const response = await api.post('/api/v1/answer-attachments', {
        data: PNG,
        headers: { 'content-type': 'application/octet-stream', 'x-pakn-case': caseId, 'x-pakn-filename': encodeURIComponent(name) },
      });
      expect(response.status(), `answer file ${name}: ${await response.text()}`).toBe(201);
      return ((await response.json()) as { id: string }).id;
    },
    dispose: () => api.dispose(),
  };
}
