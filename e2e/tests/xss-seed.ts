import { expect } from '@playwright/test';
import { DEMO_SITE, staffApi } from './support.ts';
import { answerFileUploader, citizenApi } from './xss-clients.ts';
import { FORMULA_PAYLOADS, PAYLOADS, pieces, type Payload } from './xss-payloads.ts';
import { at, atLeast, marked, templateLiteral, type CaseField } from './xss-fields.ts';

/**
 * Puts the XSS corpus (xss-payloads.ts) into every text field a person types, through the real APIs: the
 * citizen's `case.submit` (with its proof of work and file uploads), the tracking proof's replies, the staff
 * procedures of every workflow step, and the admin's settings. Returns where each piece went, so that the
 * spec can look for it in the views, and how many payloads each field carried.
 */

export interface Piece {
  readonly text: string;
  readonly payloads: readonly Payload[];
}

interface PayloadCase {
  readonly id: string;
  readonly reference: string;
  readonly accessKey: string;
  /** What this case's fields hold: one piece of the corpus in each long field. */
  readonly piece: Piece;
  /** The next piece: the summary the Centre typed over the description. */
  readonly summary: Piece;
  readonly contactName: Piece;
  readonly dossierCode: Piece | null;
  /** The file names as sent (x-pakn-filename); the server keeps letters, digits and `._()-` of them. */
  readonly fileNames: readonly Payload[];
  readonly revealReason: Piece;
  /** The e-mail address: its format admits only `'`, `+` and `-` of a payload; it starts with a formula sign. */
  readonly email: string;
  /** The names of the files attached to the answer (staff upload, x-pakn-filename). */
  readonly answerFileNames: readonly Payload[];
}

export interface Seeded {
  /** Cases taken through every step: submitted on the web, edited, forwarded twice, answered, rated, reviewed. */
  readonly cases: readonly PayloadCase[];
  /** Cases logged by the hotline and referred elsewhere, the referral text a piece. */
  readonly referred: readonly { readonly id: string; readonly reference: string; readonly accessKey: string; readonly piece: Piece }[];
  /** Cases waiting for the citizen's reply: the tracking view shows the unit's question. */
  readonly waiting: readonly { readonly reference: string; readonly accessKey: string; readonly piece: Piece }[];
  /** One case per formula payload, the payload first in its description (the CSV cell). */
  readonly formulaCases: readonly { readonly reference: string; readonly payload: Payload }[];
  readonly categoryLabels: readonly Piece[];
  readonly categoryHints: readonly Piece[];
  readonly authorityNames: readonly Piece[];
  readonly authorityReferrals: readonly Piece[];
  readonly unitNames: readonly Piece[];
  readonly siteNames: readonly { readonly key: string; readonly piece: Piece }[];
  readonly displayNames: readonly Piece[];
  /** The ward handler's display name during the run (they act on every case: history, audit, assignment). */
  readonly handlerName: Piece;
  readonly letterTemplate: Piece;
  readonly unitRecordNotes: readonly Piece[];
  readonly inspectionReasons: readonly Piece[];
  /** Field → the ids of the payloads it carried. */
  readonly coverage: ReadonlyMap<string, ReadonlySet<number>>;
  /** Puts back what the battery changed that other specs read: the letter template, the handler's name, the categories. */
  restore(): Promise<void>;
}

const DEMO_ORIGIN = new URL(DEMO_SITE).origin;
const WARD = 'ward-hoan-kiem';
const HANDLER = 'xuly.hoankiem';

/** Every per-case long field takes a piece this long: the shortest such limit (rating comment, 1000), less its field mark. */
const LONG = 960;

type StaffApi = Awaited<ReturnType<typeof staffApi>>;

/** Everyone who types during the seeding, and the coverage record they add to. */
interface Seeding {
  readonly citizen: Awaited<ReturnType<typeof citizenApi>>;
  readonly intake: StaffApi;
  readonly director: StaffApi;
  readonly admin: StaffApi;
  readonly ward: StaffApi;
  readonly answerFiles: Awaited<ReturnType<typeof answerFileUploader>>;
  /** Records that `field` carried these payloads. */
  readonly cover: (field: string, piece: Piece | readonly Payload[]) => void;
}

interface StaffUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: string;
  readonly unitId: string | null;
}

