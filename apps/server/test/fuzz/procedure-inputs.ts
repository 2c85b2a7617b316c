/**
 * Valid inputs per tRPC procedure, for the fuzz battery (issue 9). One row per procedure of appRouter: the
 * battery fails when a procedure has no row here, so a new procedure is fuzzed from the day it exists.
 * "Valid" means what the procedure's schema accepts; whether the case exists or the caller may act is the
 * server's business (a 403 or 404 is a fine answer, a 500 is not).
 */
import fc from 'fast-check';
import {
  ANSWER_MIN,
  ANSWER_OUTCOMES,
  BUILT_IN_CATEGORIES,
  CASE_STATUSES,
  DESCRIPTION_MIN,
  OUT_OF_SCOPE_CLASSES,
  PUBLIC_PERIOD_KEYS,
  REVIEW_REASON_MIN,
  ROLES,
  SEARCH_QUERY_MAX,
  UNIT_KINDS,
} from '@pakn/domain';
import { addDays, day, email, idLike, phone, slug, text } from './arbitraries.ts';

/** What the battery's database holds, for inputs that name real things. */
export interface FuzzWorld {
  readonly caseIds: readonly string[];
  readonly receipts: readonly { reference: string; accessKey: string }[];
  readonly unitIds: readonly string[];
  readonly staffIds: readonly string[];
  readonly siteKey: string;
  readonly today: string;
}

/** A row: the input arbitrary (`undefined` for a procedure without input). */
type InputRow = fc.Arbitrary<unknown> | undefined;

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const accessKey = fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
const reference = fc.stringMatching(/^PAKN-20[1-2]\d-\d{6}$/);

/** Removes keys whose value is undefined: JSON drops them anyway, this keeps inputs readable in reports. */
/** A list cursor (issue 11): well-formed ones pointing anywhere, and arbitrary text. */
const listCursor = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc
    .record({
      k: fc.constantFrom('q', 's', 'r', 'a', 'x'),
      r: fc.integer({ min: -1, max: 9 }),
      b: fc.constantFrom('a', 'd', 'x'),
      a: fc.string({ maxLength: 40 }),
      i: fc.string({ maxLength: 40 }),
      n: fc.integer(),
    })
    .map((c) => Buffer.from(JSON.stringify(c)).toString('base64url')),
);

function record<T extends Record<string, fc.Arbitrary<unknown>>>(shape: T) {
  return fc.record(shape).map((value) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)));
}

/** The arbitraries that several resources' rows share, drawn from the battery's world. */
interface Shared {
  readonly caseId: fc.Arbitrary<string>;
  readonly unitId: fc.Arbitrary<string>;
  readonly tracked: fc.Arbitrary<{ reference: string; accessKey: string }>;
  readonly category: fc.Arbitrary<string>;
  readonly pastDay: fc.Arbitrary<string>;
  readonly contact: fc.Arbitrary<Record<string, unknown>>;
  readonly withCase: fc.Arbitrary<Record<string, unknown>>;
  readonly comment: fc.Arbitrary<Record<string, unknown>>;
  readonly year: fc.Arbitrary<number>;
}

function sharedArbitraries(world: FuzzWorld): Shared {
  const caseId = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...world.caseIds) }, { weight: 1, arbitrary: idLike });
  return {
    caseId,
    unitId: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...world.unitIds) }, { weight: 1, arbitrary: slug(40) }),
    tracked: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...world.receipts) }, { weight: 1, arbitrary: fc.record({ reference, accessKey }) }),
    category: fc.oneof(fc.constantFrom(...BUILT_IN_CATEGORIES), fc.stringMatching(/^[a-z][a-z0-9_-]{1,20}$/)),
    pastDay: day(world.today),
    contact: record({ name: optional(text(1, 120)), phone: optional(phone), email: optional(email) }),
    withCase: record({ caseId }),
    comment: record({ caseId, comment: text(5, 500) }),
    year: fc.integer({ min: 2000, max: 2100 }),
  };
}

/** A holiday schedule for one year, as the calendar's preview and save take it. */
const schedule = fc.integer({ min: 2010, max: 2100 }).chain((y) =>
  record({
    year: fc.constant(y),
    extraDaysOff: fc.array(record({ date: fc.integer({ min: 1, max: 28 }).map((d) => `${y}-05-${String(d).padStart(2, '0')}`), name: text(1, 50) }), {
      maxLength: 3,
    }),
    workingDays: fc.constant([]),
    tet: optional(fc.integer({ min: 1, max: 20 }).map((d) => [0, 1, 2, 3, 4].map((i) => `${y}-02-${String(d + i).padStart(2, '0')}`))),
    source: optional(text(1, 200)),
  }),
);

