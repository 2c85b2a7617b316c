import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CITIZEN_LIMITS } from './citizen-policy.ts';
import { appRouter } from './router.ts';
import { createFixture, type DbMode, type Fixture, type StaffKey } from './test-fixture.ts';

/**
 * Issue 5, "Router tests cover every transition and every refusal": every staff procedure, called by every
 * role, for a case of the caller's own unit (ward A), another unit's member (handlerB) and a unit member
 * with no unit. The completeness test below fails when a procedure is added without a row here.
 */

type Who = StaffKey | 'anonymous';
type Outcome = 'OK' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHORIZED';
const ROLES: readonly Who[] = ['intake', 'director', 'inspector', 'admin', 'handlerA', 'headA', 'handlerB', 'handlerNoUnit', 'anonymous'];

/** Citizens' and sign-in procedures: no staff session by design (tested in router.test.ts and citizen.test.ts). */
const PUBLIC_PROCEDURES = new Set([
  'auth.login',
  'auth.logout',
  'auth.me',
  'case.challenge',
  'case.submit',
  'case.track',
  'case.rate',
  'case.requestReview',
  'case.provideInfo',
  'site.config',
  'statistics.public',
]);
/** A subscription, not callable through createCaller: its authorization is tested with its feed (records.test.ts). */
const NOT_CALLABLE = new Set(['case.onChange']);

const row = (o: Partial<Record<Who, Outcome>>, rest: Outcome): Record<Who, Outcome> =>
  Object.fromEntries(ROLES.map((r) => [r, r === 'anonymous' ? 'UNAUTHORIZED' : (o[r] ?? rest)])) as Record<Who, Outcome>;

const everyone = row({}, 'OK');
const adminOnly = row({ admin: 'OK' }, 'FORBIDDEN');
const directorOnly = row({ director: 'OK' }, 'FORBIDDEN');
const centreOnly = row({ intake: 'OK', director: 'OK' }, 'FORBIDDEN');
/** Seeing everything (Centre, inspector, admin), and a unit member their own unit's. */
const screens = row({ handlerNoUnit: 'FORBIDDEN' }, 'OK');
/** A case-level move by the Centre, on a case not (yet) at a unit: unit members are told it does not exist. */
const centreMoveUnforwarded = row({ intake: 'OK', director: 'OK', inspector: 'FORBIDDEN', admin: 'FORBIDDEN' }, 'NOT_FOUND');
/** A case-level move by the Centre on a case at ward A: ward A sees the case but may not move it. */
const centreMoveAtUnit = row({ intake: 'OK', director: 'OK', handlerB: 'NOT_FOUND', handlerNoUnit: 'NOT_FOUND' }, 'FORBIDDEN');
/** A case-level move by ward A's members. */
const unitMove = row({ handlerA: 'OK', headA: 'OK', handlerB: 'NOT_FOUND', handlerNoUnit: 'NOT_FOUND' }, 'FORBIDDEN');
/** Reading one case at ward A. */
const caseRead = row({ handlerB: 'NOT_FOUND', handlerNoUnit: 'NOT_FOUND' }, 'OK');