/** The ward handler's display name and new staff members' names. */
async function seedStaff({ admin, cover }: Seeding) {
  const users = await admin.query<StaffUser[]>('admin.users', null);
  const handler = users.find((u) => u.username === HANDLER);
  expect(handler, HANDLER).toBeTruthy();
  const handlerName = pieces(120)[0] as Piece;
  const saveHandler = (displayName: string) =>
    admin.call('admin.saveUser', { id: handler!.id, username: HANDLER, displayName, role: handler!.role, unitId: handler!.unitId ?? undefined });
  await saveHandler(handlerName.text);
  cover('staff display name', handlerName);

  const displayNames = pieces(120);
  for (const [i, piece] of displayNames.entries()) {
    await admin.call('admin.saveUser', {
      username: `xss.user.${i}`,
      displayName: atLeast(piece.text, 2),
      role: 'inspector',
      password: 'mat-khau-kiem-thu-xss-2026',
    });
    cover('staff display name', piece);
  }
  return { handler: handler!, handlerName, displayNames };
}

/** Categories whose labels and hints are payloads; `saved` lists them for the restore. */
async function seedCategories({ admin, cover }: Seeding) {
  const categoryLabels = pieces(200);
  const categoryHints = pieces(300);
  const saved: Record<string, unknown>[] = [];
  const saveCategory = async (input: Record<string, unknown>) => {
    await admin.call('admin.saveCategory', input);
    saved.push(input);
  };
  for (const [i, piece] of categoryLabels.entries()) {
    const hint = at(categoryHints, i);
    await saveCategory({
      isNew: true,
      key: `xss_${i}`,
      label: { vi: atLeast(piece.text, 2), en: atLeast(piece.text, 2) },
      hint: { vi: hint.text, en: hint.text },
    });
    cover('category label', piece);
  }
  // Fewer categories than hint pieces would leave hints out: the remaining hints go to more categories.
  for (let i = categoryLabels.length; i < categoryHints.length; i++) {
    await saveCategory({
      isNew: true,
      key: `xss_${i}`,
      label: { vi: `Loại kiểm thử ${i}`, en: `Test category ${i}` },
      hint: { vi: at(categoryHints, i).text, en: at(categoryHints, i).text },
    });
  }
  for (const hint of categoryHints) cover('category hint', hint);
  return { categoryLabels, categoryHints, saved };
}

/** Competent authorities, units and partner sites whose names (and referral texts) are payloads. */
async function seedRegistries({ admin, cover }: Seeding) {
  const authorityNames = pieces(200);
  const authorityReferrals = pieces(4000);
  for (const [i, piece] of authorityNames.entries()) {
    const referral = at(authorityReferrals, i);
    await admin.call('authority.save', {
      id: `xss-authority-${i}`,
      outOfScopeClass: 'other_province',
      name: { vi: atLeast(piece.text, 2), en: atLeast(piece.text, 2) },
      referral: { vi: atLeast(referral.text, 10), en: atLeast(referral.text, 10) },
    });
    cover('authority name', piece);
    cover('authority referral', referral);
  }

  const unitNames = pieces(200);
  for (const [i, piece] of unitNames.entries()) {
    await admin.call('admin.saveUnit', { id: `xss-unit-${i}`, kind: 'ward', name: atLeast(piece.text, 2), isNew: true });
    cover('unit name', piece);
  }
  // Unit names that start with a formula, for the evaluation CSV's first column.
  for (const payload of FORMULA_PAYLOADS) {
    await admin.call('admin.saveUnit', { id: `xss-formula-${payload.id}`, kind: 'ward', name: atLeast(payload.text, 2), isNew: true });
  }

  const siteNames = pieces(200).map((piece, i) => ({ key: `xss-site-${i}`, piece }));
  for (const { key, piece } of siteNames) {
    await admin.call('admin.saveSite', { key, name: atLeast(piece.text, 2), allowedOrigins: [DEMO_ORIGIN], defaultUnitId: WARD, isNew: true });
    cover('site name', piece);
  }
  return { authorityNames, authorityReferrals, unitNames, siteNames };
}

/** What one web case carries besides its main piece. */
interface CaseInput {
  readonly k: number;
  readonly piece: Piece;
  readonly contactName: Piece;
  readonly dossierCode: Piece | null;
  /** Ten file names: five with the report, five with the information reply. */
  readonly files: readonly Payload[];
  readonly email: string;
}