type Rows = Readonly<Record<string, InputRow>>;

function adminInputs(world: FuzzWorld, { caseId, unitId, category }: Shared): Rows {
  return {
    'admin.categories': undefined,
    'admin.saveCategory': record({
      isNew: fc.boolean(),
      key: fc.oneof(fc.constantFrom(...BUILT_IN_CATEGORIES), fc.stringMatching(/^[a-z][a-z0-9_]{1,30}$/), fc.constantFrom('constructor', 'tostring')),
      label: record({ vi: text(2, 100), en: text(2, 100) }),
      hint: optional(record({ vi: text(0, 300), en: text(0, 300) })),
      active: fc.boolean(),
    }),
    'admin.moveCategory': record({ key: category, direction: fc.constantFrom('up', 'down') }),
    'admin.letterTemplate': undefined,
    'admin.reportSettings': undefined,
    'admin.saveReportSettings': record({ cutOffDay: fc.oneof(fc.integer({ min: -3, max: 40 }), fc.double(), fc.constant(15)) }),
    'admin.saveLetterTemplate': record({
      template: fc.tuple(text(1, 400), fc.constantFrom('', '{don_vi}', '{noi_dung}', '{{', '{khong_co}')).map(([t, p]) => `${t} ${p}`),
    }),
    'admin.previewLetterTemplate': record({ template: text(0, 400), caseId: optional(caseId), unitId: optional(unitId) }),
    'admin.users': undefined,
    'admin.saveUser': record({
      id: optional(fc.constantFrom(...world.staffIds)),
      username: fc.stringMatching(/^[a-z0-9._-]{3,30}$/),
      displayName: text(2, 120),
      role: fc.constantFrom(...ROLES),
      unitId: optional(unitId),
      email: optional(email),
      active: fc.boolean(),
      password: optional(fc.string({ minLength: 12, maxLength: 60 })),
    }),
    'admin.unlockUser': record({ id: fc.oneof(fc.constantFrom(...world.staffIds), idLike) }),
    'admin.saveUnit': record({
      id: fc.oneof(slug(40), fc.constant('constructor')),
      kind: fc.constantFrom(...UNIT_KINDS),
      name: text(2, 200),
      parentId: optional(unitId),
      isNew: optional(fc.boolean()),
    }),
    'admin.sites': undefined,
    'admin.saveSite': record({
      key: slug(40),
      name: text(2, 200),
      allowedOrigins: fc.array(fc.stringMatching(/^https:\/\/[a-z]{1,12}\.gov\.vn$/), { maxLength: 5 }),
      defaultUnitId: optional(unitId),
      isNew: optional(fc.boolean()),
    }),
  };
}

function authCalendarInputs({ year }: Shared): Rows {
  return {
    'auth.login': record({
      username: fc.oneof(fc.constantFrom('tiepnhan', 'quantri', 'khong-co'), fc.string({ minLength: 1, maxLength: 100 })),
      password: fc.string({ minLength: 1, maxLength: 200 }),
    }),
    'auth.logout': undefined,
    'auth.me': undefined,
    'calendar.year': record({ year }),
    'calendar.preview': schedule,
    'calendar.save': schedule,
  };
}

function intakeLetterInputs(world: FuzzWorld, { caseId, unitId, category, contact, pastDay, year }: Shared): Rows {
  return {
    'intake.logContact': record({
      channel: fc.constantFrom('hotline', 'zalo', 'viber', 'walk_in', 'email'),
      at: optional(
        fc.integer({ min: Date.parse('2010-01-01T00:00:00Z'), max: Date.parse(`${world.today}T00:00:00Z`) }).map((ms) => new Date(ms).toISOString()),
      ),
      existingCaseId: optional(caseId),
      category: optional(category),
      concernedUnitId: optional(unitId),
      summary: text(DESCRIPTION_MIN, 1000),
      contact: optional(contact),
      confidential: fc.boolean(),
    }),
    'intake.callerHistory': record({ phone: fc.oneof(phone, text(6, 20)) }),
    'intake.dailyStats': record({ date: pastDay }),
    'letter.register': record({ year, cursor: optional(listCursor), limit: optional(fc.integer({ min: 1, max: 200 })) }),
    'letter.get': record({ id: idLike }),
  };
}

