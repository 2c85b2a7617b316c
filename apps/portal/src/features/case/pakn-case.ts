import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  ANSWER_MIN,
  ANSWER_OUTCOMES,
  CASE_STATUS_LABELS,
  CHANNEL_LABELS,
  CaseIdInputSchema,
  ClassifyInputSchema,
  CommentInputSchema,
  DEFAULT_REFERRALS,
  DecideExtensionInputSchema,
  DraftForwardingInputSchema,
  EXTENSION_MAX_DAYS,
  OUT_OF_SCOPE_CLASSES,
  OUT_OF_SCOPE_LABELS,
  RequestExtensionInputSchema,
  RequestInfoInputSchema,
  RevealIdentityInputSchema,
  SubmitAnswerInputSchema,
  can,
  fieldErrors,
  letterNumber,
  normalizeReference,
  type CaseContact,
  type IssueLike,
  type Lang,
  type OutOfScopeClass,
  type StaffMember,
  type Text,
} from '@pakn/domain';
import type { StaffCaseView } from '@pakn/api-client';
import type { PaknClient } from '@pakn/api-client';
import { errorInfo, isSignedOut, paknClient } from '#shared/client.ts';
import { CaseUpdatedEvent, SessionExpiredEvent, navigateOnClick, type CaseChangedEvent } from '#shared/events.ts';
import { DEADLINE_STRINGS, deadlineStyles, renderDeadline } from '#shared/deadline.ts';
import { COMMON, elementLang, formatDate, formatDateTime } from '#shared/i18n.ts';
import { shortcutKey } from '#shared/shortcuts.ts';
import { base, tokens } from '#shared/styles.ts';
import { UNIT_RECORD_LABELS, recordKindsFor } from '#shared/unit-records.ts';
import { renderUnitOptions, unitName, type UnitView } from '#shared/units.ts';
import '#shared/pakn-unit-record.ts';
import '#shared/pakn-download-link.ts';
import { CategoriesController } from '#shared/categories.ts';
import './pakn-case-audit.ts';
import './pakn-case-assignment.ts';
import './pakn-case-summary.ts';
import './pakn-answer-files.ts';
import {
  EVENT_LABELS,
  EXTENSION_STATUS_LABELS,
  LETTER_STATUS_LABELS,
  OUTCOME_LABELS,
  STRINGS,
} from './strings.ts';

type Letter = Awaited<ReturnType<PaknClient['case']['letters']['query']>>[number];
type UnitRecord = Awaited<ReturnType<PaknClient['unit']['records']['query']>>[number];
type Authority = Awaited<ReturnType<PaknClient['authority']['list']['query']>>[number];
type Attachment = Awaited<ReturnType<PaknClient['case']['attachments']['query']>>[number];

