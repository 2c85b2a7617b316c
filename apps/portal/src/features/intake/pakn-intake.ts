import { LitElement, css, html, nothing } from 'lit';
import {
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  CHANNEL_LABELS,
  LogContactInputSchema,
  fieldErrors,
  normalizePhone,
  type CaseStatus,
  type Lang,
} from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { errorInfo, isSignedOut, paknClient } from '#shared/client.ts';
import { CaseUpdatedEvent, SessionExpiredEvent, navigateOnClick } from '#shared/events.ts';
import { elementLang, formatDateTime } from '#shared/i18n.ts';
import { hanoiToday, intakeSummaryParts, type DailyIntakeStats } from '#shared/intake-stats.ts';
import { base, tokens } from '#shared/styles.ts';
import { renderUnitOptions, type UnitView } from '#shared/units.ts';
import { CategoriesController } from '#shared/categories.ts';
import { hanoiInputToIso, hanoiLocalInput } from './contact-time.ts';
import { STRINGS } from './strings.ts';

type LogResult = Awaited<ReturnType<PaknClient['intake']['logContact']['mutate']>>;
type CallerHistory = Awaited<ReturnType<PaknClient['intake']['callerHistory']['query']>>;

/** Channels an officer logs by hand, in the order the Centre uses them most. */
const CHANNELS = ['hotline', 'zalo', 'viber', 'walk_in', 'email'] as const;
type StaffChannel = (typeof CHANNELS)[number];

/** How long the officer may pause typing the number before it is looked up. */
const LOOKUP_DELAY_MS = 350;

interface Form {
  channel: StaffChannel;
  at: string;
  phone: string;
  name: string;
  email: string;
  category: string;
  concernedUnitId: string;
  summary: string;
  confidential: boolean;
  /** A repeat call about an existing case: no new case is made. */
  existing: { caseId: string; reference: string } | null;
}

type Lookup =
  | { readonly kind: 'idle' }
  | { readonly kind: 'looking' }
  | { readonly kind: 'done'; readonly history: CallerHistory }
  | { readonly kind: 'failed'; readonly message: string };

/** Errors keyed by the schema's paths, shown beside these fields. */
const FIELD_IDS: Readonly<Record<string, string>> = {
  channel: 'channel',
  at: 'at',
  'contact.phone': 'phone',
  'contact.name': 'name',
  'contact.email': 'email',
  category: 'category',
  concernedUnitId: 'concernedUnitId',
  summary: 'summary',
  existingCaseId: 'summary',
};

function emptyForm(): Form {
  return {
    channel: 'hotline',
    at: hanoiLocalInput(new Date()),
    phone: '',
    name: '',
    email: '',
    category: '',
    concernedUnitId: '',
    summary: '',
    confidential: true,
    existing: null,
  };
}

function isCaseStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value);
}

/** A caller's earlier contacts, one row per case, the most recent first. */
function casesOf(history: CallerHistory) {
  const byCase = new Map<string, { caseId: string; reference: string; status: string; count: number; lastAt: string }>();
  for (const c of history.contacts) {
    const row = byCase.get(c.caseId);
    if (row) {
      row.count++;
      if (c.at > row.lastAt) row.lastAt = c.at;
    } else {
      byCase.set(c.caseId, { caseId: c.caseId, reference: c.reference, status: c.status, count: 1, lastAt: c.at });
    }
  }
  return [...byCase.values()].sort((a, b) => b.lastAt.localeCompare(a.lastAt));
}

/**
 * `<pakn-intake>`: the intake officer's form for hotline calls, Zalo and Viber messages, walk-ins and emails
 * (`intake.logContact`). Typing the caller's number looks up their earlier contacts (`intake.callerHistory`),
 * so that a repeat call can be logged on the case it is about. After a new case, the reference and the
 * access key are shown once, to be read to the caller. Today's figures are shown at the top.
 *
 * Attributes: `lang`. Events out: `pakn-case-updated` (a case was logged), `pakn-navigate`, `pakn-session-expired`.
 */
