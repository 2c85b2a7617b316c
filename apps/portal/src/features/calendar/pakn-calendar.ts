import { html, nothing, type PropertyValues } from 'lit';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import { can, type Lang } from '@pakn/domain';
import { paknClient } from '#shared/client.ts';
import { StaffController } from '#shared/context.ts';
import { TaskStatus, loadTask, taskFailure } from '#shared/controllers/load.ts';
import { NavigateEvent } from '#shared/events.ts';
import { loadErrorAlert, pageStyles } from '#shared/form-fields.ts';
import { COMMON, fill } from '#shared/i18n.ts';
import { hanoiToday } from '#shared/intake-stats.ts';
import { base, dataTable, tokens } from '#shared/styles.ts';
import { listStyles } from '#shared/table.ts';
import { MAX_YEAR, MIN_YEAR, parseYear, type CalendarEditedEvent, type CalendarYear } from './calendar-year.ts';
import './pakn-calendar-editor.ts';
import { calendarStyles } from './pakn-calendar.styles.ts';
import { STRINGS } from './strings.ts';
import { renderList, renderMonths, renderSource } from './year-view.ts';

/** How many years around the current one the selector offers. */
const YEARS_AROUND = 3;

/**
 * `<pakn-calendar>`: the working-day calendar of a year, the one every deadline is counted on: twelve
 * month grids marking public holidays, days off in lieu, extra days off and make-up working days, and the
 * list of those days with their names. Administrators also edit the year's schedule here
 * (`<pakn-calendar-editor>`), preview the year it makes, and save it.
 *
 * Attributes: `year` (default: the current year in Hanoi), `lang` (vi | en; default the page's).
 * Events out: `pakn-navigate` (a year change, to keep it in the address; replace), `pakn-session-expired`.
 */
export class PaknCalendar extends PaknElement {
  static override properties = {
    year: { type: String },
    preview: { state: true },
    saved: { state: true },
  };

  declare year: string;
  /** The year as the draft would make it, shown instead of the saved one until dropped or saved. */
  declare protected preview: CalendarYear | null;
  /** The year as the editor just saved it (newer than the loaded one). */
  declare protected saved: CalendarYear | null;

  readonly #staff = new StaffController(this);
  readonly #year = loadTask(this, {
    args: () => [this.selectedYear] as const,
    run: ([year], signal) => paknClient().calendar.year.query({ year }, { signal }),
    lang: () => this.language.value,
  });

  constructor() {
    super();
    this.year = '';
    this.preview = null;
    this.saved = null;
  }

  /** The year shown: the `year` attribute when it is one the calendar covers, else this year in Hanoi. */
  get selectedYear(): number {
    return parseYear(this.year) ?? Number(hanoiToday().slice(0, 4));
  }

  get #canEdit(): boolean {
    const staff = this.#staff.value;
    return Boolean(staff && can(staff.role, 'manageCalendar'));
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Another year: what was previewed or saved belongs to the one before.
    if (changed.has('year') && this.saved?.year !== this.selectedYear) {
      this.preview = null;
      this.saved = null;
    }
  }

  #onYearChange(event: Event): void {
    const year = parseYear((event.target as HTMLSelectElement).value);
    if (year === null) return;
    this.year = String(year);
    // Keep the year in the address so that reload and shared links come back to it; harmless when unhandled.
    this.dispatchEvent(new NavigateEvent({ path: `${location.pathname}?year=${year}`, replace: true }));
  }

  #onEdited = async (event: CalendarEditedEvent): Promise<void> => {
    // An answer for a year no longer shown changes nothing.
    if (event.year && event.year.year !== this.selectedYear) return;
    if (event.action === 'saved') this.saved = event.year;
    this.preview = event.action === 'preview' ? event.year : null;
    if (event.action !== 'preview') return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#preview-notice')?.focus();
  };

  async #leavePreview(): Promise<void> {
    this.preview = null;
    await this.updateComplete;
    await this.renderRoot.querySelector('pakn-calendar-editor')?.focusPreviewButton();
  }

  protected override render() {
    const lang = this.language.value;
    const task = this.#year;
    const loaded = task.status === TaskStatus.COMPLETE ? (this.saved ?? task.value) : undefined;
    return html`
      <div class="root" lang=${lang}>
        <h1>${STRINGS.heading[lang]}</h1>
        <p class="intro">${STRINGS.intro[lang]}</p>
        <div class="toolbar">
          <div class="field year-field">
            <label for="year">${STRINGS.year[lang]}</label>
            <select id="year" @change=${this.#onYearChange} .value=${String(this.selectedYear)}>
              ${this.#yearOptions().map((y) => html`<option value=${y} ?selected=${y === this.selectedYear}>${y}</option>`)}
            </select>
          </div>
          <p class="muted summary" role="status">${task.status === TaskStatus.PENDING ? COMMON.loading[lang] : nothing}</p>
        </div>
        ${loadErrorAlert(taskFailure(task)?.message ?? null, lang, () => void task.run())} ${loaded ? this.#renderLoaded(loaded, lang) : nothing}
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

  #renderLoaded(saved: CalendarYear, lang: Lang) {
    const preview = this.preview;
    const shown = preview ?? saved;
    const editing = this.#canEdit;
    return html`
      <div class="layout" data-editing=${editing ? 'true' : 'false'}>
        ${
          editing
            ? html`<pakn-calendar-editor class="editor" lang=${lang} .saved=${saved} @pakn-calendar-edited=${this.#onEdited}></pakn-calendar-editor>`
            : nothing
        }
        <div class="view">
          ${editing ? nothing : html`<p class="muted">${STRINGS.readOnlyNote[lang]}</p>`}
          <div id="preview-notice" class=${preview ? 'warning preview-notice' : 'live'} role="status" tabindex="-1" data-testid="calendar-preview-notice">
            ${
              preview
                ? html`<p><strong>${fill(STRINGS.previewNotice[lang], { year: preview.year })}</strong></p>
                    <button type="button" class="secondary" @click=${() => void this.#leavePreview()}>${STRINGS.leavePreview[lang]}</button>`
                : nothing
            }
          </div>
          ${renderSource(shown, lang)} ${renderMonths(shown, preview !== null, lang)} ${renderList(shown, lang)}
        </div>
      </div>
    `;
  }

  static override styles = [tokens, base, dataTable, pageStyles, listStyles, calendarStyles];
}

defineElement('pakn-calendar', PaknCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-calendar': PaknCalendar;
  }
}
