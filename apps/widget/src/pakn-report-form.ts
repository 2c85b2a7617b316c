import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { WidgetClientError, type CaseReceipt, type SiteConfig, type WidgetClient } from '@pakn/api-client/widget';
import type { ReportForm } from '@pakn/domain';
import rules from 'virtual:pakn-domain-rules';
import { Attachments, DEFAULT_LIMITS, attachmentStyles, type Limits } from './attachments.ts';
import { CaseSubmittedEvent, WidgetErrorEvent } from './events.ts';
import { formStyles } from './form-styles.ts';
import { hanoiTime, hanoiToday } from './format.ts';
import { INVALID, ReportSender, type DeliveryHost, type Phase } from './report-delivery.ts';
import { readDraft, removeDraft, writeDraft } from './report-draft.ts';
import {
  CONTACT,
  FIELDS,
  categoryField,
  describedBy,
  fieldError,
  invalid,
  textField,
  unitField,
  type FieldContext,
  type FieldErrors,
} from './report-fields.ts';
import { renderReceipt } from './report-receipt.ts';
import type { WidgetText } from './text/index.ts';
import { EMPTY_REPORT, validateReport, type Issue, type ReportValues } from './validate-report.ts';

type Notice = 'draftSaved' | 'draftRestored' | 'draftDeleted' | 'draftFailed' | 'copied' | 'copyFailed' | '';

interface Alert {
  readonly messages: readonly string[];
  /** What "Thử lại" does, if offered. */
  readonly retry: (() => void) | null;
}

/**
 * `<pakn-report-form>`: the citizen's new report, checked in the browser, uploaded files, a proof of work, then
 * the receipt with the reference and the access key (shown once). Nothing reaches the browser's storage unless
 * the citizen saves a draft; typed text stays in memory while the page is open, across closing the dialog.
 *
 * @fires pakn-case-submitted - CaseSubmittedEvent, with the reference only.
 * @fires pakn-error - WidgetErrorEvent, when the server cannot be reached or refuses.
 */
export class PaknReportForm extends LitElement {
  static override properties = {
    site: { type: String },
    text: { attribute: false },
    api: { attribute: false },
    _v: { state: true },
    _errors: { state: true },
    _alert: { state: true },
    _busy: { state: true },
    _phase: { state: true },
    _retryIn: { state: true },
    _config: { state: true },
    _receipt: { state: true },
    _filter: { state: true },
    _notice: { state: true },
    _hasDraft: { state: true },
  };

  static override styles = [
    formStyles,
    attachmentStyles,
    css`
      .receipt dl {
        display: grid;
        gap: 0.6em;
        margin: 0;
      }
      dd {
        margin: 0;
      }
      .two {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(13em, 1fr));
        align-items: start;
        gap: 1em;
      }
    `,
  ];

  declare site: string;
  declare text: WidgetText;
  declare api: WidgetClient | undefined;
  declare private _v: ReportValues;
  declare private _errors: FieldErrors;
  declare private _alert: Alert | null;
  declare private _busy: boolean;
  declare private _phase: Phase;
  declare private _retryIn: number;
  declare private _config: SiteConfig | null;
  declare private _receipt: CaseReceipt | null;
  declare private _filter: string;
  declare private _notice: Notice;
  declare private _hasDraft: boolean;
  #unitChosen = false;
  #honeypot = '';
  readonly #files = new Attachments(this, () => this.#limits);
  readonly #sender = new ReportSender();

  constructor() {
    super();
    this.site = '';
    this._v = EMPTY_REPORT;
    this._errors = {};
    this._alert = null;
    this._busy = false;
    this._phase = '';
    this._retryIn = 0;
    this._config = null;
    this._receipt = null;
    this._filter = '';
    this._notice = '';
    this._hasDraft = false;
  }

