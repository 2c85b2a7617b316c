import { describe, expect, it } from 'vitest';
import { CASE_MOVE_NAMES, ROLES, mayMove, type CaseMove } from '@pakn/domain';
import { emptyDrafts, type Drafts } from './case-drafts.ts';
import { ACTION_FORMS, FORM_NAMES, fieldIdsOf, formOfMove, formsFor, type FormContext, type FormName, type Plan } from './case-forms.ts';
import type { CaseMutations, CaseView } from './case-types.ts';

const STAFF_MOVES = CASE_MOVE_NAMES.filter((m) => ROLES.some((role) => mayMove(role, m)));

const item = {
  id: 'case-1',
  status: 'received',
  concernedUnitId: 'ward-a',
  availableMoves: [] as CaseMove[],
  canRequestExtension: false,
  canDecideExtension: false,
} as unknown as CaseView;

/** What a form's submission would send: its plan, captured instead of sent. */
async function planOf(form: FormName, drafts: Partial<Drafts> = {}, extra: Partial<FormContext> = {}): Promise<Plan<unknown>> {
  let captured: Plan<unknown> | undefined;
  const ctx: FormContext = { caseId: 'case-1', item, drafts: { ...emptyDrafts(), ...drafts }, lang: 'vi', ...extra };
  await ACTION_FORMS[form].submit(ctx, (plan) => {
    captured = plan as Plan<unknown>;
    return Promise.resolve(true);
  });
  if (!captured) throw new Error(`${form} sent nothing`);
  return captured;
}

/** A client that records which mutation a plan calls. */
function recordingClient(calls: string[]): CaseMutations {
  return new Proxy({} as CaseMutations, {
    get: (_, name: string) => ({
      mutate: (input: unknown) => {
        calls.push(name);
        return Promise.resolve({ id: 'case-1', input });
      },
      query: () => Promise.resolve([]),
    }),
  });
}

describe('the case action forms table', () => {
  it("has a form for every move a staff member can make, and none for the citizen's moves", () => {
    for (const move of STAFF_MOVES) expect(formOfMove(move), move).not.toBeNull();
    for (const move of CASE_MOVE_NAMES.filter((m) => !STAFF_MOVES.includes(m))) expect(formOfMove(move), move).toBeNull();
    expect(STAFF_MOVES.length).toBeGreaterThan(10);
  });

  it('lists each move in one form only', () => {
    const listed = FORM_NAMES.flatMap((name) => [...ACTION_FORMS[name].moves]);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it("shows the forms of the moves the server offers, in the page's order, and the extension forms by their flags", () => {
    expect(formsFor({ availableMoves: ['referred', 'classified_in_scope', 'merged'], canRequestExtension: false, canDecideExtension: false })).toEqual([
      'classify',
      'merge',
    ]);
    expect(formsFor({ availableMoves: ['declined', 'answer_submitted', 'info_requested'], canRequestExtension: true, canDecideExtension: false })).toEqual([
      'answer',
      'requestInfo',
      'requestExtension',
      'decline',
    ]);
    expect(formsFor({ availableMoves: [], canRequestExtension: false, canDecideExtension: true })).toEqual(['decideExtension']);
    expect(formsFor({ availableMoves: [], canRequestExtension: false, canDecideExtension: false })).toEqual([]);
  });

  it("moves schema and server field names to the form's field ids", () => {
    expect(fieldIdsOf('returnDraft', { comment: 'Bắt buộc' })).toEqual({ directorComment: 'Bắt buộc' });
    // The workflow calls the text a move needs its note.
    expect(fieldIdsOf('decline', { note: 'Bắt buộc' })).toEqual({ declineReason: 'Bắt buộc' });
    expect(fieldIdsOf('answer', { attachments: 'Hết hạn' })).toEqual({ answerFiles: 'Hết hạn' });
    expect(fieldIdsOf('merge', { duplicateId: 'Sai' })).toEqual({ mergeReference: 'Sai' });
    // An unknown name goes to the form's first field; the case id and the whole input to none.
    expect(fieldIdsOf('requestExtension', { other: 'x', caseId: 'y', _: 'z' })).toEqual({ extensionDays: 'x' });
    expect(fieldIdsOf('approve', { caseId: 'y' })).toEqual({});
  });

  it('gives every field id a schema error can reach to a field the form names', async () => {
    const classify = await planOf('classify', { scope: 'out' });
    const parsed = classify.schema?.safeParse(classify.input);
    expect(parsed?.success).toBe(false);
    if (parsed && !parsed.success) {
      const names = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path?.[0]), 'x']));
      expect(Object.keys(fieldIdsOf('classify', names)).sort()).toEqual(['outOfScopeClass', 'referral']);
    }
  });
});

