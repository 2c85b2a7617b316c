import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from './context.ts';
import { createCaller } from './router.ts';
import { createFixture, PASSWORD, SITE_ORIGIN, STAFF, type DbMode, type Fixture, type StaffKey } from './test-fixture.ts';

// Every router test runs on the embedded database and on a remote libsql server (Hrana over HTTP).
describe.each<DbMode>(['embedded', 'remote'])('on the %s database', (mode) => {
let f: Fixture;
beforeEach(async () => {
  f = await createFixture(mode);
});
afterEach(() => f.close());

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

const submit = (overrides: Record<string, unknown> = {}) => f.submit(overrides);

/** Takes a new case to the given stage through the real procedures. */
async function caseAt(stage: 'received' | 'accepted' | 'forwarded', unitId = 'ward-a') {
  const receipt = await submit();
  const [summary] = (await f.as('intake').case.inbox({ status: 'all' })).filter((c) => c.reference === receipt.reference);
  const caseId = summary!.id;
  if (stage !== 'received') await f.as('intake').case.classify({ caseId, scope: 'in', category: 'late_result' });
  if (stage === 'forwarded') await f.as('intake').case.forward({ caseId, unitId });
  return { caseId, ...receipt };
}

describe('case.submit', () => {
  it('returns a readable reference and a 100-bit access key, shown once', async () => {
    const receipt = await submit();
    expect(receipt.reference).toMatch(/^PAKN-2026-\d{6}$/);
    expect(receipt.accessKey).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    const stored = await f.db.execute('SELECT access_key_hash FROM cases');
    expect(stored.rows[0]?.access_key_hash).not.toContain(receipt.accessKey.replaceAll('-', ''));
  });

  it('numbers references sequentially within the year', async () => {
    const a = await submit();
    const b = await submit();
    expect(Number(b.reference.slice(-6)) - Number(a.reference.slice(-6))).toBe(1);
  });

  it('refuses a site key nobody registered', async () => {
    expect(await codeOf(submit({ siteKey: 'nope' }))).toBe('BAD_REQUEST');
  });

  it('refuses an origin not registered for the site', async () => {
    expect(await codeOf(f.submit({}, { origin: 'http://evil.test' }))).toBe('FORBIDDEN');
    expect((await f.db.execute('SELECT COUNT(*) AS n FROM cases')).rows[0]?.n).toBe(0);
  });

  it('refuses an unknown unit', async () => {
    expect(await codeOf(submit({ unitId: 'ward-z' }))).toBe('BAD_REQUEST');
  });

  it('stores contact details only with consent', async () => {
    expect(await codeOf(submit({ contact: { phone: '0912345678' } }))).toBe('BAD_REQUEST');
    await submit({ contact: { phone: '0912345678' }, consent: true });
    const row = (await f.db.execute('SELECT contact_phone, consent_at FROM cases')).rows[0];
    expect(row?.contact_phone).toBe('0912345678');
    expect(row?.consent_at).toBe(f.now.toISOString());
  });
});

describe('case.track', () => {
  it('shows the status history to whoever holds reference and key', async () => {
    const { reference, accessKey } = await submit();
    const view = await f.citizen().case.track({ reference: reference.toLowerCase(), accessKey: accessKey.replaceAll('-', ' ') });
    expect(view).toMatchObject({ reference, status: 'received', answer: null, referral: null });
    expect(view.history.map((h) => h.status)).toEqual(['received']);
  });

  it('answers a wrong key and an unknown reference the same way', async () => {
    const { reference } = await submit();
    const wrongKey = await f.citizen().case.track({ reference, accessKey: 'AAAA-AAAA-AAAA-AAAA-AAAA' }).catch((e: TRPCError) => e);
    const unknown = await f.citizen().case.track({ reference: 'PAKN-2026-999999', accessKey: 'AAAA-AAAA-AAAA-AAAA-AAAA' }).catch((e: TRPCError) => e);
    const garbage = await f.citizen().case.track({ reference: 'hello', accessKey: 'x' }).catch((e: TRPCError) => e);
    for (const error of [wrongKey, unknown, garbage]) {
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('NOT_FOUND');
      expect((error as TRPCError).message).toBe('No case with this reference and key');
    }
  });

  it('shows the answer after the unit answered, and the referral of an out-of-scope case', async () => {
    const forwarded = await caseAt('forwarded');
    await f.as('handlerA').case.answer({ caseId: forwarded.caseId, answer: 'Phường đã trả kết quả cho Ông/Bà ngày 05/3/2026.' });
    const answered = await f.citizen().case.track({ reference: forwarded.reference, accessKey: forwarded.accessKey });
    expect(answered.status).toBe('answered');
    expect(answered.answer).toBe('Phường đã trả kết quả cho Ông/Bà ngày 05/3/2026.');
    expect(answered.history.map((h) => h.status)).toEqual(['received', 'accepted', 'forwarded', 'answered']);

    const out = await caseAt('received');
    await f.as('intake').case.classify({ caseId: out.caseId, scope: 'out', outOfScopeClass: 'crime_report', referral: 'Đề nghị liên hệ cơ quan Công an.' });
    const referred = await f.citizen().case.track({ reference: out.reference, accessKey: out.accessKey });
    expect(referred).toMatchObject({ status: 'referred', referral: 'Đề nghị liên hệ cơ quan Công an.', answer: null });
  });
});

describe('auth', () => {
  it('signs in with the right password and sets a session that resolves to the staff member', async () => {
    const request = f.request();
    const caller = createCaller({ services: f.services, request, staff: null });
    const staff = await caller.auth.login({ username: 'INTAKE', password: PASSWORD });
    expect(staff.id).toBe(STAFF.intake.id);
    const token = request.cookies[0];
    expect(token).toBeTruthy();
    const ctx = await createContext(f.services, f.request({ sessionToken: token! }));
    expect(ctx.staff?.id).toBe(STAFF.intake.id);
    const stored = await f.db.execute('SELECT token_hash FROM sessions');
    expect(stored.rows[0]?.token_hash).not.toBe(token);
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const wrong = await f.anonymous().auth.login({ username: 'intake', password: 'nope' }).catch((e: TRPCError) => e);
    const unknown = await f.anonymous().auth.login({ username: 'ghost', password: 'nope' }).catch((e: TRPCError) => e);
    expect((wrong as TRPCError).code).toBe('UNAUTHORIZED');
    expect((unknown as TRPCError).code).toBe('UNAUTHORIZED');
    expect((wrong as TRPCError).message).toBe((unknown as TRPCError).message);
  });

  it('expires sessions', async () => {
    const request = f.request();
    await createCaller({ services: f.services, request, staff: null }).auth.login({ username: 'intake', password: PASSWORD });
    f.now = new Date(f.now.getTime() + 3601 * 1000);
    const ctx = await createContext(f.services, f.request({ sessionToken: request.cookies[0]! }));
    expect(ctx.staff).toBeNull();
  });

  it('refuses a login without the anti-CSRF header or from another origin', async () => {
    expect(await codeOf(f.anonymous({ hasCsrfHeader: false }).auth.login({ username: 'intake', password: PASSWORD }))).toBe('FORBIDDEN');
    expect(await codeOf(f.anonymous({ origin: SITE_ORIGIN }).auth.login({ username: 'intake', password: PASSWORD }))).toBe('FORBIDDEN');
  });
});

describe('staff mutations need the portal origin and the anti-CSRF header', () => {
  it('refuses a classification sent cross-site with a valid session', async () => {
    const { caseId } = await caseAt('received');
    expect(await codeOf(f.as('intake', { hasCsrfHeader: false }).case.classify({ caseId, scope: 'in', category: 'late_result' }))).toBe('FORBIDDEN');
    expect(await codeOf(f.as('intake', { origin: 'http://evil.test' }).case.classify({ caseId, scope: 'in', category: 'late_result' }))).toBe('FORBIDDEN');
    expect(await codeOf(f.as('intake', { origin: null }).case.classify({ caseId, scope: 'in', category: 'late_result' }))).toBe('FORBIDDEN');
    expect((await f.as('intake').case.get({ caseId })).status).toBe('received');
  });
});

describe('authorization: each role against each procedure', () => {
  type Outcome = 'OK' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHORIZED';
  const roles: (StaffKey | 'anonymous')[] = ['intake', 'director', 'inspector', 'admin', 'handlerA', 'headA', 'handlerB', 'handlerNoUnit', 'anonymous'];
  // Cases below belong to ward A once forwarded. B is "another unit"; handlerNoUnit has "no unit".
  const expected: Record<string, Record<(typeof roles)[number], Outcome>> = {
    inbox: { intake: 'OK', director: 'OK', inspector: 'OK', admin: 'OK', handlerA: 'OK', headA: 'OK', handlerB: 'OK', handlerNoUnit: 'FORBIDDEN', anonymous: 'UNAUTHORIZED' },
    get: { intake: 'OK', director: 'OK', inspector: 'OK', admin: 'OK', handlerA: 'OK', headA: 'OK', handlerB: 'NOT_FOUND', handlerNoUnit: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
    classify: { intake: 'OK', director: 'OK', inspector: 'FORBIDDEN', admin: 'FORBIDDEN', handlerA: 'FORBIDDEN', headA: 'FORBIDDEN', handlerB: 'FORBIDDEN', handlerNoUnit: 'FORBIDDEN', anonymous: 'UNAUTHORIZED' },
    forward: { intake: 'OK', director: 'OK', inspector: 'FORBIDDEN', admin: 'FORBIDDEN', handlerA: 'FORBIDDEN', headA: 'FORBIDDEN', handlerB: 'FORBIDDEN', handlerNoUnit: 'FORBIDDEN', anonymous: 'UNAUTHORIZED' },
    answer: { intake: 'FORBIDDEN', director: 'FORBIDDEN', inspector: 'FORBIDDEN', admin: 'FORBIDDEN', handlerA: 'OK', headA: 'OK', handlerB: 'NOT_FOUND', handlerNoUnit: 'NOT_FOUND', anonymous: 'UNAUTHORIZED' },
    unitList: { intake: 'OK', director: 'OK', inspector: 'OK', admin: 'OK', handlerA: 'OK', headA: 'OK', handlerB: 'OK', handlerNoUnit: 'OK', anonymous: 'UNAUTHORIZED' },
  };
  const caller = (role: (typeof roles)[number]) => (role === 'anonymous' ? f.anonymous() : f.as(role));

  for (const role of roles) {
    it(`${role}: ${Object.entries(expected).map(([p, o]) => `${p} ${o[role]}`).join(', ')}`, async () => {
      const outcomes: Record<string, string> = {};
      outcomes.inbox = await codeOf(caller(role).case.inbox({}));
      outcomes.get = await codeOf(caller(role).case.get({ caseId: (await caseAt('forwarded')).caseId }));
      outcomes.classify = await codeOf(caller(role).case.classify({ caseId: (await caseAt('received')).caseId, scope: 'in', category: 'harassment' }));
      outcomes.forward = await codeOf(caller(role).case.forward({ caseId: (await caseAt('accepted')).caseId, unitId: 'ward-a' }));
      outcomes.answer = await codeOf(caller(role).case.answer({ caseId: (await caseAt('forwarded')).caseId, answer: 'Đơn vị đã giải quyết xong hồ sơ cho công dân.' }));
      outcomes.unitList = await codeOf(caller(role).unit.list());
      expect(outcomes).toEqual(Object.fromEntries(Object.entries(expected).map(([p, o]) => [p, o[role]])));
    });
  }

  it('shows a unit member only the cases of their own unit in the inbox', async () => {
    const a = await caseAt('forwarded', 'ward-a');
    const b = await caseAt('forwarded', 'ward-b');
    const seenByA = (await f.as('handlerA').case.inbox({ status: 'all' })).map((c) => c.id);
    expect(seenByA).toContain(a.caseId);
    expect(seenByA).not.toContain(b.caseId);
  });
});

describe('confidentiality', () => {
  it('hides the contact from the unit concerned when the citizen asked, but not from the Centre', async () => {
    const receipt = await submit({ contact: { name: 'Nguyễn Văn An', phone: '0912345678' }, consent: true });
    const [summary] = await f.as('intake').case.inbox({});
    expect(summary?.reference).toBe(receipt.reference);
    const caseId = summary!.id;
    expect((await f.as('intake').case.get({ caseId })).contact?.name).toBe('Nguyễn Văn An');
    await f.as('intake').case.classify({ caseId, scope: 'in', category: 'late_result' });
    await f.as('intake').case.forward({ caseId, unitId: 'ward-a' });
    const seenByUnit = await f.as('handlerA').case.get({ caseId });
    expect(seenByUnit.contact).toBeNull();
    expect(seenByUnit.identityHidden).toBe(true);
    const inbox = await f.as('handlerA').case.inbox({});
    expect(JSON.stringify(inbox)).not.toContain('0912345678');
  });

  it('shows the contact to the unit when the citizen allowed it', async () => {
    await submit({ contact: { name: 'Trần Thị Bình' }, consent: true, confidential: false });
    const [summary] = await f.as('intake').case.inbox({});
    await f.as('intake').case.classify({ caseId: summary!.id, scope: 'in', category: 'late_result' });
    await f.as('intake').case.forward({ caseId: summary!.id, unitId: 'ward-a' });
    expect((await f.as('handlerA').case.get({ caseId: summary!.id })).contact?.name).toBe('Trần Thị Bình');
  });
});

describe('transitions through the router', () => {
  it('refuses to forward a case twice', async () => {
    const { caseId } = await caseAt('forwarded');
    expect(await codeOf(f.as('intake').case.forward({ caseId, unitId: 'ward-b' }))).toBe('CONFLICT');
    expect((await f.as('intake').case.get({ caseId })).unitId).toBe('ward-a');
  });

  it('records who did each step, in order', async () => {
    const { caseId } = await caseAt('forwarded');
    const view = await f.as('director').case.get({ caseId });
    expect(view.events.map((e) => e.kind)).toEqual(['submitted', 'classified_in_scope', 'forwarded']);
  });

  it('refuses forwarding to a unit that does not exist', async () => {
    const { caseId } = await caseAt('accepted');
    expect(await codeOf(f.as('intake').case.forward({ caseId, unitId: 'nowhere' }))).toBe('BAD_REQUEST');
  });
});
});
