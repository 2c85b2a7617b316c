import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  ANSWER_MIN,
  AnswerInputSchema,
  CASE_STATUS_LABELS,
  CATEGORIES,
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  ClassifyInputSchema,
  DEFAULT_REFERRALS,
  ForwardInputSchema,
  OUT_OF_SCOPE_CLASSES,
  OUT_OF_SCOPE_LABELS,
  can,
  fieldErrors,
  type Category,
  type IssueLike,
  type Lang,
  type OutOfScopeClass,
  type StaffMember,
  type Text,
  type Unit,
} from '@pakn/domain';
import type { StaffCaseView } from '@pakn/api';
import { errorInfo, isSignedOut, paknClient } from '#shared/client.ts';
import { CaseUpdatedEvent, SessionExpiredEvent, navigateOnClick } from '#shared/events.ts';
import { DEADLINE_STRINGS, deadlineStyles, renderDeadline } from '#shared/deadline.ts';
import { COMMON, elementLang, formatDateTime } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';
import { STRINGS, UNIT_KIND_LABELS, UNIT_KIND_ORDER } from './strings.ts';

type LoadState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded' }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'failed'; readonly message: string };

/** The editable values of the three action forms. Reset from the case whenever a new version arrives. */
interface Drafts {
  scope: 'in' | 'out';
  category: string;
  outOfScopeClass: string;
  referral: string;
  /** Whether the officer changed the suggested referral (then a class change keeps their text). */
  referralEdited: boolean;
  unitId: string;
  note: string;
  answer: string;
}

/** Only reasons that a reload can fix get a reload button. */
const STALE_REASONS = new Set(['conflict', 'illegal_transition']);

function emptyDrafts(): Drafts {
  return { scope: 'in', category: '', outOfScopeClass: '', referral: '', referralEdited: false, unitId: '', note: '', answer: '' };
}

/**
 * `<pakn-case case-id="…">`: one case with its details and history, and the action forms that the signed-in
 * staff member's role and the case's status allow (classify, forward, answer). Authorization is decided by
 * the server; this element only hides what would be refused.
 *
 * Attributes: `case-id` (required), `lang` (vi | en; default the page's).
 * Events out: `pakn-case-updated` (after a successful action), `pakn-navigate` (back to the inbox),
 * `pakn-session-expired`.
 */
export class PaknCase extends LitElement {
  static override properties = {
    caseId: { type: String, attribute: 'case-id' },
    lang: { type: String },
    load: { state: true },
    item: { state: true },
    viewer: { state: true },
    units: { state: true },
    drafts: { state: true },
    busy: { state: true },
    errors: { state: true },
    formError: { state: true },
    staleError: { state: true },
    notice: { state: true },
  };

  declare caseId: string;
  declare lang: string;
  declare protected load: LoadState;
  declare protected item: StaffCaseView | null;
  declare protected viewer: StaffMember | null;
  declare protected units: readonly Unit[];
  declare protected drafts: Drafts;
  declare protected busy: boolean;
  /** Field name → message, shown beside the field. */
  declare protected errors: Readonly<Record<string, string>>;
  declare protected formError: string | null;
  declare protected staleError: boolean;
  /** Success message after an action (a Text, so that it follows a language switch). */
  declare protected notice: Text | null;

  #requestSeq = 0;

  constructor() {
    super();
    this.caseId = '';
    this.lang = '';
    this.load = { kind: 'loading' };
    this.item = null;
    this.viewer = null;
    this.units = [];
    this.drafts = emptyDrafts();
    this.busy = false;
    this.errors = {};
    this.formError = null;
    this.staleError = false;
    this.notice = null;
  }