/** The citizen's report through the widget's API, files uploaded first; returns its receipt and id. */
async function submitCase({ citizen, intake, cover }: Seeding, { k, piece, contactName, dossierCode, files, email }: CaseInput) {
  const attachmentIds: string[] = [];
  for (const f of files) attachmentIds.push(await citizen.upload(`${f.text}.png`));
  cover('attachment file name', files);
  const receipt = await citizen.submit({
    category: 'late_result',
    description: atLeast(marked(piece.text, 'description', k), 20),
    ...(dossierCode ? { dossierCode: dossierCode.text } : {}),
    contact: { name: contactName.text, phone: `09${String(10_000_000 + k).padStart(8, '0')}`, email },
    consent: true,
    confidential: false,
    attachments: attachmentIds.slice(0, 5),
  });
  cover('description', piece);
  cover('contact name', contactName);
  if (dossierCode) cover('dossier code', dossierCode);
  const id = (await intake.query<{ id: string }>('case.findByReference', { reference: receipt.reference })).id;
  expect(id, receipt.reference).toBeTruthy();
  // The widget takes five files a report; the rest come with the citizen's information reply.
  return { receipt, caseId: id, laterFiles: attachmentIds.slice(5) };
}

/**
 * Takes a submitted case through every step, the piece (with each field's mark) in every text a person types:
 * edited, forwarded (returned once, declined once), asked for information, extended, answered (returned once,
 * with files), rated, reviewed and confirmed.
 */
async function walkCase(
  { citizen, intake, director, ward, answerFiles, cover }: Seeding,
  c: { k: number; caseId: string; proof: { reference: string; accessKey: string }; piece: Piece; summary: Piece; category: string },
  replyFiles: readonly string[],
  answerFileNames: readonly Payload[],
) {
  const { k, caseId, proof, piece, summary, category } = c;
  const text = (field: CaseField, min = 0) => atLeast(marked(piece.text, field, k), min);
  const forward = async (letter?: string) => {
    await intake.call('case.draftForwarding', { caseId, unitId: WARD, confirmSelfReview: true, ...(letter ? { letter } : {}) });
  };
  await intake.call('case.editSummary', { caseId, description: atLeast(marked(summary.text, 'summary edit', k), 20) });
  cover('summary edit', summary);
  await intake.call('case.classify', { caseId, scope: 'in', category });
  await forward();
  await director.call('case.returnForwarding', { caseId, comment: text('return forwarding comment') });
  cover('return forwarding comment', piece);
  await forward(text('forwarding letter', 20));
  cover('forwarding letter', piece);
  await director.call('case.approveForwarding', { caseId });
  await ward.call('case.acknowledge', { caseId });
  await ward.call('case.decline', { caseId, comment: text('decline reason') });
  cover('decline reason', piece);
  await forward();
  await director.call('case.approveForwarding', { caseId });
  await ward.call('case.acknowledge', { caseId });
  await ward.call('case.requestInfo', { caseId, question: text('info request question') });
  cover('info request question', piece);
  await citizen.call('case.provideInfo', { ...proof, message: text('citizen info reply'), ...(replyFiles.length ? { attachments: replyFiles } : {}) });
  cover('citizen info reply', piece);
  await ward.call('case.requestExtension', { caseId, days: 3, reason: text('extension reason') });
  cover('extension reason', piece);
  await director.call('case.decideExtension', { caseId, approve: true, comment: text('extension decision comment') });
  cover('extension decision comment', piece);
  await ward.call('case.submitAnswer', { caseId, outcome: 'partly_substantiated', answer: text('answer'), internalNote: text('internal note') });
  cover('answer', piece);
  cover('internal note', piece);
  await intake.call('case.returnAnswer', { caseId, comment: text('return answer comment') });
  cover('return answer comment', piece);
  const answerAttachments = [];
  for (const f of answerFileNames) answerAttachments.push({ id: await answerFiles.upload(caseId, `${f.text}.pdf`), internal: false });
  cover('answer file name', answerFileNames);
  await ward.call('case.submitAnswer', {
    caseId,
    outcome: 'partly_substantiated',
    answer: text('answer'),
    internalNote: text('internal note'),
    attachments: answerAttachments,
  });
  await intake.call('case.verifyAnswer', { caseId });
  await citizen.call('case.rate', { ...proof, score: 2, comment: text('rating comment') });
  cover('rating comment', piece);
  await citizen.call('case.requestReview', { ...proof, reason: text('review request reason') });
  cover('review request reason', piece);
  await intake.call('case.confirmAnswer', { caseId, comment: text('confirm answer comment') });
  cover('confirm answer comment', piece);
}

