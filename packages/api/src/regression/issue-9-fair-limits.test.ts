/**
 * Issue 9, defect 4: one attacker could use up the global submission limit, and every citizen then got 429 for
 * the rest of the hour. Through the router, with the fixture's clock (no wall-clock timing).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CITIZEN_LIMITS } from '../citizen-policy.ts';
import { createFixture, type Fixture } from '../test-fixture.ts';

let f: Fixture;
afterEach(async () => f?.close());

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    const cause = (error as { cause?: { reason?: string; code?: string } }).cause;
    return cause?.reason ?? cause?.code ?? String(error);
  }
}

describe('issue 9: one attacker cannot use up the global submission limit', () => {
  it('accepts a citizen from another network after an attacker with many addresses in one /24 filled the global limit', async () => {
    f = await createFixture('embedded', { limits: { ...DEFAULT_CITIZEN_LIMITS, submitsGlobal: 40 } });
    // The attacker: 40 addresses in 198.51.100.0/24, one report each, until the global ceiling is reached.
    for (let i = 1; i <= 40; i++) await f.submit({}, { clientAddress: `198.51.100.${i}` });
    // More from the attacker's network is refused, from a used or a fresh address of it...
    expect(await reasonOf(f.submit({}, { clientAddress: '198.51.100.1' }))).not.toBe('ok');
    expect(await reasonOf(f.submit({}, { clientAddress: '198.51.100.99' }))).not.toBe('ok');
    // ...but a citizen elsewhere, sending their first report of the hour, is accepted.
    expect(await reasonOf(f.submit({}, { clientAddress: '203.0.113.9' }))).toBe('ok');
    expect(await reasonOf(f.submit({}, { clientAddress: '2001:db8:aa:1::9' }))).toBe('ok');
  });
});
