import { LitElement, html, nothing } from 'lit';
import { WidgetClientError, type TrackedCase, type WidgetClient } from '@pakn/api-client/widget';
import rules from 'virtual:pakn-domain-rules';
import { Attachments, DEFAULT_LIMITS, attachmentStyles, type Limits } from './attachments.ts';
import { WidgetErrorEvent } from './events.ts';
import { formStyles } from './form-styles.ts';
import { hanoiTime } from './format.ts';
import { trackFormStyles } from './track-form.styles.ts';
import type { WidgetText } from './text/index.ts';
import { trackVi, type TrackText } from './text/track-vi.ts';
import { INFO_REPLY_MIN, REVIEW_REASON_MAX, REVIEW_REASON_MIN } from './track-limits.ts';

/** The tracking view's words per language: Vietnamese here, English fetched when needed. */
const trackTexts: Partial<Record<string, TrackText>> = { vi: trackVi };

type Errors = Readonly<Record<string, string>>;

/**
 * `<pakn-track-form>`: the citizen follows a case with its reference and access key: its status and history,
 * the deadline of the current stage, the answer or the referral, or the case it was merged into; answers the
 * unit's request for more information; rates the answer and, if not satisfied, asks the Centre to review it.
 * Loaded on demand by `<pakn-widget>`.
 *
 * @fires pakn-error - WidgetErrorEvent, when a call fails.
 */
export class PaknTrackForm extends LitElement {
  static override properties = {
    site: { type: String },
    text: { attribute: false },
    api: { attribute: false },
    _reference: { state: true },
    _accessKey: { state: true },
    _errors: { state: true },
    _alert: { state: true },
    _busy: { state: true },
    _result: { state: true },
    _score: { state: true },
    _comment: { state: true },
    _reason: { state: true },
    _message: { state: true },
    _done: { state: true },
    _limits: { state: true },
  };

  static override styles = [formStyles, attachmentStyles, trackFormStyles];

  declare site: string;
  declare text: WidgetText;
  declare api: WidgetClient | undefined;
  declare private _reference: string;
  declare private _accessKey: string;
  declare private _errors: Errors;
  declare private _alert: string | null;
  declare private _busy: boolean;
  declare private _result: TrackedCase | null;
  declare private _score: number;
  declare private _comment: string;
  declare private _reason: string;
  declare private _message: string;
  declare private _done: 'reviewSent' | 'infoSent' | '';
  /** The site's attachment limits, asked for when the unit requests more information. */
  declare private _limits: Limits | null;
  /** The files of the reply to a request for more information. */
  readonly #files: Attachments = new Attachments(this, () => this._limits ?? DEFAULT_LIMITS);

  constructor() {
    super();
    this._reference = '';
    this._accessKey = '';
    this._errors = {};
    this._alert = null;
    this._busy = false;
    this._result = null;
    this._score = 0;
    this._comment = '';
    this._reason = '';
    this._message = '';
    this._done = '';
    this._limits = null;
    this.site = '';
  }

  override willUpdate(): void {
    if (this._result?.infoRequest && !this._limits && this.api && this.site) this.#loadLimits(this.api);
  }

