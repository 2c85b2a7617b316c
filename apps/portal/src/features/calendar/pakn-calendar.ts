import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import {
  YearScheduleSchema,
  can,
  fieldErrors,
  vietnamDateOf,
  type DayKind,
  type IssueLike,
  type Lang,
  type StaffMember,
} from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { errorInfo, isSignedOut, paknClient } from '#shared/client.ts';
import { NavigateEvent, SessionExpiredEvent } from '#shared/events.ts';
import { COMMON, elementLang, formatDate } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';
import { daysInMonth, isoWeekday, monthWeeks } from './month-grid.ts';
import {
  compactDraft,
  draftFromSchedule,
  newKey,
  scheduleInput,
  type DraftDay,
  type ScheduleDraft,
  type ScheduleInput,
} from './schedule-draft.ts';
import { HOLIDAY_NAMES_EN, KIND_IN_SENTENCE, KIND_LABELS, LEGEND_KINDS, STRINGS, WEEKDAYS, monthName } from './strings.ts';

/** A year as the API describes it: the schedule in force and the special days it produces. */
type CalendarYear = Awaited<ReturnType<PaknClient['calendar']['year']['query']>>;
type SpecialDay = CalendarYear['days'][number];

type ViewState =
  | { readonly kind: 'loading' }
  /** `preview`: the year as the draft would make it, shown instead of `saved` until dropped or saved. */
  | { readonly kind: 'loaded'; readonly saved: CalendarYear; readonly preview: CalendarYear | null }
  | { readonly kind: 'failed'; readonly message: string };

type DayListName = 'extraDaysOff' | 'workingDays';

/** Years the API accepts (calendar.year). */
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
/** How many years around the current one the selector offers. */
const YEARS_AROUND = 3;

/** Error keys shown beside a field; anything else goes to the form's alert. */
const FIELD_KEY = /^(?:(?:extraDaysOff|workingDays)(?:\.\d+\.(?:date|name))?|tet(?:\.\d+)?|nationalDayCompanion|source)$/;

function hanoiToday(): string {
  return vietnamDateOf(new Date());
}

function parseYear(value: string | null | undefined): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

/** The Tết days the calendar uses for a year (the schedule's, or the lunar default five). */
function tetDaysOf(year: CalendarYear): string[] {
  return year.days.filter((d) => d.holiday === 'tet' && d.kind === 'public_holiday').map((d) => d.date);
}

function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}

/**
 * `<pakn-calendar>`: the working-day calendar of a year, the one every deadline is counted on: twelve
 * month grids marking public holidays, days off in lieu, extra days off and make-up working days, and the
 * list of those days with their names. Administrators also edit the year's schedule here, preview the
 * year it makes, and save it.
 *
 * Attributes: `year` (default: the current year in Hanoi), `lang` (vi | en; default the page's).
 * Events out: `pakn-navigate` (a year change, to keep it in the address; replace), `pakn-session-expired`.
 */
export class PaknCalendar extends LitElement {
  static override properties = {
    year: { type: String },
    lang: { type: String },
    view: { state: true },
    viewer: { state: true },
    draft: { state: true },
    busy: { state: true },
    errors: { state: true },
    formError: { state: true },
    savedYear: { state: true },
  };

  declare year: string;
  declare lang: string;
  declare protected view: ViewState;
  declare protected viewer: StaffMember | null;
  declare protected draft: ScheduleDraft | null;
  declare protected busy: 'preview' | 'save' | null;
  /** Field key (as the schema names it, e.g. `extraDaysOff.0.date`) → message. */
  declare protected errors: Readonly<Record<string, string>>;
  declare protected formError: string | null;
  /** The year whose schedule was just saved, for the success notice. */
  declare protected savedYear: number | null;

  #requestSeq = 0;
  #loadedYear: number | null = null;

  constructor() {
    super();
    this.year = '';
    this.lang = '';
    this.view = { kind: 'loading' };
    this.viewer = null;
    this.draft = null;
    this.busy = null;
    this.errors = {};
    this.formError = null;
    this.savedYear = null;
  }

  get language(): Lang {
    return elementLang(this.lang);
  }

  /** The year shown: the `year` attribute when it is one the calendar covers, else this year in Hanoi. */
  get selectedYear(): number {
    return parseYear(this.year) ?? Number(hanoiToday().slice(0, 4));
  }

