import { css, html, nothing, type PropertyValues } from 'lit';
import { UnitRecordInputSchema, pickLang, type Role, type Text } from '@pakn/domain';
import { paknClient } from './client.ts';
import { EditorController } from './controllers/editor.ts';
import { UnitRecordedEvent } from './events.ts';
import { formErrorAlert, textareaField } from './form-fields.ts';
import { PaknElement, defineElement } from './pakn-element.ts';
import { base, tokens } from './styles.ts';
import { UNIT_RECORD_LABELS, recordKindsFor, suggestedRecordNote, type UnitRecordKind } from './unit-records.ts';

const STRINGS = {
  kind: { vi: 'Hình thức', en: 'Kind' },
  note: { vi: 'Nội dung ghi nhận', en: 'What to record' },
  noteHint: {
    vi: 'Ít nhất 5 ký tự. Đôn đốc được gửi tới cán bộ của đơn vị; báo cáo được gửi Giám đốc.',
    en: 'At least 5 characters. Reminders go to the unit’s staff; escalations to the Director.',
  },
  submit: { vi: 'Ghi nhận', en: 'Record' },
  sending: { vi: 'Đang gửi…', en: 'Sending…' },
  done: { vi: 'Đã ghi nhận: {kind}.', en: 'Recorded: {kind}.' },
} as const satisfies Record<string, Text>;

/**
 * `<pakn-unit-record unit-id case-id reference viewer-role>`: records a reminder (đôn đốc), an escalation to the
 * Director, or (Director only) a reprimand, correction or commendation against a unit, linked to a case when
 * `case-id` is set. Shows only the kinds the viewer's role may record; the server decides anyway.
 *
 * Events out: `pakn-unit-recorded` (after a success), `pakn-session-expired`.
 */
class PaknUnitRecord extends PaknElement {
  /** Focusing the element (e.g. after opening it from a list) focuses its first control. */
  static override shadowRootOptions: ShadowRootInit = { ...PaknElement.shadowRootOptions, delegatesFocus: true };

  static override properties = {
    unitId: { type: String, attribute: 'unit-id' },
    caseId: { type: String, attribute: 'case-id' },
    reference: { type: String },
    viewerRole: { type: String, attribute: 'viewer-role' },
    kind: { state: true },
    note: { state: true },
    done: { state: true },
  };

  declare unitId: string;
  declare caseId: string;
  declare reference: string;
  declare viewerRole: string;
  declare protected kind: UnitRecordKind;
  declare protected note: string;
  declare protected done: UnitRecordKind | null;
  /** Whether the officer typed in the note (then a change of kind keeps their text). */
  #noteEdited = false;
  /** Busy while sending; the schema's and the server's errors (a lost session tells the shell). */
  readonly #editor = new EditorController<object>(this, { lang: () => this.language.value });

  constructor() {
    super();
    this.unitId = '';
    this.caseId = '';
    this.reference = '';
    this.viewerRole = '';
    this.kind = 'reminder';
    this.note = '';
    this.done = null;
  }

  get kinds(): UnitRecordKind[] {
    return this.viewerRole ? recordKindsFor(this.viewerRole as Role) : [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('viewerRole') || changed.has('reference') || changed.has('caseId')) && !this.#noteEdited) {
      const kinds = this.kinds;
      if (!kinds.includes(this.kind) && kinds[0]) this.kind = kinds[0];
      this.note = suggestedRecordNote(this.kind, this.reference || null);
    }
  }

  #chooseKind(kind: UnitRecordKind): void {
    this.kind = kind;
    if (!this.#noteEdited || !this.note.trim()) {
      this.note = suggestedRecordNote(kind, this.reference || null);
      this.#noteEdited = false;
    }
    this.done = null;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.done = null;
    await this.#editor.submit({
      schema: UnitRecordInputSchema,
      input: { unitId: this.unitId, caseId: this.caseId || undefined, kind: this.kind, note: this.note },
      send: (data) => paknClient().unit.record.mutate(data),
      done: () => {
        this.done = this.kind;
        this.#noteEdited = false;
        this.note = suggestedRecordNote(this.kind, this.reference || null);
        this.dispatchEvent(new UnitRecordedEvent(this.unitId, this.caseId || null, this.kind));
      },
    });
  }

  protected override render() {
    const lang = this.language.value;
    const kinds = this.kinds;
    if (kinds.length === 0 || !this.unitId) return nothing;
    return html`<div class="root" lang=${pickLang(lang)}>
      <form @submit=${(e: SubmitEvent) => void this.#submit(e)} novalidate>
        ${formErrorAlert(this.#editor.formErrorOf())}
        <div class="field kind">
          <label for="kind">${STRINGS.kind[lang]}</label>
          <select id="kind" @change=${(e: Event) => this.#chooseKind((e.target as HTMLSelectElement).value as UnitRecordKind)}>
            ${kinds.map((kind) => html`<option value=${kind} ?selected=${kind === this.kind}>${UNIT_RECORD_LABELS[kind][lang]}</option>`)}
          </select>
        </div>
        ${textareaField({
          id: 'note',
          label: STRINGS.note[lang],
          hint: STRINGS.noteHint[lang],
          error: this.#editor.errorsOf().note,
          rows: 3,
          textLang: 'vi',
          value: this.note,
          onInput: (value) => {
            this.note = value;
            this.#noteEdited = true;
            this.done = null;
          },
        })}
        <div class="submit-row">
          <button type="submit" ?disabled=${this.#editor.busy}>${this.#editor.busy ? STRINGS.sending[lang] : STRINGS.submit[lang]}</button>
          <span role="status" class="done"> ${this.done ? STRINGS.done[lang].replace('{kind}', UNIT_RECORD_LABELS[this.done][lang]) : nothing} </span>
        </div>
      </form>
    </div>`;
  }

  static override styles = [
    tokens,
    base,
    css`
      .kind select {
        max-width: 20rem;
      }
      textarea {
        min-height: 4.5rem;
      }
      .submit-row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
      }
      .done {
        color: var(--_success);
        font-weight: 600;
      }
    `,
  ];
}

defineElement('pakn-unit-record', PaknUnitRecord);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-unit-record': PaknUnitRecord;
  }
}
