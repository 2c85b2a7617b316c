import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import {
  CASE_STATUSES,
  CASE_STATUS_LABELS,
  CHANNEL_LABELS,
  InboxInputSchema,
  OUT_OF_SCOPE_LABELS,
  can,
  isUnitRole,
  type Lang,
  type StaffMember,
} from '@pakn/domain';
import type { StaffCaseView } from '@pakn/api-client';
import type { PaknClient } from '@pakn/api-client';
import { errorInfo, isSignedOut, paknClient } from '#shared/client.ts';
import { NavigateEvent, SessionExpiredEvent, navigateOnClick, type CaseChangedEvent } from '#shared/events.ts';
import { DEADLINE_STRINGS, deadlineStyles, deadlineTone, renderDeadline } from '#shared/deadline.ts';
import { COMMON, elementLang, formatDateTime, shorten } from '#shared/i18n.ts';
import { hanoiToday, intakeSummaryParts, type DailyIntakeStats } from '#shared/intake-stats.ts';
import { shortcutKey } from '#shared/shortcuts.ts';
import { base, caseTable, dataTable, tokens } from '#shared/styles.ts';
import { CategoriesController } from '#shared/categories.ts';
import '#shared/pakn-export-button.ts';
import { STRINGS } from './strings.ts';

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

type InboxState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly cases: readonly StaffCaseView[] }
  | { readonly kind: 'failed'; readonly message: string };

/** Live changes arriving in a burst (a merge, a batch of calls) cause one re-read. */
const LIVE_REFRESH_DELAY_MS = 300;
/** Searching as one types, without a request per key. */
const SEARCH_DELAY_MS = 300;

/** The inbox's address: the filter and the search, so that Back and reload come back to them. */
function inboxPath(filter: InboxFilter, q: string): string {
  const params = new URLSearchParams();
  if (filter !== 'open') params.set('status', filter);
  if (q.trim()) params.set('q', q.trim());
  const search = params.toString();
  return search ? `${location.pathname}?${search}` : location.pathname;
}

/**
 * `<pakn-inbox>`: the cases the signed-in staff member may see, filtered by status, the nearest deadline
 * first (the server's order); each row shows its current stage, due date and time left. The Centre's staff
 * also see today's intake figures. The list follows the live feed (`pakn-case-changed` on window).
 *
 * Attributes: `status` (open | all | a case status; default open), `q` (a search, with or without
 * diacritics; results best match first), `lang` (vi | en; default the page's).
 * Events out: `pakn-navigate` (opening a case, changing the filter or the search; the shell keeps them in
 * the URL), `pakn-session-expired` (the server says nobody is signed in).
 * Keys: `j`/`k` select the next/previous case, `Enter` opens it, `/` goes to the search box.
 */
export class PaknInbox extends LitElement {
  readonly #categories = new CategoriesController(this);
  static override properties = {
    status: { type: String },
    q: { type: String },
    lang: { type: String },
    state: { state: true },
    stats: { state: true },
    selected: { state: true },
    mine: { state: true },
    viewer: { state: true },
  };

  declare status: string;
  declare q: string;
  declare lang: string;
  declare protected state: InboxState;
  /** Today's intake figures, for those who see all cases. */
  declare protected stats: DailyIntakeStats | null;
  /** The row chosen with j/k (-1: none). */
  declare protected selected: number;
  /** "Assigned to me": a unit member's own cases only. */
  declare protected mine: boolean;
  declare protected viewer: StaffMember | null;

