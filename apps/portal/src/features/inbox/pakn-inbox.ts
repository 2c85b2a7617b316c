import { html, nothing, type PropertyValues } from 'lit';
import { CASE_STATUSES, CASE_STATUS_LABELS, CHANNEL_LABELS, InboxInputSchema, can, isUnitRole, type Channel, type Lang, type Text } from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { paknClient } from '#shared/client.ts';
import { StaffController } from '#shared/context.ts';
import { loadTask } from '#shared/controllers/load.ts';
import { followCaseChanges } from '#shared/controllers/case-changes.ts';
import { NavigateEvent, navigateOnClick } from '#shared/events.ts';
import { deadlineStyles } from '#shared/deadline.ts';
import { fill, formatDate } from '#shared/i18n.ts';
import { hanoiToday } from '#shared/intake-stats.ts';
import { intakeTodayStyles, renderIntakeToday } from '#shared/intake-today.ts';
import { LiveList } from '#shared/live-list.ts';
import { shortcutKey } from '#shared/shortcuts.ts';
import { base, caseTable, dataTable, tokens } from '#shared/styles.ts';
import { listStyles } from '#shared/table.ts';
import { CategoriesController } from '#shared/categories.ts';
import '#shared/pakn-export-button.ts';
import { renderInboxTable } from './inbox-table.ts';
import { STRINGS } from './strings.ts';
import { inboxStyles } from './pakn-inbox.styles.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import { PageTrail, pagerStyles, renderPager } from '#shared/pager.ts';

/** What the inbox can be filtered by: the open cases (default), all of them, or one status. */
export type InboxFilter = NonNullable<Parameters<PaknClient['case']['inbox']['query']>[0]['status']>;

/** The filters the API accepts, in status order (the domain may know statuses the inbox cannot filter by yet). */
function isInboxFilter(value: string): value is InboxFilter {
  return InboxInputSchema.safeParse({ status: value }).success;
}
const FILTERS: readonly InboxFilter[] = ['open', 'all', ...CASE_STATUSES].filter(isInboxFilter);

function toFilter(value: string | null | undefined): InboxFilter {
  return FILTERS.find((f) => f === value) ?? 'open';
}

function filterLabel(filter: InboxFilter, lang: Lang): string {
  if (filter === 'open') return STRINGS.open[lang];
  if (filter === 'all') return STRINGS.all[lang];
  return CASE_STATUS_LABELS[filter][lang];
}

/** Live changes arriving in a burst (a merge, a batch of calls) cause one re-read. */
const LIVE_REFRESH_DELAY_MS = 300;
/** Searching as one types, without a request per key. */
const SEARCH_DELAY_MS = 300;

const FIGURE_STRINGS = {
  heading: { vi: 'Phản ánh của số liệu trên bảng số liệu', en: 'The cases of a dashboard figure' },
  clear: { vi: 'Bỏ lọc', en: 'Clear the filter' },
  noCategory: { vi: 'chưa phân loại', en: 'not classified' },
  in: { vi: 'thuộc phạm vi', en: 'in scope' },
  out: { vi: 'ngoài phạm vi', en: 'out of scope' },
  pending: { vi: 'chưa phân loại phạm vi', en: 'scope not yet decided' },
} as const satisfies Record<string, Text>;

/** The dashboard figure filters the inbox keeps in its address (issue 12): attribute and address name. */
const FIGURE_KEYS = ['from', 'to', 'channel', 'category', 'scope', 'unit', 'group'] as const;
type FigureKey = (typeof FIGURE_KEYS)[number];

/** The inbox's address: the filter, the search and the page, so that Back, reload and a shared link come back to them. */
function inboxPath(filter: InboxFilter, q: string, page = '', figure: Partial<Record<FigureKey, string>> = {}): string {
  const params = new URLSearchParams();
  for (const key of FIGURE_KEYS) if (figure[key]) params.set(key, figure[key]);
  if (filter !== 'open') params.set('status', filter);
  if (q.trim()) params.set('q', q.trim());
  if (page) params.set('page', page);
  const search = params.toString();
  return search ? `${location.pathname}?${search}` : location.pathname;
}

