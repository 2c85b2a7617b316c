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

  type Stage = 'received' | 'accepted' | 'awaiting_approval' | 'forwarded' | 'in_progress' | 'awaiting_verification' | 'extension_requested';
  const ORDER: Stage[] = ['received', 'accepted', 'awaiting_approval', 'forwarded', 'in_progress', 'awaiting_verification'];

  /** Takes a new case to the given stage through the real procedures. */
  async function caseAt(stage: Stage, unitId = 'ward-a', extra: Record<string, unknown> = {}) {
    const receipt = await submit(extra);
    const [summary] = (await f.as('intake').case.inbox({ status: 'all' })).items.filter((c) => c.reference === receipt.reference);
    const caseId = summary!.id;
    const upTo = stage === 'extension_requested' ? ORDER.indexOf('in_progress') : ORDER.indexOf(stage);
    const handler = unitId === 'ward-a' ? 'handlerA' : 'handlerB';
    const steps = [
      () => f.as('intake').case.classify({ caseId, scope: 'in', category: 'late_result' }),
      () => f.as('intake').case.draftForwarding({ caseId, unitId, confirmSelfReview: true }),
      () => f.as('director').case.approveForwarding({ caseId }),
      () => f.as(handler).case.acknowledge({ caseId }),
      () => f.as(handler).case.submitAnswer({ caseId, outcome: 'substantiated', answer: 'Đơn vị đã trả kết quả cho công dân.' }),
    ];
    for (const step of steps.slice(0, upTo)) await step();
    if (stage === 'extension_requested') await f.as(handler).case.requestExtension({ caseId, days: 5, reason: 'Cần xác minh với cơ quan thuế.' });
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
      const wrongKey = await f
        .citizen()
        .case.track({ reference, accessKey: 'AAAA-AAAA-AAAA-AAAA-AAAA' })
        .catch((e: TRPCError) => e);
      const unknown = await f
        .citizen()
        .case.track({ reference: 'PAKN-2026-999999', accessKey: 'AAAA-AAAA-AAAA-AAAA-AAAA' })
        .catch((e: TRPCError) => e);
      const garbage = await f
        .citizen()
        .case.track({ reference: 'hello', accessKey: 'x' })
        .catch((e: TRPCError) => e);
      for (const error of [wrongKey, unknown, garbage]) {
        expect(error).toBeInstanceOf(TRPCError);
        expect((error as TRPCError).code).toBe('NOT_FOUND');
        expect((error as TRPCError).message).toBe('No case with this reference and key');
      }
    });

    it('shows the answer after the unit answered, and the referral of an out-of-scope case', async () => {
      const forwarded = await caseAt('forwarded');
      await f.answer(forwarded.caseId, 'Phường đã trả kết quả cho Ông/Bà ngày 05/3/2026.');
      const answered = await f.citizen().case.track({ reference: forwarded.reference, accessKey: forwarded.accessKey });
      expect(answered.status).toBe('answered');
      expect(answered.answer).toBe('Phường đã trả kết quả cho Ông/Bà ngày 05/3/2026.');
      // Internal steps (the draft, the answer under verification) are not shown to the citizen.
      expect(answered.history.map((h) => h.status)).toEqual(['received', 'accepted', 'forwarded', 'in_progress', 'answered']);

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
      const wrong = await f
        .anonymous()
        .auth.login({ username: 'intake', password: 'nope' })
        .catch((e: TRPCError) => e);
      const unknown = await f
        .anonymous()
        .auth.login({ username: 'ghost', password: 'nope' })
        .catch((e: TRPCError) => e);
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
    type Who = StaffKey | 'anonymous';
    const roles: Who[] = ['intake', 'director', 'inspector', 'admin', 'handlerA', 'headA', 'handlerB', 'handlerNoUnit', 'anonymous'];
    // Cases are forwarded to ward A. handlerB is "another unit"; handlerNoUnit has "no unit". A unit member
    // asking for a case that is not their unit's is told it does not exist.
    const row = (o: Partial<Record<Who, Outcome>>, rest: Outcome): Record<Who, Outcome> =>
      Object.fromEntries(roles.map((r) => [r, r === 'anonymous' ? 'UNAUTHORIZED' : (o[r] ?? rest)])) as Record<Who, Outcome>;
    const centreOnly = row({ intake: 'OK', director: 'OK', inspector: 'FORBIDDEN', admin: 'FORBIDDEN' }, 'NOT_FOUND');
    const unitOnly = row({ intake: 'FORBIDDEN', director: 'FORBIDDEN', inspector: 'FORBIDDEN', admin: 'FORBIDDEN', handlerA: 'OK', headA: 'OK' }, 'NOT_FOUND');
    const expected: Record<string, Record<Who, Outcome>> = {
      inbox: row({ handlerNoUnit: 'FORBIDDEN' }, 'OK'),
      get: row({ handlerB: 'NOT_FOUND', handlerNoUnit: 'NOT_FOUND' }, 'OK'),
      classify: centreOnly,
      draftForwarding: centreOnly,
      approveForwarding: row({ director: 'OK', intake: 'FORBIDDEN', inspector: 'FORBIDDEN', admin: 'FORBIDDEN' }, 'NOT_FOUND'),
      acknowledge: unitOnly,
      submitAnswer: unitOnly,
      requestExtension: unitOnly,
      decideExtension: row({ director: 'OK' }, 'FORBIDDEN'),
      verifyAnswer: row({ intake: 'OK', director: 'OK', handlerB: 'NOT_FOUND', handlerNoUnit: 'NOT_FOUND' }, 'FORBIDDEN'),
      revealIdentity: row({ intake: 'OK', director: 'OK', inspector: 'OK', handlerB: 'NOT_FOUND', handlerNoUnit: 'NOT_FOUND' }, 'FORBIDDEN'),
      unitList: row({}, 'OK'),
    };
    const caller = (role: Who) => (role === 'anonymous' ? f.anonymous() : f.as(role));
    const withContact = { contact: { name: 'Lê Văn Cường', phone: '0987654321' }, consent: true };

    for (const role of roles) {
      it(`${role}: ${Object.entries(expected)
        .map(([p, o]) => `${p} ${o[role]}`)
        .join(', ')}`, async () => {
        const c = caller(role);
        const id = async (stage: Stage, extra = {}) => (await caseAt(stage, 'ward-a', extra)).caseId;
        const outcomes: Record<string, string> = {
          inbox: await codeOf(c.case.inbox({})),
          get: await codeOf(c.case.get({ caseId: await id('in_progress') })),
          classify: await codeOf(c.case.classify({ caseId: await id('received'), scope: 'in', category: 'harassment' })),
          draftForwarding: await codeOf(c.case.draftForwarding({ caseId: await id('accepted'), unitId: 'ward-a', confirmSelfReview: true })),
          approveForwarding: await codeOf(c.case.approveForwarding({ caseId: await id('awaiting_approval') })),
          acknowledge: await codeOf(c.case.acknowledge({ caseId: await id('forwarded') })),
          submitAnswer: await codeOf(
            c.case.submitAnswer({ caseId: await id('in_progress'), outcome: 'partly_substantiated', answer: 'Đơn vị đã giải quyết xong hồ sơ cho công dân.' }),
          ),
          requestExtension: await codeOf(c.case.requestExtension({ caseId: await id('in_progress'), days: 3, reason: 'Cần phối hợp với Sở Tư pháp.' })),
          decideExtension: await codeOf(c.case.decideExtension({ caseId: await id('extension_requested'), approve: true })),
          verifyAnswer: await codeOf(c.case.verifyAnswer({ caseId: await id('awaiting_verification') })),
          revealIdentity: await codeOf(c.case.revealIdentity({ caseId: await id('in_progress', withContact), reason: 'Cần gọi lại để xác minh thông tin.' })),
          unitList: await codeOf(c.unit.list()),
        };
        expect(outcomes).toEqual(Object.fromEntries(Object.entries(expected).map(([p, o]) => [p, o[role]])));
      });
    }

    it('shows a unit member only the cases of their own unit in the inbox', async () => {
      const a = await caseAt('forwarded', 'ward-a');
      const b = await caseAt('forwarded', 'ward-b');
      const seenByA = (await f.as('handlerA').case.inbox({ status: 'all' })).items.map((c) => c.id);
      expect(seenByA).toContain(a.caseId);
      expect(seenByA).not.toContain(b.caseId);
    });
  });

  describe('confidentiality', () => {
    it('masks the identity for the Centre until someone opens it with a reason, and hides it from the unit', async () => {
      const { caseId } = await caseAt('received', 'ward-a', { contact: { name: 'Nguyễn Văn An', phone: '0912345678' }, consent: true });
      const seenByCentre = await f.as('intake').case.get({ caseId });
      expect(seenByCentre.contact).toEqual({ name: 'N*** V*** A***', phone: '0912 *** 678', email: null });
      const opened = await f.as('intake').case.revealIdentity({ caseId, reason: 'Gọi lại để xác minh nội dung phản ánh.' });
      expect(opened.contact).toMatchObject({ name: 'Nguyễn Văn An', phone: '0912345678' });
      const [entry] = (await f.as('inspector').audit.list({ entityId: caseId })).items.filter((e) => e.action === 'identity.reveal');
      expect(entry).toMatchObject({ actorId: 's-intake', reason: 'Gọi lại để xác minh nội dung phản ánh.' });

      await f.as('intake').case.classify({ caseId, scope: 'in', category: 'late_result' });
      await f.forward(caseId, 'ward-a');
      const seenByUnit = await f.as('handlerA').case.get({ caseId });
      expect(seenByUnit.contact).toBeNull();
      expect(seenByUnit.identityHidden).toBe(true);
      // Without the random UUIDs, which may hold "0912" by chance.
      const inbox = JSON.stringify(await f.as('handlerA').case.inbox({})).replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/g, '<id>');
      expect(inbox).toContain('<id>');
      expect(inbox).not.toMatch(/0912|Nguyễn Văn An/);
      const letters = await f.as('handlerA').case.letters({ caseId });
      expect(letters[0]?.body).toContain('giữ bí mật danh tính');
      expect(letters[0]?.body).not.toMatch(/Nguyễn Văn An|0912/);
    });

    it('lets the unit open the identity when the citizen allowed it, and puts it in the letter', async () => {
      const { caseId } = await caseAt('forwarded', 'ward-a', { contact: { name: 'Trần Thị Bình' }, consent: true, confidential: false });
      expect((await f.as('handlerA').case.get({ caseId })).contact?.name).toBe('T*** T*** B***');
      expect((await f.as('handlerA').case.revealIdentity({ caseId, reason: 'Liên hệ hẹn trả kết quả.' })).contact.name).toBe('Trần Thị Bình');
      expect((await f.as('handlerA').case.letters({ caseId }))[0]?.body).toContain('Trần Thị Bình');
    });
  });

  describe('the process through the router', () => {
    it("numbers approved letters in the year's register and lands the case in the unit's inbox", async () => {
      const first = await caseAt('forwarded');
      const second = await caseAt('forwarded');
      const register = (await f.as('director').letter.register({ year: 2026 })).items;
      expect(register.map((l) => [l.reference, l.number, l.status])).toEqual([
        [second.reference, 2, 'approved'],
        [first.reference, 1, 'approved'],
      ]);
      expect((await f.as('handlerA').case.inbox({})).items.map((c) => c.id)).toContain(first.caseId);
    });

    it("sends a returned draft back to the officer with the Director's comment", async () => {
      const { caseId } = await caseAt('awaiting_approval');
      const returned = await f.as('director').case.returnForwarding({ caseId, comment: 'Chuyển Sở Tư pháp, không phải phường.' });
      expect(returned.status).toBe('accepted');
      expect(returned.events.at(-1)).toMatchObject({ kind: 'forwarding_returned', note: 'Chuyển Sở Tư pháp, không phải phường.' });
      expect((await f.as('intake').case.letters({ caseId }))[0]).toMatchObject({
        status: 'returned',
        decisionComment: 'Chuyển Sở Tư pháp, không phải phường.',
      });
    });

    it('warns before forwarding a case to the very unit it complains about', async () => {
      const { caseId } = await caseAt('accepted');
      const error = await f
        .as('intake')
        .case.draftForwarding({ caseId, unitId: 'ward-a' })
        .catch((e: TRPCError) => e);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
      expect((error as TRPCError & { cause: { reason: string } }).cause.reason).toBe('self_review');
      expect((await f.as('intake').case.draftForwarding({ caseId, unitId: 'ward-b' })).status).toBe('awaiting_approval');
    });

    it("pauses the unit's clock while the citizen is asked for more information", async () => {
      f.now = new Date('2026-03-02T02:00:00Z'); // Monday 09:00
      const { caseId, reference, accessKey } = await caseAt('in_progress');
      const due = (await f.as('handlerA').case.get({ caseId })).deadline!.dueAt;
      await f.as('handlerA').case.requestInfo({ caseId, question: 'Đề nghị cung cấp số biên nhận hồ sơ.' });
      const tracked = await f.citizen().case.track({ reference, accessKey });
      expect(tracked).toMatchObject({ status: 'info_requested', infoRequest: { question: 'Đề nghị cung cấp số biên nhận hồ sơ.' } });
      f.now = new Date('2026-03-04T02:00:00Z'); // two working days later
      const replied = await f.citizen().case.provideInfo({ reference, accessKey, message: 'Số biên nhận: 000.00.12.H26-0302.' });
      expect(replied.status).toBe('in_progress');
      const after = await f.as('handlerA').case.get({ caseId });
      expect(after.deadline!.dueAt).toBe(new Date(Date.parse(due) + 2 * 86_400_000).toISOString());
      expect(after.events.map((e) => e.kind).slice(-2)).toEqual(['info_requested', 'info_provided']);
    });

    it("extends the unit's deadline once, when the Director approves", async () => {
      f.now = new Date('2026-03-02T02:00:00Z');
      const { caseId } = await caseAt('extension_requested');
      const before = (await f.as('director').case.get({ caseId })).deadline!.dueAt;
      const approved = await f.as('director').case.decideExtension({ caseId, approve: true, comment: 'Đồng ý.' });
      expect(approved.extension).toEqual({ status: 'approved', days: 5, reason: 'Cần xác minh với cơ quan thuế.' });
      expect(approved.deadline!.dueAt > before).toBe(true);
      expect(await codeOf(f.as('handlerA').case.requestExtension({ caseId, days: 5, reason: 'Xin gia hạn thêm lần nữa.' }))).toBe('CONFLICT');
    });

    it('keeps the answer from the citizen until the Centre verifies it, and returns it to the unit when not good enough', async () => {
      const { caseId, reference, accessKey } = await caseAt('awaiting_verification');
      expect(await f.citizen().case.track({ reference, accessKey })).toMatchObject({ status: 'in_progress', answer: null });
      const returned = await f.as('intake').case.returnAnswer({ caseId, comment: 'Chưa nêu rõ ngày trả kết quả.' });
      expect(returned.status).toBe('in_progress');
      await f.as('handlerA').case.submitAnswer({
        caseId,
        outcome: 'substantiated',
        answer: 'Phường đã trả kết quả ngày 05/3/2026 và xin lỗi Ông/Bà.',
        internalNote: 'Cán bộ một cửa đã được nhắc nhở.',
      });
      await f.as('intake').case.verifyAnswer({ caseId });
      const seen = await f.citizen().case.track({ reference, accessKey });
      expect(seen).toMatchObject({ status: 'answered', answer: 'Phường đã trả kết quả ngày 05/3/2026 và xin lỗi Ông/Bà.' });
      expect(JSON.stringify(seen)).not.toContain('nhắc nhở');
    });

    it('sends a case the unit says is not theirs back to the Centre', async () => {
      const { caseId } = await caseAt('forwarded');
      const declined = await f.as('handlerA').case.decline({ caseId, comment: 'Thuộc thẩm quyền của Sở Xây dựng.' });
      expect(declined.status).toBe('accepted');
      expect(await codeOf(f.as('handlerA').case.acknowledge({ caseId }))).toBe('NOT_FOUND');
    });

    it('lets the unit head assign the case within the unit', async () => {
      const { caseId } = await caseAt('in_progress');
      expect((await f.as('headA').case.assign({ caseId, staffId: 's-handler-a' })).assignedTo).toBe('s-handler-a');
      expect(await codeOf(f.as('headA').case.assign({ caseId, staffId: 's-handler-b' }))).toBe('BAD_REQUEST');
      expect(await codeOf(f.as('handlerA').case.assign({ caseId, staffId: 's-handler-a' }))).toBe('FORBIDDEN');
    });

    it('moves a case while the calendars have to be reloaded (regression: reload inside the write transaction)', async () => {
      const { caseId } = await caseAt('received');
      f.services.calendars.invalidate();
      expect((await f.as('intake').case.classify({ caseId, scope: 'in', category: 'late_result' })).deadline?.stage).toBe('forwarding');
    });

    it("does not show a unit the Centre's internal steps", async () => {
      const { caseId } = await caseAt('awaiting_approval');
      await f.as('director').case.returnForwarding({ caseId, comment: 'Không chuyển phường, chuyển Sở.' });
      await f.forward(caseId, 'ward-a');
      const kinds = (await f.as('handlerA').case.get({ caseId })).events.map((e) => e.kind);
      expect(kinds).not.toContain('forwarding_returned');
      expect(kinds).not.toContain('forwarding_drafted');
      expect(kinds).toContain('forwarded');
    });

    it('records who did each step, in order', async () => {
      const { caseId } = await caseAt('awaiting_verification');
      const view = await f.as('director').case.get({ caseId });
      expect(view.events.map((e) => e.kind)).toEqual([
        'submitted',
        'classified_in_scope',
        'forwarding_drafted',
        'forwarded',
        'acknowledged',
        'answer_submitted',
      ]);
    });

    it('refuses forwarding to a unit that does not exist', async () => {
      const { caseId } = await caseAt('accepted');
      expect(await codeOf(f.as('intake').case.draftForwarding({ caseId, unitId: 'nowhere' }))).toBe('BAD_REQUEST');
    });
  });
});