  /** Once; the domain's limits until the answer (or if it fails: the server checks again). */
  #loadLimits(api: WidgetClient): void {
    this._limits = DEFAULT_LIMITS;
    api.siteConfig({ siteKey: this.site }).then(
      (config) => (this._limits = config.limits),
      () => undefined,
    );
  }

  /** This view's words in the widget's language; undefined while they load. */
  get #t(): TrackText | undefined {
    const lang = this.text?.lang;
    if (lang && !trackTexts[lang]) {
      import('./text/track-en.ts').then(
        (module) => {
          trackTexts.en = module.trackEn;
          this.requestUpdate();
        },
        () => {
          trackTexts.en = trackVi;
          this.requestUpdate();
        },
      );
    }
    return lang ? trackTexts[lang] : undefined;
  }

  /** The widget's words and this view's, merged. */
  get #texts(): (WidgetText & TrackText) | undefined {
    const track = this.#t;
    return track && { ...this.text, ...track };
  }

  /** The words for parts drawn only after `render` found them loaded; Vietnamese (always bundled) otherwise. */
  get #loadedTexts(): WidgetText & TrackText {
    return this.#texts ?? { ...this.text, ...trackVi };
  }

  /** Fills in the codes, e.g. from the receipt, and moves focus to the Track button. */
  async fill(reference: string, accessKey: string): Promise<void> {
    this._reference = reference;
    this._accessKey = accessKey;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('form button')?.focus();
  }

  /** Runs a call; shows its failure in the alert region (and field errors beside the fields). */
  async #call(run: (api: WidgetClient, codes: { reference: string; accessKey: string }) => Promise<TrackedCase>, errors: Errors): Promise<boolean> {
    if (this._busy || !this.api) return false;
    this._errors = errors;
    this._alert = null;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return false;
    }
    this._busy = true;
    try {
      this._result = await run(this.api, { reference: this._reference.trim(), accessKey: this._accessKey.trim() });
      return true;
    } catch (caught) {
      const error = caught instanceof WidgetClientError ? caught : new WidgetClientError('internal');
      this._errors = error.fieldErrors;
      // Attachment ids expire: upload the files again on the next try.
      if (error.reason === 'attachment_invalid') this.#files.expire();
      // A proxy's 429 or 502 carries no message of ours: explain it by its reason rather than as an internal error.
      const fallback = this.text.errors[error.reason as keyof WidgetText['errors']] || this.text.errors.internal;
      this._alert = error.reason === 'network' ? this.text.network : error.message || fallback;
      this.dispatchEvent(new WidgetErrorEvent(error.reason));
      return false;
    } finally {
      this._busy = false;
    }
  }

  async #track(event: Event): Promise<void> {
    event.preventDefault();
    const required = this.text.issues.required;
    const errors: Record<string, string> = {};
    if (!this._reference.trim()) errors.reference = required;
    if (!this._accessKey.trim()) errors.accessKey = required;
    this._done = '';
    // The case shown belongs to the codes it was tracked with: new codes, right or wrong, never show it again.
    this._result = null;
    if (await this.#call((api, codes) => api.track(codes), errors)) {
      this._score = 0;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#result-title')?.focus();
    }
  }

  async #rate(event: Event): Promise<void> {
    event.preventDefault();
    const score = this._score;
    const comment = this._comment.trim() || undefined;
    if (await this.#call((api, codes) => api.rate({ ...codes, score, comment }), score ? {} : { score: this.#loadedTexts.chooseScore })) {
      await this.#focusOutcome();
    }
  }

  async #requestReview(event: Event): Promise<void> {
    event.preventDefault();
    const reason = this._reason.trim();
    const errors: Errors = reason.length < REVIEW_REASON_MIN ? { reason: this.text.issues.minChars.replace('{n}', String(REVIEW_REASON_MIN)) } : {};
    if (await this.#call((api, codes) => api.requestReview({ ...codes, reason }), errors)) {
      this._done = 'reviewSent';
      await this.#focusOutcome();
    }
  }

  async #provideInfo(event: Event): Promise<void> {
    event.preventDefault();
    const message = this._message.trim();
    const issues = this.text.issues;
    const files = this.#files;
    const errors: Errors = files.invalid
      ? { attachments: this.text.fixFiles }
      : message.length < INFO_REPLY_MIN
        ? { message: message ? issues.minChars.replace('{n}', String(INFO_REPLY_MIN)) : issues.required }
        : message.length > rules.descriptionMax
          ? { message: issues.maxChars.replace('{n}', String(rules.descriptionMax)) }
          : {};
    this._done = '';
    const send = async (api: WidgetClient, codes: { reference: string; accessKey: string }) => {
      const attachments = await files.ids();
      return api.provideInfo({ ...codes, message, attachments: attachments.length ? attachments : undefined });
    };
    if (await this.#call(send, errors)) {
      this._message = '';
      files.clear();
      this._done = 'infoSent';
      await this.#focusOutcome();
    }
  }

  /** The form that had focus is gone once it succeeded: focus what it changed. */
  async #focusOutcome(): Promise<void> {
    await this.updateComplete;
    [...this.renderRoot.querySelectorAll<HTMLElement>('.outcome')].pop()?.focus();
  }

  override render() {
    const t = this.#texts;
    if (!t) return nothing;
    return html`
      <form novalidate @submit=${this.#track}>
        <p class="hint" id="track-hint">${t.trackHint}</p>
        ${this.#codeField('reference', t.reference, this._reference)} ${this.#codeField('accessKey', t.accessKey, this._accessKey)}
        <div class="alert" role="alert">${this._alert && !this._result ? html`<p>${this._alert}</p>` : nothing}</div>
        <div class="actions">
          <button type="submit" class="primary" aria-disabled=${this._busy ? 'true' : 'false'}>${t.track}</button>
          <span role="status">${this._busy ? t.tracking : ''}</span>
        </div>
      </form>
      ${this._result ? this.#renderResult(this._result) : nothing}
    `;
  }

  #codeField(name: 'reference' | 'accessKey', label: string, value: string) {
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
        @input=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          if (name === 'reference') this._reference = input.value;
          else this._accessKey = input.value;
          this._errors = {};
        }}
      />
      ${error ? html`<p class="error" id="${name}-error">${error}</p>` : nothing}
    </div>`;
  }

  #renderResult(result: TrackedCase) {
    const t = this.#loadedTexts;
    const deadline = result.deadline;
    return html`
      <section class="result" aria-labelledby="result-title">
        <h3 id="result-title" tabindex="-1">${t.caseTitle(result.reference)}</h3>
        <p>${t.status}: <strong data-testid="track-status">${t.statuses[result.status]}</strong></p>
        ${result.mergedInto ? html`<p class="note" data-testid="track-merged">${t.mergedInto(result.mergedInto)}</p>` : nothing}
        ${result.categoryLabel ? html`<p>${t.category}: ${result.categoryLabel[t.lang === 'en' ? 'en' : 'vi']}</p>` : nothing}
        ${
          deadline
            ? html`<p data-testid="track-deadline">
                ${t.deadline(t.stages[deadline.stage] ?? deadline.stage, hanoiTime(deadline.dueAt, t))}${
                  deadline.overdue ? html` (<span class="overdue">${t.overdue}</span>)` : nothing
                }
              </p>`
            : nothing
        }
        <h4>${t.history}</h4>
        <ol>
          ${result.history.map((step) => html`<li><time datetime=${step.at}>${hanoiTime(step.at, t)}</time> ${t.statuses[step.status]}</li>`)}
        </ol>
        ${result.infoRequest ? this.#renderInfoRequest(result.infoRequest.question) : nothing}
        ${
          result.answer
            ? html`<h4>${t.answer}</h4>
                <p class="text" data-testid="track-answer">${result.answer}</p>`
            : nothing
        }
        ${
          result.answerAttachments.length
            ? html`<h4>${t.answerFiles}</h4>
                <ul data-testid="track-answer-files">
                  ${result.answerAttachments.map(
                    (file) => html`<li><button type="button" class="link" @click=${() => this.#download(file)}>${t.download} ${file.name}</button></li>`,
                  )}
                </ul>`
            : nothing
        }
        ${
          result.referral
            ? html`<h4>${t.referral}</h4>
                <p class="text" data-testid="track-referral">${result.referral}</p>`
            : nothing
        }
        ${result.rating ? html`<p class="outcome" tabindex="-1">${t.rated(result.rating.score)}</p>` : nothing}
        ${result.canRate ? this.#renderRating() : nothing} ${result.canRequestReview ? this.#renderReview(result) : nothing}
        <div class="alert" role="alert">${this._alert && this._result ? html`<p>${this._alert}</p>` : nothing}</div>
        <div role="status">${this._done ? html`<p class="outcome note" tabindex="-1">${t[this._done]}</p>` : nothing}</div>
      </section>
    `;
  }

  /** The file travels in a POST with the codes (never in a URL), then is saved from a blob URL. */
  async #download(file: { id: string; name: string }): Promise<void> {
    if (!this.api) return;
    this._alert = null;
    try {
      const response = await fetch(`${this.api.origin}/api/v1/answer-attachments/${encodeURIComponent(file.id)}/download`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reference: this._reference.trim(), accessKey: this._accessKey.trim() }),
        credentials: 'omit',
      });
      if (!response.ok) throw new Error(String(response.status));
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = file.name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch {
      this._alert = this.#loadedTexts.downloadFailed;
      this.dispatchEvent(new WidgetErrorEvent('download'));
    }
  }

  #renderInfoRequest(question: string) {
    const t = this.#loadedTexts;
    const error = this._errors.message;
    const max = rules.descriptionMax;
    return html`<h4 id="info-title">${t.infoRequest}</h4>
      <p class="text" id="info-question" data-testid="track-info-request">${question}</p>
      <form novalidate aria-labelledby="info-title" @submit=${this.#provideInfo}>
        <div class="field">
          <label for="message">${t.infoReply}</label>
          <textarea
            id="message"
            rows="4"
            maxlength=${max}
            .value=${this._message}
            aria-invalid=${error ? 'true' : nothing}
            aria-describedby=${error ? 'info-question message-counter message-error' : 'info-question message-counter'}
            @input=${(e: Event) => {
              this._message = (e.target as HTMLTextAreaElement).value;
              this._errors = {};
            }}
          ></textarea>
          <span class="counter" id="message-counter">${t.counter(this._message.length, max)}</span>
          ${error ? html`<p class="error" id="message-error">${error}</p>` : nothing}
        </div>
        ${this.#files.render(
          this._errors.attachments ? html`<p class="error" id="attachments-error">${this._errors.attachments}</p>` : nothing,
          () => (this._errors = {}),
        )}
        <div class="actions"><button type="submit" class="primary" aria-disabled=${this._busy ? 'true' : 'false'}>${t.sendInfo}</button></div>
      </form>`;
  }

  #renderRating() {
    const t = this.#loadedTexts;
    const error = this._errors.score;
    return html`<form novalidate @submit=${this.#rate}>
      <fieldset
        role="radiogroup"
        aria-labelledby="rating-legend"
        aria-describedby=${error ? 'rating-hint score-error' : 'rating-hint'}
        aria-invalid=${error ? 'true' : nothing}
      >
        <legend id="rating-legend">${t.rating}</legend>
        <p class="hint" id="rating-hint">${t.ratingHint}</p>
        <div class="scores">
          ${[1, 2, 3, 4, 5].map(
            (score) =>
              html`<label
                ><input
                  type="radio"
                  name="score"
                  .value=${String(score)}
                  .checked=${this._score === score}
                  @change=${() => {
                    this._score = score;
                    this._errors = {};
                  }}
                />${score}</label
              >`,
          )}
        </div>
        ${error ? html`<p class="error" id="score-error">${error}</p>` : nothing}
      </fieldset>
      <div class="field">
        <label for="comment">${t.comment}</label>
        <textarea
          id="comment"
          rows="3"
          maxlength=${rules.ratingCommentMax}
          .value=${this._comment}
          @input=${(e: Event) => (this._comment = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <div class="actions"><button type="submit" class="primary" aria-disabled=${this._busy ? 'true' : 'false'}>${t.rate}</button></div>
    </form>`;
  }

  #renderReview(result: TrackedCase) {
    const t = this.#loadedTexts;
    const error = this._errors.reason;
    return html`<form novalidate @submit=${this.#requestReview}>
      <h4>${t.review}</h4>
      ${result.reviewWindowEndsAt ? html`<p class="hint" id="review-hint">${t.reviewUntil(hanoiTime(result.reviewWindowEndsAt, t))}</p>` : nothing}
      <div class="field">
        <label for="reason">${t.reviewReason}</label>
        <textarea
          id="reason"
          rows="4"
          maxlength=${REVIEW_REASON_MAX}
          .value=${this._reason}
          aria-invalid=${error ? 'true' : nothing}
          aria-describedby=${[result.reviewWindowEndsAt ? 'review-hint' : '', error ? 'reason-error' : ''].join(' ').trim() || nothing}
          @input=${(e: Event) => {
            this._reason = (e.target as HTMLTextAreaElement).value;
            this._errors = {};
          }}
        ></textarea>
        ${error ? html`<p class="error" id="reason-error">${error}</p>` : nothing}
      </div>
      <div class="actions"><button type="submit" class="primary" aria-disabled=${this._busy ? 'true' : 'false'}>${t.review}</button></div>
    </form>`;
  }
}

if (!customElements.get('pakn-track-form')) customElements.define('pakn-track-form', PaknTrackForm);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-track-form': PaknTrackForm;
  }
}