/**
 * `<pakn-inbox>`: the cases the signed-in staff member may see, filtered by status, the nearest deadline
 * first (the server's order); each row shows its current stage, due date and time left. The Centre's staff
 * also see today's intake figures. The list follows the live feed (`pakn-case-changed` on window).
 *
 * Attributes: `status` (open | all | a case status; default open), `q` (a search, with or without
 * diacritics; results best match first), `page` (the cursor of the page shown; none for the first), `lang`
 * (vi | en; default the page's). A page holds 50 cases; "next page" follows the server's cursor.
 * Events out: `pakn-navigate` (opening a case, changing the filter or the search; the shell keeps them in
 * the URL), `pakn-session-expired` (the server says nobody is signed in).
 * Keys: `j`/`k` select the next/previous case, `Enter` opens it, `/` goes to the search box.
 */
export class PaknInbox extends PaknElement {
  static override properties = {
    status: { type: String },
    q: { type: String },
    page: { type: String },
    ...Object.fromEntries(FIGURE_KEYS.map((k) => [`figure${k[0]?.toUpperCase()}${k.slice(1)}`, { type: String, attribute: k }])),
    selected: { state: true },
    mine: { state: true },
  };

  declare status: string;
  declare q: string;
  declare page: string;
  /** A dashboard figure's filters (issue 12): the cases it counts. */
  declare figureFrom: string;
  declare figureTo: string;
  declare figureChannel: string;
  declare figureCategory: string;
  declare figureScope: string;
  declare figureUnit: string;
  declare figureGroup: string;
  /** The row chosen with j/k (-1: none). */
  declare protected selected: number;
  /** "Assigned to me": a unit member's own cases only. */
  declare protected mine: boolean;

  readonly #categories = new CategoriesController(this);
  readonly #staff = new StaffController(this);
  readonly #trail = new PageTrail();
  readonly #cases = new LiveList(this, {
    args: () => [this.filter, this.q.trim(), this.mine, this.page, JSON.stringify(this.#figure())] as const,
    run: ([status, q, mine, cursor], signal) =>
      paknClient().case.inbox.query(
        { status, ...(mine ? { assignedToMe: true } : {}), ...(q ? { q } : {}), ...(cursor ? { cursor } : {}), ...this.#figureInput() },
        { signal },
      ),
    lang: () => this.language.value,
  });
  /** Today's intake figures, for those who see all cases: a convenience, the inbox works without them. */
  readonly #stats = loadTask(this, {
    args: () => [this.#staff.value] as const,
    run: ([viewer], signal) =>
      viewer && can(viewer.role, 'viewAllCases') ? paknClient().intake.dailyStats.query({ date: hanoiToday() }, { signal }) : Promise.resolve(null),
    lang: () => this.language.value,
  });
  #liveTimer: ReturnType<typeof setTimeout> | undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    // Live updates come in bursts: one quiet reload after the last of them.
    followCaseChanges(this, () => {
      clearTimeout(this.#liveTimer);
      this.#liveTimer = setTimeout(() => void this.#refresh(), LIVE_REFRESH_DELAY_MS);
    });
    this.status = 'open';
    this.q = '';
    this.page = '';
    this.figureFrom = this.figureTo = this.figureChannel = this.figureCategory = this.figureScope = this.figureUnit = this.figureGroup = '';
    this.selected = -1;
    this.mine = false;
  }

