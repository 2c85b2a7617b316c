import {
  CaseIdInputSchema,
  ClassifyInputSchema,
  CommentInputSchema,
  DecideExtensionInputSchema,
  DraftForwardingInputSchema,
  RequestExtensionInputSchema,
  RequestInfoInputSchema,
  SubmitAnswerInputSchema,
  normalizeReference,
  type CaseMove,
  type Lang,
  type Text,
} from '@pakn/domain';
import type { SafeParser } from '#shared/controllers/editor.ts';
import { fill } from '#shared/i18n.ts';
import type { TemplateResult } from 'lit';
import { isSelfReview, type Drafts } from './case-drafts.ts';
import * as views from './case-form-views.ts';
import type { CaseMutations, CaseView } from './case-types.ts';
import { findMergeTarget } from './merge-target.ts';
import { STRINGS } from './strings.ts';

/** What a form needs to build its submission. */
export interface FormContext {
  readonly caseId: string;
  readonly item: CaseView;
  readonly drafts: Drafts;
  readonly lang: Lang;
  /** The answer's files, while the answer form is shown. */
  readonly files?: { readonly attachments: readonly { id: string; internal: boolean }[]; problem(lang: Lang): string | null } | null;
  /** Which button of a form with two decisions (the extension) was pressed. */
  readonly approve?: boolean;
}

/** One submission: its input checked by the schema (and `check`), sent by `send`, and what to say after. */
export interface Plan<T> {
  readonly schema?: SafeParser<T>;
  readonly input: unknown;
  readonly check?: () => Readonly<Record<string, string>> | null;
  readonly send: (client: CaseMutations, data: T) => Promise<CaseView>;
  readonly done: Text;
  /** The reference of the case this one is merged into, known to the merge form. */
  readonly mergedReference?: string;
}

/** Sends a plan (the actions element's, or a test's): generic, so that each form's input keeps its type. */
type Submitter = <T>(plan: Plan<T>) => Promise<boolean>;

/** A problem found while acting that belongs beside one field (an unknown reference). */
export class FieldProblem extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

/** What of a case decides which forms it shows. */
export type FormFlags = Pick<CaseView, 'availableMoves' | 'canRequestExtension' | 'canDecideExtension'>;

export interface ActionForm {
  /** The workflow moves the form makes: it shows when the server offers one of them. */
  readonly moves: readonly CaseMove[];
  /** A form that is not a move shows when the case view says so. */
  readonly offered?: (item: FormFlags) => boolean;
  /** The schema's (and the server's) field names → the form's field ids; `_` is an error of the whole input. */
  readonly fieldIds: Readonly<Record<string, string>>;
  readonly submit: (ctx: FormContext, go: Submitter) => Promise<boolean>;
  readonly render: (view: views.FormView) => TemplateResult;
}

type Send<T> = (c: CaseMutations, data: T) => Promise<CaseView>;

/** A form that sends the case id alone (approve, acknowledge, verify); its words are found by `words` (see `plainForm`). */
const caseOnlyForm = (move: CaseMove, send: Send<{ caseId: string }>, done: Text, words: views.Words): ActionForm => ({
  moves: [move],
  fieldIds: {},
  submit: (ctx, go) => go({ schema: CaseIdInputSchema, input: { caseId: ctx.caseId }, send, done }),
  render: views.plainForm(words),
});

/** A form that sends the case id and the comment typed in its one text area (`draft`, also the field's id). */
const commentForm = (
  move: CaseMove,
  draft: 'confirmComment' | 'directorComment' | 'declineReason' | 'returnReason',
  send: Send<{ caseId: string; comment: string }>,
  done: Text,
  words: views.Words,
): ActionForm => ({
  moves: [move],
  fieldIds: { comment: draft, note: draft },
  submit: (ctx, go) => go({ schema: CommentInputSchema, input: { caseId: ctx.caseId, comment: ctx.drafts[draft] }, send, done }),
  // The Centre's reasons for keeping an answer are read by the citizen.
  render: views.plainForm(words, draft, { forCitizen: draft === 'confirmComment' }),
});