/** Cases taken through every step, a piece of the corpus in every field. */
async function seedCases(seeding: Seeding, long: readonly Piece[], categoryCount: number): Promise<PayloadCase[]> {
  const names = pieces(120);
  const codes = pieces(60);
  const reasons = pieces(500);
  const fileNamePayloads = PAYLOADS.filter((p) => p.text.length <= 200);
  const cases: PayloadCase[] = [];
  // Five files with the report and five with the information reply: ten names a case.
  const filesPerCase = 10;
  for (const [k, piece] of long.entries()) {
    const input: CaseInput = {
      k,
      piece,
      contactName: at(names, k),
      dossierCode: codes[k] ?? null,
      files: fileNamePayloads.slice(k * filesPerCase, (k + 1) * filesPerCase),
      email: `${k % 2 ? '-' : '+'}xss-${k}'-o'malley@example.vn`,
    };
    // The answer's files take the names the citizen's files did not.
    const answerFileNames = fileNamePayloads.slice(long.length * filesPerCase).slice(k * 5, (k + 1) * 5);
    const { receipt, caseId, laterFiles } = await submitCase(seeding, input);
    const summary = at(long, k + 1);
    const proof = { reference: receipt.reference, accessKey: receipt.accessKey };
    await walkCase(seeding, { k, caseId, proof, piece, summary, category: `xss_${k % categoryCount}` }, laterFiles.slice(0, 5), answerFileNames);
    const { contactName, dossierCode, files, email } = input;
    cases.push({ id: caseId, ...receipt, piece, summary, contactName, dossierCode, fileNames: files, revealReason: at(reasons, k), email, answerFileNames });
  }
  return cases;
}

/** The Centre's records about units (reminders, reprimands and the like) and inspection reasons. */
async function seedUnitRecords({ director, cover }: Seeding, long: readonly Piece[], unitNames: readonly Piece[]) {
  const unitRecordNotes = long;
  const kinds = ['reminder', 'escalation', 'reprimand', 'correction', 'commendation'] as const;
  for (const [i, piece] of unitRecordNotes.entries()) {
    await director.call('unit.record', { unitId: WARD, kind: at(kinds, i), note: atLeast(piece.text, 5) });
    cover('unit record note', piece);
  }
  // Units appear in the evaluation (follow-up page, CSV) once something is on their record.
  for (const id of [...unitNames.map((_, i) => `xss-unit-${i}`), ...FORMULA_PAYLOADS.map((p) => `xss-formula-${p.id}`)]) {
    await director.call('unit.record', { unitId: id, kind: 'commendation', note: 'Biểu dương: trả lời đúng hạn.' });
  }
  const inspectionReasons = pieces(1000);
  for (const [i, piece] of inspectionReasons.entries()) {
    await director.call('unit.setInspection', { unitId: `xss-unit-${i % unitNames.length}`, underInspection: true, reason: atLeast(piece.text, 5) });
    cover('inspection reason', piece);
  }
  return { unitRecordNotes, inspectionReasons };
}

/** Cases logged by the Centre: forwarded to the payload-named units, referred elsewhere, waiting for the citizen. */
async function seedLoggedCases({ intake, director, ward, cover }: Seeding, long: readonly Piece[], unitCount: number) {
  // Forwarded to the units whose names are payloads: the register and the letters name them.
  for (let i = 0; i < unitCount; i++) {
    const logged = await intake.call<{ caseId: string }>('intake.logContact', {
      channel: 'walk_in',
      summary: `Hồ sơ chuyển đơn vị kiểm thử số ${i}: trả kết quả muộn so với giấy hẹn.`,
      contact: { phone: `09${String(40_000_000 + i).padStart(8, '0')}` },
      confidential: true,
    });
    await intake.call('case.classify', { caseId: logged.caseId, scope: 'in', category: 'late_result' });
    await intake.call('case.draftForwarding', { caseId: logged.caseId, unitId: `xss-unit-${i}`, confirmSelfReview: true });
    await director.call('case.approveForwarding', { caseId: logged.caseId });
  }

  // Hotline cases referred elsewhere: the referral text.
  const referred = [];
  for (const [k, piece] of long.entries()) {
    const logged = await intake.call<{ caseId: string; reference: string; accessKey: string }>('intake.logContact', {
      channel: 'hotline',
      summary: atLeast(marked(piece.text, 'hotline summary', k), 20),
      contact: { phone: `09${String(20_000_000 + k).padStart(8, '0')}` },
      confidential: false,
    });
    cover('hotline summary', piece);
    await intake.call('case.classify', { caseId: logged.caseId, scope: 'out', outOfScopeClass: 'other_province', referral: marked(piece.text, 'referral', k) });
    cover('referral', piece);
    referred.push({ id: logged.caseId, reference: logged.reference, accessKey: logged.accessKey, piece });
  }

  // Waiting for the citizen: the tracking view shows the unit's question.
  const waiting = [];
  for (const [k, piece] of long.entries()) {
    const logged = await intake.call<{ caseId: string; reference: string; accessKey: string }>('intake.logContact', {
      channel: 'viber',
      summary: `Hồ sơ chờ bổ sung thông tin số ${k}: trả kết quả muộn so với giấy hẹn.`,
      contact: { phone: `09${String(50_000_000 + k).padStart(8, '0')}` },
      confidential: true,
    });
    await intake.call('case.classify', { caseId: logged.caseId, scope: 'in', category: 'late_result' });
    await intake.call('case.draftForwarding', { caseId: logged.caseId, unitId: WARD, confirmSelfReview: true });
    await director.call('case.approveForwarding', { caseId: logged.caseId });
    await ward.call('case.acknowledge', { caseId: logged.caseId });
    await ward.call('case.requestInfo', { caseId: logged.caseId, question: marked(piece.text, 'waiting question', k) });
    waiting.push({ reference: logged.reference, accessKey: logged.accessKey, piece });
  }
  return { referred, waiting };
}