  /** The figure filters present, by their address names. */
  #figure(): Partial<Record<FigureKey, string>> {
    const values: Record<FigureKey, string> = {
      from: this.figureFrom,
      to: this.figureTo,
      channel: this.figureChannel,
      category: this.figureCategory,
      scope: this.figureScope,
      unit: this.figureUnit,
      group: this.figureGroup,
    };
    return Object.fromEntries(FIGURE_KEYS.filter((k) => values[k]).map((k) => [k, values[k]]));
  }

  /** The figure filters as the procedure's input; none unless they pass its checks (a hand-edited address). */
  #figureInput() {
    const { unit, ...rest } = this.#figure();
    const parsed = InboxInputSchema.safeParse({ ...rest, ...(unit ? { unitId: unit } : {}) });
    if (!parsed.success || !parsed.data.from) return {};
    const { from, to, channel, category, scope, unitId, group } = parsed.data;
    return { from, to, channel, category, scope, unitId, group };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.#onKeyDown);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.#onKeyDown);
    clearTimeout(this.#liveTimer);
    clearTimeout(this.#searchTimer);
    super.disconnectedCallback();
  }

  get filter(): InboxFilter {
    return toFilter(this.status);
  }

  protected override willUpdate(changed: PropertyValues): void {
    // A new list: the selection starts again, and so do the pages it came through.
    if (changed.has('status') || changed.has('q') || changed.has('mine') || changed.has('page')) this.selected = -1;
    if (changed.has('status') || changed.has('q') || changed.has('mine')) this.#trail.reset();
  }

  /** A live update: the list is read again quietly, and the selection stays on the same case. */
  async #refresh(): Promise<void> {
    const previous = this.#cases.value?.items[this.selected]?.id;
    void this.#stats.run();
    await this.#cases.reloadQuietly();
    const cases = this.#cases.value?.items ?? [];
    this.selected = previous ? cases.findIndex((c) => c.id === previous) : -1;
  }

  #onKeyDown = (event: KeyboardEvent): void => {
    const key = shortcutKey(event);
    if (key === '/') {
      event.preventDefault();
      this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
      return;
    }
    const cases = this.#cases.value?.items ?? [];
    if (cases.length === 0) return;
    if (key === 'j' || key === 'k') {
      event.preventDefault();
      const next = key === 'j' ? Math.min(this.selected + 1, cases.length - 1) : Math.max(this.selected - 1, 0);
      void this.#select(this.selected === -1 ? 0 : next);
    } else if (key === 'Enter' && this.selected >= 0) {
      // A focused link or button does its own thing; Enter on the page opens the selected row.
      const target = event.composedPath()[0];
      if (target instanceof Element && target.closest('a, button, summary, [role="button"], [tabindex]:not([tabindex="-1"])')) return;
      event.preventDefault();
      const item = cases[this.selected];
      if (item) this.dispatchEvent(new NavigateEvent({ path: `/portal/cases/${encodeURIComponent(item.id)}` }));
    }
  };

  async #select(index: number): Promise<void> {
    this.selected = index;
    await this.updateComplete;
    const link = this.renderRoot.querySelector<HTMLAnchorElement>(`tr[data-index="${index}"] a`);
    link?.focus();
    link?.closest('tr')?.scrollIntoView({ block: 'nearest' });
  }

  #onFilterChange(event: Event): void {
    const value = toFilter((event.target as HTMLSelectElement).value);
    this.status = value;
    this.page = '';
    // Keep the filter in the address so that Back and reload come back to it; harmless when unhandled.
    this.dispatchEvent(new NavigateEvent({ path: inboxPath(value, this.q, '', this.#figure()), replace: true }));
  }

  #search(q: string): void {
    clearTimeout(this.#searchTimer);
    if (q.trim() === this.q.trim()) return;
    this.q = q;
    this.page = '';
    this.dispatchEvent(new NavigateEvent({ path: inboxPath(this.filter, q, '', this.#figure()), replace: true }));
  }

  #onSearchInput(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#search(value), SEARCH_DELAY_MS);
  }

  #onSearchSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.#search(this.renderRoot.querySelector<HTMLInputElement>('#search')?.value ?? '');
  }

  #onSearchKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && (event.target as HTMLInputElement).value) {
      event.preventDefault();
      this.#clearSearch();
    }
  }

  #clearSearch(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#search');
    if (input) {
      input.value = '';
      input.focus();
    }
    this.#search('');
  }

  /** Another page of the same list: its cursor goes in the address (a link to it opens it), Back returns. */
  #goTo(to: { cursor: string } | 'previous'): void {
    this.page = this.#trail.move(this.page, to);
    this.dispatchEvent(new NavigateEvent({ path: inboxPath(this.filter, this.q, this.page, this.#figure()) }));
    this.renderRoot.querySelector<HTMLElement>('h1')?.scrollIntoView({ block: 'start' });
  }

  /** The same list as on screen, as CSV. */
  #csvFilter(): Record<string, string> {
    const filter: Record<string, string> = { status: this.filter };
    if (this.mine) filter.assignedToMe = '1';
    if (this.q.trim()) filter.q = this.q.trim();
    return filter;
  }

  protected override render() {
    const lang = this.language.value;
    return html`
      <div class="root" lang=${lang}>
        <h1>${STRINGS.heading[lang]}</h1>
        ${renderIntakeToday(this.#stats.value, lang)} ${this.#renderFigure(lang)} ${this.#renderToolbar(lang)}
        ${this.#cases.render(
          (list) =>
            html`${renderInboxTable({
              cases: list.items,
              q: this.q.trim(),
              selected: this.selected,
              lang,
              categories: this.#categories,
              from: this,
              onFocusRow: (index) => (this.selected = index),
            })}
            ${renderPager({ lang, name: 'inbox', paged: this.page !== '', hasPrevious: this.#trail.hasPrevious, next: list.next, go: (to) => this.#goTo(to) })}`,
          () => this.#goTo({ cursor: '' }),
        )}
      </div>
    `;
  }

  /** Which figure's cases are listed, with the way back to every case. */
  #renderFigure(lang: Lang) {
    const figure = this.#figure();
    if (!figure.from || !figure.to) return nothing;
    const parts = [
      `${formatDate(figure.from)} – ${formatDate(figure.to)}`,
      ...(figure.channel ? [CHANNEL_LABELS[figure.channel as Channel]?.[lang] ?? figure.channel] : []),
      ...(figure.category ? [figure.category === '-' ? FIGURE_STRINGS.noCategory[lang] : this.#categories.label(figure.category, lang)] : []),
      ...(figure.scope ? [FIGURE_STRINGS[figure.scope === 'out' ? 'out' : figure.scope === 'in' ? 'in' : 'pending'][lang]] : []),
    ];
    return html`<p class="muted" data-testid="inbox-figure">
      ${FIGURE_STRINGS.heading[lang]}: ${parts.join(' · ')} ·
      <a href=${`${location.pathname}?status=all`} @click=${(e: MouseEvent) => navigateOnClick(e, this)}>${FIGURE_STRINGS.clear[lang]}</a>
    </p>`;
  }

  #renderToolbar(lang: Lang) {
    const viewer = this.#staff.value;
    return html`<div class="toolbar">
      <form class="field search" role="search" @submit=${this.#onSearchSubmit}>
        <label for="search">${STRINGS.search[lang]}</label>
        <div class="search-row">
          <input
            id="search"
            type="search"
            name="q"
            autocomplete="off"
            enterkeyhint="search"
            maxlength="200"
            placeholder=${STRINGS.searchPlaceholder[lang]}
            aria-describedby="search-help"
            .value=${this.q}
            @input=${this.#onSearchInput}
            @keydown=${this.#onSearchKeyDown}
          />
          ${
            this.q.trim()
              ? html`<button type="button" class="secondary" data-testid="search-clear" @click=${this.#clearSearch}>${STRINGS.clearSearch[lang]}</button>`
              : nothing
          }
        </div>
        <p id="search-help" class="muted hint">${STRINGS.searchHelp[lang]}</p>
      </form>
      <div class="field filter">
        <label for="status">${STRINGS.statusFilter[lang]}</label>
        <select id="status" @change=${this.#onFilterChange} .value=${this.filter}>
          ${FILTERS.map((f) => html`<option value=${f} ?selected=${f === this.filter}>${filterLabel(f, lang)}</option>`)}
        </select>
      </div>
      ${
        viewer && isUnitRole(viewer.role)
          ? html`<label class="mine"
              ><input
                type="checkbox"
                .checked=${this.mine}
                data-testid="inbox-mine"
                @change=${(e: Event) => (this.mine = (e.target as HTMLInputElement).checked)}
              />
              ${STRINGS.assignedToMe[lang]}</label
            >`
          : nothing
      }
      ${
        viewer && can(viewer.role, 'exportCases')
          ? html`<pakn-export-button
              file="cases.csv"
              .filter=${this.#csvFilter()}
              label=${STRINGS.csv[lang]}
              hint=${STRINGS.csvTitle[lang]}
              lang=${lang}
              data-testid="inbox-csv"
            ></pakn-export-button>`
          : nothing
      }
      <p class="muted shortcut-hint" aria-hidden="true">${STRINGS.shortcutHint[lang]}</p>
      ${this.#cases.renderSummary((list) => (list.total === null ? fill(STRINGS.countShown[lang], { n: list.items.length }) : fill(STRINGS.count[lang], { n: list.total })))}
    </div>`;
  }

  static override styles = [tokens, base, dataTable, caseTable, deadlineStyles, listStyles, intakeTodayStyles, inboxStyles, pagerStyles];
}

defineElement('pakn-inbox', PaknInbox);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-inbox': PaknInbox;
  }
}