/**
 * The case's action forms, in the order the page shows them: the form name → the moves it makes, where its
 * errors go, how it is submitted (schema, input, mutation, the text after) and how it looks.
 */
export const ACTION_FORMS = {
  classify: {
    moves: ['classified_in_scope', 'referred'],
    fieldIds: { category: 'category', outOfScopeClass: 'outOfScopeClass', referral: 'referral' },
    submit: (ctx, go) => {
      const d = ctx.drafts;
      const input =
        d.scope === 'in'
          ? { caseId: ctx.caseId, scope: 'in', category: d.category }
          : { caseId: ctx.caseId, scope: 'out', outOfScopeClass: d.outOfScopeClass, referral: d.referral };
      return go({ schema: ClassifyInputSchema, input, send: (c, data) => c.classify.mutate(data), done: STRINGS.classified });
    },
    render: views.classify,
  },
  confirmAnswer: commentForm('answer_confirmed', 'confirmComment', (c, data) => c.confirmAnswer.mutate(data), STRINGS.confirmed, 'confirm'),
  draft: {
    moves: ['forwarding_drafted'],
    fieldIds: { unitId: 'unitId', letter: 'letter', confirmSelfReview: 'confirmSelfReview' },
    submit: (ctx, go) => {
      const d = ctx.drafts;
      const input = { caseId: ctx.caseId, unitId: d.unitId, letter: d.letter.trim() ? d.letter : undefined, confirmSelfReview: d.confirmSelfReview };
      const check = () => (isSelfReview(ctx.item, d) && !d.confirmSelfReview ? { confirmSelfReview: STRINGS.confirmSelfReviewRequired[ctx.lang] } : null);
      return go({ schema: DraftForwardingInputSchema, input, check, send: (c, data) => c.draftForwarding.mutate(data), done: STRINGS.drafted });
    },
    render: views.draft,
  },
  approve: caseOnlyForm('forwarded', (c, data) => c.approveForwarding.mutate(data), STRINGS.approved, 'approve'),
  returnDraft: commentForm('forwarding_returned', 'directorComment', (c, data) => c.returnForwarding.mutate(data), STRINGS.draftReturned, 'returnDraft'),
  acknowledge: caseOnlyForm('acknowledged', (c, data) => c.acknowledge.mutate(data), STRINGS.acknowledged, 'acknowledge'),
  answer: {
    moves: ['answer_submitted'],
    fieldIds: { outcome: 'outcome', answer: 'answer', internalNote: 'internalNote', attachments: 'answerFiles' },
    submit: (ctx, go) => {
      const d = ctx.drafts;
      const attachments = ctx.files?.attachments ?? [];
      const input = {
        caseId: ctx.caseId,
        outcome: d.outcome || undefined,
        answer: d.answer,
        internalNote: d.internalNote.trim() || undefined,
        attachments: attachments.length ? attachments : undefined,
      };
      const check = () => {
        const problem = ctx.files?.problem(ctx.lang);
        return problem ? { answerFiles: problem } : null;
      };
      return go({ schema: SubmitAnswerInputSchema, input, check, send: (c, data) => c.submitAnswer.mutate(data), done: STRINGS.answerSubmitted });
    },
    render: views.answer,
  },
  requestInfo: {
    moves: ['info_requested'],
    fieldIds: { question: 'infoQuestion', note: 'infoQuestion' },
    submit: (ctx, go) =>
      go({
        schema: RequestInfoInputSchema,
        input: { caseId: ctx.caseId, question: ctx.drafts.infoQuestion },
        send: (c, data) => c.requestInfo.mutate(data),
        done: STRINGS.infoRequested,
      }),
    render: views.plainForm('requestInfo', 'infoQuestion', { forCitizen: true }),
  },
  requestExtension: {
    moves: [],
    offered: (item) => item.canRequestExtension,
    fieldIds: { days: 'extensionDays', reason: 'extensionReason' },
    submit: (ctx, go) => {
      const d = ctx.drafts;
      const days = d.extensionDays.trim() === '' ? undefined : Number(d.extensionDays);
      const input = { caseId: ctx.caseId, days, reason: d.extensionReason };
      return go({ schema: RequestExtensionInputSchema, input, send: (c, data) => c.requestExtension.mutate(data), done: STRINGS.extensionRequested });
    },
    render: views.requestExtension,
  },
  decideExtension: {
    moves: [],
    offered: (item) => item.canDecideExtension,
    fieldIds: { comment: 'extensionComment' },
    submit: (ctx, go) => {
      const approve = ctx.approve ?? false;
      const comment = ctx.drafts.extensionComment.trim();
      const input = { caseId: ctx.caseId, approve, comment: comment || undefined };
      const done = approve ? STRINGS.extensionApproved : STRINGS.extensionRefused;
      return go({ schema: DecideExtensionInputSchema, input, send: (c, data) => c.decideExtension.mutate(data), done });
    },
    render: views.decideExtension,
  },
  decline: commentForm('declined', 'declineReason', (c, data) => c.decline.mutate(data), STRINGS.declined, 'decline'),
  verify: caseOnlyForm('answered', (c, data) => c.verifyAnswer.mutate(data), STRINGS.verified, 'verify'),
  returnAnswer: commentForm('answer_returned', 'returnReason', (c, data) => c.returnAnswer.mutate(data), STRINGS.answerReturned, 'returnAnswer'),
  merge: {
    moves: ['merged'],
    fieldIds: { primaryId: 'mergeReference', duplicateId: 'mergeReference' },
    submit: (ctx, go) => {
      const typed = ctx.drafts.mergeReference.trim();
      const reference = normalizeReference(typed) ?? typed.toUpperCase();
      return go({
        input: { reference },
        check: () => (typed ? null : { mergeReference: STRINGS.mergeReferenceRequired[ctx.lang] }),
        send: (c) => mergeInto(c, ctx, reference),
        done: { vi: fill(STRINGS.merged.vi, { reference }), en: fill(STRINGS.merged.en, { reference }) },
        mergedReference: reference,
      });
    },
    render: views.merge,
  },
} as const satisfies Record<string, ActionForm>;