/** One case per formula payload, the payload first in its description: the CSV cell it becomes. */
async function seedFormulaCases({ intake }: Seeding) {
  const formulaCases = [];
  for (const payload of FORMULA_PAYLOADS) {
    const logged = await intake.call<{ caseId: string; reference: string }>('intake.logContact', {
      channel: 'zalo',
      summary: atLeast(payload.text, 20),
      contact: { name: payload.text.slice(0, 120), phone: `09${String(30_000_000 + payload.id).padStart(8, '0')}` },
      confidential: false,
    });
    formulaCases.push({ reference: logged.reference, payload });
  }
  return formulaCases;
}

export async function seedPayloads(): Promise<Seeded> {
  const coverage = new Map<string, Set<number>>();
  const cover = (field: string, piece: Piece | readonly Payload[]) => {
    const set = coverage.get(field) ?? new Set<number>();
    for (const p of 'payloads' in piece ? piece.payloads : piece) set.add(p.id);
    coverage.set(field, set);
  };
  const long = pieces(LONG);
  const seeding: Seeding = {
    citizen: await citizenApi(DEMO_ORIGIN),
    intake: await staffApi('tiepnhan'),
    director: await staffApi('giamdoc'),
    admin: await staffApi('quantri'),
    ward: await staffApi(HANDLER),
    answerFiles: await answerFileUploader(HANDLER),
    cover,
  };
  const { citizen, intake, director, admin, ward, answerFiles } = seeding;
  try {
    // The admin's settings first: the cases' letters and labels read them.
    const templateBefore = (await admin.query<{ template: string }>('admin.letterTemplate', null)).template;
    const letterTemplate = pieces(9000 - 40)[0] as Piece;
    await admin.call('admin.saveLetterTemplate', { template: `Kính gửi: {don_vi}\n\n{noi_dung}\n\n${templateLiteral(letterTemplate.text)}` });
    cover('letter template', letterTemplate);
    const { handler, handlerName, displayNames } = await seedStaff(seeding);
    const { categoryLabels, categoryHints, saved: savedCategories } = await seedCategories(seeding);
    const { authorityNames, authorityReferrals, unitNames, siteNames } = await seedRegistries(seeding);

    const cases = await seedCases(seeding, long, categoryLabels.length);
    const { unitRecordNotes, inspectionReasons } = await seedUnitRecords(seeding, long, unitNames);
    const { referred, waiting } = await seedLoggedCases(seeding, long, unitNames.length);
    const formulaCases = await seedFormulaCases(seeding);

    return {
      cases,
      referred,
      waiting,
      formulaCases,
      categoryLabels,
      categoryHints,
      authorityNames,
      authorityReferrals,
      unitNames,
      siteNames,
      displayNames,
      handlerName,
      letterTemplate,
      unitRecordNotes,
      inspectionReasons,
      coverage,
      async restore() {
        const again = await staffApi('quantri');
        try {
          await again.call('admin.saveLetterTemplate', { template: templateBefore });
          await again.call('admin.saveUser', {
            id: handler.id,
            username: HANDLER,
            displayName: handler.displayName,
            role: handler.role,
            unitId: handler.unitId ?? undefined,
          });
          // Citizens of later runs on this database choose from the real categories only.
          for (const input of savedCategories) await again.call('admin.saveCategory', { ...input, isNew: false, active: false });
        } finally {
          await again.dispose();
        }
      },
    };
  } finally {
    await Promise.all([citizen.dispose(), intake.dispose(), director.dispose(), admin.dispose(), ward.dispose(), answerFiles.dispose()]);
  }
}