  get #limits(): Limits {
    return this._config?.limits ?? DEFAULT_LIMITS;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('site')) this.#restoreDraft();
    if ((changed.has('api') || changed.has('site')) && this.api) this.#loadConfig();
  }

  #loadConfig(): void {
    this._alert = null;
    this.api?.siteConfig({ siteKey: this.site }).then(
      (config) => {
        this._config = config;
        if (!this.#unitChosen && !this._v.unitId) this._v = { ...this._v, unitId: config.defaultUnitId ?? '' };
      },
      (error: unknown) => this.#fail(error, () => this.#loadConfig()),
    );
  }

  // Drafts: written only when the citizen asks, read back on the next visit.

  #restoreDraft(): void {
    const draft = readDraft(this.site);
    if (!draft) return;
    this._v = draft;
    this.#unitChosen = Boolean(draft.unitId);
    this._hasDraft = true;
    this._notice = 'draftRestored';
  }

  #saveDraft(): void {
    if (writeDraft(this.site, this._v)) {
      this._hasDraft = true;
      this._notice = 'draftSaved';
    } else {
      this._notice = 'draftFailed';
    }
  }

  async #deleteDraft(quiet = false): Promise<void> {
    removeDraft(this.site);
    this._hasDraft = false;
    if (quiet) return;
    this._notice = 'draftDeleted';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.draft')?.focus();
  }

  #onInput(event: Event): void {
    const control = event.target as HTMLInputElement;
    const name = control.name as keyof ReportValues;
    const value = control.type === 'checkbox' ? control.checked : control.value;
    if (name === 'unitId') this.#unitChosen = true;
    this._v = { ...this._v, [name]: value };
    const path = CONTACT.find((p) => p.endsWith(name)) ?? name;
    if (this._errors[path]) {
      const { [path]: _fixed, ...rest } = this._errors;
      this._errors = rest;
    }
  }

  // Sending.

  /** Checks the values; shows the problems beside the fields and returns null, or returns the server's input. */
  async #check(): Promise<ReportForm | null> {
    const categories = (this._config?.categories ?? []).map((c) => c.key);
    const { input, issues } = validateReport(this._v, this.site, this.text.lang === 'en' ? 'en' : 'vi', rules, categories);
    const errors: Record<string, Issue | string> = issues;
    if (this.#files.invalid) errors.attachments = this.text.fixFiles;
    if (Object.keys(errors).length === 0) return input;
    await this.#showErrors(errors, null);
    return null;
  }

  async #submit(event?: Event): Promise<void> {
    event?.preventDefault();
    // Checked before anything is awaited, so that a double click sends one report.
    if (this._busy || !this.api) return;
    this._busy = true;
    this._alert = null;
    this._notice = '';
    try {
      if (!(await this.#check())) return;
      this._errors = {};
      this.#sender.begin();
      const receipt = await this.#sender.deliver(this.api, this.#delivery);
      this._receipt = receipt;
      this.#sender.reset();
      this._v = { ...EMPTY_REPORT, unitId: this._config?.defaultUnitId ?? '' };
      this.#unitChosen = false;
      this.#files.clear();
      if (this._hasDraft) await this.#deleteDraft(true);
      this.dispatchEvent(new CaseSubmittedEvent(receipt.reference));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#receipt-title')?.focus();
    } catch (error) {
      if (error !== INVALID) await this.#fail(error, () => void this.#submit());
    } finally {
      this._busy = false;
      this._phase = '';
    }
  }

  /** What the send loop reads and sets on this form. */
  get #delivery(): DeliveryHost {
    return {
      // Functions: the loop reads the current values on every try.
      site: () => this.site,
      honeypot: () => this.#honeypot,
      check: () => this.#check(),
      attachmentIds: () => this.#files.ids(),
      phase: (phase, retryIn) => {
        this._phase = phase;
        if (retryIn !== undefined) this._retryIn = retryIn;
      },
    };
  }

  /** Shows a failed call: field errors beside their fields, the rest in the alert region, with "Thử lại" if it may help. */
  async #fail(caught: unknown, retry: () => void): Promise<void> {
    const error = caught instanceof WidgetClientError ? caught : new WidgetClientError('internal');
    this.dispatchEvent(new WidgetErrorEvent(error.reason));
    const t = this.text;
    const message = error.reason === 'network' ? t.network : error.message || t.errors[error.reason as keyof WidgetText['errors']] || t.errors.internal;
    // Attachment ids expire: upload the files again on the next try.
    if (error.reason === 'attachment_invalid') this.#files.expire();
    const worthRetrying = error.retryable || error.reason === 'attachment_invalid';
    await this.#showErrors(error.fieldErrors, { messages: [message], retry: worthRetrying ? retry : null });
  }

  async #showErrors(errors: FieldErrors, alert: Alert | null): Promise<void> {
    const fields: Record<string, Issue | string> = {};
    const others: string[] = [];
    for (const [path, message] of Object.entries(errors)) {
      if (FIELDS.includes(path) || CONTACT.includes(path)) fields[path] = message;
      else if (typeof message === 'string') others.push(message);
    }
    this._errors = fields;
    const messages = [...(alert?.messages ?? []), ...others];
    if (Object.keys(fields).length && !alert) messages.unshift(this.text.checkFields);
    this._alert = messages.length ? { messages, retry: alert?.retry ?? null } : null;
    await this.updateComplete;
    const firstInvalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
    (firstInvalid ?? this.renderRoot.querySelector<HTMLElement>('.alert button'))?.focus();
  }

  async #another(): Promise<void> {
    this._receipt = null;
    this._notice = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('select')?.focus();
  }

  override render() {
    if (!this.text) return nothing;
    return this._receipt
      ? renderReceipt(this, this._receipt, this._notice ? this.text[this._notice] : '', {
          notice: (notice) => (this._notice = notice),
          another: () => void this.#another(),
        })
      : this.#renderForm();
  }

  get #fields(): FieldContext {
    return { text: this.text, errors: this._errors, onInput: (e: Event) => this.#onInput(e) };
  }

  #renderForm() {
    const t = this.text;
    const v = this._v;
    const ctx = this.#fields;
    const office = this._config?.office;
    return html`
      <form novalidate @submit=${this.#submit}>
        ${office && !office.open && office.nextOpening ? html`<p class="note">${t.officeClosed(hanoiTime(office.nextOpening, t, true))}</p>` : nothing}
        ${categoryField(ctx, this._config?.categories ?? [], v.category)}
        ${unitField(ctx, this._config?.units ?? [], v.unitId, this._filter, (value) => (this._filter = value))}
        ${textField(ctx, 'dossierCode', t.dossierCode, 'text', 'off', v.dossierCode, 60, t.dossierHint)}
        ${v.category === 'late_result' ? this.#renderDates(ctx) : nothing}
        <div class="field">
          <label for="description">${t.description}</label>
          <textarea
            id="description"
            name="description"
            rows="6"
            maxlength=${rules.descriptionMax}
            .value=${v.description}
            aria-invalid=${invalid(ctx, 'description')}
            aria-describedby=${describedBy(ctx, 'description', 'description-hint', 'description-counter')}
            @input=${ctx.onInput}
          ></textarea>
          <span class="hint" id="description-hint">${t.descriptionHint}</span>
          <span class="counter" id="description-counter">${t.counter(v.description.length, rules.descriptionMax)}</span>
          ${fieldError(ctx, 'description')}
        </div>
        ${this.#files.render(fieldError(ctx, 'attachments'), () => {
          const { attachments: _fixed, ...rest } = this._errors;
          this._errors = rest;
        })}
        ${this.#renderContact(ctx)}
        <div class="offscreen" aria-hidden="true">
          <label for="website">${t.honeypot}</label>
          <input id="website" name="website" tabindex="-1" autocomplete="off" @input=${(e: Event) => (this.#honeypot = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="alert" role="alert">${this.#renderAlert()}</div>
        <div class="actions">
          <button type="submit" class="primary" aria-disabled=${this._busy ? 'true' : 'false'}>${t.submit}</button>
          <button type="button" @click=${this.#saveDraft}>${t.saveDraft}</button>
          ${this._hasDraft ? html`<button type="button" class="draft" @click=${() => this.#deleteDraft()}>${t.deleteDraft}</button>` : nothing}
        </div>
        <div role="status">${this.#renderStatus()}</div>
      </form>
    `;
  }

  /** A late result: the appointment date, and the date it came back unless it has not. */
  #renderDates(ctx: FieldContext) {
    const t = this.text;
    const v = this._v;
    const today = hanoiToday();
    return html`<div class="two">
      ${textField(ctx, 'appointmentDate', t.appointmentDate, 'date', 'off', v.appointmentDate, 0, '', today)}
      <div class="field">
        ${v.notReturned ? nothing : textField(ctx, 'returnedDate', t.returnedDate, 'date', 'off', v.returnedDate, 0, '', today)}
        <label class="check"><input type="checkbox" name="notReturned" .checked=${v.notReturned} @change=${ctx.onInput} /><span>${t.notReturned}</span></label>
      </div>
    </div>`;
  }

  /** Contact details (optional), confidentiality, and the consent that any contact detail requires. */
  #renderContact(ctx: FieldContext) {
    const t = this.text;
    const v = this._v;
    const withContact = Boolean(v.name.trim() || v.phone.trim() || v.email.trim());
    return html`<fieldset>
        <legend>${t.contact}</legend>
        <p class="hint">${t.contactHint}</p>
        ${textField(ctx, 'contact.name', t.name, 'text', 'name', v.name, 120)} ${textField(ctx, 'contact.phone', t.phone, 'tel', 'tel', v.phone, 20)}
        ${textField(ctx, 'contact.email', t.email, 'email', 'email', v.email, 200)}
      </fieldset>
      <div class="field">
        <label class="check">
          <input type="checkbox" name="confidential" .checked=${v.confidential} aria-describedby="confidential-hint" @change=${ctx.onInput} />
          <span>${t.confidential}</span>
        </label>
        <span class="hint" id="confidential-hint">${t.confidentialHint}</span>
      </div>
      ${
        withContact
          ? html`<div class="field">
              <label class="check">
                <input
                  id="consent"
                  type="checkbox"
                  name="consent"
                  required
                  .checked=${v.consent}
                  aria-invalid=${invalid(ctx, 'consent')}
                  aria-describedby=${describedBy(ctx, 'consent')}
                  @change=${ctx.onInput}
                />
                <span>${t.consent}</span>
              </label>
              ${fieldError(ctx, 'consent')}
            </div>`
          : nothing
      }`;
  }

  #renderStatus() {
    const t = this.text;
    const phase = this._phase;
    return phase === 'offline'
      ? html`<p class="note" data-testid="offline-notice">${t.offline}</p>`
      : html`<p>${phase === 'retry' ? t.retryIn(this._retryIn) : phase ? t[phase] : this._notice ? t[this._notice] : ''}</p>`;
  }

  #renderAlert() {
    const alert = this._alert;
    if (!alert) return nothing;
    return html`${alert.messages.map((m) => html`<p>${m}</p>`)}${
      alert.retry ? html`<button type="button" @click=${alert.retry}>${this.text.retry}</button>` : nothing
    }`;
  }
}

if (!customElements.get('pakn-report-form')) customElements.define('pakn-report-form', PaknReportForm);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-report-form': PaknReportForm;
  }
}
