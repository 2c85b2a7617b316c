import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { WidgetClientError, type CaseReceipt, type SiteConfig, type WidgetClient } from '@pakn/api-client/widget';
import rules from 'virtual:pakn-domain-rules';
import { Attachments, DEFAULT_LIMITS, attachmentStyles, type Limits } from './attachments.ts';
import { CaseSubmittedEvent, TrackRequestEvent, WidgetErrorEvent } from './events.ts';
import { formStyles } from './form-styles.ts';
import { hanoiTime, hanoiToday } from './format.ts';
import type { WidgetText } from './text/index.ts';
import { EMPTY_REPORT, validateReport, type Issue, type ReportValues } from './validate-report.ts';

type Notice = 'draftSaved' | 'draftRestored' | 'draftDeleted' | 'draftFailed' | 'copied' | 'copyFailed' | '';
type Phase = '' | 'verifying' | 'sending' | 'offline' | 'retry';

interface Alert {
  readonly messages: readonly string[];
  /** What "Thử lại" does, if offered. */
  readonly retry: (() => void) | null;
}

/** Submissions that fail on the server's side (5xx, 429) are tried this many times before the citizen is asked. */
const SERVER_ATTEMPTS = 4;
const FIELDS = ['category', 'unitId', 'dossierCode', 'appointmentDate', 'returnedDate', 'description', 'attachments'];
const CONTACT = ['contact.name', 'contact.phone', 'contact.email', 'consent'];
/** Thrown inside the send loop when the values, re-checked before a retry, are no longer valid. */
const INVALID = new Error('invalid');

const fieldId = (path: string) => path.replace('.', '-');
/** Case- and diacritics-insensitive, so that "hoan kiem" finds "Hoàn Kiếm" (đ is a letter of its own). */
const fold = (value: string) => value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();

