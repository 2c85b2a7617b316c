import { TRPCError } from '@trpc/server';
import { listAudit } from '@pakn/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatError } from '../errors.ts';
import { createFixture, PASSWORD, type Fixture } from '../test-fixture.ts';

/**
 * Issue 9, defect 3: "Staff login has no throttle. About 270,000 guesses an hour from one address, and the
 * right password still worked afterwards." An attacker here guesses as fast as the server lets them: after a
 * refusal they wait exactly the Retry-After the server sent, on the test clock, and try again. What is counted
 * is the number of guesses the server actually checked in one hour.
 */

const HOUR_MS = 3600_000;
/** The ceiling the battery asks for: guesses checked per hour, per account, per address, per /24. */
const MAX_PER_HOUR = 100;

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(() => f.close());

type Outcome = { kind: 'signed-in' } | { kind: 'refused'; code: string; reason: string } | { kind: 'throttled'; retryAfterSeconds: number; message: string };

async function tryLogin(username: string, password: string, address = '203.0.113.7', lang: 'vi' | 'en' = 'vi'): Promise<Outcome> {
  const headers = new Map<string, string>();
  const caller = f.anonymous({ clientAddress: address, lang, setResponseHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value) });
  try {
    await caller.auth.login({ username, password });
    return { kind: 'signed-in' };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (error.code === 'TOO_MANY_REQUESTS') {
      // The message the HTTP client reads (the error formatter's), in the request's language.
      return { kind: 'throttled', retryAfterSeconds: Number(headers.get('retry-after') ?? Number.NaN), message: formatError(error, lang).message };
    }
    const cause = error.cause as { reason?: string } | undefined;
    return { kind: 'refused', code: error.code, reason: cause?.reason ?? '' };
  }
}

/**
 * Guesses for one hour of the test clock, each as soon as the server allows; returns how many were checked.
 * Stops early past the ceiling, so that an unthrottled server fails fast instead of running argon2 for hours.
 */
