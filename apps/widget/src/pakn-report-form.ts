import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { errorInfo } from '@pakn/api-client';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  SubmitCaseInputSchema,
  fieldErrors,
  hasContact,
  pickLang,
  type Lang,
} from '@pakn/domain';
import { CaseSubmittedEvent, TrackRequestEvent, WidgetErrorEvent } from './events.ts';
import { formStyles } from './form-styles.ts';
import type { CaseReceipt, PaknApi, SiteConfig } from './pakn-api.ts';
import { WIDGET_TEXT, type WidgetText } from './widget-text.ts';

const EMPTY_VALUES = {
  category: '',
  unitId: '',
  description: '',
  name: '',
  phone: '',
  email: '',
  confidential: true,
  consent: false,
};
type Values = typeof EMPTY_VALUES;

/** Value name → the field path the schema and the server use for its errors. */
const ERROR_KEYS: Readonly<Record<string, string>> = { name: 'contact.name', phone: 'contact.phone', email: 'contact.email' };
const FIELD_PATHS = ['category', 'unitId', 'description', 'contact.name', 'contact.phone', 'contact.email', 'consent'];
const RETRYABLE = ['network', 'internal'];

interface Alert {
  readonly messages: readonly string[];
  readonly retry: (() => void) | null;
}

const optional = (value: string) => value.trim() || undefined;
const fieldId = (path: string) => path.replace('.', '-');

/**
 * `<pakn-report-form>`: the citizen's new report, validated on the client with the server's own schema,
 * then the receipt with the reference and the access key (shown once).
 *
 * @fires pakn-case-submitted - CaseSubmittedEvent, with the reference only.
 * @fires pakn-error - WidgetErrorEvent, when the server cannot be reached or refuses.
 */
export class PaknReportForm extends LitElement {
  static override properties = {
    site: { type: String },
    lang: { type: String },
    api: { attribute: false },
    _values: { state: true },
    _errors: { state: true },
    _alert: { state: true },
    _sending: { state: true },
    _config: { state: true },
    _receipt: { state: true },
    _copied: { state: true },
  };

  static override styles = [
    formStyles,
    css`
      .receipt dl {
        display: grid;
        gap: 0.6em;
        margin: 0 0 1em;
      }
      .receipt dd {
        margin: 0;
      }
      .note {
        background: #fff6db;
        border-left: 0.3em solid #c98a00;
        padding: 0.6em 0.8em;
      }
    `,
  ];

  declare site: string;
  declare api: PaknApi | undefined;
  declare private _values: Values;
  declare private _errors: Readonly<Record<string, string>>;
  declare private _alert: Alert | null;
  declare private _sending: boolean;
  declare private _config: SiteConfig | null;
  declare private _receipt: CaseReceipt | null;
  declare private _copied: 'copied' | 'copyFailed' | null;
  #unitChosen = false;

  constructor() {
    super();
    this.site = '';
    this._values = EMPTY_VALUES;
    this._errors = {};
    this._alert = null;
    this._sending = false;
    this._config = null;
    this._receipt = null;
    this._copied = null;
  }

