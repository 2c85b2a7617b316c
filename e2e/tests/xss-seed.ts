import { createHash, randomUUID } from 'node:crypto';
import { expect, request } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_SITE, PAKN, SITE_KEY, staffApi } from './support.ts';
import { FORMULA_PAYLOADS, PAYLOADS, pieces, type Payload } from './xss-payloads.ts';

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
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);

/** Every per-case long field takes a piece this long: the shortest such limit (rating comment, 1000), less its field mark. */
const LONG = 960;

/** The per-case fields, each ending with its own mark so that a view proves which field it shows. */
export const CASE_FIELDS = [
  'description',
  'summary edit',
  'return forwarding comment',
  'forwarding letter',
  'decline reason',
  'info request question',
  'citizen info reply',
  'extension reason',
  'extension decision comment',
  'answer',
  'internal note',
  'return answer comment',
  'rating comment',
  'review request reason',
  'confirm answer comment',
] as const;
export type CaseField = (typeof CASE_FIELDS)[number];

/** The mark a field's text ends with on case number `k`. */
export function fieldMark(field: string, k: number): string {
  return `[${field} ${k}]`;
}

function marked(text: string, field: string, k: number): string {
  return `${text}\n${fieldMark(field, k)}`;
}

/** Pads a piece to a field's minimum length without changing how it starts. */
function atLeast(text: string, min: number): string {
  return text.length >= min ? text : `${text} — kiểm thử XSS`.padEnd(min, '.');
}

/** Braces are the letter template's syntax: `{{` writes `{`. */
function templateLiteral(text: string): string {
  return text.replaceAll('{', '{{').replaceAll('}', '}}');
}

/** ALTCHA v1, as the widget solves it (apps/widget/src/proof-of-work.ts); e2e runs use a small maxnumber. */
function solve(challenge: { algorithm: string; challenge: string; salt: string; signature: string; maxnumber: number }): string {
  for (let n = 0; n <= challenge.maxnumber; n++) {
    if (createHash('sha256').update(challenge.salt + n).digest('hex') === challenge.challenge.toLowerCase()) {
      const { algorithm, salt, signature } = challenge;
      return Buffer.from(JSON.stringify({ algorithm, challenge: challenge.challenge, number: n, salt, signature })).toString('base64');
    }
  }
  throw new Error('The challenge has no solution');
}

/** The citizen's side: the API as the widget on the demo site calls it. */
async function citizenApi() {
  const api = await request.newContext({ baseURL: PAKN, extraHTTPHeaders: { origin: DEMO_ORIGIN } });
  async function call<T>(path: string, input: unknown): Promise<T> {
    const response = await api.post(`/trpc/${path}`, { data: input });
    expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
    return ((await response.json()) as { result: { data: T } }).result.data;
  }
  return {
    call,
    async upload(name: string): Promise<string> {
      const response = await api.post('/api/v1/attachments', {
        data: PNG,
        headers: { 'content-type': 'application/octet-stream', 'x-pakn-site': SITE_KEY, 'x-pakn-filename': encodeURIComponent(name) },
      });
      expect(response.status(), `upload ${name}: ${await response.text()}`).toBe(201);
      return ((await response.json()) as { id: string }).id;
    },
    async submit(input: Record<string, unknown>): Promise<{ reference: string; accessKey: string }> {
      const challenge = await call<Parameters<typeof solve>[0]>('case.challenge', { siteKey: SITE_KEY });
      return call('case.submit', { siteKey: SITE_KEY, idempotencyKey: randomUUID().replaceAll('-', ''), proof: solve(challenge), ...input });
    },
    dispose: () => api.dispose(),
  };
}

