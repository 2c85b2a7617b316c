import { html, nothing } from 'lit';
import { CHANNEL_LABELS, LogContactInputSchema, normalizePhone, type Lang } from '@pakn/domain';
import { paknClient } from '#shared/client.ts';
import { UnitsController } from '#shared/context.ts';
import { EditorController } from '#shared/controllers/editor.ts';
import { loadTask } from '#shared/controllers/load.ts';
import { CaseUpdatedEvent } from '#shared/events.ts';
import { pageStyles, selectField, textareaField, textField } from '#shared/form-fields.ts';
import { fill } from '#shared/i18n.ts';
import { hanoiToday } from '#shared/intake-stats.ts';
import { intakeTodayStyles, renderIntakeToday } from '#shared/intake-today.ts';
import { mapFieldIds } from '#shared/list-editor.ts';
import { base, tokens } from '#shared/styles.ts';
import { renderUnitOptions } from '#shared/units.ts';
import { CategoriesController } from '#shared/categories.ts';
import { hanoiInputToIso, hanoiLocalInput } from './contact-time.ts';
import { renderCallerHistory } from './intake-history.ts';
import { renderIntakeResult, type LogResult } from './intake-result.ts';
import { STRINGS } from './strings.ts';
import { intakeStyles } from './pakn-intake.styles.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';

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

/** Fields whose schema path is their id. */
const SAME_PATH = new Set(['channel', 'at', 'category', 'concernedUnitId', 'summary']);

/** Errors keyed by the schema's paths, shown beside these fields; the contact's other paths go to the phone. */
const fieldIds = mapFieldIds({ 'contact.name': 'name', 'contact.email': 'email', existingCaseId: 'summary' }, (path) =>
  SAME_PATH.has(path) ? path : path.startsWith('contact') ? 'phone' : undefined,
);

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

/** The call to make of the form: the schema's input, and whether the time typed is not one. */
function inputOf(f: Form) {
  const contact = { name: f.name.trim() || undefined, phone: f.phone.trim() || undefined, email: f.email.trim() || undefined };
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
  return { input, badTime: Boolean(f.at.trim()) && !at };
}

/**
 * `<pakn-intake>`: the intake officer's form for hotline calls, Zalo and Viber messages, walk-ins and emails
 * (`intake.logContact`). Typing the caller's number looks up their earlier contacts (`intake.callerHistory`),
 * so that a repeat call can be logged on the case it is about. After a new case, the reference and the
 * access key are shown once, to be read to the caller. Today's figures are shown at the top.
 *
 * Attributes: `lang`. Events out: `pakn-case-updated` (a case was logged), `pakn-navigate`, `pakn-session-expired`.
 */
export class PaknIntake extends PaknElement {
  static override properties = {
    lookupPhone: { state: true },
    result: { state: true },
  };

  /** The number whose history is shown (once typing pauses), or null. */
  declare protected lookupPhone: string | null;
  declare protected result: LogResult | null;

