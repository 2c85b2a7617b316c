/**
 * Issue 9, defect 4: one attacker could use up the global submission limit, and every citizen then got 429 for
 * the rest of the hour. Through the router, with the fixture's clock (no wall-clock timing).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CITIZEN_LIMITS } from '../citizen-policy.ts';
import { createFixture, solveChallenge, type Fixture } from '../test-fixture.ts';

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

describe('issue 9: the proof of work grows with the load from a source, and cannot be made cheaper', () => {
  const challenge = (clientAddress: string) => f.citizen({ clientAddress }).case.challenge({ siteKey: 'site-a' });

  it('asks more work of an address that takes many challenges, not of a citizen elsewhere', async () => {
    f = await createFixture('embedded', { powMaxNumber: 200 });
    const seen: number[] = [];
    for (let i = 0; i < 30; i++) seen.push((await challenge('198.51.100.7')).maxnumber);
    expect(seen[0]).toBe(200);
    expect(seen[29]).toBe(200 * 16);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    // A fresh address of the same /24 pays for its neighbours' load: 30 from the /24 is past its allowance of 20.
    expect((await challenge('198.51.100.8')).maxnumber).toBe(200 * 2);
    expect((await challenge('203.0.113.9')).maxnumber).toBe(200);
    // The difficulty is under the signature: the solved proof still checks with it, and submits.
    const hard = await challenge('198.51.100.7');
    expect(hard.salt).toContain(`maxnumber=${200 * 16}`);
    expect(await reasonOf(f.submit({ proof: solveChallenge(hard) }, { clientAddress: '198.51.100.7' }))).toBe('ok');
  });

  it('refuses a proof whose signed difficulty was lowered', async () => {
    f = await createFixture('embedded', { powMaxNumber: 200 });
    for (let i = 0; i < 10; i++) await challenge('198.51.100.7');
    const hard = await challenge('198.51.100.7');
    const cheaper = { ...hard, salt: hard.salt.replace(/maxnumber=\d+/, 'maxnumber=200') };
    // Solving the altered salt is a different puzzle: its hash no longer matches the signed challenge.
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(solveChallenge(hard), 'base64').toString()), salt: cheaper.salt })).toString(
      'base64',
    );
    expect(await reasonOf(f.submit({ proof: forged }, { clientAddress: '198.51.100.7' }))).toBe('proof_invalid');
  });

  it('refuses a cheap challenge fetched from another network, and accepts one from the same /24 or /64', async () => {
    f = await createFixture('embedded', { powMaxNumber: 200 });
    const elsewhere = solveChallenge(await challenge('203.0.113.9'));
    expect(await reasonOf(f.submit({ proof: elsewhere }, { clientAddress: '198.51.100.7' }))).toBe('proof_invalid');
    const neighbour = solveChallenge(await challenge('198.51.100.8'));
    expect(await reasonOf(f.submit({ proof: neighbour }, { clientAddress: '198.51.100.7' }))).toBe('ok');
    const sameSlash64 = solveChallenge(await challenge('2001:db8:1:2::a'));
    expect(await reasonOf(f.submit({ proof: sameSlash64 }, { clientAddress: '2001:db8:1:2::b' }))).toBe('ok');
    // IPv4 through a dual-stack socket is the same network.
    const mapped = solveChallenge(await challenge('::ffff:198.51.100.9'));
    expect(await reasonOf(f.submit({ proof: mapped }, { clientAddress: '198.51.100.9' }))).toBe('ok');
  });
});

describe('issue 9: tracking brute force through the router', () => {
  it('answers 120 wrong guesses an hour from one address, then 429 even for the right key', async () => {
    f = await createFixture('embedded');
    const receipt = await f.submit({}, { clientAddress: '203.0.113.9' });
    let answered = 0;
    for (let i = 0; i < 150; i++) {
      const reason = await reasonOf(
        f.citizen({ clientAddress: '198.51.100.7' }).case.track({ reference: receipt.reference, accessKey: 'ABCD-EFGH-JKMN-PQRS-TVWX' }),
      );
      if (reason === 'case_not_found') answered++;
      else expect(reason).toBe('rate_limited');
    }
    expect(answered).toBe(120);
    expect(await reasonOf(f.citizen({ clientAddress: '198.51.100.7' }).case.track(receipt))).toBe('rate_limited');
    // The citizen, elsewhere, follows the case as usual.
    expect(await reasonOf(f.citizen({ clientAddress: '203.0.113.9' }).case.track(receipt))).toBe('ok');
  });
});
