import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import {
  CASE_STATUSES,
  CASE_STATUS_LABELS,
  CATEGORY_LABELS,
  CHANNEL_LABELS,
  InboxInputSchema,
  OUT_OF_SCOPE_LABELS,
  type Lang,
} from '@pakn/domain';
import type { StaffCaseView } from '@pakn/api';
import type { PaknClient } from '@pakn/api-client';
import { errorInfo, isSignedOut, paknClient } from '#shared/client.ts';
import { NavigateEvent, SessionExpiredEvent, navigateOnClick } from '#shared/events.ts';
import { DEADLINE_STRINGS, deadlineStyles, deadlineTone, renderDeadline } from '#shared/deadline.ts';
import { COMMON, elementLang, formatDateTime, shorten } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';
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

/**
 * `<pakn-inbox>`: the cases the signed-in staff member may see, filtered by status, the nearest deadline
 * first (the server's order); each row shows its current stage, due date and time left.
 *
 * Attributes: `status` (open | all | a case status; default open), `lang` (vi | en; default the page's).
 * Events out: `pakn-navigate` (opening a case, changing the filter; the shell keeps them in the URL),
 * `pakn-session-expired` (the server says nobody is signed in).
 */
export class PaknInbox extends LitElement {
  static override properties = {
    status: { type: String },
    lang: { type: String },
    state: { state: true },
  };

  declare status: string;
  declare lang: string;
  declare protected state: InboxState;

  /** Drops answers to requests that a newer filter superseded. */
  #requestSeq = 0;

  constructor() {
    super();
    this.status = 'open';
    this.lang = '';
    this.state = { kind: 'loading' };
  }

  get language(): Lang {
    return elementLang(this.lang);
  }

  get filter(): InboxFilter {
    return toFilter(this.status);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('status')) void this.load();
  }

  /** Reloads the list (also called by the shell when the user comes back to the inbox). */
  async load(): Promise<void> {
    const seq = ++this.#requestSeq;
    this.state = { kind: 'loading' };
    try {
      const cases = await paknClient().case.inbox.query({ status: this.filter });
      if (seq === this.#requestSeq) this.state = { kind: 'loaded', cases };
    } catch (error) {
      if (seq !== this.#requestSeq) return;
      const info = errorInfo(error, this.language);
      if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
      this.state = { kind: 'failed', message: info.message };
    }
  }

  #onFilterChange(event: Event): void {
    const value = toFilter((event.target as HTMLSelectElement).value);
    this.status = value;
    // Keep the filter in the address so that Back and reload come back to it; harmless when unhandled.
    const path = value === 'open' ? location.pathname : `${location.pathname}?status=${value}`;
    this.dispatchEvent(new NavigateEvent({ path, replace: true }));
  }

  protected override render() {
    const lang = this.language;
    const state = this.state;
    return html`
      <div class="root" lang=${lang}>
        <h1>${STRINGS.heading[lang]}</h1>
        <div class="toolbar">
          <div class="field filter">
            <label for="status">${STRINGS.statusFilter[lang]}</label>
            <select id="status" @change=${this.#onFilterChange} .value=${this.filter}>
              ${FILTERS.map(
                (f) => html`<option value=${f} ?selected=${f === this.filter}>${this.#filterLabel(f, lang)}</option>`,
              )}
            </select>
          </div>
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

  #filterLabel(filter: InboxFilter, lang: Lang): string {
    if (filter === 'open') return STRINGS.open[lang];
    if (filter === 'all') return STRINGS.all[lang];
    return CASE_STATUS_LABELS[filter][lang];
  }

  #categoryLabel(item: StaffCaseView, lang: Lang): string {
    if (item.outOfScopeClass) return `${STRINGS.outOfScope[lang]}: ${OUT_OF_SCOPE_LABELS[item.outOfScopeClass][lang]}`;
    const category = item.category ?? item.reportedCategory;
    return category ? CATEGORY_LABELS[category][lang] : COMMON.notSet[lang];
  }

  #renderCases(cases: readonly StaffCaseView[], lang: Lang) {
    if (cases.length === 0) return html`<p class="empty">${STRINGS.empty[lang]}</p>`;
    return html`
      <div class="table-wrap" part="table">
        <table>
          <caption class="visually-hidden">${STRINGS.caption[lang]}</caption>
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
              (item) => html`
                <tr data-tone=${item.deadline ? deadlineTone(item.deadline) : 'none'}>
                  <th scope="row" class="reference">
                    <a href="/portal/cases/${encodeURIComponent(item.id)}" @click=${(e: MouseEvent) => navigateOnClick(e, this)}
                      >${item.reference}</a
                    >
                  </th>
                  <td class="col-deadline" data-testid="inbox-deadline">${renderDeadline(item.deadline, lang)}</td>
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
      .summary {
        margin: 0 0 0.5rem;
        min-height: 1.5em;
      }
      .empty {
        padding: var(--_space);
        background: var(--_surface);
        border-radius: var(--_radius);
      }
      .table-wrap {
        overflow-x: auto;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 0.95rem;
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: 0.6rem 0.75rem;
        border-bottom: 1px solid var(--_border);
      }
      thead th {
        background: var(--_surface);
        font-weight: 600;
        white-space: nowrap;
      }
      tbody tr:last-child > * {
        border-bottom: 0;
      }
      tbody tr:hover {
        background: #f9fafb;
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