/** What the citizen calls, with the receipt of a case (tracked) or the widget's site key. */
function citizenCaseInputs(world: FuzzWorld, { unitId, tracked, category, pastDay, contact }: Shared): Rows {
  return {
    'case.provideInfo': tracked.chain((t) =>
      record({ reference: fc.constant(t.reference), accessKey: fc.constant(t.accessKey), message: text(5, 1000), attachments: optional(fc.constant([])) }),
    ),
    'case.challenge': record({ siteKey: fc.oneof(fc.constant(world.siteKey), slug(30)) }),
    'case.submit': pastDay.chain((appointment) =>
      record({
        siteKey: fc.constant(world.siteKey),
        category,
        description: text(DESCRIPTION_MIN, 2000),
        unitId: optional(unitId),
        dossierCode: optional(text(1, 60)),
        appointmentDate: optional(fc.constant(appointment)),
        returnedDate: optional(
          fc
            .integer({ min: 0, max: 30 })
            .map((n) => addDays(appointment, n))
            .filter((d) => d <= world.today),
        ),
        contact: optional(contact),
        confidential: fc.boolean(),
        consent: fc.constant(true),
        wantsUpdates: fc.boolean(),
        lang: fc.constantFrom('vi', 'en'),
        idempotencyKey: fc.stringMatching(/^[A-Za-z0-9_-]{16,40}$/),
        // Replaced by a solved proof of work before the call (see the battery).
        proof: fc.constant('to-be-solved'),
      }),
    ),
    'case.track': tracked,
    'case.rate': tracked.chain((t) =>
      record({
        reference: fc.constant(t.reference),
        accessKey: fc.constant(t.accessKey),
        score: fc.integer({ min: 1, max: 5 }),
        comment: optional(text(0, 500)),
      }),
    ),
    'case.requestReview': tracked.chain((t) =>
      record({ reference: fc.constant(t.reference), accessKey: fc.constant(t.accessKey), reason: text(REVIEW_REASON_MIN, 500) }),
    ),
  };
}

function staffCaseInputs(world: FuzzWorld, { caseId, unitId, tracked, category, withCase, comment }: Shared): Rows {
  return {
    'case.inbox': record({
      status: optional(fc.constantFrom('open', 'all', ...CASE_STATUSES)),
      assignedToMe: optional(fc.boolean()),
      q: optional(fc.oneof(text(0, SEARCH_QUERY_MAX), fc.string({ maxLength: SEARCH_QUERY_MAX }), phone)),
      cursor: optional(listCursor),
      limit: optional(fc.integer({ min: 1, max: 200 })),
    }),
    'case.merge': record({ primaryId: caseId, duplicateId: caseId }),
    'case.followUp': optional(
      record({ overdueCursor: optional(listCursor), atRiskCursor: optional(listCursor), limit: optional(fc.integer({ min: 1, max: 200 })) }),
    ),
    'case.attachments': withCase,
    'case.answerAttachments': withCase,
    'case.letters': withCase,
    'case.onChange': undefined,
    'case.get': withCase,
    'case.findByReference': record({
      reference: fc.oneof({ weight: 3, arbitrary: tracked.map((t) => t.reference) }, { weight: 1, arbitrary: text(1, 40) }),
    }),
    'case.classify': fc.oneof(
      record({ caseId, scope: fc.constant('in'), category }),
      record({ caseId, scope: fc.constant('out'), outOfScopeClass: fc.constantFrom(...OUT_OF_SCOPE_CLASSES), referral: text(10, 1000) }),
    ),
    'case.editSummary': record({ caseId, description: text(DESCRIPTION_MIN, 2000) }),
    'case.draftForwarding': record({ caseId, unitId, letter: optional(text(20, 2000)), confirmSelfReview: fc.boolean() }),
    'case.approveForwarding': withCase,
    'case.returnForwarding': comment,
    'case.acknowledge': withCase,
    'case.requestInfo': record({ caseId, question: text(10, 1000) }),
    'case.decline': comment,
    'case.submitAnswer': record({
      caseId,
      outcome: fc.constantFrom(...ANSWER_OUTCOMES),
      answer: text(ANSWER_MIN, 2000),
      internalNote: optional(text(0, 1000)),
      attachments: optional(fc.array(record({ id: fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/), internal: fc.boolean() }), { maxLength: 2 })),
    }),
    'case.verifyAnswer': withCase,
    'case.returnAnswer': comment,
    'case.confirmAnswer': comment,
    'case.requestExtension': record({ caseId, days: fc.integer({ min: 1, max: 10 }), reason: text(REVIEW_REASON_MIN, 500) }),
    'case.decideExtension': record({ caseId, approve: fc.boolean(), comment: optional(text(0, 500)) }),
    'case.assign': record({ caseId, staffId: fc.oneof(fc.constantFrom(...world.staffIds), idLike) }),
    'case.revealIdentity': record({ caseId, reason: text(10, 500) }),
  };
}