  get #canEdit(): boolean {
    return this.viewer !== null && can(this.viewer.role, 'manageCalendar');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('year') && this.selectedYear !== this.#loadedYear) void this.load();
  }

  /** Loads the selected year and who is looking (one batched request); resets the editor to the year. */
  async load(): Promise<void> {
    const year = this.selectedYear;
    const seq = ++this.#requestSeq;
    this.#loadedYear = year;
    this.view = { kind: 'loading' };
    this.#clearErrors();
    this.savedYear = null;
    const client = paknClient();
    try {
      const [data, viewer] = await Promise.all([client.calendar.year.query({ year }), client.auth.me.query()]);
      if (seq !== this.#requestSeq) return;
      this.viewer = viewer;
      this.view = { kind: 'loaded', saved: data, preview: null };
      this.draft = this.#canEdit ? draftFromSchedule(year, data.schedule, tetDaysOf(data)) : null;
    } catch (error) {
      if (seq !== this.#requestSeq) return;
      const info = errorInfo(error, this.language);
      if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
      this.view = { kind: 'failed', message: info.message };
    }
  }

  #onYearChange(event: Event): void {
    const year = parseYear((event.target as HTMLSelectElement).value);
    if (year === null) return;
    this.year = String(year);
    // Keep the year in the address so that reload and shared links come back to it; harmless when unhandled.
    this.dispatchEvent(new NavigateEvent({ path: `${location.pathname}?year=${year}`, replace: true }));
  }

  // ---- Editing -----------------------------------------------------------------------------------

  #clearErrors(): void {
    this.errors = {};
    this.formError = null;
  }

  /** Drops a field's error (and the form-wide ones it may have caused) once the admin changes it. */
  #clearFieldError(...keys: string[]): void {
    const related = [...keys, '_', 'extraDaysOff', 'workingDays', 'tet'];
    if (!related.some((k) => k in this.errors)) return;
    const rest = { ...this.errors };
    for (const k of related) delete rest[k];
    this.errors = rest;
  }

  #updateDraft(change: Partial<ScheduleDraft>): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, ...change };
    this.savedYear = null;
  }

  #setDay(list: DayListName, index: number, field: 'date' | 'name', value: string): void {
    const draft = this.draft;
    if (!draft) return;
    const rows = draft[list].map((row, i) => (i === index ? { ...row, [field]: value } : row));
    this.#updateDraft({ [list]: rows });
    this.#clearFieldError(`${list}.${index}.${field}`);
  }

  async #addDay(list: DayListName): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    this.#updateDraft({ [list]: [...draft[list], { key: newKey(), date: '', name: '' }] });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#${list}-${draft[list].length}-date`)?.focus();
  }

  async #removeDay(list: DayListName, index: number): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    this.#updateDraft({ [list]: draft[list].filter((_, i) => i !== index) });
    // Positions moved: the errors no longer point at the right rows.
    this.errors = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`#${list}-add`)?.focus();
  }

  #setTetDay(index: number, value: string): void {
    const draft = this.draft;
    if (!draft) return;
    this.#updateDraft({ tet: draft.tet.map((row, i) => (i === index ? { ...row, date: value } : row)) });
    this.#clearFieldError(`tet.${index}`);
  }

  async #addTetDay(): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    this.#updateDraft({ tet: [...draft.tet, { key: newKey(), date: '' }] });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#tet-${draft.tet.length}`)?.focus();
  }

  async #removeTetDay(index: number): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    this.#updateDraft({ tet: draft.tet.filter((_, i) => i !== index) });
    this.errors = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('#tet-add')?.focus();
  }

  #discard(): void {
    if (this.view.kind !== 'loaded') return;
    const saved = this.view.saved;
    this.draft = draftFromSchedule(saved.year, saved.schedule, tetDaysOf(saved));
    this.view = { ...this.view, preview: null };
    this.#clearErrors();
    this.savedYear = null;
  }

  async #leavePreview(): Promise<void> {
    if (this.view.kind !== 'loaded') return;
    this.view = { ...this.view, preview: null };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('#preview-button')?.focus();
  }

  /**
   * Checks the draft with the API's own schema, plus row-level checks the schema reports only for the
   * whole form (a date outside the year, a day both off and worked), so the admin sees which row is wrong.
   */
  #validate(draft: ScheduleDraft, lang: Lang): { input: ScheduleInput } | { errors: Record<string, string> } {
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

  /** Messages no field shows, for the form's alert. */
  #generalErrors(): string[] {
    return Object.entries(this.errors)
      .filter(([key]) => !FIELD_KEY.test(key))
      .map(([, message]) => message);
  }

  async #focusProblem(): Promise<void> {
    await this.updateComplete;
    const target =
      this.renderRoot.querySelector<HTMLElement>('.editor [aria-invalid="true"]') ??
      this.renderRoot.querySelector<HTMLElement>('#editor-error');
    target?.focus();
  }

  /** Validates, then previews or saves; shows the resulting year, or the errors beside their fields. */
  async #send(mode: 'preview' | 'save'): Promise<void> {
    if (this.busy || !this.draft || this.view.kind !== 'loaded') return;
    const lang = this.language;
    const draft = compactDraft(this.draft);
    this.draft = draft;
    this.#clearErrors();
    this.savedYear = null;
    const checked = this.#validate(draft, lang);
    if ('errors' in checked) {
      this.errors = checked.errors;
      this.formError = STRINGS.fixErrors[lang];
      await this.#focusProblem();
      return;
    }
    const seq = this.#requestSeq;
    this.busy = mode;
    try {
      const client = paknClient();
      const result =
        mode === 'preview' ? await client.calendar.preview.mutate(checked.input) : await client.calendar.save.mutate(checked.input);
      if (seq !== this.#requestSeq || this.view.kind !== 'loaded') return;
      if (mode === 'preview') {
        this.view = { ...this.view, preview: result };
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#preview-notice')?.focus();
      } else {
        this.view = { kind: 'loaded', saved: result, preview: null };
        this.draft = draftFromSchedule(result.year, result.schedule, tetDaysOf(result));
        this.savedYear = result.year;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#saved-notice')?.focus();
      }
    } catch (error) {
      if (seq !== this.#requestSeq) return;
      const info = errorInfo(error, lang);
      if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
      this.errors = info.fieldErrors;
      this.formError = info.message;
      await this.#focusProblem();
    } finally {
      this.busy = null;
    }
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.#send('save');
  }

  // ---- Rendering ---------------------------------------------------------------------------------

  protected override render() {
    const lang = this.language;
    const view = this.view;
    return html`
      <div class="root" lang=${lang}>
        <h1>${STRINGS.heading[lang]}</h1>
        <p class="intro">${STRINGS.intro[lang]}</p>
        <div class="toolbar">
          <div class="field year-field">
            <label for="year">${STRINGS.year[lang]}</label>
            <select id="year" @change=${this.#onYearChange} .value=${String(this.selectedYear)}>
              ${this.#yearOptions().map(
                (y) => html`<option value=${y} ?selected=${y === this.selectedYear}>${y}</option>`,
              )}
            </select>
          </div>
          <p class="muted summary" role="status">${view.kind === 'loading' ? COMMON.loading[lang] : nothing}</p>
        </div>
        ${view.kind === 'failed'
          ? html`<div class="alert" role="alert">
              <p>${view.message}</p>
              <button type="button" class="secondary" @click=${() => void this.load()}>${COMMON.retry[lang]}</button>
            </div>`
          : nothing}
        ${view.kind === 'loaded' ? this.#renderLoaded(view.saved, view.preview, lang) : nothing}
      </div>
    `;
  }

  #yearOptions(): number[] {
    const current = Number(hanoiToday().slice(0, 4));
    const years = new Set<number>();
    for (let y = current - YEARS_AROUND; y <= current + YEARS_AROUND; y += 1) years.add(y);
    years.add(this.selectedYear);
    return [...years].filter((y) => y >= MIN_YEAR && y <= MAX_YEAR).sort((a, b) => a - b);
  }

  #renderLoaded(saved: CalendarYear, preview: CalendarYear | null, lang: Lang) {
    const shown = preview ?? saved;
    const editor = this.#canEdit && this.draft ? this.#renderEditor(this.draft, lang) : null;
    return html`
      <div class="layout" data-editing=${editor ? 'true' : 'false'}>
        ${editor ?? nothing}
        <div class="view">
          ${editor ? nothing : html`<p class="muted">${STRINGS.readOnlyNote[lang]}</p>`}
          <div id="preview-notice" class=${preview ? 'notice preview-notice' : 'live'} role="status" tabindex="-1"
            data-testid="calendar-preview-notice">
            ${preview
              ? html`<p>${fill(STRINGS.previewNotice[lang], { year: preview.year })}</p>
                  <button type="button" class="secondary" @click=${() => void this.#leavePreview()}>${STRINGS.leavePreview[lang]}</button>`
              : nothing}
          </div>
          ${this.#renderSource(shown, lang)} ${this.#renderMonths(shown, preview !== null, lang)} ${this.#renderList(shown, lang)}
        </div>
      </div>
    `;
  }

  #renderSource(year: CalendarYear, lang: Lang) {
    const schedule = year.schedule;
    if (!schedule) return html`<p class="source" data-testid="calendar-source">${STRINGS.noSchedule[lang]}</p>`;
    if (!schedule.source) return nothing;
    return html`<p class="source" data-testid="calendar-source">
      <span class="source-label">${STRINGS.sourceLabel[lang]}:</span> <span lang="vi">${schedule.source}</span>
    </p>`;
  }

  #kindOf(date: string, special: SpecialDay | undefined): DayKind {
    if (special) return special.kind;
    return isoWeekday(date) >= 6 ? 'weekly_day_off' : 'working';
  }

  #holidayName(day: SpecialDay, lang: Lang): string {
    if (lang === 'vi' || !day.holiday) return day.name ?? '';
    const holiday = HOLIDAY_NAMES_EN[day.holiday] ?? day.name ?? '';
    return day.kind === 'compensatory_day_off' ? `Day off in lieu of ${holiday}` : holiday;
  }

  /** What a screen reader hears for a day: "Thứ Bảy 26/04/2025: làm bù". */
  #dayLabel(date: string, kind: DayKind, special: SpecialDay | undefined, today: boolean, lang: Lang): string {
    const weekday = WEEKDAYS[isoWeekday(date) - 1]?.long[lang] ?? '';
    let label = `${weekday} ${formatDate(date)}`;
    if (kind !== 'working') label += `: ${KIND_IN_SENTENCE[kind][lang]}`;
    if (special && kind === 'public_holiday') label += ` (${this.#holidayName(special, lang)})`;
    if (today) label += ` (${STRINGS.today[lang]})`;
    return label;
  }

  #renderMonths(year: CalendarYear, isPreview: boolean, lang: Lang) {
    const byDate = new Map(year.days.map((d) => [d.date, d]));
    const today = hanoiToday();
    const heading = fill((isPreview ? STRINGS.monthViewPreview : STRINGS.monthView)[lang], { year: year.year });
    return html`
      <section class="months-section" aria-labelledby="months-heading" data-preview=${isPreview ? 'true' : 'false'}
        data-testid="calendar-months">
        <h2 id="months-heading">${heading}</h2>
        <ul class="legend" aria-label=${STRINGS.legend[lang]}>
          ${LEGEND_KINDS.map(
            (kind) => html`<li><span class="swatch day" data-kind=${kind} aria-hidden="true"></span>${KIND_LABELS[kind][lang]}</li>`,
          )}
        </ul>
        <div class="months">
          ${Array.from({ length: 12 }, (_, i) => i + 1).map((month) => {
            const weeks = monthWeeks(year.year, month);
            return html`<table class="month" data-month=${`${year.year}-${String(month).padStart(2, '0')}`}>
              <caption>${monthName(month, year.year, lang)}</caption>
              <thead>
                <tr>
                  ${WEEKDAYS.map(
                    (w, i) => html`<th scope="col" class=${i >= 5 ? 'weekend' : ''}><abbr title=${w.long[lang]}>${w.short[lang]}</abbr></th>`,
                  )}
                </tr>
              </thead>
              <tbody>
                ${weeks.map(
                  (week) => html`<tr>
                    ${week.map((date) => {
                      if (!date) return html`<td class="pad"></td>`;
                      const special = byDate.get(date);
                      const kind = this.#kindOf(date, special);
                      const isToday = date === today;
                      return html`<td class="day" data-date=${date} data-kind=${kind} data-today=${isToday ? 'true' : nothing}>
                        <span class="day-number" aria-hidden="true" title=${special?.name ? this.#holidayName(special, lang) || special.name : nothing}
                          >${Number(date.slice(8))}</span
                        ><span class="visually-hidden">${this.#dayLabel(date, kind, special, isToday, lang)}</span>
                      </td>`;
                    })}
                  </tr>`,
                )}
              </tbody>
            </table>`;
          })}
        </div>
      </section>
    `;
  }

  #renderList(year: CalendarYear, lang: Lang) {
    const heading = fill(STRINGS.specialDays[lang], { year: year.year });
    return html`
      <section class="list-section" aria-labelledby="special-days-heading">
        <h2 id="special-days-heading">${heading}</h2>
        ${year.days.length === 0
          ? html`<p class="empty">${STRINGS.noSpecialDays[lang]}</p>`
          : html`<div class="table-wrap">
              <table class="special-days" data-testid="calendar-special-days">
                <caption class="visually-hidden">${STRINGS.specialDaysCaption[lang]}</caption>
                <thead>
                  <tr>
                    <th scope="col">${STRINGS.date[lang]}</th>
                    <th scope="col">${STRINGS.kind[lang]}</th>
                    <th scope="col">${STRINGS.name[lang]}</th>
                  </tr>
                </thead>
                <tbody>
                  ${year.days.map((day) => {
                    const weekday = WEEKDAYS[isoWeekday(day.date) - 1]?.long[lang] ?? '';
                    const translated = lang === 'en' && day.holiday !== null;
                    return html`<tr data-date=${day.date} data-kind=${day.kind}>
                      <th scope="row" class="nowrap"><time datetime=${day.date}>${weekday} ${formatDate(day.date)}</time></th>
                      <td><span class="swatch day" data-kind=${day.kind} aria-hidden="true"></span>${KIND_LABELS[day.kind][lang]}</td>
                      <td lang=${translated || lang === 'vi' ? lang : 'vi'}>${this.#holidayName(day, lang)}</td>
                    </tr>`;
                  })}
                </tbody>
              </table>
            </div>`}
      </section>
    `;
  }

  // ---- Editor ------------------------------------------------------------------------------------

  #describedBy(...ids: (string | false | null | undefined)[]): string | typeof nothing {
    const list = ids.filter((id): id is string => Boolean(id));
    return list.length > 0 ? list.join(' ') : nothing;
  }

  #errorId(key: string): string {
    return `${key.replace(/\./g, '-')}-error`;
  }

  #fieldError(key: string) {
    const message = this.errors[key];
    return message ? html`<span id=${this.#errorId(key)} class="field-error">${message}</span>` : nothing;
  }

  #renderEditor(draft: ScheduleDraft, lang: Lang) {
    const general = this.#generalErrors();
    const busy = this.busy !== null;
    return html`
      <section class="editor panel" aria-labelledby="editor-heading" data-testid="calendar-editor">
        <h2 id="editor-heading">${fill(STRINGS.editorHeading[lang], { year: draft.year })}</h2>
        <p class="hint">${STRINGS.editorIntro[lang]}</p>
        <div id="saved-notice" class=${this.savedYear !== null ? 'success' : 'live'} role="status" tabindex="-1"
          data-testid="calendar-saved-notice">
          ${this.savedYear !== null ? html`<p>${fill(STRINGS.saved[lang], { year: this.savedYear })}</p>` : nothing}
        </div>
        ${this.formError
          ? html`<div id="editor-error" class="alert" role="alert" tabindex="-1">
              <p>${this.formError}</p>
              ${general.length > 0 ? html`<ul>${general.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}
            </div>`
          : nothing}
        <form novalidate @submit=${this.#onSubmit}>
          ${this.#renderDayList('extraDaysOff', draft, lang)} ${this.#renderDayList('workingDays', draft, lang)}
          ${this.#renderTet(draft, lang)} ${this.#renderCompanion(draft, lang)}
          <div class="field">
            <label for="source">${STRINGS.source[lang]}</label>
            <span id="source-hint" class="hint">${STRINGS.sourceHint[lang]}</span>
            <input
              id="source"
              type="text"
              lang="vi"
              maxlength="500"
              .value=${draft.source}
              aria-invalid=${this.errors.source ? 'true' : 'false'}
              aria-describedby=${this.#describedBy('source-hint', this.errors.source && this.#errorId('source'))}
              @input=${(e: Event) => {
                this.#updateDraft({ source: (e.target as HTMLInputElement).value });
                this.#clearFieldError('source');
              }}
            />
            ${this.#fieldError('source')}
          </div>
          ${draft.removedDays.length > 0
            ? html`<p class="hint">${fill(STRINGS.removedDays[lang], { days: draft.removedDays.map(formatDate).join(', ') })}</p>`
            : nothing}
          <p class="hint" id="save-hint">${STRINGS.saveHint[lang]}</p>
          <div class="buttons">
            <button id="preview-button" type="button" class="secondary" ?disabled=${busy} @click=${() => void this.#send('preview')}>
              ${this.busy === 'preview' ? STRINGS.working[lang] : STRINGS.preview[lang]}
            </button>
            <button id="save-button" type="submit" ?disabled=${busy} aria-describedby="save-hint">
              ${this.busy === 'save' ? STRINGS.working[lang] : STRINGS.save[lang]}
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
    const listError = this.errors[list];
    const min = `${draft.year - 1}-12-01`;
    const max = `${draft.year + 1}-01-31`;
    return html`
      <fieldset data-list=${list} aria-describedby=${this.#describedBy(listError && this.#errorId(list))}>
        <legend>${legend}</legend>
        ${this.#fieldError(list)}
        ${rows.length === 0 ? html`<p class="hint">${isOff ? STRINGS.noExtraDays[lang] : STRINGS.noWorkingDays[lang]}</p>` : nothing}
        ${repeat(
          rows,
          (row: DraftDay) => row.key,
          (row: DraftDay, i: number) => {
            const base = `${list}-${i}`;
            const dateKey = `${list}.${i}.date`;
            const nameKey = `${list}.${i}.name`;
            const label = fill(rowLabel, { n: i + 1 });
            return html`<div class="day-row" role="group" aria-label=${label}>
              <div class="field date-field">
                <label for="${base}-date">${STRINGS.rowDate[lang]}</label>
                <input
                  id="${base}-date"
                  type="date"
                  min=${min}
                  max=${max}
                  .value=${row.date}
                  aria-invalid=${this.errors[dateKey] ? 'true' : 'false'}
                  aria-describedby=${this.#describedBy(this.errors[dateKey] && this.#errorId(dateKey))}
                  @input=${(e: Event) => this.#setDay(list, i, 'date', (e.target as HTMLInputElement).value)}
                />
                ${this.#fieldError(dateKey)}
              </div>
              <div class="field name-field">
                <label for="${base}-name">${STRINGS.rowName[lang]}</label>
                <input
                  id="${base}-name"
                  type="text"
                  lang="vi"
                  maxlength="200"
                  .value=${row.name}
                  aria-invalid=${this.errors[nameKey] ? 'true' : 'false'}
                  aria-describedby=${this.#describedBy(this.errors[nameKey] && this.#errorId(nameKey))}
                  @input=${(e: Event) => this.#setDay(list, i, 'name', (e.target as HTMLInputElement).value)}
                />
                ${this.#fieldError(nameKey)}
              </div>
              <button type="button" class="secondary remove" @click=${() => void this.#removeDay(list, i)}>
                ${STRINGS.remove[lang]}<span class="visually-hidden"> ${label.toLocaleLowerCase(lang)}</span>
              </button>
            </div>`;
          },
        )}
        <button id="${list}-add" type="button" class="secondary add" @click=${() => void this.#addDay(list)}>
          ${isOff ? STRINGS.addExtraDay[lang] : STRINGS.addWorkingDay[lang]}
        </button>
      </fieldset>
    `;
  }

  #renderTet(draft: ScheduleDraft, lang: Lang) {
    const saved = this.view.kind === 'loaded' ? this.view.saved : null;
    const defaults = draft.year === saved?.year && !saved.schedule?.tet ? tetDaysOf(saved) : [];
    const tetError = this.errors.tet;
    const last = `${draft.year}-02-${String(daysInMonth(draft.year, 2)).padStart(2, '0')}`;
    return html`
      <fieldset data-list="tet" aria-describedby=${this.#describedBy(tetError && this.#errorId('tet'))}>
        <legend>${STRINGS.tet[lang]}</legend>
        <label class="choice">
          <input
            type="checkbox"
            .checked=${draft.setTet}
            aria-describedby=${defaults.length > 0 ? 'tet-hint' : nothing}
            @change=${(e: Event) => {
              this.#updateDraft({ setTet: (e.target as HTMLInputElement).checked });
              this.#clearFieldError('tet');
            }}
          />${STRINGS.setTet[lang]}
        </label>
        ${defaults.length > 0
          ? html`<p id="tet-hint" class="hint">
              ${fill(STRINGS.tetDefault[lang], { days: `${formatDate(defaults[0] ?? '')} – ${formatDate(defaults.at(-1) ?? '')}` })}
            </p>`
          : nothing}
        ${this.#fieldError('tet')}
        ${draft.setTet
          ? html`${repeat(
                draft.tet,
                (row) => row.key,
                (row, i) => {
                  const key = `tet.${i}`;
                  const label = fill(STRINGS.tetDay[lang], { n: i + 1 });
                  return html`<div class="tet-row">
                    <div class="field date-field">
                      <label for="tet-${i}">${label}</label>
                      <input
                        id="tet-${i}"
                        type="date"
                        min="${draft.year}-01-01"
                        max=${last}
                        .value=${row.date}
                        aria-invalid=${this.errors[key] || tetError ? 'true' : 'false'}
                        aria-describedby=${this.#describedBy(
                          this.errors[key] && this.#errorId(key),
                          tetError && this.#errorId('tet'),
                        )}
                        @input=${(e: Event) => this.#setTetDay(i, (e.target as HTMLInputElement).value)}
                      />
                      ${this.#fieldError(key)}
                    </div>
                    <button type="button" class="secondary remove" @click=${() => void this.#removeTetDay(i)}>
                      ${STRINGS.remove[lang]}<span class="visually-hidden"> ${label.toLocaleLowerCase(lang)}</span>
                    </button>
                  </div>`;
                },
              )}
              <button id="tet-add" type="button" class="secondary add" @click=${() => void this.#addTetDay()}>
                ${STRINGS.addTetDay[lang]}
              </button>`
          : nothing}
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
          @change=${() => {
            this.#updateDraft({ companion: day });
            this.#clearFieldError('nationalDayCompanion');
          }}
        />${text}
      </label>`;
    };
    return html`
      <fieldset aria-describedby=${this.#describedBy(this.errors.nationalDayCompanion && this.#errorId('nationalDayCompanion'))}>
        <legend>${STRINGS.companion[lang]}</legend>
        ${option('01')} ${option('03')} ${this.#fieldError('nationalDayCompanion')}
      </fieldset>
    `;
  }

  static override styles = [
    tokens,
    base,
    css`
      .intro {
        max-width: 60rem;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: 0.5rem 1.5rem;
        margin-bottom: var(--_space);
      }
      .year-field {
        flex: 0 1 10rem;
        margin: 0;
      }
      .summary {
        margin: 0 0 0.5rem;
        min-height: 1.5em;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 1.5rem;
        align-items: start;
      }
      @media (min-width: 1100px) {
        .layout[data-editing='true'] {
          grid-template-columns: minmax(0, 1fr) minmax(22rem, 27rem);
        }
        .layout[data-editing='true'] .editor {
          grid-column: 2;
          grid-row: 1;
        }
        .layout[data-editing='true'] .view {
          grid-column: 1;
          grid-row: 1;
        }
      }
      .view {
        min-width: 0;
      }
      .panel {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        background: var(--_bg);
      }
      .live:focus {
        outline: none;
      }
      .notice {
        border-left: 4px solid var(--_primary);
        background: #eaf1f8;
        padding: 0.75rem var(--_space);
        margin: 0 0 var(--_space);
        border-radius: var(--_radius);
      }
      .preview-notice {
        border-left-color: var(--_warning);
        background: var(--_warning-bg);
      }
      .preview-notice p {
        font-weight: 600;
      }
      #preview-notice:focus,
      #saved-notice:focus,
      #editor-error:focus {
        outline: 3px solid var(--_focus);
      }
      .source {
        max-width: 60rem;
      }
      .source-label {
        font-weight: 600;
      }

      /* Month view */
      .months-section {
        margin-bottom: 2rem;
      }
      .months-section[data-preview='true'] .months {
        outline: 3px dashed var(--_warning);
        outline-offset: 0.5rem;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.25rem;
        list-style: none;
        margin: 0 0 var(--_space);
        padding: 0;
      }
      .legend li {
        display: inline-flex;
        align-items: center;
        gap: 0.4rem;
      }
      .swatch {
        display: inline-block;
        width: 1.5rem;
        height: 1.5rem;
        border-radius: 3px;
        vertical-align: middle;
        margin-right: 0.4rem;
      }
      .legend .swatch {
        margin-right: 0;
      }
      .months {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(13.5rem, 1fr));
        gap: 1rem 1.25rem;
      }
      table {
        border-collapse: collapse;
      }
      .month {
        width: 100%;
        table-layout: fixed;
        font-size: 0.9rem;
      }
      .month caption {
        text-align: left;
        font-weight: 600;
        padding-bottom: 0.25rem;
      }
      .month th {
        font-weight: 600;
        font-size: 0.8rem;
        color: var(--_muted);
        padding: 0.15rem 0;
        text-align: center;
      }
      .month abbr {
        text-decoration: none;
      }
      .month td {
        padding: 2px;
        text-align: center;
      }
      .day-number {
        display: block;
      }
      /* Each kind has its own border style as well as its colour, so the grid reads without colour too. */
      .day {
        --_day-bg: transparent;
        --_day-border: transparent;
      }
      td.day .day-number,
      .swatch.day {
        background: var(--_day-bg);
        border: 2px solid var(--_day-border);
        border-radius: 3px;
      }
      td.day .day-number {
        line-height: 1.6rem;
      }
      .day[data-kind='weekly_day_off'] {
        --_day-bg: var(--_surface);
        color: var(--_muted);
      }
      .swatch.day[data-kind='weekly_day_off'] {
        border-color: var(--_border);
      }
      .day[data-kind='public_holiday'] {
        --_day-bg: #fde8e8;
        --_day-border: var(--_danger);
        color: #7d1a1f;
        font-weight: 700;
      }
      .day[data-kind='compensatory_day_off'] {
        --_day-bg: #fff0e0;
        --_day-border: #a04a00;
        color: #6b3200;
        font-weight: 700;
      }
      td.day[data-kind='compensatory_day_off'] .day-number,
      .swatch.day[data-kind='compensatory_day_off'] {
        border-style: dashed;
      }
      .day[data-kind='extra_day_off'] {
        --_day-bg: #ebe2f8;
        --_day-border: #5b3a99;
        color: #3f2470;
        font-weight: 700;
      }
      td.day[data-kind='extra_day_off'] .day-number,
      .swatch.day[data-kind='extra_day_off'] {
        border-style: dotted;
      }
      .day[data-kind='swap_working_day'] {
        --_day-bg: #e5f3ea;
        --_day-border: var(--_success);
        color: #14512b;
        font-weight: 700;
      }
      td.day[data-kind='swap_working_day'] .day-number,
      .swatch.day[data-kind='swap_working_day'] {
        border-style: double;
        border-width: 4px;
      }
      td.day[data-kind='swap_working_day'] .day-number {
        line-height: 1.35rem;
      }
      td.day[data-today='true'] .day-number {
        outline: 2px solid var(--_primary);
        outline-offset: 1px;
        text-decoration: underline;
      }

      /* Special days list */
      .table-wrap {
        overflow-x: auto;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .special-days {
        width: 100%;
        font-size: 0.95rem;
      }
      .special-days th,
      .special-days td {
        text-align: left;
        vertical-align: top;
        padding: 0.5rem 0.75rem;
        border-bottom: 1px solid var(--_border);
      }
      .special-days thead th {
        background: var(--_surface);
      }
      .special-days tbody th {
        font-weight: 600;
      }
      .special-days tbody tr:last-child > * {
        border-bottom: 0;
      }
      .special-days .swatch {
        width: 1rem;
        height: 1rem;
      }
      .nowrap {
        white-space: nowrap;
      }
      .empty {
        padding: var(--_space);
        background: var(--_surface);
        border-radius: var(--_radius);
      }

      /* Editor */
      .editor h2 {
        margin-bottom: 0.5rem;
      }
      .editor .field {
        margin-bottom: 0.5rem;
      }
      .editor input[type='date'] {
        font: inherit;
        color: var(--_text);
        background: var(--_bg);
        border: 1px solid var(--_muted);
        border-radius: var(--_radius);
        padding: 0.45rem 0.5rem;
        width: 100%;
      }
      .editor input[aria-invalid='true'] {
        border-color: var(--_danger);
        border-width: 2px;
      }
      .day-row {
        display: grid;
        grid-template-columns: minmax(9.5rem, 11rem) minmax(0, 1fr) auto;
        gap: 0 0.5rem;
        align-items: end;
        padding: 0.5rem 0;
        border-bottom: 1px solid var(--_border);
      }
      .day-row:last-of-type {
        margin-bottom: 0.5rem;
      }
      .tet-row {
        display: grid;
        grid-template-columns: minmax(9.5rem, 14rem) auto;
        justify-content: start;
        gap: 0 0.5rem;
        align-items: end;
      }
      .remove {
        margin-bottom: 0.5rem;
        min-height: 2.5rem;
        padding: 0.25rem 0.75rem;
      }
      .add {
        margin: 0.25rem 0 0.75rem;
      }
      fieldset > .field-error {
        display: block;
        margin-bottom: 0.5rem;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .link-button {
        background: transparent;
        border-color: transparent;
        color: var(--_primary);
        text-decoration: underline;
        padding-left: 0.5rem;
        padding-right: 0.5rem;
      }
      .link-button:hover:not(:disabled) {
        background: var(--_surface);
      }
      .alert ul {
        margin: 0;
        padding-left: 1.25rem;
      }
      /* The editor sits in a narrow column beside the months on wide screens: stack each row there. */
      @media (min-width: 1100px) {
        .day-row {
          grid-template-columns: minmax(0, 1fr) auto;
        }
        .day-row .name-field {
          grid-column: 1 / -1;
          grid-row: 2;
        }
        .day-row .remove {
          grid-column: 2;
          grid-row: 1;
        }
      }
      @media (max-width: 560px) {
        .day-row {
          grid-template-columns: minmax(0, 1fr) auto;
        }
        .day-row .name-field {
          grid-column: 1 / -1;
          grid-row: 2;
        }
      }
    `,
  ];
}

if (!customElements.get('pakn-calendar')) customElements.define('pakn-calendar', PaknCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-calendar': PaknCalendar;
  }
}