  get language(): Lang {
    return elementLang(this.lang);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('caseId')) {
      this.notice = null;
      void this.reload();
    }
  }

  /** Loads the case, the viewer and the unit list (one batched request). */
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
      const [item, viewer, units] = await Promise.all([
        client.case.get.query({ caseId }),
        client.auth.me.query(),
        client.unit.list.query(),
      ]);
      if (seq !== this.#requestSeq) return;
      this.viewer = viewer;
      this.units = units;
      this.#show(item);
      this.load = { kind: 'loaded' };
    } catch (error) {
      if (seq !== this.#requestSeq) return;
      const info = errorInfo(error, this.language);
      if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
      this.load = info.reason === 'not_found' ? { kind: 'not-found' } : { kind: 'failed', message: info.message };
    }
  }

  /** Shows a (new version of a) case and resets the forms from it. */
  #show(item: StaffCaseView): void {
    this.item = item;
    this.drafts = {
      ...emptyDrafts(),
      category: item.category ?? item.reportedCategory ?? '',
      unitId: item.unitId ?? item.concernedUnitId ?? '',
    };
  }

  #clearErrors(): void {
    this.errors = {};
    this.formError = null;
    this.staleError = false;
  }

  #unitName(unitId: string | null): string | null {
    if (!unitId) return null;
    return this.units.find((u) => u.id === unitId)?.name ?? unitId;
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

  // ---- Actions ---------------------------------------------------------------------------------

  /**
   * Validates with the shared schema, sends, and shows the returned case. Field errors (from the schema or
   * the server) go beside their fields and focus moves to the first; other failures go to the alert.
   */
  async #submit<T>(
    schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly IssueLike[] } } },
    input: unknown,
    send: (data: T) => Promise<StaffCaseView>,
    done: Text,
  ): Promise<void> {
    if (this.busy) return;
    const lang = this.language;
    this.#clearErrors();
    this.notice = null;
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      this.errors = fieldErrors(parsed.error.issues, lang);
      await this.#focusFirstInvalid();
      return;
    }
    this.busy = true;
    try {
      const updated = await send(parsed.data);
      this.#show(updated);
      this.notice = done;
      this.dispatchEvent(new CaseUpdatedEvent(updated.id, updated.status));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#notice')?.focus();
    } catch (error) {
      const info = errorInfo(error, lang);
      if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
      this.errors = info.fieldErrors;
      this.formError = info.message;
      this.staleError = STALE_REASONS.has(info.reason);
      await this.#focusFirstInvalid();
    } finally {
      this.busy = false;
    }
  }

  async #focusFirstInvalid(): Promise<void> {
    await this.updateComplete;
    const target =
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]') ?? this.renderRoot.querySelector<HTMLElement>('#form-error');
    target?.focus();
  }

  #classify(event: SubmitEvent): void {
    event.preventDefault();
    const d = this.drafts;
    const input =
      d.scope === 'in'
        ? { caseId: this.caseId, scope: 'in', category: d.category }
        : { caseId: this.caseId, scope: 'out', outOfScopeClass: d.outOfScopeClass, referral: d.referral };
    void this.#submit(ClassifyInputSchema, input, (data) => paknClient().case.classify.mutate(data), STRINGS.classified);
  }

  #forward(event: SubmitEvent): void {
    event.preventDefault();
    const d = this.drafts;
    const input = { caseId: this.caseId, unitId: d.unitId, note: d.note.trim() ? d.note : undefined };
    void this.#submit(ForwardInputSchema, input, (data) => paknClient().case.forward.mutate(data), STRINGS.forwarded);
  }

  #answer(event: SubmitEvent): void {
    event.preventDefault();
    const input = { caseId: this.caseId, answer: this.drafts.answer };
    void this.#submit(AnswerInputSchema, input, (data) => paknClient().case.answer.mutate(data), STRINGS.answered);
  }

  #onOutOfScopeClassChange(value: string): void {
    const d = this.drafts;
    const known = OUT_OF_SCOPE_CLASSES.find((c) => c === value);
    // The case view carries no citizen language; referrals are written in Vietnamese, the default.
    const suggestion = known ? DEFAULT_REFERRALS[known].vi : '';
    const referral = d.referralEdited && d.referral.trim() ? d.referral : suggestion;
    this.drafts = { ...d, outOfScopeClass: value, referral, referralEdited: d.referralEdited && referral === d.referral };
    this.#clearFieldError('outOfScopeClass', ...(referral === d.referral ? [] : ['referral']));
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
    return html`
      <div class="root" lang=${lang}>
        ${back}
        <div class="title">
          <h1>${item.reference}</h1>
          <p class="status">
            <span class="visually-hidden">${STRINGS.status[lang]}: </span
            ><span class="badge" data-status=${item.status}>${CASE_STATUS_LABELS[item.status][lang]}</span>
          </p>
        </div>
        ${this.notice
          ? html`<p id="notice" class="success" role="status" tabindex="-1">${this.notice[lang]}</p>`
          : nothing}
        <div class="layout">
          <div class="main-column">
            ${this.#renderDetails(item, lang)} ${this.#renderOutcome(item, lang)} ${this.#renderActions(item, lang)}
          </div>
          <aside class="side-column" aria-labelledby="history-heading">${this.#renderHistory(item, lang)}</aside>
        </div>
      </div>
    `;
  }

  #renderDetails(item: StaffCaseView, lang: Lang) {
    const row = (label: string, value: unknown) => html`<div class="row"><dt>${label}</dt><dd>${value}</dd></div>`;
    const concerned = this.#unitName(item.concernedUnitId);
    const handling = this.#unitName(item.unitId);
    return html`
      <section class="panel" aria-labelledby="details-heading" part="details">
        <h2 id="details-heading">${STRINGS.details[lang]}</h2>
        <dl class="details">
          <div class="row">
            <dt>${DEADLINE_STRINGS.deadline[lang]}</dt>
            <dd data-testid="case-deadline">${renderDeadline(item.deadline, lang)}</dd>
          </div>
          ${row(STRINGS.receivedAt[lang], html`<time datetime=${item.createdAt}>${formatDateTime(item.createdAt)}</time>`)}
          ${row(STRINGS.channel[lang], CHANNEL_LABELS[item.channel][lang])}
          ${row(
            STRINGS.reportedCategory[lang],
            item.reportedCategory ? CATEGORY_LABELS[item.reportedCategory][lang] : COMMON.notSet[lang],
          )}
          ${item.category ? row(STRINGS.classifiedCategory[lang], CATEGORY_LABELS[item.category][lang]) : nothing}
          ${item.outOfScopeClass ? row(STRINGS.outOfScopeClass[lang], OUT_OF_SCOPE_LABELS[item.outOfScopeClass][lang]) : nothing}
          ${row(STRINGS.concernedUnit[lang], concerned ?? COMMON.notSet[lang])}
          ${handling ? row(STRINGS.handlingUnit[lang], handling) : nothing}
          ${item.forwardedAt
            ? row(STRINGS.forwardedAt[lang], html`<time datetime=${item.forwardedAt}>${formatDateTime(item.forwardedAt)}</time>`)
            : nothing}
        </dl>
        <h3>${STRINGS.description[lang]}</h3>
        <p class="description">${item.description}</p>
        <h3>${STRINGS.citizen[lang]}</h3>
        ${this.#renderContact(item, lang)}
      </section>
    `;
  }

  #renderContact(item: StaffCaseView, lang: Lang) {
    if (item.identityHidden || !item.contact) {
      return html`<p class="confidential">${STRINGS.identityHidden[lang]}</p>`;
    }
    const { name, phone, email } = item.contact;
    const note = item.confidential ? html`<p class="hint">${STRINGS.confidentialNote[lang]}</p>` : nothing;
    if (!name && !phone && !email) return html`<p>${STRINGS.noContact[lang]}</p>${note}`;
    return html`
      <dl class="details">
        ${name ? html`<div class="row"><dt>${STRINGS.contactName[lang]}</dt><dd>${name}</dd></div>` : nothing}
        ${phone
          ? html`<div class="row"><dt>${STRINGS.contactPhone[lang]}</dt><dd><a href="tel:${phone.replace(/[^\d+]/g, '')}">${phone}</a></dd></div>`
          : nothing}
        ${email ? html`<div class="row"><dt>${STRINGS.contactEmail[lang]}</dt><dd>${email}</dd></div>` : nothing}
      </dl>
      ${note}
    `;
  }

  #renderOutcome(item: StaffCaseView, lang: Lang) {
    if (item.status === 'answered') {
      return html`<section class="panel" aria-labelledby="answer-heading">
        <h2 id="answer-heading">${STRINGS.answerHeading[lang]}</h2>
        ${item.answeredAt
          ? html`<p class="muted">
              ${STRINGS.answeredAt[lang]}: <time datetime=${item.answeredAt}>${formatDateTime(item.answeredAt)}</time>
            </p>`
          : nothing}
        <p class="long-text">${item.answer ?? ''}</p>
      </section>`;
    }
    if (item.status === 'referred') {
      return html`<section class="panel" aria-labelledby="referral-heading">
        <h2 id="referral-heading">${STRINGS.referralHeading[lang]}</h2>
        <p class="long-text">${item.referral ?? ''}</p>
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
          : html`<ol class="history">
              ${item.events.map(
                (e) => html`<li>
                  <time datetime=${e.at}>${formatDateTime(e.at)}</time>
                  <span class="event-status">${CASE_STATUS_LABELS[e.toStatus][lang]}</span>
                  ${e.note ? html`<span class="event-note">${STRINGS.note[lang]}: ${e.note}</span>` : nothing}
                </li>`,
              )}
            </ol>`}
      </section>
    `;
  }

  #renderActions(item: StaffCaseView, lang: Lang) {
    const viewer = this.viewer;
    if (!viewer) return nothing;
    let form: TemplateResult | null = null;
    if (item.status === 'received' && can(viewer.role, 'classify')) form = this.#renderClassify(lang);
    else if (item.status === 'accepted' && can(viewer.role, 'forward')) form = this.#renderForward(lang);
    else if (item.status === 'forwarded' && can(viewer.role, 'answer') && viewer.unitId !== null && viewer.unitId === item.unitId) {
      form = this.#renderAnswer(lang);
    }
    if (!form) {
      // Closed cases show their outcome instead; say nothing rather than "nothing to do" there.
      if (item.status === 'answered' || item.status === 'referred') return nothing;
      return html`<section class="panel" aria-labelledby="actions-heading">
        <h2 id="actions-heading">${STRINGS.actions[lang]}</h2>
        <p class="muted">${STRINGS.noAction[lang]}</p>
      </section>`;
    }
    return html`<section class="panel actions" aria-labelledby="actions-heading" part="actions">
      <h2 id="actions-heading">${STRINGS.actions[lang]}</h2>
      ${this.#renderFormError(lang)} ${form}
    </section>`;
  }

  #renderFormError(lang: Lang) {
    if (!this.formError) return nothing;
    return html`<div id="form-error" class="alert" role="alert" tabindex="-1">
      <p>${this.formError}</p>
      ${this.staleError
        ? html`<button type="button" class="secondary" @click=${() => void this.reload()}>${STRINGS.reload[lang]}</button>`
        : nothing}
    </div>`;
  }

  /** Describes a field for assistive technology: its hint and, when there is one, its error. */
  #describedBy(field: string, hint: boolean): string {
    const ids = [hint ? `${field}-hint` : '', this.errors[field] ? `${field}-error` : ''].filter(Boolean);
    return ids.join(' ');
  }

  #fieldError(field: string) {
    const message = this.errors[field];
    return message ? html`<span id="${field}-error" class="field-error">${message}</span>` : nothing;
  }

  #submitButton(label: Text, lang: Lang) {
    return html`<button type="submit" ?disabled=${this.busy} aria-disabled=${this.busy ? 'true' : 'false'}>
      ${this.busy ? STRINGS.sending[lang] : label[lang]}
    </button>`;
  }

  #renderClassify(lang: Lang) {
    const d = this.drafts;
    return html`
      <form @submit=${this.#classify} novalidate>
        <fieldset>
          <legend id="classify-legend">${STRINGS.classify[lang]}</legend>
          <label class="choice">
            <input
              type="radio"
              name="scope"
              value="in"
              .checked=${d.scope === 'in'}
              @change=${() => this.#set('scope', 'in')}
            />${STRINGS.inScope[lang]}
          </label>
          <label class="choice">
            <input
              type="radio"
              name="scope"
              value="out"
              .checked=${d.scope === 'out'}
              @change=${() => this.#set('scope', 'out')}
            />${STRINGS.outOfScope[lang]}
          </label>
          ${d.scope === 'in'
            ? html`<div class="field">
                <label for="category">${STRINGS.category[lang]}</label>
                <select
                  id="category"
                  aria-invalid=${this.errors.category ? 'true' : 'false'}
                  aria-describedby=${this.#describedBy('category', false)}
                  @change=${(e: Event) => this.#set('category', (e.target as HTMLSelectElement).value)}
                >
                  ${d.category ? nothing : html`<option value="" selected>${STRINGS.chooseOne[lang]}</option>`}
                  ${CATEGORIES.map(
                    (c: Category) => html`<option value=${c} ?selected=${c === d.category}>${CATEGORY_LABELS[c][lang]}</option>`,
                  )}
                </select>
                ${this.#fieldError('category')}
              </div>`
            : html`<div class="field">
                  <label for="outOfScopeClass">${STRINGS.outOfScopeClassField[lang]}</label>
                  <select
                    id="outOfScopeClass"
                    aria-invalid=${this.errors.outOfScopeClass ? 'true' : 'false'}
                    aria-describedby=${this.#describedBy('outOfScopeClass', false)}
                    @change=${(e: Event) => this.#onOutOfScopeClassChange((e.target as HTMLSelectElement).value)}
                  >
                    <option value="" ?selected=${!d.outOfScopeClass}>${STRINGS.chooseOne[lang]}</option>
                    ${OUT_OF_SCOPE_CLASSES.map(
                      (c: OutOfScopeClass) =>
                        html`<option value=${c} ?selected=${c === d.outOfScopeClass}>${OUT_OF_SCOPE_LABELS[c][lang]}</option>`,
                    )}
                  </select>
                  ${this.#fieldError('outOfScopeClass')}
                </div>
                <div class="field">
                  <label for="referral">${STRINGS.referral[lang]}</label>
                  <span id="referral-hint" class="hint">${STRINGS.referralHint[lang]}</span>
                  <textarea
                    id="referral"
                    lang="vi"
                    rows="5"
                    .value=${d.referral}
                    aria-invalid=${this.errors.referral ? 'true' : 'false'}
                    aria-describedby=${this.#describedBy('referral', true)}
                    @input=${(e: Event) => {
                      this.drafts = { ...this.drafts, referral: (e.target as HTMLTextAreaElement).value, referralEdited: true };
                      this.#clearFieldError('referral');
                    }}
                  ></textarea>
                  ${this.#fieldError('referral')}
                </div>`}
        </fieldset>
        ${this.#submitButton(STRINGS.saveClassification, lang)}
      </form>
    `;
  }

  #renderForward(lang: Lang) {
    const d = this.drafts;
    const groups = UNIT_KIND_ORDER.map((kind) => ({
      kind,
      units: this.units.filter((u) => u.kind === kind).sort((a, b) => a.name.localeCompare(b.name, 'vi', { numeric: true })),
    })).filter((g) => g.units.length > 0);
    return html`
      <form @submit=${this.#forward} novalidate aria-labelledby="forward-heading">
        <h3 id="forward-heading">${STRINGS.forwardHeading[lang]}</h3>
        <div class="field">
          <label for="unitId">${STRINGS.unit[lang]}</label>
          <select
            id="unitId"
            aria-invalid=${this.errors.unitId ? 'true' : 'false'}
            aria-describedby=${this.#describedBy('unitId', false)}
            @change=${(e: Event) => this.#set('unitId', (e.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${!d.unitId}>${STRINGS.chooseUnit[lang]}</option>
            ${groups.map(
              (g) => html`<optgroup label=${UNIT_KIND_LABELS[g.kind][lang]}>
                ${g.units.map((u) => html`<option value=${u.id} ?selected=${u.id === d.unitId}>${u.name}</option>`)}
              </optgroup>`,
            )}
          </select>
          ${this.#fieldError('unitId')}
        </div>
        <div class="field">
          <label for="note">${STRINGS.note[lang]}</label>
          <span id="note-hint" class="hint">${STRINGS.noteHint[lang]}</span>
          <textarea
            id="note"
            rows="3"
            .value=${d.note}
            aria-invalid=${this.errors.note ? 'true' : 'false'}
            aria-describedby=${this.#describedBy('note', true)}
            @input=${(e: Event) => this.#set('note', (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          ${this.#fieldError('note')}
        </div>
        ${this.#submitButton(STRINGS.forward, lang)}
      </form>
    `;
  }

  #renderAnswer(lang: Lang) {
    return html`
      <form @submit=${this.#answer} novalidate aria-labelledby="answer-form-heading">
        <h3 id="answer-form-heading">${STRINGS.answerFormHeading[lang]}</h3>
        <div class="field">
          <label for="answer">${STRINGS.answer[lang]}</label>
          <span id="answer-hint" class="hint">${STRINGS.answerHint[lang].replace('{n}', String(ANSWER_MIN))}</span>
          <textarea
            id="answer"
            rows="8"
            .value=${this.drafts.answer}
            aria-invalid=${this.errors.answer ? 'true' : 'false'}
            aria-describedby=${this.#describedBy('answer', true)}
            @input=${(e: Event) => this.#set('answer', (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          ${this.#fieldError('answer')}
        </div>
        ${this.#submitButton(STRINGS.sendAnswer, lang)}
      </form>
    `;
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
      .panel {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        background: var(--_bg);
        margin-bottom: var(--_space);
      }
      .panel:last-child {
        margin-bottom: 0;
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
      .description,
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
      .history time {
        color: var(--_muted);
        font-size: 0.9rem;
      }
      .event-status {
        font-weight: 600;
      }
      .event-note {
        font-size: 0.95rem;
        overflow-wrap: anywhere;
      }
      .actions form + form {
        margin-top: var(--_space);
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

if (!customElements.get('pakn-case')) customElements.define('pakn-case', PaknCase);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-case': PaknCase;
  }
}
