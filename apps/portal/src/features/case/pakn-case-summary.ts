import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, EditSummaryInputSchema, fieldErrors, type Lang, type Text } from '@pakn/domain';
import { errorInfo, isSignedOut, paknClient } from '#shared/client.ts';
import { CaseUpdatedEvent, SessionExpiredEvent } from '#shared/events.ts';
import { elementLang } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';
import { SUMMARY_STRINGS as STRINGS } from './strings.ts';

/**
 * `<pakn-case-summary case-id can-edit .description>`: the summary of a case and, for the Centre before the
 * case is forwarded (`canEditSummary` from the server), an inline form to correct it. The server keeps the
 * earlier text in the `summary_edited` event and refuses anyone else; its field errors show under the textarea
 * and the officer's text stays in place.
 *
 * Events out: `pakn-case-updated` (after saving), `pakn-session-expired`.
 */
export class PaknCaseSummary extends LitElement {
  static override properties = {
    caseId: { type: String, attribute: 'case-id' },
    canEdit: { type: Boolean, attribute: 'can-edit' },
    description: { type: String },
    lang: { type: String },
    editing: { state: true },
    draft: { state: true },
    busy: { state: true },
    errors: { state: true },
    formError: { state: true },
    saved: { state: true },
    unsaved: { state: true },
  };

  declare caseId: string;
  declare canEdit: boolean;
  declare description: string;
  declare lang: string;
  declare protected editing: boolean;
  declare protected draft: string;
  declare protected busy: boolean;
  declare protected errors: Readonly<Record<string, string>>;
  declare protected formError: string | null;
  /** After a save: a Text, so that it follows a language switch. */
  declare protected saved: Text | null;
  /** What the officer had typed when the case moved on under the form: shown so it can be copied, not lost. */
  declare protected unsaved: string | null;

  constructor() {
    super();
    this.caseId = '';
    this.canEdit = false;
    this.description = '';
    this.lang = '';
    this.editing = false;
    this.draft = '';
    this.busy = false;
    this.errors = {};
    this.formError = null;
    this.saved = null;
    this.unsaved = null;
  }

  get language(): Lang {
    return elementLang(this.lang);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another case, or the case moved on (forwarded by someone else): the form no longer applies.
    if (changed.has('caseId') || (changed.has('canEdit') && !this.canEdit)) {
      const typed = this.draft.trim();
      this.unsaved = !changed.has('caseId') && this.editing && typed !== '' && typed !== this.description.trim() ? this.draft : null;
      this.editing = false;
      this.#clearErrors();
      if (changed.has('caseId')) this.saved = null;
    }
  }

  #clearErrors(): void {
    this.errors = {};
    this.formError = null;
  }

  async #open(): Promise<void> {
    this.draft = this.description;
    this.saved = null;
    this.unsaved = null;
    this.#clearErrors();
    this.editing = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus();
  }

  async #close(): Promise<void> {
    this.editing = false;
    this.#clearErrors();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('button.edit')?.focus();
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const lang = this.language;
    this.#clearErrors();
    const parsed = EditSummaryInputSchema.safeParse({ caseId: this.caseId, description: this.draft });
    if (!parsed.success) {
      this.errors = fieldErrors(parsed.error.issues, lang);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus();
      return;
    }
    this.busy = true;
    try {
      const updated = await paknClient().case.editSummary.mutate(parsed.data);
      this.description = updated.description;
      this.saved = STRINGS.saved;
      this.dispatchEvent(new CaseUpdatedEvent(updated.id, updated.status));
      await this.#close();
    } catch (error) {
      const info = errorInfo(error, lang);
      if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
      this.errors = info.fieldErrors;
      // A field error says it all beside the textarea; anything else (refused, changed meanwhile) goes above.
      this.formError = info.fieldErrors.description ? null : info.message;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus();
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const lang = this.language;
    const error = this.errors.description;
    const length = this.draft.trim().length;
    return html`<div class="root" lang=${lang}>
      ${this.editing && this.canEdit
        ? html`<form @submit=${(e: SubmitEvent) => void this.#submit(e)} novalidate data-testid="summary-form">
            ${this.formError ? html`<p class="alert" role="alert">${this.formError}</p>` : nothing}
            <div class="field">
              <label for="summary-text">${STRINGS.label[lang]}</label>
              <textarea
                id="summary-text"
                rows="6"
                .value=${this.draft}
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby=${error ? 'summary-error summary-count' : 'summary-count'}
                @input=${(e: Event) => {
                  this.draft = (e.target as HTMLTextAreaElement).value;
                }}
                @keydown=${(e: KeyboardEvent) => {
                  if (e.key === 'Escape' && !this.busy) {
                    e.preventDefault();
                    void this.#close();
                  }
                }}
              ></textarea>
              <span id="summary-count" class="hint" data-testid="summary-count"
                >${STRINGS.count[lang]
                  .replace('{count}', String(length))
                  .replace('{min}', String(DESCRIPTION_MIN))
                  .replace('{max}', String(DESCRIPTION_MAX))}</span
              >
              ${error ? html`<span id="summary-error" class="field-error">${error}</span>` : nothing}
            </div>
            <div class="actions">
              <button type="submit" ?disabled=${this.busy}>${this.busy ? STRINGS.saving[lang] : STRINGS.save[lang]}</button>
              <button type="button" class="secondary" ?disabled=${this.busy} @click=${() => void this.#close()}>
                ${STRINGS.cancel[lang]}
              </button>
            </div>
          </form>`
        : html`<p class="description" data-testid="case-description">${this.description}</p>
            ${this.canEdit
              ? html`<button type="button" class="secondary edit" @click=${() => void this.#open()}>${STRINGS.edit[lang]}</button>`
              : nothing}`}
      ${this.unsaved !== null
        ? html`<div class="alert" role="alert" data-testid="summary-unsaved">
            <p>${STRINGS.movedOn[lang]}</p>
            <label for="summary-unsaved-text">${STRINGS.unsavedLabel[lang]}</label>
            <textarea id="summary-unsaved-text" rows="4" readonly .value=${this.unsaved}></textarea>
            <button type="button" class="secondary" @click=${() => (this.unsaved = null)}>${STRINGS.dismiss[lang]}</button>
          </div>`
        : nothing}
      <p role="status" class="done">${this.saved ? this.saved[lang] : nothing}</p>
    </div>`;
  }

  static override styles = [
    tokens,
    base,
    css`
      .description {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        background: var(--_surface);
        padding: 0.75rem;
        border-radius: var(--_radius);
      }
      textarea {
        width: 100%;
        box-sizing: border-box;
      }
      .hint {
        display: block;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .done {
        margin: 0.25rem 0 0;
        color: var(--_success);
        font-weight: 600;
        min-height: 1.2em;
      }
    `,
  ];
}

if (!customElements.get('pakn-case-summary')) customElements.define('pakn-case-summary', PaknCaseSummary);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-case-summary': PaknCaseSummary;
  }
}