const EXPECTED: Readonly<Record<string, Record<Who, Outcome>>> = {
  // The case list and one case.
  'case.inbox': screens,
  'case.followUp': screens,
  'case.get': caseRead,
  'case.findByReference': caseRead,
  'case.attachments': caseRead,
  'case.answerAttachments': caseRead,
  'case.letters': caseRead,
  // Triage.
  'case.classify': centreMoveUnforwarded,
  // The permission is checked before the case is looked up: a unit member is refused outright.
  'case.editSummary': centreOnly,
  'case.merge': row({ intake: 'OK', director: 'OK' }, 'FORBIDDEN'),
  // The unit opens an identity only when the citizen allowed it (router.test.ts); this citizen did not say so.
  'case.revealIdentity': row({ intake: 'OK', director: 'OK', inspector: 'OK', handlerB: 'NOT_FOUND', handlerNoUnit: 'NOT_FOUND' }, 'FORBIDDEN'),
  // Forwarding.
  'case.draftForwarding': centreMoveUnforwarded,
  'case.approveForwarding': row({ director: 'OK', intake: 'FORBIDDEN', inspector: 'FORBIDDEN', admin: 'FORBIDDEN' }, 'NOT_FOUND'),
  'case.returnForwarding': row({ director: 'OK', intake: 'FORBIDDEN', inspector: 'FORBIDDEN', admin: 'FORBIDDEN' }, 'NOT_FOUND'),
  // The unit.
  'case.acknowledge': unitMove,
  'case.requestInfo': unitMove,
  'case.decline': unitMove,
  'case.submitAnswer': unitMove,
  'case.requestExtension': unitMove,
  'case.assign': row({ headA: 'OK' }, 'FORBIDDEN'),
  'case.decideExtension': directorOnly,
  // Verification and review.
  'case.verifyAnswer': centreMoveAtUnit,
  'case.returnAnswer': centreMoveAtUnit,
  'case.confirmAnswer': centreMoveAtUnit,
  // Intake from every channel.
  'intake.logContact': centreOnly,
  'intake.callerHistory': centreOnly,
  // Counts only (calls, numbers, channels): every inbox shows them.
  'intake.dailyStats': everyone,
  // Letters.
  // A unit reads the letters sent to it (ward A's are tested in records.test.ts), the Centre all of them.
  'letter.register': everyone,
  'letter.get': row({ handlerB: 'NOT_FOUND', handlerNoUnit: 'NOT_FOUND' }, 'OK'),
  // Units and what the Centre records against them.
  'unit.list': everyone,
  'unit.staff': row({ intake: 'OK', director: 'OK', inspector: 'OK', admin: 'OK', headA: 'OK' }, 'FORBIDDEN'),
  'unit.evaluation': row({ intake: 'OK', director: 'OK', inspector: 'OK' }, 'FORBIDDEN'),
  // The scoring is the administrator's to set; whoever reads the evaluation reads it too.
  'unit.evaluationScoring': row({ intake: 'OK', director: 'OK', inspector: 'OK', admin: 'OK' }, 'FORBIDDEN'),
  'unit.setEvaluationScoring': row({ admin: 'OK' }, 'FORBIDDEN'),
  // The Director signs an evaluation for the record, as they judge units.
  'unit.saveEvaluation': directorOnly,
  'unit.savedEvaluations': row({ intake: 'OK', director: 'OK', inspector: 'OK' }, 'FORBIDDEN'),
  'unit.savedEvaluation': row({ intake: 'OK', director: 'OK', inspector: 'OK' }, 'FORBIDDEN'),
  // The dashboard: the evaluation's readers any unit or group, a unit's members their own unit only.
  'dashboard.figures': row({ admin: 'FORBIDDEN', handlerNoUnit: 'FORBIDDEN' }, 'OK'),
  // The period reports: the evaluation's readers.
  'report.period': row({ intake: 'OK', director: 'OK', inspector: 'OK' }, 'FORBIDDEN'),
  'unit.records': everyone,
  'unit.record': centreOnly,
  'unit.setInspection': directorOnly,
  // The directory of competent authorities.
  'authority.list': everyone,
  'authority.save': adminOnly,
  'authority.remove': adminOnly,
  // Records.
  'audit.list': row({ inspector: 'OK', director: 'OK', admin: 'OK' }, 'FORBIDDEN'),
  'audit.verify': row({ inspector: 'OK', director: 'OK', admin: 'OK' }, 'FORBIDDEN'),
  // The working calendar: everyone reads it, the admin keeps it.
  'calendar.year': everyone,
  'calendar.preview': adminOnly,
  'calendar.save': adminOnly,
  // Administration.
  'category.list': everyone,
  'admin.categories': adminOnly,
  'admin.saveCategory': adminOnly,
  'admin.moveCategory': adminOnly,
  'admin.letterTemplate': adminOnly,
  'admin.saveLetterTemplate': adminOnly,
  'admin.reportSettings': adminOnly,
  'admin.saveReportSettings': adminOnly,
  'admin.previewLetterTemplate': adminOnly,
  'admin.users': adminOnly,
  'admin.saveUser': adminOnly,
  'admin.unlockUser': adminOnly,
  'admin.saveUnit': adminOnly,
  'admin.sites': adminOnly,
  'admin.saveSite': adminOnly,
};