async function guessForAnHour(guess: (i: number) => { username: string; address: string }): Promise<number> {
  const end = f.now.getTime() + HOUR_MS;
  let checked = 0;
  for (let i = 0; f.now.getTime() < end && checked <= MAX_PER_HOUR; i++) {
    const { username, address } = guess(i);
    const outcome = await tryLogin(username, `wrong-guess-${i}`, address);
    if (outcome.kind === 'signed-in') throw new Error('a wrong password signed in');
    if (outcome.kind === 'throttled') {
      expect(outcome.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      f.now = new Date(f.now.getTime() + outcome.retryAfterSeconds * 1000);
    } else {
      checked++;
    }
  }
  return checked;
}

describe('issue 9: staff login throttle', () => {
  it('checks at most 100 guesses an hour against one account from one address, then the right password still waits', async () => {
    const checked = await guessForAnHour(() => ({ username: 'admin', address: '203.0.113.7' }));
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(MAX_PER_HOUR);
    // The hour may end just as a lock does; the attacker's next checked guess locks the account again, and
    // then the right password is refused like any other guess, from anywhere.
    await lockAccount('admin', 1);
    expect(await tryLogin('admin', PASSWORD, '198.51.100.20')).toMatchObject({ kind: 'throttled' });
  });

  it('checks at most 100 guesses an hour from one address spread over many accounts', async () => {
    const checked = await guessForAnHour((i) => ({ username: `user-${i}`, address: '203.0.113.7' }));
    expect(checked).toBeLessThanOrEqual(MAX_PER_HOUR);
  });

  it('checks at most 100 guesses an hour from many addresses of one /24 over many accounts', async () => {
    const checked = await guessForAnHour((i) => ({ username: `user-${i}`, address: `203.0.113.${i % 256}` }));
    expect(checked).toBeLessThanOrEqual(MAX_PER_HOUR);
  });

  it('checks at most 100 guesses an hour from many addresses of one IPv6 /64', async () => {
    const checked = await guessForAnHour((i) => ({ username: `user-${i}`, address: `2001:db8:1:2::${(i + 1).toString(16)}` }));
    expect(checked).toBeLessThanOrEqual(MAX_PER_HOUR);
  });

  it('lets through only a few of many simultaneous guesses', async () => {
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => tryLogin('director', `wrong-${i}`)));
    const checked = outcomes.filter((o) => o.kind !== 'throttled').length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(f.services.loginThrottle.account.free);
  });

  it('refuses the right password while the account is locked, and takes it after the lock expires', async () => {
    const { lockAfter, lockMs } = f.services.loginThrottle.account;
    await lockAccount('inspector', lockAfter ?? 0);
    expect(await tryLogin('inspector', PASSWORD, '198.51.100.20')).toMatchObject({ kind: 'throttled' });
    f.now = new Date(f.now.getTime() + lockMs + 1000);
    expect(await tryLogin('inspector', PASSWORD, '198.51.100.20')).toEqual({ kind: 'signed-in' });
  });

  it('lets an admin unlock an account at once, audited, and the right password works again', async () => {
    await lockAccount('inspector', f.services.loginThrottle.account.lockAfter ?? 0);
    const users = await f.as('admin').admin.users();
    const lockedUntil = users.find((u) => u.username === 'inspector')?.lockedUntil;
    expect(lockedUntil && new Date(lockedUntil) > f.now).toBe(true);
    await f.as('admin').admin.unlockUser({ id: 's-inspector' });
    expect((await f.as('admin').admin.users()).find((u) => u.username === 'inspector')?.lockedUntil).toBeNull();
    expect(await tryLogin('inspector', PASSWORD, '198.51.100.20')).toEqual({ kind: 'signed-in' });
    const audit = await listAudit(f.db, { limit: 200 });
    expect(audit.some((e) => e.action === 'user.unlock' && e.entityId === 's-inspector' && e.actorId === 's-admin')).toBe(true);
  });

  it('answers the same for an unknown username as for a known one, locked or not', async () => {
    const known = await tryLogin('director', 'wrong-password', '198.51.100.1');
    const unknown = await tryLogin('nobody-here', 'wrong-password', '198.51.100.2');
    expect(known).toEqual({ kind: 'refused', code: 'UNAUTHORIZED', reason: 'bad_login' });
    expect(unknown).toEqual(known);
    // An unknown name locks exactly like a real one, so a lock tells nothing about who exists.
    const lockAfter = f.services.loginThrottle.account.lockAfter ?? 0;
    // Each name has failed once above.
    await lockAccount('nobody-here', lockAfter - 1);
    await lockAccount('director', lockAfter - 1);
    const lockedKnown = await tryLogin('director', PASSWORD, '198.51.100.3');
    const lockedUnknown = await tryLogin('nobody-here', PASSWORD, '198.51.100.4');
    expect(lockedKnown.kind).toBe('throttled');
    // Same status and message; only the wait differs, by when each name's lock began.
    expect(lockedUnknown).toMatchObject({ kind: 'throttled', message: lockedKnown.kind === 'throttled' ? lockedKnown.message : '' });
  });

  it('tells the user in Vietnamese, or English, to wait', async () => {
    await lockAccount('director', f.services.loginThrottle.account.lockAfter ?? 0);
    const vi = await tryLogin('director', PASSWORD, '198.51.100.9', 'vi');
    const en = await tryLogin('director', PASSWORD, '198.51.100.9', 'en');
    expect(vi).toMatchObject({ kind: 'throttled', message: expect.stringContaining('Vui lòng thử lại sau') });
    expect(en).toMatchObject({ kind: 'throttled', message: expect.stringContaining('try again') });
  });

  it('audits each failure with the username tried, never the password, and creates no account for an unknown name', async () => {
    await tryLogin('nobody-here', 'hunter2-secret', '198.51.100.5');
    await tryLogin('director', 'another-secret', '198.51.100.5');
    const failures = (await listAudit(f.db, { limit: 50 })).filter((e) => e.action === 'auth.login_failed');
    expect(failures).toHaveLength(2);
    const text = JSON.stringify(failures);
    expect(text).toContain('nobody-here');
    expect(text).toContain('director');
    expect(text).not.toContain('hunter2-secret');
    expect(text).not.toContain('another-secret');
    expect(failures.find((e) => JSON.stringify(e).includes('nobody-here'))?.entityId).toBeNull();
    expect((await f.as('admin').admin.users()).some((u) => u.username === 'nobody-here')).toBe(false);
  });

  it('forgets failures that no longer count, so the table stays small', async () => {
    for (let i = 0; i < 5; i++) await tryLogin(`user-${i}`, 'wrong', `192.0.2.${i}`);
    const rows = async () => Number((await f.db.execute('SELECT COUNT(*) AS n FROM login_throttle')).rows[0]?.n);
    expect(await rows()).toBe(11); // five names, five addresses, one /24
    f.now = new Date(f.now.getTime() + 2 * HOUR_MS);
    await tryLogin('someone', 'wrong', '198.51.100.77');
    expect(await rows()).toBe(3);
  });

  it('keeps the throttle in the database: a new server process sees the lock', async () => {
    await lockAccount('director', f.services.loginThrottle.account.lockAfter ?? 0);
    const { createApiServices } = await import('../context.ts');
    const restarted = createApiServices({ db: f.db, now: () => f.now });
    const { createCaller } = await import('../router.ts');
    const caller = createCaller({ services: restarted, request: f.request({ clientAddress: '198.51.100.30' }), staff: null });
    await expect(caller.auth.login({ username: 'director', password: PASSWORD })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});

/** Fails `count` sign-ins on a name, from addresses of different networks, waiting out each delay. */
async function lockAccount(username: string, count: number): Promise<void> {
  expect(count).toBeGreaterThan(0);
  let failed = 0;
  for (let i = 0; failed < count && i < count * 4; i++) {
    const outcome = await tryLogin(username, `wrong-${i}`, `192.0.${i}.10`);
    if (outcome.kind === 'throttled') f.now = new Date(f.now.getTime() + outcome.retryAfterSeconds * 1000);
    else failed++;
  }
  expect(failed).toBe(count);
}