export class PaknIntake extends LitElement {
  readonly #categories = new CategoriesController(this);
  static override properties = {
    lang: { type: String },
    form: { state: true },
    units: { state: true },
    lookup: { state: true },
    busy: { state: true },
    errors: { state: true },
    formError: { state: true },
    result: { state: true },
    stats: { state: true },
  };

  declare lang: string;
  declare protected form: Form;
  declare protected units: readonly UnitView[];
  declare protected lookup: Lookup;
  declare protected busy: boolean;
  declare protected errors: Readonly<Record<string, string>>;
  declare protected formError: string | null;
  declare protected result: LogResult | null;
  declare protected stats: DailyIntakeStats | null;

  #lookupTimer: ReturnType<typeof setTimeout> | undefined;
  #lookupSeq = 0;

  constructor() {
    super();
    this.lang = '';
    this.form = emptyForm();
    this.units = [];
    this.lookup = { kind: 'idle' };
    this.busy = false;
    this.errors = {};
    this.formError = null;
    this.result = null;
    this.stats = null;
  }

  get language(): Lang {
    return elementLang(this.lang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#loadUnits();
    void this.#loadStats();
  }

  override disconnectedCallback(): void {
    clearTimeout(this.#lookupTimer);
    super.disconnectedCallback();
  }

  async #loadUnits(): Promise<void> {
    try {
      this.units = await paknClient().unit.list.query();
    } catch (error) {
      const info = errorInfo(error, this.language);
      if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
      this.formError = info.message;
    }
  }

  async #loadStats(): Promise<void> {
    try {
      this.stats = await paknClient().intake.dailyStats.query({ date: hanoiToday() });
    } catch {
      // The figures are a convenience; the form works without them.
    }
  }