const procedures = (appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures;

describe('the authorization matrix', () => {
  it('has a row for every staff procedure, and no row for a procedure that does not exist', () => {
    const staffProcedures = Object.keys(procedures).filter((p) => !PUBLIC_PROCEDURES.has(p) && !NOT_CALLABLE.has(p));
    expect(Object.keys(EXPECTED).sort()).toEqual(staffProcedures.sort());
  });
});

describe.each<DbMode>(['embedded', 'remote'])('each role against each staff procedure, on the %s database', (mode) => {
  let f: Fixture;
  beforeEach(async () => {
    // One role's run submits about 30 reports from one address: above the citizens' per-address limit.
    f = await createFixture(mode, { limits: { ...DEFAULT_CITIZEN_LIMITS, submitsPerAddress: 1000, challengesPerAddress: 1000 } });
  });
  afterEach(() => f.close());

  async function outcome(call: () => Promise<unknown>): Promise<string> {
    try {
      await call();
      return 'OK';
    } catch (error) {
      if (error instanceof TRPCError) return error.message && error.code === 'BAD_REQUEST' ? `BAD_REQUEST (${error.message})` : error.code;
      throw error;
    }
  }

  type Stage = 'received' | 'accepted' | 'awaiting_approval' | 'forwarded' | 'in_progress' | 'extension_requested' | 'awaiting_verification' | 'reopened';

  /** A new case, taken to the stage through the real procedures, at ward A. */
  async function caseAt(stage: Stage, extra: Record<string, unknown> = {}): Promise<string> {
    const receipt = await f.submit(extra);
    const found = (await f.as('intake').case.inbox({ status: 'all' })).items.find((c) => c.reference === receipt.reference);
    const caseId = found!.id;
    const steps: [Stage, () => Promise<unknown>][] = [
      ['accepted', () => f.as('intake').case.classify({ caseId, scope: 'in', category: 'late_result' })],
      ['awaiting_approval', () => f.as('intake').case.draftForwarding({ caseId, unitId: 'ward-a', confirmSelfReview: true })],
      ['forwarded', () => f.as('director').case.approveForwarding({ caseId })],
      ['in_progress', () => f.as('handlerA').case.acknowledge({ caseId })],
    ];
    const order: Stage[] = ['received', 'accepted', 'awaiting_approval', 'forwarded', 'in_progress'];
    const target = stage === 'extension_requested' || stage === 'awaiting_verification' || stage === 'reopened' ? 'in_progress' : stage;
    for (const [reached, step] of steps) {
      if (order.indexOf(reached) > order.indexOf(target)) break;
      await step();
    }
    if (stage === 'extension_requested') await f.as('handlerA').case.requestExtension({ caseId, days: 5, reason: 'Cần xác minh với cơ quan thuế.' });
    if (stage === 'awaiting_verification' || stage === 'reopened') {
      await f.as('handlerA').case.submitAnswer({ caseId, outcome: 'substantiated', answer: 'Đơn vị đã trả kết quả cho công dân.' });
    }
    if (stage === 'reopened') {
      await f.as('intake').case.verifyAnswer({ caseId });
      // Only a citizen not satisfied (a low rating) may ask for a review.
      await f.citizen().case.rate({ reference: receipt.reference, accessKey: receipt.accessKey, score: 1 });
      await f.citizen().case.requestReview({ ...receipt, reason: 'Kết quả chưa đúng với hồ sơ tôi đã nộp.' });
    }
    return caseId;
  }

  async function approvedLetterId(): Promise<string> {
    const caseId = await caseAt('forwarded');
    const letters = await f.as('intake').case.letters({ caseId });
    return letters.find((l) => l.status === 'approved')!.id;
  }

  const comment = 'Đề nghị bổ sung lý do cụ thể.';
  const POLICE = {
    id: 'cong-an-tp',
    outOfScopeClass: 'crime_report',
    name: { vi: 'Công an Thành phố Hà Nội', en: 'Hanoi City Police' },
    referral: { vi: 'Đề nghị ông/bà liên hệ Công an Thành phố Hà Nội.', en: 'Please contact the Hanoi City Police.' },
  } as const;
  const CALLS: Readonly<Record<string, (c: ReturnType<Fixture['as']>) => Promise<unknown>>> = {
    'case.inbox': (c) => c.case.inbox({}),
    'case.followUp': (c) => c.case.followUp(),
    'case.get': async (c) => c.case.get({ caseId: await caseAt('in_progress') }),
    'case.findByReference': async (c) => {
      const { reference } = await f.as('intake').case.get({ caseId: await caseAt('forwarded') });
      return c.case.findByReference({ reference });
    },
    'case.attachments': async (c) => c.case.attachments({ caseId: await caseAt('in_progress') }),
    'case.answerAttachments': async (c) => c.case.answerAttachments({ caseId: await caseAt('awaiting_verification') }),
    'case.letters': async (c) => c.case.letters({ caseId: await caseAt('in_progress') }),
    'case.classify': async (c) => c.case.classify({ caseId: await caseAt('received'), scope: 'in', category: 'harassment' }),
    'case.editSummary': async (c) =>
      c.case.editSummary({ caseId: await caseAt('received'), description: 'Hồ sơ khai sinh bị trả muộn 10 ngày so với giấy hẹn, cán bộ không giải thích.' }),
    'case.merge': async (c) => c.case.merge({ primaryId: await caseAt('received'), duplicateId: await caseAt('received') }),
    'case.revealIdentity': async (c) =>
      c.case.revealIdentity({
        caseId: await caseAt('in_progress', { contact: { name: 'Lê Văn Cường', phone: '0987654321' }, consent: true }),
        reason: 'Cần gọi lại để xác minh thông tin.',
      }),
    'case.draftForwarding': async (c) => c.case.draftForwarding({ caseId: await caseAt('accepted'), unitId: 'ward-a', confirmSelfReview: true }),
    'case.approveForwarding': async (c) => c.case.approveForwarding({ caseId: await caseAt('awaiting_approval') }),
    'case.returnForwarding': async (c) => c.case.returnForwarding({ caseId: await caseAt('awaiting_approval'), comment }),
    'case.acknowledge': async (c) => c.case.acknowledge({ caseId: await caseAt('forwarded') }),
    'case.requestInfo': async (c) => c.case.requestInfo({ caseId: await caseAt('in_progress'), question: 'Đề nghị gửi ảnh giấy hẹn trả kết quả.' }),
    'case.decline': async (c) => c.case.decline({ caseId: await caseAt('in_progress'), comment: 'Hồ sơ thuộc thẩm quyền của Sở Tư pháp.' }),
    'case.submitAnswer': async (c) =>
      c.case.submitAnswer({ caseId: await caseAt('in_progress'), outcome: 'partly_substantiated', answer: 'Đơn vị đã giải quyết xong hồ sơ cho công dân.' }),
    'case.requestExtension': async (c) => c.case.requestExtension({ caseId: await caseAt('in_progress'), days: 3, reason: 'Cần phối hợp với Sở Tư pháp.' }),
    'case.assign': async (c) => c.case.assign({ caseId: await caseAt('in_progress'), staffId: 's-handler-a' }),
    'case.decideExtension': async (c) => c.case.decideExtension({ caseId: await caseAt('extension_requested'), approve: true }),
    'case.verifyAnswer': async (c) => c.case.verifyAnswer({ caseId: await caseAt('awaiting_verification') }),
    'case.returnAnswer': async (c) => c.case.returnAnswer({ caseId: await caseAt('awaiting_verification'), comment }),
    'case.confirmAnswer': async (c) => c.case.confirmAnswer({ caseId: await caseAt('reopened'), comment: 'Kết quả đã đúng quy định, giữ nguyên.' }),
    'intake.logContact': (c) =>
      c.intake.logContact({ channel: 'hotline', summary: 'Công dân phản ánh hồ sơ đất đai bị trả muộn so với giấy hẹn.', contact: { phone: '0912345678' } }),
    'intake.callerHistory': (c) => c.intake.callerHistory({ phone: '0912345678' }),
    'intake.dailyStats': (c) => c.intake.dailyStats({ date: '2026-11-27' }),
    'letter.register': (c) => c.letter.register({ year: 2026 }),
    'letter.get': async (c) => c.letter.get({ id: await approvedLetterId() }),
    'unit.list': (c) => c.unit.list(),
    'unit.staff': (c) => c.unit.staff({ unitId: 'ward-a' }),
    'unit.evaluation': (c) => c.unit.evaluation({ from: '2026-01-01', to: '2026-11-27' }),
    'unit.evaluationScoring': (c) => c.unit.evaluationScoring(),
    'unit.setEvaluationScoring': (c) =>
      c.unit.setEvaluationScoring({ weights: { onTime: 50, answered: 20, satisfaction: 20, reviews: 5, reprimands: 5 }, minimumCases: 3 }),
    'unit.saveEvaluation': (c) => c.unit.saveEvaluation({ period: { from: '2026-01-01', to: '2026-06-30' }, title: 'Đánh giá 6 tháng đầu năm 2026' }),
    'unit.savedEvaluations': (c) => c.unit.savedEvaluations(),
    'unit.savedEvaluation': async (c) => {
      const { id } = await f.as('director').unit.saveEvaluation({ period: { from: '2026-01-01', to: '2026-03-31' }, title: 'Đánh giá quý I năm 2026' });
      return c.unit.savedEvaluation({ id });
    },
    'dashboard.figures': (c) => c.dashboard.figures({ from: '2026-01-01', to: '2026-11-27', unitId: 'ward-a' }),
    'report.period': (c) => c.report.period({ kind: 'quarter', year: 2026, index: 1 }),
    'unit.records': (c) => c.unit.records({}),
    'unit.record': (c) => c.unit.record({ unitId: 'ward-a', kind: 'reminder', note: 'Đôn đốc trả lời đúng hạn.' }),
    'unit.setInspection': (c) => c.unit.setInspection({ unitId: 'ward-a', underInspection: true, reason: 'Nhiều phản ánh trễ hạn.' }),
    'authority.list': (c) => c.authority.list(),
    'authority.save': (c) => c.authority.save(POLICE),
    'authority.remove': async (c) => {
      await f.as('admin').authority.save(POLICE);
      return c.authority.remove({ id: POLICE.id });
    },
    'audit.list': (c) => c.audit.list({}),
    'audit.verify': (c) => c.audit.verify(),
    'calendar.year': (c) => c.calendar.year({ year: 2026 }),
    'calendar.preview': (c) =>
      c.calendar.preview({
        year: 2027,
        extraDaysOff: [],
        workingDays: [],
        tet: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09'],
        source: 'Kiểm thử',
      }),
    'calendar.save': (c) =>
      c.calendar.save({
        year: 2027,
        extraDaysOff: [],
        workingDays: [],
        tet: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09'],
        source: 'Kiểm thử',
      }),
    'category.list': (c) => c.category.list(),
    'admin.categories': (c) => c.admin.categories(),
    'admin.saveCategory': (c) => c.admin.saveCategory({ isNew: true, key: 'thu_tuc_dat_dai', label: { vi: 'Thủ tục đất đai', en: 'Land procedures' } }),
    'admin.moveCategory': (c) => c.admin.moveCategory({ key: 'harassment', direction: 'up' }),
    'admin.letterTemplate': (c) => c.admin.letterTemplate(),
    'admin.saveLetterTemplate': (c) => c.admin.saveLetterTemplate({ template: 'Kính gửi: {don_vi}\n\n{noi_dung}\n\n{nguoi_phan_anh}' }),
    'admin.reportSettings': (c) => c.admin.reportSettings(),
    'admin.saveReportSettings': (c) => c.admin.saveReportSettings({ cutOffDay: 15 }),
    'admin.previewLetterTemplate': (c) => c.admin.previewLetterTemplate({ template: 'Kính gửi: {don_vi}\n\n{noi_dung}' }),
    'admin.users': (c) => c.admin.users(),
    'admin.unlockUser': (c) => c.admin.unlockUser({ id: 's-inspector' }),
    'admin.saveUser': (c) => c.admin.saveUser({ username: 'can.bo.moi', displayName: 'Cán bộ mới', role: 'inspector', password: 'mat-khau-rat-dai-2026' }),
    'admin.saveUnit': (c) => c.admin.saveUnit({ id: 'ward-c', kind: 'ward', name: 'UBND phường C', isNew: true }),
    'admin.sites': (c) => c.admin.sites(),
    'admin.saveSite': (c) => c.admin.saveSite({ key: 'so-tu-phap', name: 'Sở Tư pháp', allowedOrigins: ['https://sotuphap.hanoi.gov.vn'], isNew: true }),
  };

  it('has a call for every row', () => {
    expect(Object.keys(CALLS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("lists in a unit's register only the approved letters sent to it", async () => {
    const year = f.now.getUTCFullYear();
    await caseAt('forwarded');
    await caseAt('awaiting_approval');
    await f.forward(await caseAt('accepted'), 'ward-b');
    const seen = async (who: StaffKey) => (await f.as(who).letter.register({ year })).items.map((l) => `${l.unitId}:${l.status}`).sort();
    expect(await seen('intake')).toEqual(['ward-a:approved', 'ward-a:draft', 'ward-b:approved']);
    expect(await seen('handlerA')).toEqual(['ward-a:approved']);
    expect(await seen('headA')).toEqual(['ward-a:approved']);
    expect(await seen('handlerB')).toEqual(['ward-b:approved']);
    expect(await seen('handlerNoUnit')).toEqual([]);
  });

  for (const role of ROLES) {
    it(`${role}: every staff procedure answers as the permission table says`, async () => {
      const caller = role === 'anonymous' ? f.anonymous() : f.as(role);
      const outcomes: Record<string, string> = {};
      for (const [name, call] of Object.entries(CALLS)) outcomes[name] = await outcome(() => call(caller));
      expect(outcomes).toEqual(Object.fromEntries(Object.entries(EXPECTED).map(([p, o]) => [p, o[role]])));
    }, 60_000);
  }
});