describe("the case action forms' submissions", () => {
  it("builds each input from the drafts and sends it with the form's mutation", async () => {
    const expected: Partial<Record<FormName, string>> = {
      classify: 'classify',
      confirmAnswer: 'confirmAnswer',
      draft: 'draftForwarding',
      approve: 'approveForwarding',
      returnDraft: 'returnForwarding',
      acknowledge: 'acknowledge',
      answer: 'submitAnswer',
      requestInfo: 'requestInfo',
      requestExtension: 'requestExtension',
      decideExtension: 'decideExtension',
      decline: 'decline',
      verify: 'verifyAnswer',
      returnAnswer: 'returnAnswer',
    };
    for (const [form, mutation] of Object.entries(expected) as [FormName, string][]) {
      const calls: string[] = [];
      const plan = await planOf(form);
      await plan.send(recordingClient(calls), plan.input);
      expect(calls, form).toEqual([mutation]);
      expect(plan.done.vi, form).not.toBe('');
    }
  });

  it('sends classification in scope or out of scope with the fields of that choice only', async () => {
    const inScope = await planOf('classify', { scope: 'in', category: 'late_result', referral: 'không gửi' });
    expect(inScope.input).toEqual({ caseId: 'case-1', scope: 'in', category: 'late_result' });
    const outOfScope = await planOf('classify', { scope: 'out', outOfScopeClass: 'litigation_or_penalty', referral: 'Liên hệ Tòa án nhân dân quận.' });
    expect(outOfScope.input).toEqual({ caseId: 'case-1', scope: 'out', outOfScopeClass: 'litigation_or_penalty', referral: 'Liên hệ Tòa án nhân dân quận.' });
  });

  it('asks to confirm forwarding to the unit complained about, and holds the answer while files upload', async () => {
    const draft = await planOf('draft', { unitId: 'ward-a' });
    expect(draft.check?.()).toEqual({ confirmSelfReview: 'Vui lòng xác nhận, hoặc chọn đơn vị khác.' });
    expect((await planOf('draft', { unitId: 'ward-a', confirmSelfReview: true })).check?.()).toBeNull();
    const files = { attachments: [], problem: () => 'Vui lòng chờ tải tệp lên xong.' };
    expect((await planOf('answer', {}, { files })).check?.()).toEqual({ answerFiles: 'Vui lòng chờ tải tệp lên xong.' });
  });

  it('decides an extension either way with one form', async () => {
    expect((await planOf('decideExtension', {}, { approve: true })).input).toEqual({ caseId: 'case-1', approve: true, comment: undefined });
    const refused = await planOf('decideExtension', { extensionComment: ' Chưa đủ lý do ' }, { approve: false });
    expect(refused.input).toEqual({ caseId: 'case-1', approve: false, comment: 'Chưa đủ lý do' });
    expect(refused.done.en).toBe('Extension refused.');
  });

  it('merges by the reference as typed, normalised, and requires one', async () => {
    const merge = await planOf('merge', { mergeReference: ' pakn 2026 000123 ' });
    expect(merge.input).toEqual({ reference: 'PAKN-2026-000123' });
    expect(merge.check?.()).toBeNull();
    expect(merge.done.vi).toBe('Đã gộp vào phản ánh PAKN-2026-000123.');
    expect((await planOf('merge')).check?.()).toEqual({ mergeReference: 'Vui lòng nhập mã phản ánh chính.' });
  });
});