function directoryAuditInputs(world: FuzzWorld, { caseId, unitId, pastDay }: Shared): Rows {
  const period = fc.tuple(pastDay, fc.integer({ min: 0, max: 366 })).map(([from, n]) => ({ from, to: addDays(from, n) }));
  const weight = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: -5, max: 200 }));
  return {
    'category.list': undefined,
    'site.config': record({ siteKey: fc.oneof(fc.constant(world.siteKey), slug(30)) }),
    'statistics.public': record({ period: optional(fc.constantFrom(...PUBLIC_PERIOD_KEYS)), unitId: optional(fc.oneof(unitId, slug(64))) }),
    'unit.list': undefined,
    'unit.staff': record({ unitId }),
    'unit.evaluation': period,
    'unit.evaluationScoring': undefined,
    'unit.setEvaluationScoring': record({
      weights: record({ onTime: weight, answered: weight, satisfaction: weight, reviews: weight, reprimands: weight }),
      minimumCases: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.integer(), fc.double()),
    }),
    'unit.saveEvaluation': record({ period, title: text(0, 220) }),
    'unit.savedEvaluations': undefined,
    'unit.savedEvaluation': record({ id: fc.oneof(idLike, text(0, 80)) }),
    'dashboard.figures': fc
      .tuple(pastDay, fc.integer({ min: 0, max: 730 }), optional(fc.constantFrom('wards', 'branches', 'departments', 'cities')), optional(unitId))
      .map(([from, n, group, unit]) => ({ from, to: addDays(from, n), group, unitId: unit })),
    'unit.records': record({ unitId: optional(unitId), caseId: optional(caseId) }),
    'report.period': record({
      kind: fc.constantFrom('month', 'quarter', 'half', 'year'),
      year: optional(fc.integer({ min: 2000, max: 2300 })),
      index: optional(fc.integer({ min: 0, max: 13 })),
    }),
    'unit.record': record({
      unitId,
      caseId: optional(caseId),
      kind: fc.constantFrom('reminder', 'escalation', 'reprimand', 'correction', 'commendation'),
      note: text(5, 1000),
    }),
    'unit.setInspection': record({ unitId, underInspection: fc.boolean(), reason: text(5, 1000) }),
    'authority.list': undefined,
    'authority.save': record({
      id: slug(40),
      outOfScopeClass: fc.constantFrom(...OUT_OF_SCOPE_CLASSES),
      name: record({ vi: text(2, 200), en: text(2, 200) }),
      referral: record({ vi: text(10, 1000), en: text(10, 1000) }),
    }),
    'authority.remove': record({ id: fc.oneof(slug(40), idLike) }),
    'audit.list': record({
      entityType: optional(fc.constantFrom('case', 'staff', 'unit', 'export')),
      entityId: optional(caseId),
      action: optional(fc.constantFrom('case.', 'case.logged', 'export.cases')),
      actor: optional(text(0, 60)),
      from: optional(pastDay),
      to: optional(pastDay),
      cursor: optional(listCursor),
      limit: optional(fc.integer({ min: 1, max: 200 })),
    }),
    'audit.verify': undefined,
  };
}

export function procedureInputs(world: FuzzWorld): Rows {
  const shared = sharedArbitraries(world);
  return {
    ...adminInputs(world, shared),
    ...authCalendarInputs(shared),
    ...intakeLetterInputs(world, shared),
    ...citizenCaseInputs(world, shared),
    ...staffCaseInputs(world, shared),
    ...directoryAuditInputs(world, shared),
  };
}