  get #lang(): Lang {
    return pickLang(this.lang);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('site')) this.#loadConfig();
  }

  #loadConfig(): void {
    if (!this.api) return;
    this._alert = null;
    this.api.siteConfig(this.site).then(
      (config) => {
        this._config = config;
        if (!this.#unitChosen) this._values = { ...this._values, unitId: config.defaultUnitId ?? '' };
      },
      (error: unknown) => this.#fail(error, () => this.#loadConfig()),
    );
  }

  #onInput(event: Event): void {
    const control = event.target as HTMLInputElement;
    const name = control.name as keyof Values;
    const value = control.type === 'checkbox' ? control.checked : control.value;
    if (name === 'unitId') this.#unitChosen = true;
    this._values = { ...this._values, [name]: value };
    const errorKey = ERROR_KEYS[name] ?? name;
    if (this._errors[errorKey]) {
      const { [errorKey]: _fixed, ...rest } = this._errors;
      this._errors = rest;
    }
  }

  async #submit(event?: Event): Promise<void> {
    event?.preventDefault();
    // Checked before anything is awaited, so that a double click sends one request.
    if (this._sending || !this.api) return;
    const lang = this.#lang;
    const values = this._values;
    const contact = { name: optional(values.name), phone: optional(values.phone), email: optional(values.email) };
    const withContact = hasContact(contact);
    const parsed = SubmitCaseInputSchema.safeParse({
      siteKey: this.site,
      category: values.category,
      description: values.description,
      unitId: optional(values.unitId),
      contact: withContact ? contact : undefined,
      confidential: values.confidential,
      consent: withContact && values.consent,
      lang,
    });
    if (!parsed.success) {
      await this.#showErrors(fieldErrors(parsed.error.issues, lang), null);
      return;
    }
    this._sending = true;
    this._errors = {};
    this._alert = null;
    try {
      const receipt = await this.api.submit(parsed.data);
      this._receipt = receipt;
      this._copied = null;
      this._values = { ...EMPTY_VALUES, unitId: this._config?.defaultUnitId ?? '' };
      this.#unitChosen = false;
      this.dispatchEvent(new CaseSubmittedEvent(receipt.reference));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#receipt-title')?.focus();
    } catch (error) {
      await this.#fail(error, () => void this.#submit());
    } finally {
      this._sending = false;
    }
  }

  /** Shows a failed call: field errors beside their fields, the rest in the alert region. */
  async #fail(error: unknown, retry: () => void): Promise<void> {
    const info = errorInfo(error, this.#lang);
    this.dispatchEvent(new WidgetErrorEvent(info.reason));
    await this.#showErrors(info.fieldErrors, { messages: [info.message], retry: RETRYABLE.includes(info.reason) ? retry : null });
  }

  async #showErrors(errors: Readonly<Record<string, string>>, alert: Alert | null): Promise<void> {
    const fields: Record<string, string> = {};
    const others: string[] = [];
    for (const [path, message] of Object.entries(errors)) {
      if (FIELD_PATHS.includes(path)) fields[path] = message;
      else others.push(message);
    }
    this._errors = fields;
    this._alert = alert || others.length ? { messages: [...(alert?.messages ?? []), ...others], retry: alert?.retry ?? null } : null;
    await this.updateComplete;
    const firstInvalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
    (firstInvalid ?? this.renderRoot.querySelector<HTMLElement>('.alert button'))?.focus();
  }

  async #copy(receipt: CaseReceipt, t: WidgetText): Promise<void> {
    try {
      await navigator.clipboard.writeText(`${t.reference}: ${receipt.reference}\n${t.accessKey}: ${receipt.accessKey}`);
      this._copied = 'copied';
    } catch {
      this._copied = 'copyFailed';
    }
  }

  async #another(): Promise<void> {
    this._receipt = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('select')?.focus();
  }

  override render() {
    const t = WIDGET_TEXT[this.#lang];
    return this._receipt ? this.#renderReceipt(this._receipt, t) : this.#renderForm(t);
  }

  #renderReceipt(receipt: CaseReceipt, t: WidgetText) {
    return html`
      <section class="receipt" aria-labelledby="receipt-title">
        <h3 id="receipt-title" tabindex="-1">${t.sent}</h3>
        <dl>
          <div>
            <dt>${t.reference}</dt>
            <dd class="code" data-testid="receipt-reference">${receipt.reference}</dd>
          </div>
          <div>
            <dt>${t.accessKey}</dt>
            <dd class="code" data-testid="receipt-access-key">${receipt.accessKey}</dd>
          </div>
        </dl>
        <p class="note">${t.keyOnce}</p>
        <div class="actions">
          <button type="button" class="primary" @click=${() => this.#copy(receipt, t)}>${t.copy}</button>
          <button
            type="button"
            @click=${() => this.dispatchEvent(new TrackRequestEvent(receipt.reference, receipt.accessKey))}
          >
            ${t.checkStatus}
          </button>
          <button type="button" @click=${this.#another}>${t.anotherReport}</button>
        </div>
        <p role="status">${this._copied ? t[this._copied] : ''}</p>
      </section>
    `;
  }

  #renderForm(t: WidgetText) {
    const lang = this.#lang;
    const v = this._values;
    const withContact = Boolean(v.name.trim() || v.phone.trim() || v.email.trim());
    const input = (e: Event) => this.#onInput(e);
    return html`
      <form novalidate @submit=${this.#submit}>
        <div class="field">
          <label for="category">${t.category}</label>
          <select id="category" name="category" aria-invalid=${this.#invalid('category')} aria-describedby=${this.#describedBy('category')} @change=${input}>
            <option value="" ?selected=${!v.category}>${t.chooseCategory}</option>
            ${CATEGORIES.map((c) => html`<option value=${c} ?selected=${v.category === c}>${CATEGORY_LABELS[c][lang]}</option>`)}
          </select>
          ${this.#error('category')}
        </div>
        <div class="field">
          <label for="unitId">${t.unit}</label>
          <select id="unitId" name="unitId" aria-invalid=${this.#invalid('unitId')} aria-describedby=${this.#describedBy('unitId')} @change=${input}>
            <option value="" ?selected=${!v.unitId}>${t.unitUnknown}</option>
            ${this.#unitOptions(t)}
          </select>
          ${this.#error('unitId')}
        </div>
        <div class="field">
          <label for="description">${t.description}</label>
          <textarea
            id="description"
            name="description"
            rows="6"
            maxlength=${DESCRIPTION_MAX}
            .value=${v.description}
            aria-invalid=${this.#invalid('description')}
            aria-describedby=${this.#describedBy('description', 'description-hint', 'description-counter')}
            @input=${input}
          ></textarea>
          <span class="hint" id="description-hint">${t.descriptionHint(DESCRIPTION_MIN)}</span>
          <span class="counter" id="description-counter">${v.description.length}/${DESCRIPTION_MAX}</span>
          ${this.#error('description')}
        </div>
        <fieldset>
          <legend>${t.contact}</legend>
          <p class="hint">${t.contactHint}</p>
          ${this.#textField('name', t.name, 'text', 'name', v.name)}
          ${this.#textField('phone', t.phone, 'tel', 'tel', v.phone)}
          ${this.#textField('email', t.email, 'email', 'email', v.email)}
        </fieldset>
        <label class="check">
          <input type="checkbox" name="confidential" .checked=${v.confidential} @change=${input} />
          <span>${t.confidential}</span>
        </label>
        ${withContact
          ? html`<div class="field">
              <label class="check">
                <input
                  id="consent"
                  type="checkbox"
                  name="consent"
                  required
                  .checked=${v.consent}
                  aria-invalid=${this.#invalid('consent')}
                  aria-describedby=${this.#describedBy('consent')}
                  @change=${input}
                />
                <span>${t.consent}</span>
              </label>
              ${this.#error('consent')}
            </div>`
          : nothing}
        <div class="alert" role="alert">${this.#renderAlert(t)}</div>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this._sending}>${t.submit}</button>
          <span role="status">${this._sending ? t.sending : ''}</span>
        </div>
      </form>
    `;
  }

  #renderAlert(t: WidgetText) {
    const alert = this._alert;
    if (!alert) return nothing;
    return html`${alert.messages.map((m) => html`<p>${m}</p>`)}${alert.retry
      ? html`<button type="button" @click=${alert.retry}>${t.retry}</button>`
      : nothing}`;
  }

  #unitOptions(t: WidgetText) {
    const units = this._config?.units ?? [];
    return Object.entries(t.unitKinds).map(([kind, label]) => {
      const ofKind = units.filter((u) => u.kind === kind);
      return ofKind.length
        ? html`<optgroup label=${label}>
            ${ofKind.map((u) => html`<option value=${u.id} ?selected=${this._values.unitId === u.id}>${u.name}</option>`)}
          </optgroup>`
        : nothing;
    });
  }

  #textField(name: 'name' | 'phone' | 'email', label: string, type: string, autocomplete: string, value: string) {
    const path = ERROR_KEYS[name]!;
    return html`<div class="field">
      <label for=${fieldId(path)}>${label}</label>
      <input
        id=${fieldId(path)}
        name=${name}
        type=${type}
        autocomplete=${autocomplete}
        .value=${value}
        aria-invalid=${this.#invalid(path)}
        aria-describedby=${this.#describedBy(path)}
        @input=${(e: Event) => this.#onInput(e)}
      />
      ${this.#error(path)}
    </div>`;
  }

  #invalid(path: string) {
    return this._errors[path] ? 'true' : nothing;
  }

  #describedBy(path: string, ...ids: string[]) {
    if (this._errors[path]) ids.push(`${fieldId(path)}-error`);
    return ids.length ? ids.join(' ') : nothing;
  }

  #error(path: string) {
    const message = this._errors[path];
    return message ? html`<p class="error" id="${fieldId(path)}-error">${message}</p>` : nothing;
  }
}

if (!customElements.get('pakn-report-form')) customElements.define('pakn-report-form', PaknReportForm);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-report-form': PaknReportForm;
  }
}