  /** Drops answers to requests that a newer filter superseded. */
  #requestSeq = 0;
  #viewer: StaffMember | null = null;
  #liveTimer: ReturnType<typeof setTimeout> | undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.status = 'open';
    this.q = '';
    this.lang = '';
    this.state = { kind: 'loading' };
    this.stats = null;
    this.selected = -1;
    this.mine = false;
    this.viewer = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.#onKeyDown);
    window.addEventListener('pakn-case-changed', this.#onLiveChange);
    void this.#loadStats();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.#onKeyDown);
    window.removeEventListener('pakn-case-changed', this.#onLiveChange);
    clearTimeout(this.#liveTimer);
    clearTimeout(this.#searchTimer);
    super.disconnectedCallback();
  }

  get language(): Lang {
    return elementLang(this.lang);
  }

  get filter(): InboxFilter {
    return toFilter(this.status);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('status') || changed.has('q')) void this.load();
  }

  /**
   * Reloads the list (also called by the shell when the user comes back to the inbox). A quiet reload (live
   * updates) keeps the current list on screen until the new one arrives, and the selection on the same case.
   */
  async load(quiet = false): Promise<void> {
    const seq = ++this.#requestSeq;
    const previous = this.state.kind === 'loaded' ? this.state.cases[this.selected]?.id : undefined;
    if (!quiet) {
      this.state = { kind: 'loading' };
      this.selected = -1;
    }
    try {
      const q = this.q.trim();
      const cases = await paknClient().case.inbox.query({ status: this.filter, ...(this.mine ? { assignedToMe: true } : {}), ...(q ? { q } : {}) });
      if (seq !== this.#requestSeq) return;
      this.state = { kind: 'loaded', cases };
      if (quiet) this.selected = previous ? cases.findIndex((c) => c.id === previous) : -1;
    } catch (error) {
      if (seq !== this.#requestSeq) return;
      const info = errorInfo(error, this.language);
      if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
      if (!quiet) this.state = { kind: 'failed', message: info.message };
    }
  }

  async #loadStats(): Promise<void> {
    try {
      this.#viewer ??= await paknClient().auth.me.query();
      this.viewer = this.#viewer;
      if (!this.#viewer || !can(this.#viewer.role, 'viewAllCases')) return;
      this.stats = await paknClient().intake.dailyStats.query({ date: hanoiToday() });
    } catch {
      // The figures are a convenience: the inbox works without them.
    }
  }

  #onLiveChange = (_event: CaseChangedEvent): void => {
    clearTimeout(this.#liveTimer);
    this.#liveTimer = setTimeout(() => {
      void this.load(true);
      void this.#loadStats();
    }, LIVE_REFRESH_DELAY_MS);
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    const key = shortcutKey(event);
    if (key === '/') {
      event.preventDefault();
      this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
      return;
    }
    if (this.state.kind !== 'loaded' || this.state.cases.length === 0) return;
    const count = this.state.cases.length;
    if (key === 'j' || key === 'k') {
      event.preventDefault();
      const next = key === 'j' ? Math.min(this.selected + 1, count - 1) : Math.max(this.selected - 1, 0);
      void this.#select(this.selected === -1 ? 0 : next);
    } else if (key === 'Enter' && this.selected >= 0) {
      // A focused link or button does its own thing; Enter on the page opens the selected row.
      const target = event.composedPath()[0];
      if (target instanceof Element && target.closest('a, button, summary, [role="button"], [tabindex]:not([tabindex="-1"])')) return;
      event.preventDefault();
      const item = this.state.cases[this.selected];
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
    // Keep the filter in the address so that Back and reload come back to it; harmless when unhandled.
    this.dispatchEvent(new NavigateEvent({ path: inboxPath(value, this.q), replace: true }));
  }

  #search(q: string): void {
    clearTimeout(this.#searchTimer);
    if (q.trim() === this.q.trim()) return;
    this.q = q;
    this.dispatchEvent(new NavigateEvent({ path: inboxPath(this.filter, q), replace: true }));
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

  protected override render() {
    const lang = this.language;
    const state = this.state;
    return html`
      <div class="root" lang=${lang}>
        <h1>${STRINGS.heading[lang]}</h1>
        ${this.stats
          ? html`<p class="today" data-testid="intake-today">
              <strong>${STRINGS.today[lang]}:</strong> ${intakeSummaryParts(this.stats, lang).join(' · ')}
            </p>`
          : nothing}
        <div class="toolbar">
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
              ${this.q.trim()
                ? html`<button type="button" class="secondary" data-testid="search-clear" @click=${this.#clearSearch}>${STRINGS.clearSearch[lang]}</button>`
                : nothing}
            </div>
            <p id="search-help" class="muted hint">${STRINGS.searchHelp[lang]}</p>
          </form>
          <div class="field filter">
            <label for="status">${STRINGS.statusFilter[lang]}</label>
            <select id="status" @change=${this.#onFilterChange} .value=${this.filter}>
              ${FILTERS.map(
                (f) => html`<option value=${f} ?selected=${f === this.filter}>${this.#filterLabel(f, lang)}</option>`,
              )}
            </select>
          </div>
          ${this.viewer && isUnitRole(this.viewer.role)
            ? html`<label class="mine"
                ><input
                  type="checkbox"
                  .checked=${this.mine}
                  data-testid="inbox-mine"
                  @change=${(e: Event) => {
                    this.mine = (e.target as HTMLInputElement).checked;
                    void this.load();
                  }}
                />
                ${STRINGS.assignedToMe[lang]}</label
              >`
            : nothing}
          ${this.viewer && can(this.viewer.role, 'exportCases')
            ? html`<pakn-export-button file="cases.csv" .filter=${this.#csvFilter()} label=${STRINGS.csv[lang]} hint=${STRINGS.csvTitle[lang]} lang=${lang} data-testid="inbox-csv"></pakn-export-button>`
            : nothing}
          <p class="muted shortcut-hint" aria-hidden="true">${STRINGS.shortcutHint[lang]}</p>
          <p class="muted summary" role="status">
            ${state.kind === 'loading'
              ? COMMON.loading[lang]
              : state.kind === 'loaded'
                ? STRINGS.count[lang].replace('{n}', String(state.cases.length))
                : nothing}
          </p>
        </div>
        ${state.kind === 'failed'
          ? html`<div class="alert" role="alert">
              <p>${state.message}</p>
              <button type="button" class="secondary" @click=${() => void this.load()}>${COMMON.retry[lang]}</button>
            </div>`
          : nothing}
        ${state.kind === 'loaded' ? this.#renderCases(state.cases, lang) : nothing}
      </div>
    `;
  }

  /** The same list as on screen, as CSV. */
  #csvFilter(): Record<string, string> {
    const filter: Record<string, string> = { status: this.filter };
    if (this.mine) filter.assignedToMe = '1';
    if (this.q.trim()) filter.q = this.q.trim();
    return filter;
  }

  #filterLabel(filter: InboxFilter, lang: Lang): string {
    if (filter === 'open') return STRINGS.open[lang];
    if (filter === 'all') return STRINGS.all[lang];
    return CASE_STATUS_LABELS[filter][lang];
  }

  #categoryLabel(item: StaffCaseView, lang: Lang): string {
    if (item.outOfScopeClass) return `${STRINGS.outOfScope[lang]}: ${OUT_OF_SCOPE_LABELS[item.outOfScopeClass][lang]}`;
    const category = item.category ?? item.reportedCategory;
    return category ? this.#categories.label(category, lang) : COMMON.notSet[lang];
  }

  #renderCases(cases: readonly StaffCaseView[], lang: Lang) {
    const q = this.q.trim();
    if (cases.length === 0) {
      return q
        ? html`<p class="empty" data-testid="search-empty">${STRINGS.noResults[lang].replace('{q}', q)}</p>`
        : html`<p class="empty">${STRINGS.empty[lang]}</p>`;
    }
    return html`
      <div class="table-wrap" part="table">
        <table>
          <caption class="visually-hidden">${q ? STRINGS.searchCaption[lang].replace('{q}', q) : STRINGS.caption[lang]}</caption>
          <thead>
            <tr>
              <th scope="col">${STRINGS.reference[lang]}</th>
              <th scope="col" class="col-deadline">${DEADLINE_STRINGS.deadline[lang]}</th>
              <th scope="col">${STRINGS.receivedAt[lang]}</th>
              <th scope="col" class="col-channel">${STRINGS.channel[lang]}</th>
              <th scope="col">${STRINGS.category[lang]}</th>
              <th scope="col">${STRINGS.status[lang]}</th>
              <th scope="col" class="col-description">${STRINGS.description[lang]}</th>
            </tr>
          </thead>
          <tbody>
            ${cases.map(
              (item, index) => html`
                <tr
                  data-index=${index}
                  data-reference=${item.reference}
                  ?data-selected=${index === this.selected}
                  data-tone=${item.deadline ? deadlineTone(item.deadline) : 'none'}
                >
                  <th scope="row" class="reference">
                    <a
                      href="/portal/cases/${encodeURIComponent(item.id)}"
                      @click=${(e: MouseEvent) => navigateOnClick(e, this)}
                      @focus=${() => (this.selected = index)}
                      >${item.reference}</a
                    >
                  </th>
                  <td class="col-deadline" data-testid="inbox-deadline">${renderDeadline(item.deadline, lang, item.presentationWarning)}</td>
                  <td class="received"><time datetime=${item.createdAt}>${formatDateTime(item.createdAt)}</time></td>
                  <td class="col-channel">${CHANNEL_LABELS[item.channel][lang]}</td>
                  <td>${this.#categoryLabel(item, lang)}</td>
                  <td><span class="badge" data-status=${item.status}>${CASE_STATUS_LABELS[item.status][lang]}</span></td>
                  <td class="col-description">${shorten(item.description)}</td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  static override styles = [
    tokens,
    base,
    dataTable,
    caseTable,
    deadlineStyles,
    css`
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: 0.5rem 1.5rem;
        margin-bottom: var(--_space);
      }
      .filter {
        flex: 0 1 22rem;
        margin: 0;
      }
      .search {
        flex: 1 1 22rem;
        margin: 0;
      }
      .search-row {
        display: flex;
        gap: 0.5rem;
      }
      .search-row input {
        flex: 1;
        min-width: 0;
      }
      .search .hint {
        margin: 0.25rem 0 0;
        font-size: 0.9rem;
      }
      .summary {
        margin: 0 0 0.5rem;
        min-height: 1.5em;
      }
      .mine {
        display: flex;
        gap: 0.4rem;
        align-items: center;
        margin: 0 0 0.6rem;
        font-weight: 600;
      }
      .toolbar a.button {
        margin-bottom: 0.5rem;
      }
      .shortcut-hint {
        margin: 0 0 0.5rem;
        font-size: 0.9rem;
      }
      .today {
        padding: 0.6rem 0.9rem;
        background: var(--_surface);
        border-radius: var(--_radius);
        border-left: 4px solid var(--_primary);
      }
      tbody tr[data-selected] {
        background: #eaf1f8;
        box-shadow: inset 4px 0 0 var(--_primary);
      }
      .empty {
        padding: var(--_space);
        background: var(--_surface);
        border-radius: var(--_radius);
      }
      th.reference {
        font-weight: 600;
        white-space: nowrap;
      }
      .received {
        white-space: nowrap;
      }
      .col-deadline {
        min-width: 12.5rem;
      }
      .col-description {
        min-width: 14rem;
        color: var(--_muted);
      }
      /* A tablet in portrait: the description is one click away, the columns that decide the work stay. */
      @media (max-width: 860px) {
        .col-description,
        .col-channel {
          display: none;
        }
        .col-deadline {
          min-width: 10rem;
        }
        .received {
          white-space: normal;
        }
      }
    `,
  ];
}

if (!customElements.get('pakn-inbox')) customElements.define('pakn-inbox', PaknInbox);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-inbox': PaknInbox;
  }
}