/** The ward handler's file uploads for an answer, as the portal sends them. */
async function answerFileUploader() {
  const api = await request.newContext({ baseURL: PAKN, extraHTTPHeaders: { origin: PAKN, 'x-pakn-csrf': '1' } });
  const login = await api.post('/trpc/auth.login', { data: { username: HANDLER, password: DEMO_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  return {
    async upload(caseId: string, name: string): Promise<string> {
      const response = await api.post('/api/v1/answer-attachments', {
        data: PNG,
        headers: { 'content-type': 'application/octet-stream', 'x-pakn-case': caseId, 'x-pakn-filename': encodeURIComponent(name) },
      });
      expect(response.status(), `answer file ${name}: ${await response.text()}`).toBe(201);
      return ((await response.json()) as { id: string }).id;
    },
    dispose: () => api.dispose(),
  };
}

export async function seedPayloads(): Promise<Seeded> {
  const coverage = new Map<string, Set<number>>();
  const cover = (field: string, piece: Piece | readonly Payload[]) => {
    const set = coverage.get(field) ?? new Set<number>();
    for (const p of 'payloads' in piece ? piece.payloads : piece) set.add(p.id);
    coverage.set(field, set);
  };
  const long = pieces(LONG);
  const at = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

  const citizen = await citizenApi();
  const intake = await staffApi('tiepnhan');
  const director = await staffApi('giamdoc');
  const admin = await staffApi('quantri');
  const ward = await staffApi(HANDLER);
  const answerFiles = await answerFileUploader();
  try {
    // ---- The admin's settings first: the cases' letters and labels read them. -----------------------------
    const templateBefore = (await admin.query<{ template: string }>('admin.letterTemplate', null)).template;
    const letterTemplate = pieces(9000 - 40)[0] as Piece;
    await admin.call('admin.saveLetterTemplate', { template: `Kính gửi: {don_vi}\n\n{noi_dung}\n\n${templateLiteral(letterTemplate.text)}` });
    cover('letter template', letterTemplate);

    const users = await admin.query<{ id: string; username: string; displayName: string; role: string; unitId: string | null }[]>('admin.users', null);
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

    const categoryLabels = pieces(200);
    const categoryHints = pieces(300);
    const savedCategories: Record<string, unknown>[] = [];
    const saveCategory = async (input: Record<string, unknown>) => {
      await admin.call('admin.saveCategory', input);
      savedCategories.push(input);
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
      await saveCategory({ isNew: true, key: `xss_${i}`, label: { vi: `Loại kiểm thử ${i}`, en: `Test category ${i}` }, hint: { vi: at(categoryHints, i).text, en: at(categoryHints, i).text } });
    }
    for (const hint of categoryHints) cover('category hint', hint);

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

    // ---- Cases taken through every step, a piece of the corpus in every field. -----------------------------
    const names = pieces(120);
    const codes = pieces(60);
    const reasons = pieces(500);
    const fileNamePayloads = PAYLOADS.filter((p) => p.text.length <= 200);
    const cases: PayloadCase[] = [];
    // Five files with the report and five with the information reply: ten names a case.
    const filesPerCase = 10;
    for (const [k, piece] of long.entries()) {
      const summary = at(long, k + 1);
      const contactName = at(names, k);
      const dossierCode = codes[k] ?? null;
      const files = fileNamePayloads.slice(k * filesPerCase, (k + 1) * filesPerCase);
      // The answer's files take the names the citizen's files did not.
      const answerFileNames = fileNamePayloads.slice(long.length * filesPerCase).slice(k * 5, (k + 1) * 5);
      const email = `${k % 2 ? '-' : '+'}xss-${k}'-o'malley@example.vn`;
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
      // The widget takes five files a report; the rest come with the citizen's information reply.
      const laterFiles = attachmentIds.slice(5);
      cover('description', piece);
      cover('contact name', contactName);
      if (dossierCode) cover('dossier code', dossierCode);
      const id = (await intake.query<{ id: string; reference: string }[]>('case.inbox', { status: 'all' })).find((c) => c.reference === receipt.reference)?.id;
      expect(id, receipt.reference).toBeTruthy();
      const caseId = id!;
      const proof = { reference: receipt.reference, accessKey: receipt.accessKey };
      const text = (field: CaseField, min = 0) => atLeast(marked(piece.text, field, k), min);

      await intake.call('case.editSummary', { caseId, description: atLeast(marked(summary.text, 'summary edit', k), 20) });
      cover('summary edit', summary);
      await intake.call('case.classify', { caseId, scope: 'in', category: `xss_${k % categoryLabels.length}` });
      await intake.call('case.draftForwarding', { caseId, unitId: WARD, confirmSelfReview: true });
      await director.call('case.returnForwarding', { caseId, comment: text('return forwarding comment') });
      cover('return forwarding comment', piece);
      await intake.call('case.draftForwarding', { caseId, unitId: WARD, confirmSelfReview: true, letter: text('forwarding letter', 20) });
      cover('forwarding letter', piece);
      await director.call('case.approveForwarding', { caseId });
      await ward.call('case.acknowledge', { caseId });
      await ward.call('case.decline', { caseId, comment: text('decline reason') });
      cover('decline reason', piece);
      await intake.call('case.draftForwarding', { caseId, unitId: WARD, confirmSelfReview: true });
      await director.call('case.approveForwarding', { caseId });
      await ward.call('case.acknowledge', { caseId });
      await ward.call('case.requestInfo', { caseId, question: text('info request question') });
      cover('info request question', piece);
      const replyFiles = laterFiles.slice(0, 5);
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
      await ward.call('case.submitAnswer', { caseId, outcome: 'partly_substantiated', answer: text('answer'), internalNote: text('internal note'), attachments: answerAttachments });
      await intake.call('case.verifyAnswer', { caseId });
      await citizen.call('case.rate', { ...proof, score: 2, comment: text('rating comment') });
      cover('rating comment', piece);
      await citizen.call('case.requestReview', { ...proof, reason: text('review request reason') });
      cover('review request reason', piece);
      await intake.call('case.confirmAnswer', { caseId, comment: text('confirm answer comment') });
      cover('confirm answer comment', piece);
      cases.push({
        id: caseId,
        ...receipt,
        piece,
        summary,
        contactName,
        dossierCode,
        fileNames: files,
        revealReason: at(reasons, k),
        email,
        answerFileNames,
      });
    }

    // The Centre's records about a unit: reminders, reprimands and the like, and inspection reasons.
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

    // ---- Cases forwarded to the units whose names are payloads: the register and the letters name them. ----------
    for (const [i, piece] of unitNames.entries()) {
      const logged = await intake.call<{ caseId: string }>('intake.logContact', {
        channel: 'walk_in',
        summary: `Hồ sơ chuyển đơn vị kiểm thử số ${i}: trả kết quả muộn so với giấy hẹn.`,
        contact: { phone: `09${String(40_000_000 + i).padStart(8, '0')}` },
        confidential: true,
      });
      await intake.call('case.classify', { caseId: logged.caseId, scope: 'in', category: 'late_result' });
      await intake.call('case.draftForwarding', { caseId: logged.caseId, unitId: `xss-unit-${i}`, confirmSelfReview: true });
      await director.call('case.approveForwarding', { caseId: logged.caseId });
      void piece;
    }

    // ---- Hotline cases referred elsewhere: the referral text. -------------------------------------------------
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

    // ---- Cases waiting for the citizen: the tracking view shows the unit's question. --------------------------
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

    // ---- One case per formula, first in the description: the CSV cell it becomes. ----------------------------
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
          await again.call('admin.saveUser', { id: handler!.id, username: HANDLER, displayName: handler!.displayName, role: handler!.role, unitId: handler!.unitId ?? undefined });
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