  readonly #categories = new CategoriesController(this);
  readonly #units = new UnitsController(this);
  readonly #editor = new EditorController<Form>(this, { lang: () => this.language.value });
  /** Today's figures: a convenience, the form works without them. */
  readonly #stats = loadTask(this, {
    args: () => [] as const,
    run: (_, signal) => paknClient().intake.dailyStats.query({ date: hanoiToday() }, { signal }),
    lang: () => this.language.value,
  });
  /** A newer number aborts the look-up of an older one. */
  readonly #lookup = loadTask(this, {
    args: () => [this.lookupPhone] as const,
    run: ([phone], signal) => (phone ? paknClient().intake.callerHistory.query({ phone }, { signal }) : Promise.resolve(null)),
    lang: () => this.language.value,
  });
  #lookupTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.lookupPhone = null;
    this.result = null;
    this.#editor.reset(emptyForm());
  }

  override disconnectedCallback(): void {
    clearTimeout(this.#lookupTimer);
    super.disconnectedCallback();
  }

  get #form(): Form {
    return this.#editor.draft ?? emptyForm();
  }

  #set<K extends keyof Form>(key: K, value: Form[K]): void {
    this.#editor.set(key, value);
  }

  #onPhoneInput(value: string): void {
    this.#set('phone', value);
    clearTimeout(this.#lookupTimer);
    const phone = normalizePhone(value);
    if (!phone) {
      this.lookupPhone = null;
      return;
    }
    this.#lookupTimer = setTimeout(() => (this.lookupPhone = phone), LOOKUP_DELAY_MS);
  }

  async #chooseExisting(caseId: string, reference: string): Promise<void> {
    this.#set('existing', { caseId, reference });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#summary')?.focus();
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const lang = this.language.value;
    const { input, badTime } = inputOf(this.#form);
    await this.#editor.submit({
      schema: LogContactInputSchema,
      input,
      check: () => (badTime ? { at: lang === 'vi' ? 'Thời điểm không hợp lệ.' : 'Invalid date and time.' } : null),
      fieldIds,
      send: (data) => paknClient().intake.logContact.mutate(data),
      done: async (result) => {
        this.result = result;
        this.dispatchEvent(new CaseUpdatedEvent(result.caseId, 'received'));
        void this.#stats.run();
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#result-heading')?.focus();
      },
      failed: () => void this.#focusFormError(),
    });
  }

  /** A refusal that names no field: the focus goes to the message above the form. */
  async #focusFormError(): Promise<void> {
    await this.updateComplete;
    if (this.renderRoot.querySelector('[aria-invalid="true"]')) return;
    this.renderRoot.querySelector<HTMLElement>('#form-error')?.focus();
  }

  async #another(): Promise<void> {
    this.result = null;
    this.lookupPhone = null;
    this.#editor.reset(emptyForm());
    this.#editor.clearErrors();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('input[name="channel"]:checked')?.focus();
  }

  // ---- Rendering -------------------------------------------------------------------------------

  protected override render() {
    const lang = this.language.value;
    return html`<div class="root" lang=${lang}>
      <h1 id="intake-heading">${STRINGS.heading[lang]}</h1>
      <p class="intro">${STRINGS.intro[lang]}</p>
      ${renderIntakeToday(this.#stats.value, lang)}
      ${this.result ? renderIntakeResult(this.result, lang, this, () => void this.#another()) : this.#renderForm(lang)}
    </div>`;
  }

  #optional(label: string, lang: Lang) {
    return html`${label} <span class="optional">${STRINGS.optional[lang]}</span>`;
  }

  #renderForm(lang: Lang) {
    const f = this.#form;
    const followUp = f.existing !== null;
    return html`<form @submit=${(e: SubmitEvent) => void this.#submit(e)} novalidate>
      ${this.#editor.formError ? html`<p id="form-error" class="alert" role="alert" tabindex="-1">${this.#editor.formError}</p>` : nothing}
      ${this.#renderWhen(this.#form, lang)}
      ${textField({
        id: 'phone',
        type: 'tel',
        label: this.#optional(STRINGS.phone[lang], lang),
        hint: STRINGS.phoneHint[lang],
        error: this.#editor.errors.phone,
        describedBy: 'caller-history',
        value: f.phone,
        onInput: (v) => this.#onPhoneInput(v),
      })}
      <div id="caller-history" class="caller-history" role="status" aria-live="polite" data-testid="caller-history">
        ${renderCallerHistory({
          phone: this.lookupPhone,
          lookup: this.#lookup,
          lang,
          chosenCaseId: f.existing?.caseId,
          onChoose: (caseId, reference) => void this.#chooseExisting(caseId, reference),
        })}
      </div>
      ${
        f.existing
          ? html`<div class="notice" data-testid="intake-follow-up">
              <p><strong>${fill(STRINGS.followUpOf[lang], { reference: f.existing.reference })}</strong></p>
              <p class="hint">${STRINGS.followUpHint[lang]}</p>
              <button type="button" class="secondary" @click=${() => this.#set('existing', null)}>${STRINGS.clearFollowUp[lang]}</button>
            </div>`
          : this.#renderNewCaseFields(f, lang)
      }
      ${textareaField({
        id: 'summary',
        label: STRINGS.summary[lang],
        hint: STRINGS.summaryHint[lang],
        error: this.#editor.errors.summary,
        rows: 6,
        value: f.summary,
        onInput: (v) => this.#set('summary', v),
      })}
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
      <button type="submit" ?disabled=${this.#editor.busy}>${this.#editor.busy ? STRINGS.sending[lang] : STRINGS.submit[lang]}</button>
    </form>`;
  }

  /** How and when the contact came. */
  #renderWhen(f: Form, lang: Lang) {
    return html`<div class="grid">
      <fieldset class="channels">
        <legend>${STRINGS.channel[lang]}</legend>
        ${CHANNELS.map(
          (channel) =>
            html`<label class="choice">
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
      ${textField({
        id: 'at',
        type: 'datetime-local',
        label: STRINGS.at[lang],
        hint: STRINGS.atHint[lang],
        error: this.#editor.errors.at,
        value: f.at,
        onInput: (v) => this.#set('at', v),
      })}
    </div>`;
  }

  /** A select of what the case is about, starting with "not known yet"; its value and error from the form. */
  #select(id: 'category' | 'concernedUnitId', label: string, lang: Lang) {
    const onChange = (value: string) => this.#set(id, value);
    return { id, label, emptyLabel: STRINGS.notKnownYet[lang], error: this.#editor.errors[id], value: this.#form[id], onChange };
  }

  /** Who called and what about: only for a new case (a follow-up belongs to its case). */
  #renderNewCaseFields(f: Form, lang: Lang) {
    const e = this.#editor.errors;
    const optional = (label: string) => this.#optional(label, lang);
    return html`<div class="grid">
        ${textField({ id: 'name', label: optional(STRINGS.name[lang]), error: e.name, value: f.name, onInput: (v) => this.#set('name', v) })}
        ${textField({ id: 'email', type: 'email', label: optional(STRINGS.email[lang]), error: e.email, value: f.email, onInput: (v) => this.#set('email', v) })}
      </div>
      <div class="grid">
        ${selectField({ ...this.#select('category', STRINGS.category[lang], lang), options: this.#categories.options().map((c) => ({ value: c.key, label: c.label[lang] })) })}
        ${selectField({ ...this.#select('concernedUnitId', STRINGS.unit[lang], lang), rendered: renderUnitOptions(this.#units.value ?? [], f.concernedUnitId, lang) })}
      </div>`;
  }

  static override styles = [tokens, base, pageStyles, intakeTodayStyles, intakeStyles];
}

defineElement('pakn-intake', PaknIntake);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-intake': PaknIntake;
  }
}
