import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext, createApiServices, type ApiServices } from '../context.ts';
import { createCaller } from '../router.ts';
import { createFixture, PASSWORD, type Fixture } from '../test-fixture.ts';

/**
 * Issue 9, defects 7 and 12: a session ends after an idle time and after an absolute time (both
 * configurable), and an open live stream (case.onChange, server-sent events) ends when its session ends:
 * logout, expiry, or the account disabled or changed.
 */

let f: Fixture;
let services: ApiServices;
const MINUTE = 60_000;

beforeEach(async () => {
  f = await createFixture();
  services = createApiServices({
    db: f.db,
    now: () => f.now,
    sessionTtlSeconds: 12 * 3600,
    sessionIdleSeconds: 30 * 60,
    // Streams re-check their session this often (real time); a short period keeps the tests quick.
    sessionRecheckMs: 20,
  });
});
afterEach(() => f.close());

async function signIn(username: string): Promise<string> {
  const cookies: (string | null)[] = [];
  const caller = createCaller({ services, request: f.request({ setSessionCookie: (token) => cookies.push(token) }), staff: null });
  await caller.auth.login({ username, password: PASSWORD });
  const token = cookies.at(-1);
  if (!token) throw new Error('no session cookie');
  return token;
}

/** A caller for a request carrying the session cookie, as the HTTP server builds it. */
async function withSession(token: string, signal?: AbortSignal) {
  return createCaller(await createContext(services, f.request({ sessionToken: token })), signal ? { signal } : {});
}

async function me(token: string) {
  return (await withSession(token)).auth.me();
}

describe('issue 9: idle and absolute session timeouts', () => {
  it('ends a session left idle for the idle timeout', async () => {
    const token = await signIn('intake');
    f.now = new Date(f.now.getTime() + 29 * MINUTE);
    expect(await me(token)).toMatchObject({ username: 'intake' });
    // Used at minute 29: idle counts from there.
    f.now = new Date(f.now.getTime() + 29 * MINUTE);
    expect(await me(token)).toMatchObject({ username: 'intake' });
    f.now = new Date(f.now.getTime() + 30 * MINUTE);
    expect(await me(token)).toBeNull();
  });

  it('ends a session at the absolute timeout however busy it is', async () => {
    const token = await signIn('intake');
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      f.now = new Date(f.now.getTime() + 20 * MINUTE);
      expect(await me(token), `after ${minutes} minutes`).toMatchObject({ username: 'intake' });
    }
    f.now = new Date(f.now.getTime() + 20 * MINUTE);
    expect(await me(token)).toBeNull();
  });

  it("clears an account's timed-out sessions when it signs in again", async () => {
    await signIn('intake');
    f.now = new Date(f.now.getTime() + 31 * MINUTE);
    await signIn('intake');
    const count = (await f.db.execute("SELECT COUNT(*) AS n FROM sessions WHERE staff_id = 's-intake'")).rows[0]?.n;
    expect(Number(count)).toBe(1);
  });

  it('records use at most once a minute', async () => {
    const token = await signIn('intake');
    const seen = async () => (await f.db.execute('SELECT last_seen_at FROM sessions')).rows[0]?.last_seen_at;
    const first = await seen();
    f.now = new Date(f.now.getTime() + 30_000);
    await me(token);
    expect(await seen()).toBe(first);
    f.now = new Date(f.now.getTime() + 40_000);
    await me(token);
    expect(await seen()).toBe(f.now.toISOString());
  });
});

type StreamEnd = { kind: 'ended'; code: string | null } | { kind: 'still-open' } | { kind: 'data' };

/**
 * Opens case.onChange with a session and reports how the stream ended. The guard only stops a stream
 * that never ends (the defect) from hanging the test; it measures nothing.
 */
async function openStream(token: string) {
  const controller = new AbortController();
  const caller = await withSession(token, controller.signal);
  const iterable = (await caller.case.onChange()) as AsyncIterable<unknown>;
  const iterator = iterable[Symbol.asyncIterator]();
  const ended = (async (): Promise<StreamEnd> => {
    try {
      const next = await iterator.next();
      return next.done ? { kind: 'ended', code: null } : { kind: 'data' };
    } catch (error) {
      return { kind: 'ended', code: error instanceof TRPCError ? error.code : String(error) };
    }
  })();
  return {
    async outcome(guardMs = 2000): Promise<StreamEnd> {
      const guard = new Promise<StreamEnd>((resolve) => setTimeout(() => resolve({ kind: 'still-open' }), guardMs).unref());
      const result = await Promise.race([ended, guard]);
      controller.abort();
      return result;
    },
  };
}

describe('issue 9: live updates end with the session', () => {
  it('ends an open stream when its session logs out (from another tab)', async () => {
    const token = await signIn('intake');
    const stream = await openStream(token);
    await (await withSession(token)).auth.logout();
    expect(await stream.outcome()).toEqual({ kind: 'ended', code: 'UNAUTHORIZED' });
  });

  it('ends an open stream when the account is deactivated', async () => {
    const token = await signIn('handler.a');
    const stream = await openStream(token);
    await f
      .as('admin')
      .admin.saveUser({ id: 's-handler-a', username: 'handler.a', displayName: 'Handler A', role: 'unit_handler', unitId: 'ward-a', active: false });
    expect(await stream.outcome()).toEqual({ kind: 'ended', code: 'UNAUTHORIZED' });
  });

  it('ends an open stream when the account moves to another unit', async () => {
    const token = await signIn('handler.a');
    const stream = await openStream(token);
    await f
      .as('admin')
      .admin.saveUser({ id: 's-handler-a', username: 'handler.a', displayName: 'Handler A', role: 'unit_handler', unitId: 'ward-b', active: true });
    expect(await stream.outcome()).toEqual({ kind: 'ended', code: 'UNAUTHORIZED' });
  });

  it('ends an open stream when its session expires while idle', async () => {
    const token = await signIn('intake');
    const stream = await openStream(token);
    f.now = new Date(f.now.getTime() + 31 * MINUTE);
    expect(await stream.outcome()).toEqual({ kind: 'ended', code: 'UNAUTHORIZED' });
  });

  it('keeps a stream open while its session is valid', async () => {
    const token = await signIn('intake');
    const stream = await openStream(token);
    expect(await stream.outcome(300)).toEqual({ kind: 'still-open' });
  });
});