/** Sizes in the Vietnamese number format (1,5 MB), whatever the interface language. */
const kbFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const mbFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${mbFormat.format(bytes / (1024 * 1024))} MB`;
  return `${kbFormat.format(bytes > 0 ? Math.max(1, Math.round(bytes / 1024)) : 0)} KB`;
}

function attachmentKind(mime: string): 'attachmentImage' | 'attachmentPdf' | 'attachmentOther' {
  if (mime.startsWith('image/')) return 'attachmentImage';
  if (mime === 'application/pdf') return 'attachmentPdf';
  return 'attachmentOther';
}

/** Only same-origin paths (the staff download route) become download links. */
function isSameOriginPath(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\');
}

type LoadState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded' }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'failed'; readonly message: string };

/** The action forms of a case page. Errors and the busy state belong to one form at a time. */
type FormName =
  | 'classify'
  | 'draft'
  | 'approve'
  | 'returnDraft'
  | 'acknowledge'
  | 'requestInfo'
  | 'decline'
  | 'answer'
  | 'verify'
  | 'returnAnswer'
  | 'confirmAnswer'
  | 'requestExtension'
  | 'decideExtension'
  | 'merge'
  | 'reveal';

/** The editable values of every action form, reset from the case whenever its status changes. */
interface Drafts {
  scope: 'in' | 'out';
  category: string;
  outOfScopeClass: string;
  authorityId: string;
  referral: string;
  /** Whether the officer changed the suggested referral (then a class change keeps their text). */
  referralEdited: boolean;
  unitId: string;
  letter: string;
  confirmSelfReview: boolean;
  directorComment: string;
  infoQuestion: string;
  declineReason: string;
  outcome: string;
  answer: string;
  internalNote: string;
  returnReason: string;
  confirmComment: string;
  extensionDays: string;
  extensionReason: string;
  extensionComment: string;
  mergeReference: string;
  revealReason: string;
}

function emptyDrafts(): Drafts {
  return {
    scope: 'in',
    category: '',
    outOfScopeClass: '',
    authorityId: '',
    referral: '',
    referralEdited: false,
    unitId: '',
    letter: '',
    confirmSelfReview: false,
    directorComment: '',
    infoQuestion: '',
    declineReason: '',
    outcome: '',
    answer: '',
    internalNote: '',
    returnReason: '',
    confirmComment: '',
    extensionDays: '',
    extensionReason: '',
    extensionComment: '',
    mergeReference: '',
    revealReason: '',
  };
}

/**
 * Where each form shows the errors of the schema's (or the server's) field names. `note` is what the
 * workflow calls the text a move needs; `_` is an error of the whole input.
 */
const FIELD_IDS: Readonly<Record<FormName, Readonly<Record<string, string>>>> = {
  classify: { category: 'category', outOfScopeClass: 'outOfScopeClass', referral: 'referral' },
  draft: { unitId: 'unitId', letter: 'letter', confirmSelfReview: 'confirmSelfReview' },
  approve: {},
  returnDraft: { comment: 'directorComment', note: 'directorComment' },
  acknowledge: {},
  requestInfo: { question: 'infoQuestion', note: 'infoQuestion' },
  decline: { comment: 'declineReason', note: 'declineReason' },
  answer: { outcome: 'outcome', answer: 'answer', internalNote: 'internalNote', attachments: 'answerFiles' },
  verify: {},
  returnAnswer: { comment: 'returnReason', note: 'returnReason' },
  confirmAnswer: { comment: 'confirmComment', note: 'confirmComment' },
  requestExtension: { days: 'extensionDays', reason: 'extensionReason' },
  decideExtension: { comment: 'extensionComment' },
  merge: { primaryId: 'mergeReference', duplicateId: 'mergeReference' },
  reveal: { reason: 'revealReason' },
};

/** Only reasons that a reload can fix get a reload button. */
const STALE_REASONS = new Set(['conflict', 'illegal_transition']);

type SafeParser<T> = {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly IssueLike[] } };
};

function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}

/**
 * `<pakn-case case-id="…">`: one case with its details, letters, history and follow-up records, and one
 * action form for each workflow move the signed-in staff member can make now (`availableMoves`, decided by
 * the server), plus the extension, merge and identity actions the case view allows. Inspectors, the
 * Director and admins also get the case's audit log.
 *
 * Attributes: `case-id` (required), `lang` (vi | en; default the page's).
 * Events out: `pakn-case-updated` (after a successful action), `pakn-navigate` (links), `pakn-session-expired`.
 * Listens on window to `pakn-case-changed` (the live feed) and re-reads the case when it is the one shown.
 * Keys: `c` classification, `f` forwarding form (never while typing).
 */
export class PaknCase extends LitElement {
  readonly #categories = new CategoriesController(this);
  static override properties = {
    caseId: { type: String, attribute: 'case-id' },
    lang: { type: String },
    load: { state: true },
    item: { state: true },
    viewer: { state: true },
    units: { state: true },
    letters: { state: true },
    records: { state: true },
    authorities: { state: true },
    attachments: { state: true },
    mergedReference: { state: true },
    drafts: { state: true },
    busy: { state: true },
    errorForm: { state: true },
    errors: { state: true },
    formError: { state: true },
    staleError: { state: true },
    notice: { state: true },
    revealOpen: { state: true },
    revealed: { state: true },
    revision: { state: true },
  };

  declare caseId: string;
  declare lang: string;
  declare protected load: LoadState;
  declare protected item: StaffCaseView | null;
  declare protected viewer: StaffMember | null;
  declare protected units: readonly UnitView[];
  declare protected letters: readonly Letter[];
  declare protected records: readonly UnitRecord[];
  declare protected authorities: readonly Authority[];
  /** The files the citizen attached (to the report or to a reply). */
  declare protected attachments: readonly Attachment[];
  /** The reference of the case this one was merged into. */
  declare protected mergedReference: string | null;
  declare protected drafts: Drafts;
  declare protected busy: FormName | null;
  /** The form whose submission failed: its alert and field errors are shown. */
  declare protected errorForm: FormName | null;
  /** Field id → message, shown beside the field. */
  declare protected errors: Readonly<Record<string, string>>;
  declare protected formError: string | null;
  declare protected staleError: boolean;
  /** Success message after an action (a Text, so that it follows a language switch). */
  declare protected notice: Text | null;
  declare protected revealOpen: boolean;
  /** The citizen's contact in full, after a logged reveal. Never kept beyond this case. */
  declare protected revealed: CaseContact | null;
  /** Bumped whenever the case changed, so that sub-views (the audit log) re-read. */
  declare protected revision: number;

  #requestSeq = 0;

  constructor() {
    super();
    this.caseId = '';
    this.lang = '';
    this.load = { kind: 'loading' };
    this.item = null;
    this.viewer = null;
    this.units = [];
    this.letters = [];
    this.records = [];
    this.authorities = [];
    this.attachments = [];
    this.mergedReference = null;
    this.drafts = emptyDrafts();
    this.busy = null;
    this.errorForm = null;
    this.errors = {};
    this.formError = null;
    this.staleError = false;
    this.notice = null;
    this.revealOpen = false;
    this.revealed = null;
    this.revision = 0;
  }

  get language(): Lang {
    return elementLang(this.lang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pakn-case-changed', this.#onLiveChange);
    window.addEventListener('keydown', this.#onKeyDown);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('pakn-case-changed', this.#onLiveChange);
    window.removeEventListener('keydown', this.#onKeyDown);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('caseId')) {
      this.notice = null;
      this.revealed = null;
      this.revealOpen = false;
      void this.reload();
    }
  }

  // ---- Loading ---------------------------------------------------------------------------------

  /** Loads the case, the viewer, units, letters, attachments, follow-up records and the authority directory (one batch). */
  async reload(): Promise<void> {
    const caseId = this.caseId.trim();
    const seq = ++this.#requestSeq;
    this.load = { kind: 'loading' };
    this.#clearErrors();
    if (!caseId) {
      this.load = { kind: 'not-found' };
      return;
    }
    const client = paknClient();
    try {
      const [item, viewer, units, letters, attachments, records, authorities] = await Promise.all([
        client.case.get.query({ caseId }),
        client.auth.me.query(),
        client.unit.list.query(),
        client.case.letters.query({ caseId }),
        client.case.attachments.query({ caseId }),
        client.unit.records.query({ caseId }),
        client.authority.list.query(),
      ]);
      if (seq !== this.#requestSeq) return;
      this.viewer = viewer;
      this.units = units;
      this.letters = letters;
      this.attachments = attachments;
      this.records = records;
      this.authorities = authorities;
      this.#show(item, true);
      this.load = { kind: 'loaded' };
      void this.#loadMergedReference(item);
    } catch (error) {
      if (seq !== this.#requestSeq) return;
      const info = errorInfo(error, this.language);
      if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
      this.load = info.reason === 'not_found' ? { kind: 'not-found' } : { kind: 'failed', message: info.message };
    }
  }

  /**
   * Re-reads the case and what hangs on it without a loading state, keeping what the officer is typing
   * unless the case moved on to another status. Failures are silent: the page still shows the last version.
   */
  async #refreshQuietly(): Promise<void> {
    const caseId = this.caseId.trim();
    if (!caseId || this.load.kind !== 'loaded') return;
    const seq = ++this.#requestSeq;
    const client = paknClient();
    try {
      const [item, letters, attachments, records] = await Promise.all([
        client.case.get.query({ caseId }),
        client.case.letters.query({ caseId }),
        client.case.attachments.query({ caseId }),
        client.unit.records.query({ caseId }),
      ]);
      if (seq !== this.#requestSeq) return;
      this.letters = letters;
      this.attachments = attachments;
      this.records = records;
      this.#show(item, this.item?.status !== item.status);
      void this.#loadMergedReference(item);
    } catch {
      // The case may have left this viewer's unit (declined, merged): keep the last version on screen.
    }
  }

  async #loadMergedReference(item: StaffCaseView): Promise<void> {
    if (!item.mergedInto) {
      this.mergedReference = null;
      return;
    }
    try {
      const primary = await paknClient().case.get.query({ caseId: item.mergedInto });
      this.mergedReference = primary.reference;
    } catch {
      this.mergedReference = null;
    }
  }

  /** Shows a (new version of a) case; `resetDrafts` starts the forms afresh from it. */
  #show(item: StaffCaseView, resetDrafts: boolean): void {
    this.item = item;
    this.revision++;
    if (!resetDrafts) return;
    const lastLetter = this.letters.at(-1);
    this.drafts = {
      ...emptyDrafts(),
      category: item.category ?? item.reportedCategory ?? '',
      // Re-drafting after a return or a decline starts from the unit of the last letter.
      unitId: lastLetter && item.status !== 'reopened' ? lastLetter.unitId : '',
    };
  }

  #onLiveChange = (event: CaseChangedEvent): void => {
    const change = event.change;
    if (this.busy || !this.item) return;
    if (change.caseId === this.item.id || change.caseId === this.item.mergedInto) void this.#refreshQuietly();
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    const key = shortcutKey(event);
    if (key !== 'c' && key !== 'f') return;
    const target =
      key === 'c'
        ? (this.renderRoot.querySelector<HTMLInputElement>('input[name="scope"]:checked') ??
          this.renderRoot.querySelector<HTMLInputElement>('input[name="scope"]'))
        : this.renderRoot.querySelector<HTMLSelectElement>('#unitId');
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  };

  // ---- Drafts and errors -----------------------------------------------------------------------

  #clearErrors(): void {
    this.errors = {};
    this.errorForm = null;
    this.formError = null;
    this.staleError = false;
  }

  /** Updates a draft; the field's error goes away as soon as the officer changes the field. */
  #set<K extends keyof Drafts>(key: K, value: Drafts[K]): void {
    this.drafts = { ...this.drafts, [key]: value };
    this.#clearFieldError(key);
  }

  #clearFieldError(...fields: string[]): void {
    if (!fields.some((f) => f in this.errors)) return;
    const rest = { ...this.errors };
    for (const f of fields) delete rest[f];
    this.errors = rest;
  }

  /** Field errors keyed by the schema's names, moved to the form's field ids. */
  #fieldIds(form: FormName, errors: Readonly<Record<string, string>>): Record<string, string> {
    const map = FIELD_IDS[form];
    const fallback = Object.values(map)[0];
    const out: Record<string, string> = {};
    for (const [key, message] of Object.entries(errors)) {
      const id = map[key] ?? (key === 'caseId' || key === '_' ? undefined : fallback);
      if (id) out[id] ??= message;
    }
    return out;
  }

  // ---- Actions ---------------------------------------------------------------------------------

  /**
   * Validates with the shared schema, sends, and shows the case the server returns. Field errors (from the
   * schema or the server) go beside their fields and focus moves to the first; other failures go to the
   * form's alert.
   */
  async #run<T>(
    form: FormName,
    schema: SafeParser<T>,
    input: unknown,
    send: (data: T) => Promise<StaffCaseView | null>,
    done: Text,
    check?: () => Record<string, string> | null,
  ): Promise<void> {
    if (this.busy) return;
    this.#clearErrors();
    this.notice = null;
    const parsed = schema.safeParse(input);
    const extra = check?.() ?? null;
    if (!parsed.success || extra) {
      this.errorForm = form;
      this.errors = { ...(parsed.success ? {} : this.#fieldIds(form, fieldErrors(parsed.error.issues, this.language))), ...extra };
      await this.#focusFirstInvalid();
      return;
    }
    await this.#perform(form, () => send(parsed.data), () => done);
  }

  /** Sends an action and shows its outcome; a `FieldProblem` thrown by it is shown beside its field. */
  async #perform(form: FormName, action: () => Promise<StaffCaseView | null>, done: () => Text): Promise<void> {
    if (this.busy) return;
    const lang = this.language;
    this.#clearErrors();
    this.notice = null;
    this.busy = form;
    try {
      if (form !== 'reveal' && form !== 'merge') await this.#touchDeadline();
      const updated = await action();
      if (updated) {
        const client = paknClient();
        const [letters, records] = await Promise.all([
          client.case.letters.query({ caseId: updated.id }).catch(() => this.letters),
          client.unit.records.query({ caseId: updated.id }).catch(() => this.records),
        ]);
        this.letters = letters;
        this.records = records;
        this.#show(updated, true);
        void this.#loadMergedReference(updated);
        this.dispatchEvent(new CaseUpdatedEvent(updated.id, updated.status));
      }
      this.notice = done();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#notice')?.focus();
    } catch (error) {
      this.errorForm = form;
      if (error instanceof FieldProblem) {
        this.errors = { [error.field]: error.message };
      } else {
        const info = errorInfo(error, lang);
        if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
        this.errors = this.#fieldIds(form, info.fieldErrors);
        this.formError = info.message;
        this.staleError = STALE_REASONS.has(info.reason);
      }
      this.busy = null;
      await this.#focusFirstInvalid();
    } finally {
      this.busy = null;
    }
  }

  /**
   * Reads the case (and so its deadline) just before a move. Works around a server fault: a move computes the
   * deadline inside its write transaction, and when the server's calendar cache has expired (every minute)
   * reloading it there fails with an internal error. A read outside the transaction reloads it first.
   */
  async #touchDeadline(): Promise<void> {
    try {
      await paknClient().case.get.query({ caseId: this.caseId });
    } catch {
      // The move itself will report what is wrong.
    }
  }

  async #focusFirstInvalid(): Promise<void> {
    await this.updateComplete;
    const target =
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]') ?? this.renderRoot.querySelector<HTMLElement>('#form-error');
    target?.focus();
  }

  #classify = (event: SubmitEvent): void => {
    event.preventDefault();
    const d = this.drafts;
    const input =
      d.scope === 'in'
        ? { caseId: this.caseId, scope: 'in', category: d.category }
        : { caseId: this.caseId, scope: 'out', outOfScopeClass: d.outOfScopeClass, referral: d.referral };
    void this.#run('classify', ClassifyInputSchema, input, (data) => paknClient().case.classify.mutate(data), STRINGS.classified);
  };

  #draft = (event: SubmitEvent): void => {
    event.preventDefault();
    const d = this.drafts;
    const input = {
      caseId: this.caseId,
      unitId: d.unitId,
      letter: d.letter.trim() ? d.letter : undefined,
      confirmSelfReview: d.confirmSelfReview,
    };
    const selfReviewUnconfirmed = () =>
      this.#isSelfReview() && !d.confirmSelfReview ? { confirmSelfReview: STRINGS.confirmSelfReviewRequired[this.language] } : null;
    void this.#run(
      'draft',
      DraftForwardingInputSchema,
      input,
      (data) => paknClient().case.draftForwarding.mutate(data),
      STRINGS.drafted,
      selfReviewUnconfirmed,
    );
  };

  #caseOnly(form: FormName, send: (data: { caseId: string }) => Promise<StaffCaseView>, done: Text): void {
    void this.#run(form, CaseIdInputSchema, { caseId: this.caseId }, send, done);
  }

  #comment(form: FormName, text: string, send: (data: { caseId: string; comment: string }) => Promise<StaffCaseView>, done: Text): void {
    void this.#run(form, CommentInputSchema, { caseId: this.caseId, comment: text }, send, done);
  }

  #requestInfo = (event: SubmitEvent): void => {
    event.preventDefault();
    const input = { caseId: this.caseId, question: this.drafts.infoQuestion };
    void this.#run('requestInfo', RequestInfoInputSchema, input, (data) => paknClient().case.requestInfo.mutate(data), STRINGS.infoRequested);
  };

  #answer = (event: SubmitEvent): void => {
    event.preventDefault();
    const d = this.drafts;
    const files = this.renderRoot.querySelector('pakn-answer-upload');
    const attachments = files?.attachments ?? [];
    const input = {
      caseId: this.caseId,
      outcome: d.outcome || undefined,
      answer: d.answer,
      internalNote: d.internalNote.trim() || undefined,
      attachments: attachments.length ? attachments : undefined,
    };
    const filesNotReady = () => {
      const problem = files?.problem(this.language);
      return problem ? { answerFiles: problem } : null;
    };
    void this.#run('answer', SubmitAnswerInputSchema, input, (data) => paknClient().case.submitAnswer.mutate(data), STRINGS.answerSubmitted, filesNotReady);
  };

  #requestExtension = (event: SubmitEvent): void => {
    event.preventDefault();
    const d = this.drafts;
    const days = d.extensionDays.trim() === '' ? undefined : Number(d.extensionDays);
    const input = { caseId: this.caseId, days, reason: d.extensionReason };
    void this.#run(
      'requestExtension',
      RequestExtensionInputSchema,
      input,
      (data) => paknClient().case.requestExtension.mutate(data),
      STRINGS.extensionRequested,
    );
  };

  #decideExtension(approve: boolean): void {
    const comment = this.drafts.extensionComment.trim();
    const input = { caseId: this.caseId, approve, comment: comment || undefined };
    void this.#run(
      'decideExtension',
      DecideExtensionInputSchema,
      input,
      (data) => paknClient().case.decideExtension.mutate(data),
      approve ? STRINGS.extensionApproved : STRINGS.extensionRefused,
    );
  }

  /** Finds the main case by the reference the officer types (among all cases), then merges this case into it. */
  #merge = (event: SubmitEvent): void => {
    event.preventDefault();
    const lang = this.language;
    const typed = this.drafts.mergeReference.trim();
    const reference = normalizeReference(typed) ?? typed.toUpperCase();
    let primaryReference = reference;
    void this.#perform(
      'merge',
      async () => {
        if (!typed) throw new FieldProblem('mergeReference', STRINGS.mergeReferenceRequired[lang]);
        const client = paknClient();
        const primary = (await client.case.inbox.query({ status: 'all' })).find((c) => c.reference === reference);
        if (!primary) throw new FieldProblem('mergeReference', STRINGS.mergeNotFound[lang]);
        if (primary.id === this.caseId) throw new FieldProblem('mergeReference', STRINGS.mergeSelf[lang]);
        primaryReference = primary.reference;
        await client.case.merge.mutate({ primaryId: primary.id, duplicateId: this.caseId });
        return client.case.get.query({ caseId: this.caseId });
      },
      () => ({ vi: fill(STRINGS.merged.vi, { reference: primaryReference }), en: fill(STRINGS.merged.en, { reference: primaryReference }) }),
    );
  };

  #reveal = (event: SubmitEvent): void => {
    event.preventDefault();
    const input = { caseId: this.caseId, reason: this.drafts.revealReason };
    void this.#run(
      'reveal',
      RevealIdentityInputSchema,
      input,
      async (data) => {
        const result = await paknClient().case.revealIdentity.mutate(data);
        this.revealed = result.contact;
        this.revealOpen = false;
        this.drafts = { ...this.drafts, revealReason: '' };
        this.revision++;
        return null;
      },
      STRINGS.revealed,
    );
  };

  #onOutOfScopeClassChange(value: string): void {
    const d = this.drafts;
    const known = OUT_OF_SCOPE_CLASSES.find((c) => c === value);
    const suggestion = known ? DEFAULT_REFERRALS[known][this.#citizenLang()] : '';
    const referral = d.referralEdited && d.referral.trim() ? d.referral : suggestion;
    // An authority of another class no longer fits.
    const authority = this.authorities.find((a) => a.id === d.authorityId);
    const authorityId = authority && authority.outOfScopeClass === value ? d.authorityId : '';
    this.drafts = { ...d, outOfScopeClass: value, authorityId, referral, referralEdited: d.referralEdited && referral === d.referral };
    this.#clearFieldError('outOfScopeClass', ...(referral === d.referral ? [] : ['referral']));
  }

  /** Picking an authority from the directory fills in its referral text (in the citizen's language), and its class. */
  #onAuthorityChange(id: string): void {
    const authority = this.authorities.find((a) => a.id === id);
    if (!authority) {
      this.drafts = { ...this.drafts, authorityId: '' };
      return;
    }
    this.drafts = {
      ...this.drafts,
      authorityId: id,
      outOfScopeClass: authority.outOfScopeClass,
      referral: authority.referral[this.#citizenLang()],
      referralEdited: false,
    };
    this.#clearFieldError('outOfScopeClass', 'referral');
  }

  #citizenLang(): Lang {
    return this.item?.lang === 'en' ? 'en' : 'vi';
  }

  #isSelfReview(): boolean {
    const item = this.item;
    return Boolean(item?.concernedUnitId && this.drafts.unitId === item.concernedUnitId);
  }

  // ---- Rendering -------------------------------------------------------------------------------

  protected override render() {
    const lang = this.language;
    const back = html`<p class="back">
      <a href="/portal/" @click=${(e: MouseEvent) => navigateOnClick(e, this)}>← ${STRINGS.backToInbox[lang]}</a>
    </p>`;
    const load = this.load;
    if (load.kind === 'loading' && !this.item) {
      return html`<div class="root" lang=${lang}>${back}<p role="status">${COMMON.loading[lang]}</p></div>`;
    }
    if (load.kind === 'not-found') {
      return html`<div class="root" lang=${lang}>
        ${back}
        <h1>${STRINGS.caseHeadingFallback[lang]}</h1>
        <p class="alert" role="alert">${STRINGS.notFound[lang]}</p>
      </div>`;
    }
    if (load.kind === 'failed') {
      return html`<div class="root" lang=${lang}>
        ${back}
        <h1>${STRINGS.caseHeadingFallback[lang]}</h1>
        <div class="alert" role="alert">
          <p>${load.message}</p>
          <button type="button" class="secondary" @click=${() => void this.reload()}>${COMMON.retry[lang]}</button>
        </div>
      </div>`;
    }
    const item = this.item;
    if (!item) return nothing;
    const readsAudit = this.viewer !== null && can(this.viewer.role, 'readAudit');
    return html`
      <div class="root" lang=${lang}>
        ${back}
        <div class="title">
          <h1>${item.reference}</h1>
          <p class="status">
            <span class="visually-hidden">${STRINGS.status[lang]}: </span
            ><span class="badge" data-status=${item.status} data-testid="case-status">${CASE_STATUS_LABELS[item.status][lang]}</span>
          </p>
        </div>
        ${this.notice ? html`<p id="notice" class="success" role="status" tabindex="-1">${this.notice[lang]}</p>` : nothing}
        <div class="layout">
          <div class="main-column">
            ${this.#renderDetails(item, lang)} ${this.#renderOutcome(item, lang)} ${this.#renderActions(item, lang)}
            ${this.#renderLetters(lang)} ${this.#renderRecords(item, lang)}
            ${readsAudit ? html`<pakn-case-audit lang=${lang} case-id=${item.id} .revision=${this.revision}></pakn-case-audit>` : nothing}
          </div>
          <aside class="side-column" aria-labelledby="history-heading">${this.#renderHistory(item, lang)}</aside>
        </div>
      </div>
    `;
  }

  #renderDetails(item: StaffCaseView, lang: Lang) {
    const row = (label: string, value: unknown, testId?: string) =>
      html`<div class="row"><dt>${label}</dt><dd data-testid=${testId ?? nothing}>${value}</dd></div>`;
    const time = (iso: string) => html`<time datetime=${iso}>${formatDateTime(iso)}</time>`;
    const unit = (unitId: string | null) => {
      const name = unitName(this.units, unitId);
      if (!name) return null;
      const inspected = this.units.find((u) => u.id === unitId)?.underInspection;
      return html`<span lang="vi">${name}</span>${inspected ? html` <span class="badge">${STRINGS.underInspection[lang]}</span>` : nothing}`;
    };
    const extension = item.extension;
    return html`
      <section class="panel" aria-labelledby="details-heading" part="details">
        <h2 id="details-heading">${STRINGS.details[lang]}</h2>
        <dl class="details">
          ${row(DEADLINE_STRINGS.deadline[lang], renderDeadline(item.deadline, lang, item.presentationWarning), 'case-deadline')}
          ${row(STRINGS.receivedAt[lang], time(item.createdAt))} ${row(STRINGS.channel[lang], CHANNEL_LABELS[item.channel][lang])}
          ${row(STRINGS.reportedCategory[lang], item.reportedCategory ? this.#categories.label(item.reportedCategory, lang) : COMMON.notSet[lang])}
          ${item.category ? row(STRINGS.classifiedCategory[lang], this.#categories.label(item.category, lang)) : nothing}
          ${item.outOfScopeClass ? row(STRINGS.outOfScopeClass[lang], OUT_OF_SCOPE_LABELS[item.outOfScopeClass][lang]) : nothing}
          ${row(STRINGS.concernedUnit[lang], unit(item.concernedUnitId) ?? COMMON.notSet[lang])}
          ${item.unitId ? row(STRINGS.handlingUnit[lang], unit(item.unitId), 'case-unit') : nothing}
          ${item.forwardedAt ? row(STRINGS.forwardedAt[lang], time(item.forwardedAt)) : nothing}
          ${item.acknowledgedAt ? row(STRINGS.acknowledgedAt[lang], time(item.acknowledgedAt)) : nothing}
          ${item.assignee || item.canAssign
            ? row(
                STRINGS.assignedTo[lang],
                html`<pakn-case-assignment
                  lang=${lang}
                  case-id=${item.id}
                  unit-id=${item.unitId ?? ''}
                  ?can-assign=${item.canAssign}
                  .assignee=${item.assignee}
                  @pakn-case-updated=${() => void this.#refreshQuietly()}
                ></pakn-case-assignment>`,
              )
            : nothing}
          ${item.dossierCode ? row(STRINGS.dossierCode[lang], item.dossierCode) : nothing}
          ${item.appointmentDate
            ? row(STRINGS.appointmentDate[lang], formatDate(item.appointmentDate))
            : nothing}
          ${item.appointmentDate
            ? row(STRINGS.returnedDate[lang], item.returnedDate ? formatDate(item.returnedDate) : STRINGS.notYet[lang])
            : nothing}
          ${extension
            ? row(
                STRINGS.extension[lang],
                fill(STRINGS.extensionText[lang], {
                  days: extension.days,
                  status: EXTENSION_STATUS_LABELS[extension.status][lang],
                  reason: extension.reason,
                }),
                'case-extension',
              )
            : nothing}
          ${item.infoQuestion && item.status === 'info_requested'
            ? row(STRINGS.infoQuestionLabel[lang], item.infoQuestion, 'case-info-question')
            : nothing}
          ${item.mergedInto
            ? row(
                STRINGS.mergedInto[lang],
                html`<a href="/portal/cases/${encodeURIComponent(item.mergedInto)}" @click=${(e: MouseEvent) => navigateOnClick(e, this)}
                  >${this.mergedReference ?? item.mergedInto.slice(0, 8)}</a
                >`,
                'case-merged-into',
              )
            : nothing}
          ${item.rating ? row(STRINGS.rating[lang], this.#ratingText(item.rating, lang)) : nothing}
        </dl>
        <h3>${STRINGS.description[lang]}</h3>
        <pakn-case-summary
          lang=${lang}
          case-id=${item.id}
          ?can-edit=${item.canEditSummary}
          .description=${item.description}
          @pakn-case-updated=${() => void this.#refreshQuietly()}
        ></pakn-case-summary>
        ${this.#renderAttachments(lang)}
        <h3>${STRINGS.citizen[lang]}</h3>
        ${this.#renderContact(item, lang)}
      </section>
    `;
  }

  #renderAttachments(lang: Lang) {
    return html`<section aria-labelledby="attachments-heading" data-testid="case-attachments">
      <h3 id="attachments-heading">${STRINGS.attachments[lang]}</h3>
      ${this.attachments.length === 0
        ? html`<p class="muted">${STRINGS.noAttachments[lang]}</p>`
        : html`<ul class="attachments">
            ${this.attachments.map((file) => {
              const meta = `${STRINGS[attachmentKind(file.mime)][lang]}, ${formatSize(file.size)}`;
              return html`<li data-testid="case-attachment">
                ${isSameOriginPath(file.url)
                  ? html`<pakn-download-link url=${file.url} name=${file.name} label=${STRINGS.attachmentDownload[lang]} lang=${lang}></pakn-download-link>`
                  : html`<span class="attachment-name">${file.name}</span>`}
                <span class="muted">(${meta})</span>
              </li>`;
            })}
          </ul>`}
    </section>`;
  }

  #ratingText(rating: NonNullable<StaffCaseView['rating']>, lang: Lang): string {
    const score = fill(STRINGS.ratingText[lang], { score: rating.score });
    return rating.comment ? `${score} – ${rating.comment}` : score;
  }

  #renderContact(item: StaffCaseView, lang: Lang) {
    if (item.identityHidden) {
      return html`<p class="confidential" data-testid="identity-hidden">${STRINGS.identityHidden[lang]}</p>`;
    }
    if (!item.contact) return html`<p>${STRINGS.noContact[lang]}</p>`;
    const shown = this.revealed ?? item.contact;
    const { name, phone, email } = shown;
    const note = item.confidential ? html`<p class="hint">${STRINGS.confidentialNote[lang]}</p>` : nothing;
    return html`
      ${this.revealed ? html`<h4 class="revealed-heading">${STRINGS.revealedHeading[lang]}</h4>` : nothing}
      <dl class="details" data-testid=${this.revealed ? 'revealed-contact' : 'masked-contact'}>
        ${name ? html`<div class="row"><dt>${STRINGS.contactName[lang]}</dt><dd>${name}</dd></div>` : nothing}
        ${phone
          ? html`<div class="row">
              <dt>${STRINGS.contactPhone[lang]}</dt>
              <dd>${this.revealed ? html`<a href="tel:${phone.replace(/[^\d+]/g, '')}">${phone}</a>` : phone}</dd>
            </div>`
          : nothing}
        ${email ? html`<div class="row"><dt>${STRINGS.contactEmail[lang]}</dt><dd>${email}</dd></div>` : nothing}
      </dl>
      ${this.revealed ? nothing : html`<p class="hint">${STRINGS.maskedNote[lang]}</p>`} ${note}
      ${item.canRevealIdentity && !this.revealed ? this.#renderReveal(lang) : nothing}
    `;
  }

  #renderReveal(lang: Lang) {
    if (!this.revealOpen) {
      return html`<button
        type="button"
        class="secondary"
        aria-expanded="false"
        @click=${async () => {
          this.revealOpen = true;
          await this.updateComplete;
          this.renderRoot.querySelector<HTMLElement>('#revealReason')?.focus();
        }}
      >
        ${STRINGS.showIdentity[lang]}
      </button>`;
    }
    return html`<form class="reveal" @submit=${this.#reveal} novalidate aria-labelledby="reveal-legend">
      <p id="reveal-legend" class="visually-hidden">${STRINGS.showIdentity[lang]}</p>
      ${this.#renderFormError('reveal', lang)}
      ${this.#textField('reveal', 'revealReason', STRINGS.revealReason, lang, { hint: STRINGS.revealHint, rows: 2 })}
      <div class="buttons">
        ${this.#submitButton('reveal', STRINGS.revealSubmit, lang)}
        <button
          type="button"
          class="secondary"
          @click=${() => {
            this.revealOpen = false;
            this.#clearErrors();
          }}
        >
          ${STRINGS.cancel[lang]}
        </button>
      </div>
    </form>`;
  }

  #renderOutcome(item: StaffCaseView, lang: Lang) {
    if (item.status === 'answered') {
      return html`<section class="panel" aria-labelledby="answer-heading" data-testid="case-answer">
        <h2 id="answer-heading">${STRINGS.answerHeading[lang]}</h2>
        ${item.answeredAt ? html`<p class="muted">${STRINGS.answeredAt[lang]}: ${formatDateTime(item.answeredAt)}</p>` : nothing}
        ${item.answerOutcome ? html`<p><strong>${STRINGS.outcome[lang]}:</strong> ${OUTCOME_LABELS[item.answerOutcome][lang]}</p>` : nothing}
        <p class="long-text">${item.answer ?? ''}</p>
        ${item.internalNote ? html`<h3>${STRINGS.internalNote[lang]}</h3><p class="long-text">${item.internalNote}</p>` : nothing}
        <pakn-answer-file-list case-id=${item.id} lang=${lang} .revision=${this.revision}></pakn-answer-file-list>
      </section>`;
    }
    if (item.status === 'referred') {
      return html`<section class="panel" aria-labelledby="referral-heading">
        <h2 id="referral-heading">${STRINGS.referralHeading[lang]}</h2>
        <p class="long-text">${item.referral ?? ''}</p>
      </section>`;
    }
    if (item.answer && (item.status === 'awaiting_verification' || item.status === 'in_progress' || item.status === 'reopened')) {
      // A submitted answer under verification, one sent back to the unit, or the answer a citizen contests.
      return html`<section class="panel" aria-labelledby="unit-answer-heading" data-testid="unit-answer">
        <h2 id="unit-answer-heading">${STRINGS.unitAnswerHeading[lang]}</h2>
        ${item.status === 'awaiting_verification' ? html`<p class="muted">${STRINGS.unitAnswerPending[lang]}</p>` : nothing}
        ${item.answerOutcome ? html`<p><strong>${STRINGS.outcome[lang]}:</strong> ${OUTCOME_LABELS[item.answerOutcome][lang]}</p>` : nothing}
        <h3>${STRINGS.answer[lang]}</h3>
        <p class="long-text">${item.answer}</p>
        ${item.internalNote ? html`<h3>${STRINGS.internalNote[lang]}</h3><p class="long-text">${item.internalNote}</p>` : nothing}
        <pakn-answer-file-list case-id=${item.id} lang=${lang} .revision=${this.revision}></pakn-answer-file-list>
      </section>`;
    }
    return nothing;
  }

  #renderHistory(item: StaffCaseView, lang: Lang) {
    return html`
      <section class="panel" part="history">
        <h2 id="history-heading">${STRINGS.history[lang]}</h2>
        ${item.events.length === 0
          ? html`<p class="muted">${STRINGS.noHistory[lang]}</p>`
          : html`<ol class="history" data-testid="case-history">
              ${item.events.map(
                (e) => html`<li data-kind=${e.kind}>
                  <time datetime=${e.at}>${formatDateTime(e.at)}</time>
                  <span class="event-kind">${EVENT_LABELS[e.kind]?.[lang] ?? e.kind}</span>
                  ${e.fromStatus !== e.toStatus
                    ? html`<span class="event-status">→ ${CASE_STATUS_LABELS[e.toStatus][lang]}</span>`
                    : nothing}
                  ${e.note ? html`<span class="event-note">${e.note}</span>` : nothing}
                  ${e.visibleToCitizen ? html`<span class="event-visible">${STRINGS.citizenSees[lang]}</span>` : nothing}
                </li>`,
              )}
            </ol>`}
      </section>
    `;
  }

  #renderActions(item: StaffCaseView, lang: Lang) {
    const moves = new Set(item.availableMoves);
    const forms: TemplateResult[] = [];
    if (moves.has('classified_in_scope') || moves.has('referred')) forms.push(this.#renderClassify(moves, lang));
    if (moves.has('answer_confirmed')) forms.push(this.#renderConfirmAnswer(lang));
    if (moves.has('forwarding_drafted')) forms.push(this.#renderDraft(item, lang));
    if (moves.has('forwarded')) forms.push(this.#renderApprove(lang));
    if (moves.has('forwarding_returned')) forms.push(this.#renderReturnDraft(lang));
    if (moves.has('acknowledged')) forms.push(this.#renderAcknowledge(lang));
    if (moves.has('answer_submitted')) forms.push(this.#renderAnswer(lang));
    if (moves.has('info_requested')) forms.push(this.#renderRequestInfo(lang));
    if (item.canRequestExtension) forms.push(this.#renderRequestExtension(lang));
    if (item.canDecideExtension) forms.push(this.#renderDecideExtension(item, lang));
    if (moves.has('declined')) forms.push(this.#renderDecline(lang));
    if (moves.has('answered')) forms.push(this.#renderVerify(lang));
    if (moves.has('answer_returned')) forms.push(this.#renderReturnAnswer(lang));
    if (moves.has('merged')) forms.push(this.#renderMerge(lang));
    if (forms.length === 0) {
      // Closed cases show their outcome instead; say nothing rather than "nothing to do" there.
      if (item.status === 'answered' || item.status === 'referred' || item.status === 'merged') return nothing;
      return html`<section class="panel" aria-labelledby="actions-heading">
        <h2 id="actions-heading">${STRINGS.actions[lang]}</h2>
        <p class="muted">${STRINGS.noAction[lang]}</p>
      </section>`;
    }
    return html`<section class="panel actions" aria-labelledby="actions-heading" part="actions">
      <h2 id="actions-heading">${STRINGS.actions[lang]}</h2>
      ${forms}
    </section>`;
  }

  #renderFormError(form: FormName, lang: Lang) {
    if (this.errorForm !== form || !this.formError) return nothing;
    return html`<div id="form-error" class="alert" role="alert" tabindex="-1">
      <p>${this.formError}</p>
      ${this.staleError
        ? html`<button type="button" class="secondary" @click=${() => void this.reload()}>${STRINGS.reload[lang]}</button>`
        : nothing}
    </div>`;
  }

  #error(form: FormName, field: string): string | undefined {
    return this.errorForm === form ? this.errors[field] : undefined;
  }

  /** Describes a field for assistive technology: its hint and, when there is one, its error. */
  #describedBy(form: FormName, field: string, hint: boolean): string {
    return [hint ? `${field}-hint` : '', this.#error(form, field) ? `${field}-error` : ''].filter(Boolean).join(' ');
  }

  #fieldError(form: FormName, field: string) {
    const message = this.#error(form, field);
    return message ? html`<span id="${field}-error" class="field-error">${message}</span>` : nothing;
  }

  #submitButton(form: FormName, label: Text, lang: Lang, options: { secondary?: boolean; onClick?: () => void } = {}) {
    const busy = this.busy === form;
    return html`<button
      type=${options.onClick ? 'button' : 'submit'}
      class=${options.secondary ? 'secondary' : ''}
      ?disabled=${this.busy !== null}
      @click=${options.onClick ?? nothing}
    >
      ${busy ? STRINGS.sending[lang] : label[lang]}
    </button>`;
  }

  /** A labelled text area bound to a draft, with its hint and error. */
  #textField(
    form: FormName,
    field: keyof Drafts & string,
    label: Text,
    lang: Lang,
    options: { hint?: Text | string; rows?: number; textLang?: string } = {},
  ) {
    const hint = options.hint === undefined ? null : typeof options.hint === 'string' ? options.hint : options.hint[lang];
    return html`<div class="field">
      <label for=${field}>${label[lang]}</label>
      ${hint ? html`<span id="${field}-hint" class="hint">${hint}</span>` : nothing}
      <textarea
        id=${field}
        rows=${options.rows ?? 3}
        lang=${options.textLang ?? nothing}
        .value=${String(this.drafts[field])}
        aria-invalid=${this.#error(form, field) ? 'true' : 'false'}
        aria-describedby=${this.#describedBy(form, field, Boolean(hint))}
        @input=${(e: Event) => this.#set(field, (e.target as HTMLTextAreaElement).value as never)}
      ></textarea>
      ${this.#fieldError(form, field)}
    </div>`;
  }

  #renderClassify(moves: ReadonlySet<string>, lang: Lang) {
    const d = this.drafts;
    const canIn = moves.has('classified_in_scope');
    const canOut = moves.has('referred');
    const scope = canIn && canOut ? d.scope : canIn ? 'in' : 'out';
    const authorities = d.outOfScopeClass ? this.authorities.filter((a) => a.outOfScopeClass === d.outOfScopeClass) : this.authorities;
    return html`
      <form @submit=${this.#classify} novalidate aria-labelledby="classify-legend" data-form="classify">
        ${this.#renderFormError('classify', lang)}
        <fieldset>
          <legend id="classify-legend">${STRINGS.classify[lang]}</legend>
          ${canIn
            ? html`<label class="choice">
                <input type="radio" name="scope" value="in" .checked=${scope === 'in'} @change=${() => this.#set('scope', 'in')} />${STRINGS
                  .inScope[lang]}
              </label>`
            : nothing}
          ${canOut
            ? html`<label class="choice">
                <input type="radio" name="scope" value="out" .checked=${scope === 'out'} @change=${() => this.#set('scope', 'out')} />${STRINGS
                  .outOfScope[lang]}
              </label>`
            : nothing}
          ${scope === 'in'
            ? html`<div class="field">
                <label for="category">${STRINGS.category[lang]}</label>
                <select
                  id="category"
                  aria-invalid=${this.#error('classify', 'category') ? 'true' : 'false'}
                  aria-describedby=${this.#describedBy('classify', 'category', false)}
                  @change=${(e: Event) => this.#set('category', (e.target as HTMLSelectElement).value)}
                >
                  ${this.#categories.isOffered(d.category) ? nothing : html`<option value="" selected>${STRINGS.chooseOne[lang]}</option>`}
                  ${this.#categories.options().map((c) => html`<option value=${c.key} ?selected=${c.key === d.category}>${c.label[lang]}</option>`)}
                </select>
                ${this.#fieldError('classify', 'category')}
              </div>`
            : html`<div class="field">
                  <label for="outOfScopeClass">${STRINGS.outOfScopeClassField[lang]}</label>
                  <select
                    id="outOfScopeClass"
                    aria-invalid=${this.#error('classify', 'outOfScopeClass') ? 'true' : 'false'}
                    aria-describedby=${this.#describedBy('classify', 'outOfScopeClass', false)}
                    @change=${(e: Event) => this.#onOutOfScopeClassChange((e.target as HTMLSelectElement).value)}
                  >
                    <option value="" ?selected=${!d.outOfScopeClass}>${STRINGS.chooseOne[lang]}</option>
                    ${OUT_OF_SCOPE_CLASSES.map(
                      (c: OutOfScopeClass) =>
                        html`<option value=${c} ?selected=${c === d.outOfScopeClass}>${OUT_OF_SCOPE_LABELS[c][lang]}</option>`,
                    )}
                  </select>
                  ${this.#fieldError('classify', 'outOfScopeClass')}
                </div>
                ${this.authorities.length > 0
                  ? html`<div class="field">
                      <label for="authority">${STRINGS.authority[lang]}</label>
                      <span id="authority-hint" class="hint">${STRINGS.authorityHint[lang]}</span>
                      <select
                        id="authority"
                        aria-describedby="authority-hint"
                        @change=${(e: Event) => this.#onAuthorityChange((e.target as HTMLSelectElement).value)}
                      >
                        <option value="" ?selected=${!d.authorityId}>${STRINGS.chooseAuthority[lang]}</option>
                        ${authorities.map(
                          (a) => html`<option value=${a.id} ?selected=${a.id === d.authorityId}>${a.name[lang]}</option>`,
                        )}
                      </select>
                    </div>`
                  : nothing}
                <div class="field">
                  <label for="referral">${STRINGS.referral[lang]}</label>
                  <span id="referral-hint" class="hint">${STRINGS.referralHint[lang]}</span>
                  <textarea
                    id="referral"
                    lang=${this.#citizenLang()}
                    rows="5"
                    .value=${d.referral}
                    aria-invalid=${this.#error('classify', 'referral') ? 'true' : 'false'}
                    aria-describedby=${this.#describedBy('classify', 'referral', true)}
                    @input=${(e: Event) => {
                      this.drafts = { ...this.drafts, referral: (e.target as HTMLTextAreaElement).value, referralEdited: true };
                      this.#clearFieldError('referral');
                    }}
                  ></textarea>
                  ${this.#fieldError('classify', 'referral')}
                </div>`}
        </fieldset>
        ${this.#submitButton('classify', STRINGS.saveClassification, lang)}
      </form>
    `;
  }

  #renderDraft(item: StaffCaseView, lang: Lang) {
    const d = this.drafts;
    const selfReview = this.#isSelfReview();
    const concerned = this.units.find((u) => u.id === item.concernedUnitId);
    const superior = concerned?.parentId ? unitName(this.units, concerned.parentId) : null;
    const previous = this.letters.at(-1);
    return html`
      <form @submit=${this.#draft} novalidate aria-labelledby="draft-heading" data-form="draft">
        <h3 id="draft-heading">${STRINGS.draftHeading[lang]}</h3>
        <p class="muted">${STRINGS.draftIntro[lang]}</p>
        ${this.#renderFormError('draft', lang)}
        <div class="field">
          <label for="unitId">${STRINGS.unit[lang]}</label>
          <select
            id="unitId"
            aria-invalid=${this.#error('draft', 'unitId') ? 'true' : 'false'}
            aria-describedby=${[this.#describedBy('draft', 'unitId', false), selfReview ? 'self-review' : ''].filter(Boolean).join(' ')}
            @change=${(e: Event) => {
              this.#set('unitId', (e.target as HTMLSelectElement).value);
              this.drafts = { ...this.drafts, confirmSelfReview: false };
              this.#clearFieldError('confirmSelfReview');
            }}
          >
            <option value="" ?selected=${!d.unitId}>${STRINGS.chooseUnit[lang]}</option>
            ${renderUnitOptions(this.units, d.unitId, lang)}
          </select>
          ${this.#fieldError('draft', 'unitId')}
        </div>
        ${selfReview
          ? html`<div id="self-review" class="warning" data-testid="self-review-warning">
              <p>
                ${STRINGS.selfReviewWarning[lang]} ${superior ? fill(STRINGS.superiorUnit[lang], { name: superior }) : nothing}
              </p>
              <label class="choice">
                <input
                  type="checkbox"
                  id="confirmSelfReview"
                  .checked=${d.confirmSelfReview}
                  aria-invalid=${this.#error('draft', 'confirmSelfReview') ? 'true' : 'false'}
                  aria-describedby=${this.#describedBy('draft', 'confirmSelfReview', false)}
                  @change=${(e: Event) => this.#set('confirmSelfReview', (e.target as HTMLInputElement).checked)}
                />${STRINGS.confirmSelfReview[lang]}
              </label>
              ${this.#fieldError('draft', 'confirmSelfReview')}
            </div>`
          : nothing}
        ${this.#textField('draft', 'letter', STRINGS.letter, lang, { hint: STRINGS.letterHint, rows: 8, textLang: 'vi' })}
        <div class="buttons">
          ${this.#submitButton('draft', STRINGS.draftSubmit, lang)}
          ${previous && !d.letter
            ? html`<button type="button" class="secondary" @click=${() => this.#set('letter', previous.body)}>
                ${STRINGS.copyPreviousDraft[lang]}
              </button>`
            : nothing}
        </div>
      </form>
    `;
  }

  /**
   * One of the case's action forms: a heading, an optional line of explanation, the form's error, its fields
   * and the submit button. `run` acts once the browser's own submission is stopped.
   */
  #actionForm(
    form: FormName,
    headingId: string,
    heading: Text,
    lang: Lang,
    run: () => void,
    parts: { readonly intro?: Text; readonly fields?: unknown; readonly submit: Text; readonly secondary?: boolean },
  ) {
    return html`<form
      novalidate
      aria-labelledby=${headingId}
      data-form=${form}
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        run();
      }}
    >
      <h3 id=${headingId}>${heading[lang]}</h3>
      ${parts.intro ? html`<p class="muted">${parts.intro[lang]}</p>` : nothing} ${this.#renderFormError(form, lang)}
      ${parts.fields ?? nothing} ${this.#submitButton(form, parts.submit, lang, { secondary: parts.secondary ?? false })}
    </form>`;
  }

  #renderApprove(lang: Lang) {
    const run = () => this.#caseOnly('approve', (data) => paknClient().case.approveForwarding.mutate(data), STRINGS.approved);
    return this.#actionForm('approve', 'approve-heading', STRINGS.approveHeading, lang, run, {
      intro: STRINGS.approveIntro,
      submit: STRINGS.approveSubmit,
    });
  }

  #renderReturnDraft(lang: Lang) {
    const run = () => this.#comment('returnDraft', this.drafts.directorComment, (data) => paknClient().case.returnForwarding.mutate(data), STRINGS.draftReturned);
    return this.#actionForm('returnDraft', 'return-draft-heading', STRINGS.returnDraftHeading, lang, run, {
      fields: this.#textField('returnDraft', 'directorComment', STRINGS.directorComment, lang),
      submit: STRINGS.returnDraftSubmit,
      secondary: true,
    });
  }

  #renderAcknowledge(lang: Lang) {
    const run = () => this.#caseOnly('acknowledge', (data) => paknClient().case.acknowledge.mutate(data), STRINGS.acknowledged);
    return this.#actionForm('acknowledge', 'acknowledge-heading', STRINGS.acknowledgeHeading, lang, run, {
      intro: STRINGS.acknowledgeIntro,
      submit: STRINGS.acknowledgeSubmit,
    });
  }

  #renderRequestInfo(lang: Lang) {
    return html`<form novalidate aria-labelledby="request-info-heading" data-form="requestInfo" @submit=${this.#requestInfo}>
      <h3 id="request-info-heading">${STRINGS.requestInfoHeading[lang]}</h3>
      ${this.#renderFormError('requestInfo', lang)}
      ${this.#textField('requestInfo', 'infoQuestion', STRINGS.infoQuestion, lang, { hint: STRINGS.infoQuestionHint, textLang: this.#citizenLang() })}
      ${this.#submitButton('requestInfo', STRINGS.requestInfoSubmit, lang, { secondary: true })}
    </form>`;
  }

  #renderDecline(lang: Lang) {
    const run = () => this.#comment('decline', this.drafts.declineReason, (data) => paknClient().case.decline.mutate(data), STRINGS.declined);
    return this.#actionForm('decline', 'decline-heading', STRINGS.declineHeading, lang, run, {
      intro: STRINGS.declineIntro,
      fields: this.#textField('decline', 'declineReason', STRINGS.declineReason, lang, { rows: 2 }),
      submit: STRINGS.declineSubmit,
      secondary: true,
    });
  }

  #renderAnswer(lang: Lang) {
    const d = this.drafts;
    const outcomeError = this.#error('answer', 'outcome');
    return html`
      <form @submit=${this.#answer} novalidate aria-labelledby="answer-form-heading" data-form="answer">
        <h3 id="answer-form-heading">${STRINGS.answerFormHeading[lang]}</h3>
        ${this.#renderFormError('answer', lang)}
        <fieldset aria-describedby=${outcomeError ? 'outcome-error' : nothing}>
          <legend>${STRINGS.outcome[lang]}</legend>
          ${ANSWER_OUTCOMES.map(
            (outcome, i) => html`<label class="choice">
              <input
                type="radio"
                name="outcome"
                value=${outcome}
                .checked=${d.outcome === outcome}
                aria-invalid=${outcomeError && i === 0 ? 'true' : 'false'}
                @change=${() => this.#set('outcome', outcome)}
              />${OUTCOME_LABELS[outcome][lang]}
            </label>`,
          )}
          ${this.#fieldError('answer', 'outcome')}
        </fieldset>
        ${this.#textField('answer', 'answer', STRINGS.answer, lang, {
          hint: STRINGS.answerHint[lang].replace('{n}', String(ANSWER_MIN)),
          rows: 8,
          textLang: this.#citizenLang(),
        })}
        ${this.#textField('answer', 'internalNote', STRINGS.internalNote, lang, { hint: STRINGS.internalNoteHint })}
        <pakn-answer-upload case-id=${this.caseId} lang=${lang} error=${this.#error('answer', 'answerFiles') ?? ''}></pakn-answer-upload>
        ${this.#submitButton('answer', STRINGS.sendAnswer, lang)}
      </form>
    `;
  }

  #renderVerify(lang: Lang) {
    const run = () => this.#caseOnly('verify', (data) => paknClient().case.verifyAnswer.mutate(data), STRINGS.verified);
    return this.#actionForm('verify', 'verify-heading', STRINGS.verifyHeading, lang, run, {
      intro: STRINGS.verifyIntro,
      submit: STRINGS.verifySubmit,
    });
  }

  #renderReturnAnswer(lang: Lang) {
    const run = () => this.#comment('returnAnswer', this.drafts.returnReason, (data) => paknClient().case.returnAnswer.mutate(data), STRINGS.answerReturned);
    return this.#actionForm('returnAnswer', 'return-answer-heading', STRINGS.returnAnswerHeading, lang, run, {
      fields: this.#textField('returnAnswer', 'returnReason', STRINGS.returnReason, lang),
      submit: STRINGS.returnAnswerSubmit,
      secondary: true,
    });
  }

  #renderConfirmAnswer(lang: Lang) {
    const run = () => this.#comment('confirmAnswer', this.drafts.confirmComment, (data) => paknClient().case.confirmAnswer.mutate(data), STRINGS.confirmed);
    return this.#actionForm('confirmAnswer', 'confirm-heading', STRINGS.confirmHeading, lang, run, {
      intro: STRINGS.confirmIntro,
      fields: this.#textField('confirmAnswer', 'confirmComment', STRINGS.confirmComment, lang, { textLang: this.#citizenLang() }),
      submit: STRINGS.confirmSubmit,
      secondary: true,
    });
  }

  #renderRequestExtension(lang: Lang) {
    const d = this.drafts;
    return html`<form novalidate aria-labelledby="request-extension-heading" data-form="requestExtension" @submit=${this.#requestExtension}>
      <h3 id="request-extension-heading">${STRINGS.requestExtensionHeading[lang]}</h3>
      ${this.#renderFormError('requestExtension', lang)}
      <div class="field narrow">
        <label for="extensionDays">${STRINGS.extensionDays[lang]}</label>
        <span id="extensionDays-hint" class="hint">${STRINGS.extensionDaysHint[lang]}</span>
        <input
          id="extensionDays"
          type="number"
          inputmode="numeric"
          min="1"
          max=${EXTENSION_MAX_DAYS}
          step="1"
          .value=${d.extensionDays}
          aria-invalid=${this.#error('requestExtension', 'extensionDays') ? 'true' : 'false'}
          aria-describedby=${this.#describedBy('requestExtension', 'extensionDays', true)}
          @input=${(e: Event) => this.#set('extensionDays', (e.target as HTMLInputElement).value)}
        />
        ${this.#fieldError('requestExtension', 'extensionDays')}
      </div>
      ${this.#textField('requestExtension', 'extensionReason', STRINGS.extensionReason, lang, { rows: 2 })}
      ${this.#submitButton('requestExtension', STRINGS.requestExtensionSubmit, lang, { secondary: true })}
    </form>`;
  }

  #renderDecideExtension(item: StaffCaseView, lang: Lang) {
    const extension = item.extension;
    return html`<form novalidate aria-labelledby="decide-extension-heading" data-form="decideExtension" @submit=${(e: SubmitEvent) => e.preventDefault()}>
      <h3 id="decide-extension-heading">${STRINGS.decideExtensionHeading[lang]}</h3>
      ${extension ? html`<p>${fill(STRINGS.decideExtensionIntro[lang], { days: extension.days, reason: extension.reason })}</p>` : nothing}
      ${this.#renderFormError('decideExtension', lang)}
      ${this.#textField('decideExtension', 'extensionComment', STRINGS.extensionComment, lang, { rows: 2 })}
      <div class="buttons">
        ${this.#submitButton('decideExtension', STRINGS.approveExtension, lang, { onClick: () => this.#decideExtension(true) })}
        ${this.#submitButton('decideExtension', STRINGS.refuseExtension, lang, { secondary: true, onClick: () => this.#decideExtension(false) })}
      </div>
    </form>`;
  }

  #renderMerge(lang: Lang) {
    const d = this.drafts;
    return html`<form novalidate aria-labelledby="merge-heading" data-form="merge" @submit=${this.#merge}>
      <h3 id="merge-heading">${STRINGS.mergeHeading[lang]}</h3>
      <p class="muted">${STRINGS.mergeIntro[lang]}</p>
      ${this.#renderFormError('merge', lang)}
      <div class="field narrow">
        <label for="mergeReference">${STRINGS.mergeReference[lang]}</label>
        <span id="mergeReference-hint" class="hint">${STRINGS.mergeReferenceHint[lang]}</span>
        <input
          id="mergeReference"
          type="text"
          autocomplete="off"
          spellcheck="false"
          .value=${d.mergeReference}
          aria-invalid=${this.#error('merge', 'mergeReference') ? 'true' : 'false'}
          aria-describedby=${this.#describedBy('merge', 'mergeReference', true)}
          @input=${(e: Event) => this.#set('mergeReference', (e.target as HTMLInputElement).value)}
        />
        ${this.#fieldError('merge', 'mergeReference')}
      </div>
      ${this.#submitButton('merge', STRINGS.mergeSubmit, lang, { secondary: true })}
    </form>`;
  }

  #renderLetters(lang: Lang) {
    if (this.letters.length === 0) return nothing;
    return html`<section class="panel" aria-labelledby="letters-heading" data-testid="case-letters">
      <h2 id="letters-heading">${STRINGS.lettersHeading[lang]}</h2>
      <ul class="letters">
        ${[...this.letters].reverse().map(
          (letter) => html`<li class="letter" data-status=${letter.status} data-testid="case-letter">
            <p class="letter-title">
              <strong>${letter.status === 'approved' ? `Số: ${letterNumber(letter.number)}` : STRINGS.draftNumber[lang]}</strong>
              <span class="badge" data-letter-status=${letter.status}>${LETTER_STATUS_LABELS[letter.status][lang]}</span>
            </p>
            <p class="muted">
              <span lang="vi">${letter.unitName}</span> · ${STRINGS.letterDraftedAt[lang]} ${formatDateTime(letter.draftedAt)}
              ${letter.decidedAt ? html` · ${STRINGS.letterDecidedAt[lang]} ${formatDateTime(letter.decidedAt)}` : nothing}
            </p>
            ${letter.status === 'returned' && letter.decisionComment
              ? html`<p class="director-comment" data-testid="letter-director-comment">
                  <strong>${STRINGS.directorComment[lang]}:</strong> ${letter.decisionComment}
                </p>`
              : nothing}
            <details ?open=${letter.status === 'draft'}>
              <summary>${STRINGS.letterBody[lang]}</summary>
              <p class="long-text" lang="vi">${letter.body}</p>
            </details>
            <p>
              <a class="standalone-link" href="/portal/letters/${encodeURIComponent(letter.id)}" @click=${(e: MouseEvent) => navigateOnClick(e, this)}
                >${STRINGS.printLetter[lang]}<span class="visually-hidden">
                  ${letter.status === 'approved' ? letterNumber(letter.number) : STRINGS.draftNumber[lang]}</span
                ></a
              >
            </p>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  #renderRecords(item: StaffCaseView, lang: Lang) {
    const viewer = this.viewer;
    // Reminders and assessments concern the unit handling the case, once it has one.
    const unitId = item.unitId;
    const mayRecord = viewer !== null && recordKindsFor(viewer.role).length > 0 && unitId !== null;
    if (!mayRecord && this.records.length === 0) return nothing;
    const heading = { vi: 'Giám sát việc xử lý', en: 'Oversight of the handling' };
    return html`<section class="panel" aria-labelledby="records-heading" data-testid="case-records">
      <h2 id="records-heading">${heading[lang]}</h2>
      ${this.records.length > 0
        ? html`<ul class="records">
            ${this.records.map(
              (r) => html`<li data-kind=${r.kind}>
                <span
                  ><strong>${UNIT_RECORD_LABELS[r.kind]?.[lang] ?? r.kind}</strong>
                  <span class="muted"> · <span lang="vi">${unitName(this.units, r.unitId)}</span> · ${formatDateTime(r.at)}</span></span
                >
                <span class="record-note" lang="vi">${r.note}</span>
              </li>`,
            )}
          </ul>`
        : nothing}
      ${mayRecord && viewer
        ? html`<p class="muted">
              ${lang === 'vi' ? 'Ghi nhận đối với: ' : 'Recorded against: '}<span lang="vi">${unitName(this.units, unitId)}</span>
            </p>
            <pakn-unit-record
              lang=${lang}
              unit-id=${unitId ?? ''}
              case-id=${item.id}
              reference=${item.reference}
              viewer-role=${viewer.role}
              @pakn-unit-recorded=${() => void this.#refreshQuietly()}
            ></pakn-unit-record>`
        : nothing}
    </section>`;
  }

  static override styles = [
    tokens,
    base,
    deadlineStyles,
    css`
      .back {
        margin-bottom: 0.5rem;
      }
      .title {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.25rem var(--_space);
        margin-bottom: 0.5rem;
      }
      .title h1 {
        margin: 0;
      }
      .title .status {
        margin: 0;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--_space);
      }
      @media (min-width: 1024px) {
        .layout {
          grid-template-columns: minmax(0, 2fr) minmax(16rem, 1fr);
          align-items: start;
        }
      }
      .panel,
      pakn-case-audit {
        display: block;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        background: var(--_bg);
        margin-bottom: var(--_space);
      }
      pakn-case-audit {
        border: 0;
        padding: 0;
      }
      .main-column,
      .side-column {
        min-width: 0;
      }
      .details {
        margin: 0 0 var(--_space);
        display: grid;
        gap: 0.35rem;
      }
      .details .row {
        display: grid;
        grid-template-columns: minmax(10rem, 16rem) minmax(0, 1fr);
        gap: 0.75rem;
      }
      dt {
        color: var(--_muted);
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .long-text {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        background: var(--_surface);
        padding: 0.75rem;
        border-radius: var(--_radius);
      }
      .confidential {
        font-weight: 600;
        padding: 0.5rem 0.75rem;
        border-left: 4px solid var(--_muted);
        background: var(--_surface);
      }
      .revealed-heading {
        margin: 0 0 0.5rem;
        color: var(--_warning);
      }
      .reveal {
        margin-top: 0.5rem;
        padding: 0.75rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .history {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .history li {
        display: flex;
        flex-direction: column;
        padding: 0.5rem 0 0.5rem 0.9rem;
        border-left: 3px solid var(--_border);
        margin-left: 0.25rem;
      }
      .history time,
      .event-visible {
        color: var(--_muted);
        font-size: 0.9rem;
      }
      .event-kind {
        font-weight: 600;
      }
      .event-status {
        font-size: 0.95rem;
      }
      .event-note {
        font-size: 0.95rem;
        overflow-wrap: anywhere;
        white-space: pre-wrap;
      }
      .actions form {
        padding-top: var(--_space);
        margin-top: var(--_space);
        border-top: 1px solid var(--_border);
      }
      .actions h2 + form {
        border-top: 0;
        padding-top: 0;
        margin-top: 0;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        color: var(--_primary);
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .narrow input {
        max-width: 20rem;
      }
      .letters,
      .records,
      .attachments {
        list-style: none;
        margin: 0 0 var(--_space);
        padding: 0;
      }
      .letter {
        padding: 0.75rem 0;
        border-bottom: 1px solid var(--_border);
      }
      .letter:first-child {
        padding-top: 0;
      }
      .letter:last-child {
        border-bottom: 0;
      }
      .letter-title {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
        align-items: baseline;
        margin-bottom: 0.25rem;
      }
      .badge[data-letter-status='approved'] {
        border-color: var(--_success);
        background: var(--_success-bg);
      }
      .badge[data-letter-status='returned'] {
        border-color: var(--_danger);
        background: var(--_danger-bg);
      }
      /* A link alone on its line is a control, not text: give it the 24 px target WCAG 2.2 asks for. */
      .standalone-link {
        display: inline-block;
        min-height: 24px;
        line-height: 24px;
      }
      .director-comment {
        border-left: 4px solid var(--_danger);
        padding-left: 0.75rem;
      }
      .records li {
        display: flex;
        flex-direction: column;
        padding: 0.4rem 0;
        border-bottom: 1px solid var(--_border);
      }
      .record-note {
        overflow-wrap: anywhere;
      }
      .attachments li {
        padding: 0.25rem 0;
      }
      .attachment-name {
        overflow-wrap: anywhere;
      }
      #notice:focus,
      #form-error:focus {
        outline: 3px solid var(--_focus);
      }
      @media (max-width: 600px) {
        .details .row {
          grid-template-columns: minmax(0, 1fr);
          gap: 0;
        }
      }
    `,
  ];
}

/** A problem found while acting that belongs beside one field (e.g. an unknown reference). */
class FieldProblem extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

if (!customElements.get('pakn-case')) customElements.define('pakn-case', PaknCase);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-case': PaknCase;
  }
}
