/**
 * issue 10: createApp became one sub-app per surface with Hono's secureHeaders; every surface must still send
 * exactly the headers it sent before (the portal's and the hosted page's CSP with Trusted Types, the widget's
 * cross-origin grants, the downloads' sandbox), plus a request id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SURFACE_HEADERS } from './surface-headers.expected.ts';
import { OWN, probeApp, runProbes, type SeenResponse } from './surface-probes.ts';

const HTTPS = 'https://pakn.example.gov.vn';

/** Over https every response also forbids a downgrade, and the session cookie is Secure. */
function overHttps(expected: SeenResponse): SeenResponse {
  const headers: Record<string, string> = { ...expected.headers, 'strict-transport-security': 'max-age=31536000; includeSubDomains' };
  if (headers['set-cookie']) headers['set-cookie'] = `${headers['set-cookie']}; Secure`;
  return { status: expected.status, headers: Object.fromEntries(Object.entries(headers).sort(([a], [b]) => a.localeCompare(b))) };
}

describe.each([
  { variant: 'http', env: {}, own: OWN, expected: (e: SeenResponse) => e },
  { variant: 'https', env: { PUBLIC_URL: HTTPS }, own: HTTPS, expected: overHttps },
])('issue 10: every surface keeps its headers over $variant', ({ env, own, expected }) => {
  let seen: Record<string, SeenResponse>;
  let close: () => void;
  beforeAll(async () => {
    const built = await probeApp(env.PUBLIC_URL ? { PUBLIC_URL: env.PUBLIC_URL } : {});
    close = built.close;
    seen = await runProbes(built.app, own);
  });
  afterAll(() => close());

  it('answers every probe it answered before', () => {
    expect(Object.keys(seen).sort()).toEqual(Object.keys(SURFACE_HEADERS).sort());
  });

  it.each(Object.keys(SURFACE_HEADERS))('%s', (name) => {
    const before = SURFACE_HEADERS[name];
    if (!before) throw new Error(`no expectation for ${name}`);
    expect(seen[name]).toEqual(expected(before));
  });
});