/** 16 random bytes, base64url: the key that makes every retry of this report return the same case. */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Resolves after `ms`, or earlier when the browser comes back online. */
function waitForRetry(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      removeEventListener('online', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    addEventListener('online', done);
  });
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
  declare private _errors: Readonly<Record<string, Issue | string>>;
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
  #key = '';
  #proof = '';
  #honeypot = '';
  readonly #files: Attachments = new Attachments(this, () => this.#limits);

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

  get #draftKey(): string {
    return `pakn-draft:${this.site}`;
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
    try {
      const saved = localStorage.getItem(this.#draftKey);
      if (!saved) return;
      this._v = { ...EMPTY_REPORT, ...(JSON.parse(saved) as Partial<ReportValues>) };
      this.#unitChosen = Boolean(this._v.unitId);
      this._hasDraft = true;
      this._notice = 'draftRestored';
    } catch {
      // Storage blocked (third-party frame, privacy mode) or a damaged draft: start empty.
    }
  }

  #saveDraft(): void {
    try {
      localStorage.setItem(this.#draftKey, JSON.stringify(this._v));
      this._hasDraft = true;
      this._notice = 'draftSaved';
    } catch {
      this._notice = 'draftFailed';
    }
  }

  async #deleteDraft(quiet = false): Promise<void> {
    try {
      localStorage.removeItem(this.#draftKey);
    } catch {
      // Nothing was stored.
    }
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
  async #check() {
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
      this.#key ||= newIdempotencyKey();
      const receipt = await this.#deliver(this.api);
      this._receipt = receipt;
      this.#key = this.#proof = '';
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

  /**
   * Uploads what is left, proves work and submits, until it works: offline, the report waits for the network;
   * network failures, 5xx and 429 are retried with exponential backoff (1 s, 2 s, 4 s… at most 30 s), always with
   * the same idempotency key, so that the server creates one case whatever reached it.
   */
  async #deliver(api: WidgetClient): Promise<CaseReceipt> {
    let failures = 0;
    let renewedProof = false;
    for (;;) {
      const input = await this.#check();
      if (!input) throw INVALID;
      try {
        if (navigator.onLine === false) throw new WidgetClientError('network');
        const attachments = await this.#files.ids();
        if (!this.#proof) {
          this._phase = 'verifying';
          this.#proof = await this.#prove(api);
        }
        this._phase = 'sending';
        return await api.submit({
          ...input,
          idempotencyKey: this.#key,
          proof: this.#proof,
          website: this.#honeypot || undefined,
          attachments: attachments.length ? attachments : undefined,
        });
      } catch (caught) {
        const error = caught instanceof WidgetClientError ? caught : new WidgetClientError('internal');
        if (error.reason === 'proof_invalid' && !renewedProof) {
          // Expired or already spent: one new challenge.
          renewedProof = true;
          this.#proof = '';
          continue;
        }
        if (!error.retryable || (error.reason !== 'network' && failures >= SERVER_ATTEMPTS - 1)) throw error;
        const delay = Math.min(1000 * 2 ** failures++, 30_000);
        this._phase = error.reason === 'network' ? 'offline' : 'retry';
        this._retryIn = delay / 1000;
        await waitForRetry(delay);
      }
    }
  }

  async #prove(api: WidgetClient): Promise<string> {
    let challenge;
    try {
      challenge = await api.challenge({ siteKey: this.site });
    } catch (error) {
      // A server without proof of work yet (development) answers not_found: send without one.
      if (error instanceof WidgetClientError && error.reason === 'not_found') return 'none';
      throw error;
    }
    // The solver is fetched with the challenge, when the network is known to work; a failure is retried.
    const { solveChallenge } = await import('./proof-of-work.ts').catch(() => {
      throw new WidgetClientError('network');
    });
    return solveChallenge(challenge);
  }

  /** Shows a failed call: field errors beside their fields, the rest in the alert region, with "Thử lại" if it may help. */
  async #fail(caught: unknown, retry: () => void): Promise<void> {
    const error = caught instanceof WidgetClientError ? caught : new WidgetClientError('internal');
    this.dispatchEvent(new WidgetErrorEvent(error.reason));
    const t = this.text;
    const message =
      error.reason === 'network' ? t.network : error.message || t.errors[error.reason as keyof WidgetText['errors']] || t.errors.internal;
    // Attachment ids expire: upload the files again on the next try.
    if (error.reason === 'attachment_invalid') this.#files.expire();
    const worthRetrying = error.retryable || error.reason === 'attachment_invalid';
    await this.#showErrors(error.fieldErrors, { messages: [message], retry: worthRetrying ? retry : null });
  }

  async #showErrors(errors: Readonly<Record<string, Issue | string>>, alert: Alert | null): Promise<void> {
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

  // The receipt: copy, print and download, since the access key is shown only once.

  #receiptLines(receipt: CaseReceipt): string[] {
    const t = this.text;
    return [
      t.receiptTitle,
      `${t.reference}: ${receipt.reference}`,
      `${t.accessKey}: ${receipt.accessKey}`,
      `${t.sentAt}: ${hanoiTime(receipt.createdAt, t)}`,
      `${t.trackAt}: ${this.api?.origin}/c/${encodeURIComponent(this.site)}`,
      t.keyOnce,
    ];
  }

  async #copy(receipt: CaseReceipt): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.#receiptLines(receipt).slice(1, 3).join('\n'));
      this._notice = 'copied';
    } catch {
      this._notice = 'copyFailed';
    }
  }

  /** Prints the receipt alone: from a blank frame of its own, since window.print() would print the host page. */
  #print(receipt: CaseReceipt): void {
    // Browsers that never fire afterprint would otherwise keep one frame per press.
    this.renderRoot.querySelector('iframe')?.remove();
    const frame = document.createElement('iframe');
    frame.className = 'offscreen';
    frame.tabIndex = -1;
    frame.setAttribute('aria-hidden', 'true');
    this.renderRoot.append(frame);
    const win = frame.contentWindow;
    if (!win) return;
    const doc = win.document;
    const [title = '', ...lines] = this.#receiptLines(receipt);
    doc.documentElement.lang = this.text.lang;
    doc.title = title;
    const heading = doc.createElement('h1');
    heading.textContent = title;
    doc.body.append(heading, ...lines.map((line) => Object.assign(doc.createElement('p'), { textContent: line })));
    try {
      const sheet = new (win as Window & typeof globalThis).CSSStyleSheet();
      sheet.replaceSync('body{font:13pt/1.5 system-ui,sans-serif;margin:1.5cm}h1{font-size:16pt}p:nth-of-type(-n+2){font:700 15pt monospace}');
      doc.adoptedStyleSheets = [sheet];
    } catch {
      // Unstyled is still legible.
    }
    win.addEventListener('afterprint', () => frame.remove());
    win.print();
  }

  #download(receipt: CaseReceipt): void {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob(['\ufeff', this.#receiptLines(receipt).join('\r\n')], { type: 'text/plain;charset=utf-8' }));
    link.download = `${receipt.reference}.txt`;
    this.renderRoot.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  }

  async #another(): Promise<void> {
    this._receipt = null;
    this._notice = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('select')?.focus();
  }

  override render() {
    if (!this.text) return nothing;
    return this._receipt ? this.#renderReceipt(this._receipt) : this.#renderForm();
  }

  #renderReceipt(receipt: CaseReceipt) {
    const t = this.text;
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
          <button type="button" class="primary" @click=${() => this.#copy(receipt)}>${t.copy}</button>
          <button type="button" @click=${() => this.#print(receipt)}>${t.print}</button>
          <button type="button" @click=${() => this.#download(receipt)}>${t.download}</button>
          <button type="button" @click=${() => this.dispatchEvent(new TrackRequestEvent(receipt.reference, receipt.accessKey))}>
            ${t.checkStatus}
          </button>
          <button type="button" @click=${this.#another}>${t.anotherReport}</button>
        </div>
        <p role="status">${this._notice ? t[this._notice] : ''}</p>
      </section>
    `;
  }

  #renderForm() {
    const t = this.text;
    const v = this._v;
    const office = this._config?.office;
    // Admins edit categories: their labels come with the site's configuration, in both languages.
    const categories = this._config?.categories ?? [];
    const lang = t.lang === 'en' ? 'en' : 'vi';
    const hint = categories.find((c) => c.key === v.category)?.hint;
    const withContact = Boolean(v.name.trim() || v.phone.trim() || v.email.trim());
    const input = (e: Event) => this.#onInput(e);
    const today = hanoiToday();
    const phase = this._phase;
    return html`
      <form novalidate @submit=${this.#submit}>
        ${office && !office.open && office.nextOpening
          ? html`<p class="note">${t.officeClosed(hanoiTime(office.nextOpening, t, true))}</p>`
          : nothing}
        <div class="field">
          <label for="category">${t.category}</label>
          <select
            id="category"
            name="category"
            aria-invalid=${this.#invalid('category')}
            aria-describedby=${this.#describedBy('category', ...(hint ? ['category-hint'] : []))}
            @change=${input}
          >
            <option value="" ?selected=${!v.category}>${t.chooseCategory}</option>
            ${categories.map((c) => html`<option value=${c.key} ?selected=${v.category === c.key}>${c.label[lang]}</option>`)}
          </select>
          ${hint ? html`<span class="hint" id="category-hint">${hint[lang]}</span>` : nothing} ${this.#error('category')}
        </div>
        ${this.#renderUnit()}
        ${this.#textField('dossierCode', t.dossierCode, 'text', 'off', v.dossierCode, 60, t.dossierHint)}
        ${v.category === 'late_result'
          ? html`<div class="two">
              ${this.#textField('appointmentDate', t.appointmentDate, 'date', 'off', v.appointmentDate, 0, '', today)}
              <div class="field">
                ${v.notReturned ? nothing : this.#textField('returnedDate', t.returnedDate, 'date', 'off', v.returnedDate, 0, '', today)}
                <label class="check"
                  ><input type="checkbox" name="notReturned" .checked=${v.notReturned} @change=${input} /><span>${t.notReturned}</span></label
                >
              </div>
            </div>`
          : nothing}
        <div class="field">
          <label for="description">${t.description}</label>
          <textarea
            id="description"
            name="description"
            rows="6"
            maxlength=${rules.descriptionMax}
            .value=${v.description}
            aria-invalid=${this.#invalid('description')}
            aria-describedby=${this.#describedBy('description', 'description-hint', 'description-counter')}
            @input=${input}
          ></textarea>
          <span class="hint" id="description-hint">${t.descriptionHint}</span>
          <span class="counter" id="description-counter">${t.counter(v.description.length, rules.descriptionMax)}</span>
          ${this.#error('description')}
        </div>
        ${this.#files.render(this.#error('attachments'), () => {
          const { attachments: _fixed, ...rest } = this._errors;
          this._errors = rest;
        })}
        <fieldset>
          <legend>${t.contact}</legend>
          <p class="hint">${t.contactHint}</p>
          ${this.#textField('contact.name', t.name, 'text', 'name', v.name, 120)}
          ${this.#textField('contact.phone', t.phone, 'tel', 'tel', v.phone, 20)}
          ${this.#textField('contact.email', t.email, 'email', 'email', v.email, 200)}
        </fieldset>
        <div class="field">
          <label class="check">
            <input type="checkbox" name="confidential" .checked=${v.confidential} aria-describedby="confidential-hint" @change=${input} />
            <span>${t.confidential}</span>
          </label>
          <span class="hint" id="confidential-hint">${t.confidentialHint}</span>
        </div>
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
        <div role="status">
          ${phase === 'offline'
            ? html`<p class="note" data-testid="offline-notice">${t.offline}</p>`
            : html`<p>${phase === 'retry' ? t.retryIn(this._retryIn) : phase ? t[phase] : this._notice ? t[this._notice] : ''}</p>`}
        </div>
      </form>
    `;
  }

  #renderUnit() {
    const t = this.text;
    const units = this._config?.units ?? [];
    const filter = fold(this._filter.trim());
    const shown = units.filter((u) => !filter || u.id === this._v.unitId || fold(u.name).includes(filter));
    return html`<div class="field">
      <label for="unitFilter">${t.unitFilter}</label>
      <input
        id="unitFilter"
        type="search"
        autocomplete="off"
        aria-controls="unitId"
        .value=${this._filter}
        @input=${(e: Event) => (this._filter = (e.target as HTMLInputElement).value)}
      />
      <span class="hint" role="status">${filter ? t.unitCount(shown.length) : ''}</span>
      <label for="unitId">${t.unit}</label>
      <select id="unitId" name="unitId" aria-invalid=${this.#invalid('unitId')} aria-describedby=${this.#describedBy('unitId')} @change=${this.#onInput}>
        <option value="" ?selected=${!this._v.unitId}>${t.unitUnknown}</option>
        ${Object.entries(t.unitKinds).map(([kind, label]) => {
          const ofKind = shown.filter((u) => u.kind === kind);
          return ofKind.length
            ? html`<optgroup label=${label}>
                ${ofKind.map((u) => html`<option value=${u.id} ?selected=${this._v.unitId === u.id}>${u.name}</option>`)}
              </optgroup>`
            : nothing;
        })}
      </select>
      ${this.#error('unitId')}
    </div>`;
  }

  #renderAlert() {
    const alert = this._alert;
    if (!alert) return nothing;
    return html`${alert.messages.map((m) => html`<p>${m}</p>`)}${alert.retry
      ? html`<button type="button" @click=${alert.retry}>${this.text.retry}</button>`
      : nothing}`;
  }

  #textField(path: string, label: string, type: string, autocomplete: string, value: string, max: number, hint = '', maxDate = '') {
    const hintId = `${fieldId(path)}-hint`;
    return html`<div class="field">
      <label for=${fieldId(path)}>${label}</label>
      <input
        id=${fieldId(path)}
        name=${path.replace('contact.', '')}
        type=${type}
        autocomplete=${autocomplete}
        maxlength=${max || nothing}
        max=${maxDate || nothing}
        .value=${value}
        aria-invalid=${this.#invalid(path)}
        aria-describedby=${this.#describedBy(path, ...(hint ? [hintId] : []))}
        @input=${this.#onInput}
      />
      ${hint ? html`<span class="hint" id=${hintId}>${hint}</span>` : nothing} ${this.#error(path)}
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
    const error = this._errors[path];
    if (!error) return nothing;
    const message = typeof error === 'string' ? error : this.text.issues[error.code].replace('{n}', String(error.n));
    return html`<p class="error" id="${fieldId(path)}-error">${message}</p>`;
  }
}

if (!customElements.get('pakn-report-form')) customElements.define('pakn-report-form', PaknReportForm);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-report-form': PaknReportForm;
  }
}
