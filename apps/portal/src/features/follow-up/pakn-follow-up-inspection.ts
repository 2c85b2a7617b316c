import { html, nothing } from 'lit';
import { InspectionInputSchema } from '@pakn/domain';
import { paknClient } from '#shared/client.ts';
import { EditorController } from '#shared/controllers/editor.ts';
import { formErrorAlert, statusLine, textareaField } from '#shared/form-fields.ts';
import { fill } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';
import { renderUnitOptions, unitName, type UnitView } from '#shared/units.ts';
import { followUpStyles } from './follow-up.styles.ts';
import { STRINGS } from './strings.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import { printHidesControls } from '#shared/print.ts';

interface InspectionDraft {
  unitId: string;
  underInspection: boolean;
  reason: string;
}

const EMPTY: InspectionDraft = { unitId: '', underInspection: true, reason: '' };

/** Sent after a unit was put under inspection or taken out of it, so that the page re-reads its units. */
export class InspectionChangedEvent extends Event {
  static readonly type = 'pakn-inspection-changed';
  constructor() {
    super(InspectionChangedEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * `<pakn-follow-up-inspection>`: the units under inspection, and for the Director a form to flag a unit for
 * inspection or lift the flag, with a reason.
 *
 * Properties: `units` (with their inspection flags), `mayFlag`. Attributes: `lang`.
 * Events out: `pakn-inspection-changed`, `pakn-session-expired`.
 */
export class PaknFollowUpInspection extends PaknElement {
  static override properties = {
    units: { attribute: false },
    mayFlag: { type: Boolean, attribute: 'may-flag' },
  };

  declare units: readonly UnitView[];
  declare mayFlag: boolean;

  readonly #editor = new EditorController<InspectionDraft>(this, { lang: () => this.language.value });

  constructor() {
    super();
    this.units = [];
    this.mayFlag = false;
    this.#editor.reset({ ...EMPTY });
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const lang = this.language.value;
    await this.#editor.submit({
      schema: InspectionInputSchema,
      input: this.#editor.draft,
      send: (data) => paknClient().unit.setInspection.mutate(data),
      done: (result) => {
        const name = unitName(this.units, result.unitId) ?? '';
        this.#editor.reset({ ...EMPTY });
        this.#editor.notice = fill((result.underInspection ? STRINGS.inspectionOn : STRINGS.inspectionOff)[lang], { unit: name });
        this.dispatchEvent(new InspectionChangedEvent());
      },
    });
  }

  protected override render() {
    const lang = this.language.value;
    const inspected = this.units.filter((u) => u.underInspection);
    return html`<section class="list inspection" aria-labelledby="inspection-heading" data-testid="follow-up-inspection">
      <h2 id="inspection-heading">${STRINGS.inspectionHeading[lang]}</h2>
      ${
        inspected.length === 0
          ? html`<p class="muted">${STRINGS.noInspection[lang]}</p>`
          : html`<ul>
              ${inspected.map((u) => html`<li lang="vi">${u.name}</li>`)}
            </ul>`
      }
      ${this.mayFlag ? this.#renderForm() : nothing}
    </section>`;
  }

  #renderForm() {
    const lang = this.language.value;
    const d = this.#editor.draft ?? EMPTY;
    const errors = this.#editor.errors;
    const set = <K extends keyof InspectionDraft>(key: K, value: InspectionDraft[K]) => this.#editor.set(key, value);
    return html`<form @submit=${(e: SubmitEvent) => void this.#save(e)} novalidate aria-labelledby="inspection-form-heading">
      <h3 id="inspection-form-heading">${STRINGS.inspectionForm[lang]}</h3>
      ${formErrorAlert(this.#editor.formError)} ${statusLine(this.#editor.notice)}
      <div class="field">
        <label for="inspection-unit">${STRINGS.unit[lang]}</label>
        <select
          id="inspection-unit"
          aria-invalid=${errors.unitId ? 'true' : 'false'}
          aria-describedby=${errors.unitId ? 'inspection-unit-error' : nothing}
          @change=${(e: Event) => {
            const unitId = (e.target as HTMLSelectElement).value;
            const flagged = this.units.find((u) => u.id === unitId)?.underInspection ?? false;
            set('unitId', unitId);
            set('underInspection', !flagged);
          }}
        >
          <option value="" ?selected=${!d.unitId}>${STRINGS.chooseUnit[lang]}</option>
          ${renderUnitOptions(this.units, d.unitId, lang)}
        </select>
        ${errors.unitId ? html`<span id="inspection-unit-error" class="field-error">${errors.unitId}</span>` : nothing}
      </div>
      <fieldset>
        <legend>${STRINGS.inspectionChoice[lang]}</legend>
        <label class="choice">
          <input type="radio" name="underInspection" .checked=${d.underInspection} @change=${() => set('underInspection', true)} />${
            STRINGS.inspectionStart[lang]
          }
        </label>
        <label class="choice">
          <input type="radio" name="underInspection" .checked=${!d.underInspection} @change=${() => set('underInspection', false)} />${
            STRINGS.inspectionEnd[lang]
          }
        </label>
      </fieldset>
      ${textareaField({
        id: 'inspection-reason',
        label: STRINGS.inspectionReason[lang],
        rows: 2,
        error: errors.reason,
        value: d.reason,
        onInput: (v) => set('reason', v),
      })}
      <button type="submit" ?disabled=${this.#editor.busy}>${STRINGS.inspectionSubmit[lang]}</button>
    </form>`;
  }

  static override styles = [tokens, base, followUpStyles, printHidesControls];
}

defineElement('pakn-follow-up-inspection', PaknFollowUpInspection);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-follow-up-inspection': PaknFollowUpInspection;
  }
  interface GlobalEventHandlersEventMap {
    'pakn-inspection-changed': InspectionChangedEvent;
  }
}
