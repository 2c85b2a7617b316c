import { html, nothing, type PropertyValues } from 'lit';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import { repeat } from 'lit/directives/repeat.js';
import { YearScheduleSchema, fieldErrors, type IssueLike, type Lang } from '@pakn/domain';
import { paknClient } from '#shared/client.ts';
import { EditorController } from '#shared/controllers/editor.ts';
import { pageStyles, textField, type TextFieldOptions } from '#shared/form-fields.ts';
import { fill, formatDate } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';
import { CalendarEditedEvent, tetDaysOf, type CalendarYear } from './calendar-year.ts';
import { editorStyles } from './pakn-calendar-editor.styles.ts';
import { daysInMonth, isoWeekday } from './month-grid.ts';
import { compactDraft, draftFromSchedule, newKey, scheduleInput, type DraftDay, type ScheduleDraft, type ScheduleInput } from './schedule-draft.ts';
import { STRINGS, WEEKDAYS } from './strings.ts';

type DayListName = 'extraDaysOff' | 'workingDays';
/** The lists of rows: days with a name, and the Tết days (a date each). */
type RowList = DayListName | 'tet';

/** Error keys shown beside a field; anything else goes to the form's alert. */
const FIELD_KEY = /^(?:(?:extraDaysOff|workingDays)(?:\.\d+\.(?:date|name))?|tet(?:\.\d+)?|nationalDayCompanion|source)$/;

/** `aria-describedby` of a fieldset: its error, when it has one. */
function listDescribedBy(key: string, error: string | undefined): string | typeof nothing {
  return error ? `${key}-error` : nothing;
}

/**
 * Checks the draft with the API's own schema, plus row-level checks the schema reports only for the whole
 * form (a date outside the year, a day both off and worked), so the admin sees which row is wrong.
 */
function validate(draft: ScheduleDraft, lang: Lang): { input: ScheduleInput } | { errors: Record<string, string> } {
  const input = scheduleInput(draft);
  const parsed = YearScheduleSchema.safeParse(input);
  if (parsed.success) return { input };
  const issues: IssueLike[] = [];
  const from = `${draft.year - 1}-12-01`;
  const to = `${draft.year + 1}-01-31`;
  const offDates = new Set(input.extraDaysOff.map((d) => d.date));
  for (const list of ['extraDaysOff', 'workingDays'] as const) {
    input[list].forEach((day, i) => {
      if (!day.date) return;
      if (day.date < from || day.date > to) issues.push({ code: 'custom', message: 'date_outside_year', path: [list, i, 'date'] });
      else if (list === 'workingDays' && offDates.has(day.date)) {
        issues.push({ code: 'custom', message: 'day_both_worked_and_off', path: [list, i, 'date'] });
      }
    });
  }
  const rowErrors = fieldErrors(issues, lang);
  const schemaErrors = fieldErrors(parsed.error.issues, lang);
  // The row-level messages say the same as these form-wide ones, and say where.
  if (issues.some((i) => i.message === 'date_outside_year')) delete schemaErrors._;
  if (issues.some((i) => i.message === 'day_both_worked_and_off')) delete schemaErrors.workingDays;
  return { errors: { ...schemaErrors, ...rowErrors } };
}

/**
 * `<pakn-calendar-editor>`: the administrator's form for a year's schedule (extra days off, make-up days,
 * Tết, the day paired with National Day, the source), with preview and save. Part of the calendar page,
 * which shows what it previews or saves.
 *
 * Properties: `saved` (the year in force; a new one resets the form). Attributes: `lang`.
 * Events out: `pakn-calendar-edited` (to the calendar page), `pakn-session-expired`.
 */
export class PaknCalendarEditor extends PaknElement {
  static override properties = {
    saved: { attribute: false },
    savedYear: { state: true },
  };

  declare saved: CalendarYear | null;
  /** The year whose schedule was just saved, for the success notice. */
  declare protected savedYear: number | null;

  readonly #editor = new EditorController<ScheduleDraft>(this, { lang: () => this.language.value });
  /** The year this form was last reset from (a save resets it from the year it made itself). */
  #resetFrom: CalendarYear | null = null;

  constructor() {
    super();
    this.saved = null;
    this.savedYear = null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('saved') && this.saved !== this.#resetFrom) this.#resetTo(this.saved, null);
  }

