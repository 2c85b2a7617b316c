import { LitElement, css, html, nothing } from 'lit';
import { errorInfo } from '@pakn/api-client';
import { CASE_STATUS_LABELS, CATEGORY_LABELS, TrackCaseInputSchema, fieldErrors, pickLang, type Lang } from '@pakn/domain';
import { WidgetErrorEvent } from './events.ts';
import { formStyles } from './form-styles.ts';
import type { PaknApi, TrackedCase } from './pakn-api.ts';
import { WIDGET_TEXT, type WidgetText } from './widget-text.ts';

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

/** Dates as people in Hanoi read them, whatever the device's time zone. */
function formatDate(iso: string, lang: Lang): string {
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      dateStyle: 'short',
      timeStyle: 'short',
    });
    dateFormats.set(lang, format);
  }
  return format.format(new Date(iso));
}

/**
 * `<pakn-track-form>`: the citizen follows a case with its reference and access key, and sees its status,
 * its history, and the answer or the referral once there is one. Loaded on demand by `<pakn-widget>`.
 *
 * @fires pakn-error - WidgetErrorEvent, when the lookup fails.
 */
export class PaknTrackForm extends LitElement {
  static override properties = {
    lang: { type: String },
    api: { attribute: false },
    reference: { type: String },
    accessKey: { type: String },
    _errors: { state: true },
    _alert: { state: true },
    _busy: { state: true },
    _result: { state: true },
  };

  static override styles = [
    formStyles,
    css`
      .result {
        margin-top: 1.5em;
        padding-top: 1em;
        border-top: 1px solid #d0d0d0;
      }
      ol {
        margin: 0;
        padding-left: 1.25em;
      }
      li {
        margin-bottom: 0.25em;
      }
      time {
        font-variant-numeric: tabular-nums;
        margin-right: 0.5em;
        color: #4a4a4a;
      }
      .text {
        white-space: pre-wrap;
        background: #f4f6f8;
        padding: 0.6em 0.8em;
        border-radius: 0.3em;
      }
    `,
  ];

  declare api: PaknApi | undefined;
  declare reference: string;
  declare accessKey: string;
  declare private _errors: Readonly<Record<string, string>>;
  declare private _alert: string | null;
  declare private _busy: boolean;
  declare private _result: TrackedCase | null;

  constructor() {
    super();
    this.reference = '';
    this.accessKey = '';
    this._errors = {};
    this._alert = null;
    this._busy = false;
    this._result = null;
  }

  get #lang(): Lang {
    return pickLang(this.lang);
  }

  /** Moves focus to the Track button, e.g. after the fields were filled in from a receipt. */
  focusTrackButton(): void {
    this.renderRoot.querySelector<HTMLElement>('button[type="submit"]')?.focus();
  }

  #onInput(event: Event): void {
    const control = event.target as HTMLInputElement;
    if (control.name === 'reference') this.reference = control.value;
    else this.accessKey = control.value;
    if (this._errors[control.name]) this._errors = {};
  }

  async #track(event: Event): Promise<void> {
    event.preventDefault();
    if (this._busy || !this.api) return;
    const lang = this.#lang;
    const parsed = TrackCaseInputSchema.safeParse({ reference: this.reference, accessKey: this.accessKey });
    if (!parsed.success) {
      this._errors = fieldErrors(parsed.error.issues, lang);
      this._alert = null;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this._busy = true;
    this._errors = {};
    this._alert = null;
    try {
      this._result = await this.api.track(parsed.data);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#result-title')?.focus();
    } catch (error) {
      const info = errorInfo(error, lang);
      this._result = null;
      this._errors = info.fieldErrors;
      this._alert = info.message;
      this.dispatchEvent(new WidgetErrorEvent(info.reason));
    } finally {
      this._busy = false;
    }
  }

  override render() {
    const t = WIDGET_TEXT[this.#lang];
    return html`
      <form novalidate @submit=${this.#track}>
        <p class="hint" id="track-hint">${t.trackHint}</p>
        ${this.#textField('reference', t.reference, this.reference)} ${this.#textField('accessKey', t.accessKey, this.accessKey)}
        <div class="alert" role="alert">${this._alert ? html`<p>${this._alert}</p>` : nothing}</div>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this._busy}>${t.track}</button>
          <span role="status">${this._busy ? t.tracking : ''}</span>
        </div>
      </form>
      ${this._result ? this.#renderResult(this._result, t) : nothing}
    `;
  }

  #textField(name: 'reference' | 'accessKey', label: string, value: string) {
    const error = this._errors[name];
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <input
        id=${name}
        name=${name}
        type="text"
        class="code"
        autocomplete="off"
        autocapitalize="characters"
        spellcheck="false"
        .value=${value}
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${error ? `track-hint ${name}-error` : 'track-hint'}
        @input=${(e: Event) => this.#onInput(e)}
      />
      ${error ? html`<p class="error" id="${name}-error">${error}</p>` : nothing}
    </div>`;
  }

  #renderResult(result: TrackedCase, t: WidgetText) {
    const lang = this.#lang;
    return html`
      <section class="result" aria-labelledby="result-title">
        <h3 id="result-title" tabindex="-1">${t.caseTitle(result.reference)}</h3>
        <p>${t.status}: <strong data-testid="track-status">${CASE_STATUS_LABELS[result.status][lang]}</strong></p>
        ${result.category ? html`<p>${t.category}: ${CATEGORY_LABELS[result.category][lang]}</p>` : nothing}
        <h4>${t.history}</h4>
        <ol>
          ${result.history.map(
            (step) =>
              html`<li><time datetime=${step.at}>${formatDate(step.at, lang)}</time> ${CASE_STATUS_LABELS[step.status][lang]}</li>`,
          )}
        </ol>
        ${result.answer
          ? html`<h4>${t.answer}</h4>
              <p class="text" data-testid="track-answer">${result.answer}</p>`
          : nothing}
        ${result.referral
          ? html`<h4>${t.referral}</h4>
              <p class="text" data-testid="track-referral">${result.referral}</p>`
          : nothing}
      </section>
    `;
  }
}

if (!customElements.get('pakn-track-form')) customElements.define('pakn-track-form', PaknTrackForm);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-track-form': PaknTrackForm;
  }
}