export type FormName = keyof typeof ACTION_FORMS;
export const FORM_NAMES = Object.keys(ACTION_FORMS) as FormName[];

/** Finds the main case by its reference on the server, then merges this case into it. */
async function mergeInto(c: CaseMutations, ctx: FormContext, reference: string): Promise<CaseView> {
  const primary = await findMergeTarget(reference);
  if (!primary) throw new FieldProblem('mergeReference', STRINGS.mergeNotFound[ctx.lang]);
  if (primary.id === ctx.caseId) throw new FieldProblem('mergeReference', STRINGS.mergeSelf[ctx.lang]);
  await c.merge.mutate({ primaryId: primary.id, duplicateId: ctx.caseId });
  // The merge answers with the main case; this case's new state (merged, its history) is read back.
  return c.get.query({ caseId: ctx.caseId });
}

/** The forms a case shows to the signed-in staff member: those of the moves the server offers, and the flags. */
export function formsFor(item: FormFlags): FormName[] {
  const moves = new Set<CaseMove>(item.availableMoves);
  return FORM_NAMES.filter((name) => {
    const form: ActionForm = ACTION_FORMS[name];
    return form.moves.some((m) => moves.has(m)) || (form.offered?.(item) ?? false);
  });
}

/** The form that makes a move, or null for the citizen's moves (no staff form makes them). */
export function formOfMove(move: CaseMove): FormName | null {
  return FORM_NAMES.find((name) => (ACTION_FORMS[name].moves as readonly CaseMove[]).includes(move)) ?? null;
}

/**
 * Field errors keyed by the schema's (or the server's) names, moved to the form's field ids. A name the
 * form does not know goes to its first field; errors of the case id or of the whole input to none.
 */
export function fieldIdsOf(form: FormName, errors: Readonly<Record<string, string>>): Record<string, string> {
  const map: Readonly<Record<string, string>> = ACTION_FORMS[form].fieldIds;
  const fallback = Object.values(map)[0];
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const id = map[key] ?? (key === 'caseId' || key === '_' ? undefined : fallback);
    if (id) out[id] ??= message;
  }
  return out;
}