  #resetTo(year: CalendarYear | null, savedYear: number | null): void {
    this.#resetFrom = year;
    this.#editor.reset(year ? draftFromSchedule(year.year, year.schedule, tetDaysOf(year)) : null);
    this.#editor.clearErrors();
    this.savedYear = savedYear;
  }

  /** Focus back on the preview button (when the page leaves the preview). */
  focusPreviewButton(): Promise<void> {
    return this.#focus('#preview-button');
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  // ---- Editing -----------------------------------------------------------------------------------

  /** Drops a field's error (and the form-wide ones it may have caused) once the admin changes it. */
  #clearFieldError(...keys: string[]): void {
    this.#editor.clearFieldErrors(...keys, '_', 'extraDaysOff', 'workingDays', 'tet');
  }

  #update(change: Partial<ScheduleDraft>): void {
    const draft = this.#editor.draft;
    if (!draft) return;
    this.#editor.reset({ ...draft, ...change });
    this.savedYear = null;
  }

  /** A change the admin made to a field: its error goes. */
  #change(change: Partial<ScheduleDraft>, errorKey: string): void {
    this.#update(change);
    this.#clearFieldError(errorKey);
  }

  /** Changes a row's date or name; its error (`extraDaysOff.0.date`, `tet.0`) goes. */
  #setRow(list: RowList, index: number, field: 'date' | 'name', value: string): void {
    const draft = this.#editor.draft;
    if (!draft) return;
    const rows: readonly object[] = draft[list];
    this.#change(
      { [list]: rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)) },
      list === 'tet' ? `tet.${index}` : `${list}.${index}.${field}`,
    );
  }

  /** Adds a row (a day, or a Tết day) and focuses its date. */
  async #addRow(list: RowList): Promise<void> {
    const draft = this.#editor.draft;
    if (!draft) return;
    const row = list === 'tet' ? { key: newKey(), date: '' } : { key: newKey(), date: '', name: '' };
    this.#update({ [list]: [...draft[list], row] });
    await this.updateComplete;
    const id = list === 'tet' ? `tet-${draft.tet.length}` : `${list}-${draft[list].length}-date`;
    this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.focus();
  }

  async #removeRow(list: RowList, index: number): Promise<void> {
    const draft = this.#editor.draft;
    if (!draft) return;
    const rows: readonly object[] = draft[list];
    this.#update({ [list]: rows.filter((_, i) => i !== index) });
    // Positions moved: the errors no longer point at the right rows.
    this.#editor.clearFieldErrors(...Object.keys(this.#editor.errors));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`#${list}-add`)?.focus();
  }

  #discard = (): void => {
    this.#resetTo(this.saved, null);
    this.dispatchEvent(new CalendarEditedEvent('discarded', null));
  };

  async #focusProblem(): Promise<void> {
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>('.editor [aria-invalid="true"]') ?? this.renderRoot.querySelector<HTMLElement>('#editor-error');
    target?.focus();
  }

  /** Validates, then previews or saves; the page shows the resulting year, or the errors show beside their fields. */
  async #send(mode: 'preview' | 'save'): Promise<void> {
    const current = this.#editor.draft;
    if (this.#editor.busy || !current) return;
    const lang = this.language.value;
    const draft = compactDraft(current);
    this.#editor.reset(draft);
    this.savedYear = null;
    const checked = validate(draft, lang);
    if ('errors' in checked) {
      await this.#editor.showErrors(checked.errors, STRINGS.fixErrors[lang], mode);
      await this.#focusProblem();
      return;
    }
    const client = paknClient();
    await this.#editor.submit({
      form: mode,
      input: checked.input,
      send: (input: ScheduleInput) => (mode === 'preview' ? client.calendar.preview.mutate(input) : client.calendar.save.mutate(input)),
      done: async (year) => {
        if (mode === 'save') this.#resetTo(year, year.year);
        this.dispatchEvent(new CalendarEditedEvent(mode === 'save' ? 'saved' : 'preview', year));
        if (mode === 'save') await this.#focus('#saved-notice');
      },
      // The server's own words on top, whichever fields it names (as before the editor controller).
      failed: (failure) => void this.#editor.showErrors(this.#editor.errors, failure.message, mode).then(() => this.#focusProblem()),
    });
  }

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#send('save');
  };

  // ---- Rendering ---------------------------------------------------------------------------------

  protected override render() {
    const draft = this.#editor.draft;
    return draft ? this.#renderEditor(draft, this.language.value) : nothing;
  }

  /**
   * A labelled input; its id names its error as the schema does with dots (`extraDaysOff-0-date` →
   * `extraDaysOff.0.date`), and `also` the error of its whole list.
   */
  #input(o: Omit<TextFieldOptions, 'error'> & { readonly also?: string }) {
    const errors = this.#editor.errors;
    const listError = o.also ? errors[o.also] : undefined;
    return textField({
      ...o,
      textLang: o.type === 'text' ? 'vi' : undefined,
      error: errors[o.id.replace(/-/g, '.')],
      describedBy: listError && `${o.also ?? ''}-error`,
    });
  }

  #removeButton(list: RowList, index: number, label: string, lang: Lang) {
    return html`<button type="button" class="secondary remove" @click=${() => void this.#removeRow(list, index)}>
      ${STRINGS.remove[lang]}<span class="visually-hidden"> ${label.toLocaleLowerCase(lang)}</span>
    </button>`;
  }

  #fieldError(key: string) {
    const message = this.#editor.errors[key];
    return message ? html`<span id="${key}-error" class="field-error">${message}</span>` : nothing;
  }

  #renderEditor(draft: ScheduleDraft, lang: Lang) {
    const errors = this.#editor.errors;
    const formError = this.#editor.formError;
    const general = Object.entries(errors)
      .filter(([key]) => !FIELD_KEY.test(key))
      .map(([, message]) => message);
    const busy = this.#editor.busy;
    return html`
      <section class="editor panel" aria-labelledby="editor-heading" data-testid="calendar-editor">
        <h2 id="editor-heading">${fill(STRINGS.editorHeading[lang], { year: draft.year })}</h2>
        <p class="hint">${STRINGS.editorIntro[lang]}</p>
        <div id="saved-notice" class=${this.savedYear !== null ? 'success' : 'live'} role="status" tabindex="-1" data-testid="calendar-saved-notice">
          ${
            this.savedYear !== null
              ? html`<p>${fill(STRINGS.saved[lang], { year: this.savedYear })}</p>
                  ${this.#resetFrom?.recounting ? html`<p data-testid="calendar-recounting">${STRINGS.recounting[lang]}</p>` : nothing}`
              : nothing
          }
        </div>
        ${
          formError
            ? html`<div id="editor-error" class="alert" role="alert" tabindex="-1">
                <p>${formError}</p>
                ${
                  general.length > 0
                    ? html`<ul>
                        ${general.map((m) => html`<li>${m}</li>`)}
                      </ul>`
                    : nothing
                }
              </div>`
            : nothing
        }
        <form novalidate @submit=${this.#onSubmit}>
          ${this.#renderDayList('extraDaysOff', draft, lang)} ${this.#renderDayList('workingDays', draft, lang)} ${this.#renderTet(draft, lang)}
          ${this.#renderCompanion(draft, lang)}
          ${this.#input({
            id: 'source',
            label: STRINGS.source[lang],
            hint: STRINGS.sourceHint[lang],
            type: 'text',
            maxlength: 500,
            value: draft.source,
            onInput: (value) => this.#change({ source: value }, 'source'),
          })}
          ${
            draft.removedDays.length > 0
              ? html`<p class="hint">${fill(STRINGS.removedDays[lang], { days: draft.removedDays.map(formatDate).join(', ') })}</p>`
              : nothing
          }
          <p class="hint" id="save-hint">${STRINGS.saveHint[lang]}</p>
          <div class="buttons">
            <button id="preview-button" type="button" class="secondary" ?disabled=${busy} @click=${() => void this.#send('preview')}>
              ${this.#editor.busyForm === 'preview' ? STRINGS.working[lang] : STRINGS.preview[lang]}
            </button>
            <button id="save-button" type="submit" ?disabled=${busy} aria-describedby="save-hint">
              ${this.#editor.busyForm === 'save' ? STRINGS.working[lang] : STRINGS.save[lang]}
            </button>
            <button type="button" class="link-button" ?disabled=${busy} @click=${this.#discard}>${STRINGS.discard[lang]}</button>
          </div>
        </form>
      </section>
    `;
  }

  #renderDayList(list: DayListName, draft: ScheduleDraft, lang: Lang) {
    const rows = draft[list];
    const isOff = list === 'extraDaysOff';
    const legend = isOff ? STRINGS.extraDaysOff[lang] : STRINGS.workingDays[lang];
    const rowLabel = isOff ? STRINGS.extraDayRow[lang] : STRINGS.workingDayRow[lang];
    const listError = this.#editor.errors[list];
    return html`
      <fieldset data-list=${list} aria-describedby=${listDescribedBy(list, listError)}>
        <legend>${legend}</legend>
        ${this.#fieldError(list)} ${rows.length === 0 ? html`<p class="hint">${isOff ? STRINGS.noExtraDays[lang] : STRINGS.noWorkingDays[lang]}</p>` : nothing}
        ${repeat(
          rows,
          (row: DraftDay) => row.key,
          (row: DraftDay, i: number) => {
            const label = fill(rowLabel, { n: i + 1 });
            return html`<div class="day-row" role="group" aria-label=${label}>
              ${this.#input({
                id: `${list}-${i}-date`,
                className: 'date-field',
                label: STRINGS.date[lang],
                type: 'date',
                min: `${draft.year - 1}-12-01`,
                max: `${draft.year + 1}-01-31`,
                value: row.date,
                onInput: (value) => this.#setRow(list, i, 'date', value),
              })}
              ${this.#input({
                id: `${list}-${i}-name`,
                className: 'name-field',
                label: STRINGS.rowName[lang],
                type: 'text',
                maxlength: 200,
                value: row.name,
                onInput: (value) => this.#setRow(list, i, 'name', value),
              })}
              ${this.#removeButton(list, i, label, lang)}
            </div>`;
          },
        )}
        <button id="${list}-add" type="button" class="secondary add" @click=${() => void this.#addRow(list)}>
          ${isOff ? STRINGS.addExtraDay[lang] : STRINGS.addWorkingDay[lang]}
        </button>
      </fieldset>
    `;
  }

  #renderTet(draft: ScheduleDraft, lang: Lang) {
    const saved = this.saved;
    const defaults = draft.year === saved?.year && !saved.schedule?.tet ? tetDaysOf(saved) : [];
    const tetError = this.#editor.errors.tet;
    const last = `${draft.year}-02-${String(daysInMonth(draft.year, 2)).padStart(2, '0')}`;
    return html`
      <fieldset data-list="tet" aria-describedby=${listDescribedBy('tet', tetError)}>
        <legend>${STRINGS.tet[lang]}</legend>
        <label class="choice">
          <input
            type="checkbox"
            .checked=${draft.setTet}
            aria-describedby=${defaults.length > 0 ? 'tet-hint' : nothing}
            @change=${(e: Event) => this.#change({ setTet: (e.target as HTMLInputElement).checked }, 'tet')}
          />${STRINGS.setTet[lang]}
        </label>
        ${
          defaults.length > 0
            ? html`<p id="tet-hint" class="hint">
                ${fill(STRINGS.tetDefault[lang], { days: `${formatDate(defaults[0] ?? '')} – ${formatDate(defaults.at(-1) ?? '')}` })}
              </p>`
            : nothing
        }
        ${this.#fieldError('tet')}
        ${
          draft.setTet
            ? html`${repeat(
                  draft.tet,
                  (row) => row.key,
                  (row, i) => {
                    const label = fill(STRINGS.tetDay[lang], { n: i + 1 });
                    return html`<div class="tet-row">
                      ${this.#input({
                        id: `tet-${i}`,
                        also: 'tet',
                        className: 'date-field',
                        label,
                        type: 'date',
                        min: `${draft.year}-01-01`,
                        max: last,
                        value: row.date,
                        onInput: (value) => this.#setRow('tet', i, 'date', value),
                      })}
                      ${this.#removeButton('tet', i, label, lang)}
                    </div>`;
                  },
                )} <button id="tet-add" type="button" class="secondary add" @click=${() => void this.#addRow('tet')}>${STRINGS.addTetDay[lang]}</button>`
            : nothing
        }
      </fieldset>
    `;
  }

  #renderCompanion(draft: ScheduleDraft, lang: Lang) {
    const option = (day: '01' | '03') => {
      const date = `${draft.year}-09-${day}`;
      const weekday = WEEKDAYS[isoWeekday(date) - 1]?.long[lang] ?? '';
      const text = fill(day === '01' ? STRINGS.companionBefore[lang] : STRINGS.companionAfter[lang], {
        date: `${weekday} ${formatDate(date)}`,
      });
      return html`<label class="choice">
        <input
          type="radio"
          name="companion"
          value=${day}
          .checked=${draft.companion === day}
          @change=${() => this.#change({ companion: day }, 'nationalDayCompanion')}
        />${text}
      </label>`;
    };
    return html`
      <fieldset aria-describedby=${listDescribedBy('nationalDayCompanion', this.#editor.errors.nationalDayCompanion)}>
        <legend>${STRINGS.companion[lang]}</legend>
        ${option('01')} ${option('03')} ${this.#fieldError('nationalDayCompanion')}
      </fieldset>
    `;
  }

  static override styles = [tokens, base, pageStyles, editorStyles];
}

defineElement('pakn-calendar-editor', PaknCalendarEditor);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-calendar-editor': PaknCalendarEditor;
  }
}
