import { html, nothing, type PropertyValues } from 'lit';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, EditSummaryInputSchema, type Lang, type Text } from '@pakn/domain';
import { paknClient } from '#shared/client.ts';
import { EditorController } from '#shared/controllers/editor.ts';
import { CaseUpdatedEvent } from '#shared/events.ts';
import { fill } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';
import { panelStyles } from './pakn-case.styles.ts';
import { SUMMARY_STRINGS as STRINGS } from './strings.ts';

/**
 * `<pakn-case-summary case-id can-edit .description>`: the summary of a case and, for the Centre before the
 * case is forwarded (`canEditSummary` from the server), an inline form to correct it. The server keeps the
 * earlier text in the `summary_edited` event and refuses anyone else; its field errors show under the textarea
 * and the officer's text stays in place.
 *
 * Events out: `pakn-case-updated` (after saving), `pakn-session-expired`.
 */
export class PaknCaseSummary extends PaknElement {
  static override properties = {
    caseId: { type: String, attribute: 'case-id' },
    canEdit: { type: Boolean, attribute: 'can-edit' },
    description: { type: String },
    saved: { state: true },
    unsaved: { state: true },
  };

  declare caseId: string;
  declare canEdit: boolean;
  declare description: string;
  /** After a save: a Text, so that it follows a language switch. */
  declare protected saved: Text | null;
  /** What the officer had typed when the case moved on under the form: shown so it can be copied, not lost. */
  declare protected unsaved: string | null;

  /** The summary being edited; null while it is only shown. */
  readonly #editor = new EditorController<{ description: string }>(this, { lang: () => this.language.value });

  constructor() {
    super();
    this.caseId = '';
    this.canEdit = false;
    this.description = '';
    this.saved = null;
    this.unsaved = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Another case, or the case moved on (forwarded by someone else): the form no longer applies.
    if (changed.has('caseId') || (changed.has('canEdit') && !this.canEdit)) {
      const draft = this.#editor.draft;
      const typed = draft?.description.trim() ?? '';
      this.unsaved = !changed.has('caseId') && draft && typed !== '' && typed !== this.description.trim() ? draft.description : null;
      this.#editor.reset(null);
      this.#editor.clearErrors();
      if (changed.has('caseId')) this.saved = null;
    }
  }

  async #open(): Promise<void> {
    this.saved = null;
    this.unsaved = null;
    await this.#editor.open({ description: this.description }, 'textarea');
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const draft = this.#editor.draft;
    if (!draft) return;
    await this.#editor.submit({
      schema: EditSummaryInputSchema,
      input: { caseId: this.caseId, description: draft.description },
      send: (data) => paknClient().case.editSummary.mutate(data),
      done: async (updated) => {
        this.description = updated.description;
        this.saved = STRINGS.saved;
        this.dispatchEvent(new CaseUpdatedEvent(updated.id, updated.status));
        await this.#editor.close('summary');
      },
      // The officer's text stays in place, and the focus on it.
      failed: () => void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus()),
    });
  }

  protected override render() {
    const lang = this.language.value;
    const draft = this.#editor.draft;
    return html`<div class="root" lang=${lang}>
      ${
        draft && this.canEdit
          ? this.#renderForm(draft.description, lang)
          : html`<p class="long-text" data-testid="case-description">${this.description}</p>
              ${
                this.canEdit
                  ? html`<button type="button" class="secondary edit" data-edit="summary" @click=${() => void this.#open()}>${STRINGS.edit[lang]}</button>`
                  : nothing
              }`
      }
      ${
        this.unsaved !== null
          ? html`<div class="alert" role="alert" data-testid="summary-unsaved">
              <p>${STRINGS.movedOn[lang]}</p>
              <label for="summary-unsaved-text">${STRINGS.unsavedLabel[lang]}</label>
              <textarea id="summary-unsaved-text" rows="4" readonly .value=${this.unsaved}></textarea>
              <button type="button" class="secondary" @click=${() => (this.unsaved = null)}>${STRINGS.dismiss[lang]}</button>
            </div>`
          : nothing
      }
      <p role="status" class="done">${this.saved ? this.saved[lang] : nothing}</p>
    </div>`;
  }

  #renderForm(text: string, lang: Lang) {
    const editor = this.#editor;
    const error = editor.errors.description;
    const count = fill(STRINGS.count[lang], { count: text.trim().length, min: DESCRIPTION_MIN, max: DESCRIPTION_MAX });
    // A field error says it all beside the textarea; anything else (refused, changed meanwhile) goes above.
    const formError = error ? null : editor.formError;
    return html`<form @submit=${(e: SubmitEvent) => void this.#submit(e)} novalidate data-testid="summary-form">
      ${formError ? html`<p class="alert" role="alert">${formError}</p>` : nothing}
      <div class="field">
        <label for="summary-text">${STRINGS.label[lang]}</label>
        <textarea
          id="summary-text"
          rows="6"
          .value=${text}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'summary-error summary-count' : 'summary-count'}
          @input=${(e: Event) => editor.set('description', (e.target as HTMLTextAreaElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Escape' && !editor.busy) {
              e.preventDefault();
              void editor.close('summary');
            }
          }}
        ></textarea>
        <span id="summary-count" class="hint" data-testid="summary-count">${count}</span>
        ${error ? html`<span id="summary-error" class="field-error">${error}</span>` : nothing}
      </div>
      <div class="buttons">
        <button type="submit" ?disabled=${editor.busy}>${editor.busy ? STRINGS.saving[lang] : STRINGS.save[lang]}</button>
        <button type="button" class="secondary" ?disabled=${editor.busy} @click=${() => void editor.close('summary')}>${STRINGS.cancel[lang]}</button>
      </div>
    </form>`;
  }

  static override styles = [tokens, base, panelStyles];
}

defineElement('pakn-case-summary', PaknCaseSummary);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-case-summary': PaknCaseSummary;
  }
}