  #set<K extends keyof Form>(key: K, value: Form[K]): void {
    this.form = { ...this.form, [key]: value };
    const id = key === 'existing' ? null : key;
    if (id && id in this.errors) {
      const rest = { ...this.errors };
      delete rest[id];
      this.errors = rest;
    }
  }

  #onPhoneInput(value: string): void {
    this.#set('phone', value);
    clearTimeout(this.#lookupTimer);
    const phone = normalizePhone(value);
    if (!phone) {
      this.#lookupSeq++;
      this.lookup = { kind: 'idle' };
      return;
    }
    this.#lookupTimer = setTimeout(() => void this.#lookUp(phone), LOOKUP_DELAY_MS);
  }

  async #lookUp(phone: string): Promise<void> {
    const seq = ++this.#lookupSeq;
    this.lookup = { kind: 'looking' };
    try {
      const history = await paknClient().intake.callerHistory.query({ phone });
      if (seq === this.#lookupSeq) this.lookup = { kind: 'done', history };
    } catch (error) {
      if (seq !== this.#lookupSeq) return;
      const info = errorInfo(error, this.language);
      if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
      this.lookup = { kind: 'failed', message: info.message };
    }
  }

  async #chooseExisting(caseId: string, reference: string): Promise<void> {
    this.#set('existing', { caseId, reference });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#summary')?.focus();
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const lang = this.language;
    const f = this.form;
    this.formError = null;
    const contact = {
      name: f.name.trim() || undefined,
      phone: f.phone.trim() || undefined,
      email: f.email.trim() || undefined,
    };
    const at = hanoiInputToIso(f.at);
    const input = {
      channel: f.channel,
      at: at ?? undefined,
      existingCaseId: f.existing?.caseId,
      category: f.existing ? undefined : f.category || undefined,
      concernedUnitId: f.existing ? undefined : f.concernedUnitId || undefined,
      summary: f.summary,
      contact: contact.name || contact.phone || contact.email ? contact : undefined,
      confidential: f.confidential,
    };
    const parsed = LogContactInputSchema.safeParse(input);
    if (!parsed.success || (f.at.trim() && !at)) {
      const errors = parsed.success ? {} : this.#fieldIds(fieldErrors(parsed.error.issues, lang));
      if (f.at.trim() && !at) errors.at = lang === 'vi' ? 'Thời điểm không hợp lệ.' : 'Invalid date and time.';
      this.errors = errors;
      await this.#focusFirstInvalid();
      return;
    }
    this.errors = {};
    this.busy = true;
    try {
      const result = await paknClient().intake.logContact.mutate(parsed.data);
      this.result = result;
      this.dispatchEvent(new CaseUpdatedEvent(result.caseId, 'received'));
      void this.#loadStats();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#result-heading')?.focus();
    } catch (error) {
      const info = errorInfo(error, lang);
      if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
      this.errors = this.#fieldIds(info.fieldErrors);
      this.formError = info.message;
      await this.#focusFirstInvalid();
    } finally {
      this.busy = false;
    }
  }

  #fieldIds(errors: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, message] of Object.entries(errors)) {
      const id = FIELD_IDS[key] ?? (key.startsWith('contact') ? 'phone' : undefined);
      if (id) out[id] ??= message;
    }
    return out;
  }

  async #focusFirstInvalid(): Promise<void> {
    await this.updateComplete;
    (this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]') ?? this.renderRoot.querySelector<HTMLElement>('#form-error'))?.focus();
  }

  async #another(): Promise<void> {
    this.result = null;
    this.form = emptyForm();
    this.lookup = { kind: 'idle' };
    this.errors = {};
    this.formError = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('input[name="channel"]:checked')?.focus();
  }

  // ---- Rendering -------------------------------------------------------------------------------

  protected override render() {
    const lang = this.language;
    return html`<div class="root" lang=${lang}>
      <h1 id="intake-heading">${STRINGS.heading[lang]}</h1>
      <p class="intro">${STRINGS.intro[lang]}</p>
      ${this.stats
        ? html`<p class="today" data-testid="intake-today">
            <strong>${STRINGS.today[lang]}:</strong> ${intakeSummaryParts(this.stats, lang).join(' · ')}
          </p>`
        : nothing}
      ${this.result ? this.#renderResult(this.result, lang) : this.#renderForm(lang)}
    </div>`;
  }

  #error(field: string) {
    const message = this.errors[field];
    return message ? html`<span id="${field}-error" class="field-error">${message}</span>` : nothing;
  }

  #described(field: string, hint: boolean): string {
    return [hint ? `${field}-hint` : '', this.errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ');
  }

  #invalid(field: string): 'true' | 'false' {
    return this.errors[field] ? 'true' : 'false';
  }

  #renderForm(lang: Lang) {
    const f = this.form;
    const followUp = f.existing !== null;
    return html`<form @submit=${(e: SubmitEvent) => void this.#submit(e)} novalidate>
      ${this.formError ? html`<p id="form-error" class="alert" role="alert" tabindex="-1">${this.formError}</p>` : nothing}
      <div class="grid">
        <fieldset class="channels">
          <legend>${STRINGS.channel[lang]}</legend>
          ${CHANNELS.map(
            (channel) => html`<label class="choice">
              <input
                type="radio"
                name="channel"
                value=${channel}
                .checked=${f.channel === channel}
                @change=${() => this.#set('channel', channel)}
              />${CHANNEL_LABELS[channel][lang]}
            </label>`,
          )}
        </fieldset>
        <div class="field">
          <label for="at">${STRINGS.at[lang]}</label>
          <span id="at-hint" class="hint">${STRINGS.atHint[lang]}</span>
          <input
            id="at"
            type="datetime-local"
            .value=${f.at}
            aria-invalid=${this.#invalid('at')}
            aria-describedby=${this.#described('at', true)}
            @input=${(e: Event) => this.#set('at', (e.target as HTMLInputElement).value)}
          />
          ${this.#error('at')}
        </div>
      </div>
      <div class="field">
        <label for="phone">${STRINGS.phone[lang]} <span class="optional">${STRINGS.optional[lang]}</span></label>
        <span id="phone-hint" class="hint">${STRINGS.phoneHint[lang]}</span>
        <input
          id="phone"
          type="tel"
          inputmode="tel"
          autocomplete="off"
          .value=${f.phone}
          aria-invalid=${this.#invalid('phone')}
          aria-describedby=${[this.#described('phone', true), 'caller-history'].join(' ')}
          @input=${(e: Event) => this.#onPhoneInput((e.target as HTMLInputElement).value)}
        />
        ${this.#error('phone')}
      </div>
      <div id="caller-history" class="caller-history" role="status" aria-live="polite" data-testid="caller-history">
        ${this.#renderLookup(lang)}
      </div>
      ${followUp
        ? html`<div class="follow-up" data-testid="intake-follow-up">
            <p><strong>${STRINGS.followUpOf[lang].replace('{reference}', f.existing!.reference)}</strong></p>
            <p class="hint">${STRINGS.followUpHint[lang]}</p>
            <button type="button" class="secondary" @click=${() => this.#set('existing', null)}>${STRINGS.clearFollowUp[lang]}</button>
          </div>`
        : html`<div class="grid">
              <div class="field">
                <label for="name">${STRINGS.name[lang]} <span class="optional">${STRINGS.optional[lang]}</span></label>
                <input
                  id="name"
                  type="text"
                  autocomplete="off"
                  .value=${f.name}
                  aria-invalid=${this.#invalid('name')}
                  aria-describedby=${this.#described('name', false)}
                  @input=${(e: Event) => this.#set('name', (e.target as HTMLInputElement).value)}
                />
                ${this.#error('name')}
              </div>
              <div class="field">
                <label for="email">${STRINGS.email[lang]} <span class="optional">${STRINGS.optional[lang]}</span></label>
                <input
                  id="email"
                  type="email"
                  autocomplete="off"
                  .value=${f.email}
                  aria-invalid=${this.#invalid('email')}
                  aria-describedby=${this.#described('email', false)}
                  @input=${(e: Event) => this.#set('email', (e.target as HTMLInputElement).value)}
                />
                ${this.#error('email')}
              </div>
            </div>
            <div class="grid">
              <div class="field">
                <label for="category">${STRINGS.category[lang]}</label>
                <select
                  id="category"
                  aria-invalid=${this.#invalid('category')}
                  aria-describedby=${this.#described('category', false)}
                  @change=${(e: Event) => this.#set('category', (e.target as HTMLSelectElement).value)}
                >
                  <option value="" ?selected=${!f.category}>${STRINGS.chooseCategory[lang]}</option>
                  ${this.#categories.options().map((c) => html`<option value=${c.key} ?selected=${c.key === f.category}>${c.label[lang]}</option>`)}
                </select>
                ${this.#error('category')}
              </div>
              <div class="field">
                <label for="concernedUnitId">${STRINGS.unit[lang]}</label>
                <select
                  id="concernedUnitId"
                  aria-invalid=${this.#invalid('concernedUnitId')}
                  aria-describedby=${this.#described('concernedUnitId', false)}
                  @change=${(e: Event) => this.#set('concernedUnitId', (e.target as HTMLSelectElement).value)}
                >
                  <option value="" ?selected=${!f.concernedUnitId}>${STRINGS.chooseUnit[lang]}</option>
                  ${renderUnitOptions(this.units, f.concernedUnitId, lang)}
                </select>
                ${this.#error('concernedUnitId')}
              </div>
            </div>`}
      <div class="field">
        <label for="summary">${STRINGS.summary[lang]}</label>
        <span id="summary-hint" class="hint">${STRINGS.summaryHint[lang]}</span>
        <textarea
          id="summary"
          rows="6"
          .value=${f.summary}
          aria-invalid=${this.#invalid('summary')}
          aria-describedby=${this.#described('summary', true)}
          @input=${(e: Event) => this.#set('summary', (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${this.#error('summary')}
      </div>
      <div class="field">
        <label class="choice">
          <input
            type="checkbox"
            id="confidential"
            .checked=${f.confidential}
            aria-describedby="confidential-hint"
            @change=${(e: Event) => this.#set('confidential', (e.target as HTMLInputElement).checked)}
          />${followUp ? STRINGS.confidentialFollowUp[lang] : STRINGS.confidential[lang]}
        </label>
        <span id="confidential-hint" class="hint">${STRINGS.confidentialHint[lang]}</span>
      </div>
      <button type="submit" ?disabled=${this.busy}>${this.busy ? STRINGS.sending[lang] : STRINGS.submit[lang]}</button>
    </form>`;
  }

  #statusLabel(status: string, lang: Lang): string {
    return isCaseStatus(status) ? CASE_STATUS_LABELS[status][lang] : status;
  }

  #renderLookup(lang: Lang) {
    const lookup = this.lookup;
    if (lookup.kind === 'idle') return nothing;
    if (lookup.kind === 'looking') return html`<p class="muted">${STRINGS.lookingUp[lang]}</p>`;
    if (lookup.kind === 'failed') return html`<p class="field-error">${lookup.message}</p>`;
    const history = lookup.history;
    if (history.contacts.length === 0) return html`<p class="muted">${STRINGS.newCaller[lang]}</p>`;
    const cases = casesOf(history);
    return html`<div class="repeat" data-testid="repeat-caller">
      <p class="repeat-title">
        <strong>${STRINGS.repeatCaller[lang].replace('{n}', String(history.contacts.length))}</strong>
        <span class="muted">(${STRINGS.repeatCallerNumber[lang].replace('{phone}', history.phoneMasked)})</span>
      </p>
      <p class="visually-hidden">${STRINGS.earlierCases[lang]}</p>
      <ul>
        ${cases.map(
          (c) => html`<li>
            <a href="/portal/cases/${encodeURIComponent(c.caseId)}" target="_blank" rel="noopener"
              >${c.reference}<span class="visually-hidden"> ${STRINGS.opensInNewTab[lang]}</span></a
            >
            <span class="badge" data-status=${c.status}>${this.#statusLabel(c.status, lang)}</span>
            <span class="muted">
              ${STRINGS.contactsOfCase[lang].replace('{n}', String(c.count)).replace('{at}', formatDateTime(c.lastAt))}</span
            >
            ${this.form.existing?.caseId === c.caseId
              ? nothing
              : html`<button type="button" class="secondary small" @click=${() => void this.#chooseExisting(c.caseId, c.reference)}>
                  ${STRINGS.logAsFollowUp[lang]}<span class="visually-hidden"> ${c.reference}</span>
                </button>`}
          </li>`,
        )}
      </ul>
    </div>`;
  }

  #renderResult(result: LogResult, lang: Lang) {
    const repeat = result.repeatCaller;
    return html`<section class="result" aria-labelledby="result-heading" data-testid="intake-result">
      <h2 id="result-heading" tabindex="-1">
        ${result.followUp ? STRINGS.resultFollowUpHeading[lang] : STRINGS.resultHeading[lang]}
      </h2>
      ${result.followUp
        ? html`<p>${STRINGS.followUpDone[lang].replace('{reference}', result.reference)}</p>`
        : html`<h3>${STRINGS.readToCaller[lang]}</h3>
            <dl class="codes">
              <div>
                <dt>${STRINGS.reference[lang]}</dt>
                <dd data-testid="intake-reference">${result.reference}</dd>
              </div>
              ${result.accessKey
                ? html`<div>
                    <dt>${STRINGS.accessKey[lang]}</dt>
                    <dd data-testid="intake-access-key">${result.accessKey}</dd>
                  </div>`
                : nothing}
            </dl>
            <p class="hint">${STRINGS.accessKeyOnce[lang]}</p>`}
      ${repeat && repeat.earlierContacts > 0
        ? html`<div class="warning" data-testid="intake-repeat-caller">
            <p>
              ${STRINGS.earlierContacts[lang].replace('{phone}', repeat.phoneMasked).replace('{n}', String(repeat.earlierContacts))}
            </p>
            <ul>
              ${repeat.cases.map(
                (c) => html`<li>
                  <a href="/portal/cases/${encodeURIComponent(c.caseId)}" @click=${(e: MouseEvent) => navigateOnClick(e, this)}
                    >${c.reference}</a
                  >
                  – ${this.#statusLabel(c.status, lang)}
                </li>`,
              )}
            </ul>
          </div>`
        : nothing}
      <div class="buttons">
        <a class="button-link" href="/portal/cases/${encodeURIComponent(result.caseId)}" @click=${(e: MouseEvent) => navigateOnClick(e, this)}
          >${STRINGS.openCase[lang]} ${result.reference}</a
        >
        <button type="button" class="secondary" @click=${() => void this.#another()}>${STRINGS.another[lang]}</button>
      </div>
    </section>`;
  }

  static override styles = [
    tokens,
    base,
    css`
      .intro {
        max-width: 60rem;
      }
      .today {
        padding: 0.6rem 0.9rem;
        background: var(--_surface);
        border-radius: var(--_radius);
        border-left: 4px solid var(--_primary);
      }
      form,
      .result {
        max-width: 52rem;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
        gap: 0 1.5rem;
      }
      .channels .choice {
        display: inline-flex;
        margin-right: 1.25rem;
      }
      .optional {
        font-weight: 400;
        color: var(--_muted);
      }
      input[type='tel'],
      input[type='datetime-local'] {
        max-width: 20rem;
      }
      .caller-history {
        margin: -0.5rem 0 var(--_space);
        min-height: 0.5rem;
      }
      .caller-history p {
        margin: 0 0 0.25rem;
      }
      .repeat {
        border: 1px solid var(--_warning);
        background: var(--_warning-bg);
        border-radius: var(--_radius);
        padding: 0.6rem 0.9rem;
      }
      .repeat ul,
      .result ul {
        margin: 0.25rem 0 0;
        padding-left: 1.1rem;
      }
      .repeat li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.6rem;
        margin-bottom: 0.35rem;
      }
      button.small {
        min-height: 2rem;
        padding: 0.15rem 0.6rem;
        font-size: 0.9rem;
      }
      .follow-up {
        border-left: 4px solid var(--_primary);
        background: #eaf1f8;
        padding: 0.75rem var(--_space);
        margin-bottom: var(--_space);
        border-radius: var(--_radius);
      }
      .result {
        border: 2px solid var(--_success);
        border-radius: var(--_radius);
        padding: var(--_space) 1.25rem;
      }
      .result h2:focus {
        outline: 3px solid var(--_focus);
      }
      .codes {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 2.5rem;
        margin: 0 0 0.75rem;
      }
      .codes dt {
        color: var(--_muted);
        font-weight: 600;
      }
      .codes dd {
        margin: 0;
        font-size: 1.6rem;
        font-weight: 700;
        letter-spacing: 0.04em;
        font-variant-numeric: tabular-nums;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
      }
      .button-link {
        display: inline-flex;
        align-items: center;
        min-height: 2.5rem;
        padding: 0.5rem 1.1rem;
        border-radius: var(--_radius);
        background: var(--_primary);
        color: var(--_on-primary);
        font-weight: 600;
        text-decoration: none;
      }
      .button-link:hover {
        background: var(--_primary-hover);
        color: var(--_on-primary);
      }
    `,
  ];
}

if (!customElements.get('pakn-intake')) customElements.define('pakn-intake', PaknIntake);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-intake': PaknIntake;
  }
}
