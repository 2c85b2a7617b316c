import { LitElement, css, html, nothing } from 'lit';
import { CASE_STATUS_LABELS, type Lang, type Unit } from '@pakn/domain';
import type { StaffCaseView } from '@pakn/api';
import { errorInfo, isSignedOut, paknClient } from '#shared/client.ts';
import { SessionExpiredEvent, navigateOnClick } from '#shared/events.ts';
import { STAGE_LABELS, deadlineStyles, renderDue, renderTimeLeft } from '#shared/deadline.ts';
import { COMMON, elementLang } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';
import { STRINGS } from './strings.ts';

type LoadState =
  | { readonly kind: 'loading' }
  | {
      readonly kind: 'loaded';
      readonly overdue: readonly StaffCaseView[];
      readonly atRisk: readonly StaffCaseView[];
      readonly units: readonly Unit[];
    }
  | { readonly kind: 'failed'; readonly message: string };

type ListName = 'overdue' | 'at-risk';

/**
 * `<pakn-follow-up>`: the open cases to chase (đôn đốc): those whose current stage is overdue, and those at
 * risk (two working days or less left). Unit members see their unit's cases only (the server decides).
 *
 * Attributes: `lang` (vi | en; default the page's).
 * Events out: `pakn-navigate` (opening a case), `pakn-session-expired`.
 */
export class PaknFollowUp extends LitElement {
  static override properties = {
    lang: { type: String },
    state: { state: true },
  };

  declare lang: string;
  declare protected state: LoadState;

  #requestSeq = 0;

  constructor() {
    super();
    this.lang = '';
    this.state = { kind: 'loading' };
  }

  get language(): Lang {
    return elementLang(this.lang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Loads both lists and the unit names (one batched request). */
  async load(): Promise<void> {
    const seq = ++this.#requestSeq;
    this.state = { kind: 'loading' };
    const client = paknClient();
    try {
      const [lists, units] = await Promise.all([client.case.followUp.query(), client.unit.list.query()]);
      if (seq === this.#requestSeq) this.state = { kind: 'loaded', overdue: lists.overdue, atRisk: lists.atRisk, units };
    } catch (error) {
      if (seq !== this.#requestSeq) return;
      const info = errorInfo(error, this.language);
      if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
      this.state = { kind: 'failed', message: info.message };
    }
  }

  protected override render() {
    const lang = this.language;
    const state = this.state;
    return html`
      <div class="root" lang=${lang}>
        <h1>${STRINGS.heading[lang]}</h1>
        <p class="intro">${STRINGS.intro[lang]}</p>
        <div class="toolbar">
          <p class="muted summary" role="status">
            ${state.kind === 'loading'
              ? COMMON.loading[lang]
              : state.kind === 'loaded'
                ? STRINGS.summary[lang]
                    .replace('{overdue}', String(state.overdue.length))
                    .replace('{atRisk}', String(state.atRisk.length))
                : nothing}
          </p>
          <button type="button" class="secondary" ?disabled=${state.kind === 'loading'} @click=${() => void this.load()}>
            ${STRINGS.refresh[lang]}
          </button>
        </div>
        ${state.kind === 'failed'
          ? html`<div class="alert" role="alert">
              <p>${state.message}</p>
              <button type="button" class="secondary" @click=${() => void this.load()}>${COMMON.retry[lang]}</button>
            </div>`
          : nothing}
        ${state.kind === 'loaded'
          ? html`${this.#renderList('overdue', state.overdue, state.units, lang)}
            ${this.#renderList('at-risk', state.atRisk, state.units, lang)}`
          : nothing}
      </div>
    `;
  }

  #renderList(name: ListName, cases: readonly StaffCaseView[], units: readonly Unit[], lang: Lang) {
    const headingId = `${name}-heading`;
    const title = name === 'overdue' ? STRINGS.overdue[lang] : STRINGS.atRisk[lang];
    return html`
      <section class="list" aria-labelledby=${headingId} data-testid="follow-up-${name}" data-list=${name}>
        <h2 id=${headingId}>
          <span class="heading-mark" data-list=${name} aria-hidden="true"></span>${title}
          <span class="count">(${cases.length})</span>
        </h2>
        ${cases.length === 0
          ? html`<p class="empty">${name === 'overdue' ? STRINGS.overdueEmpty[lang] : STRINGS.atRiskEmpty[lang]}</p>`
          : this.#renderTable(name, cases, units, lang)}
      </section>
    `;
  }

  #unitCell(item: StaffCaseView, units: readonly Unit[], lang: Lang) {
    const unitId = item.unitId ?? item.concernedUnitId;
    if (!unitId) return html`<span class="muted">${COMMON.notSet[lang]}</span>`;
    const name = units.find((u) => u.id === unitId)?.name ?? unitId;
    const role = item.unitId ? STRINGS.handlingUnit[lang] : STRINGS.concernedUnit[lang];
    return html`<span class="unit-name" lang="vi">${name}</span> <span class="unit-role muted">(${role})</span>`;
  }

  #renderTable(name: ListName, cases: readonly StaffCaseView[], units: readonly Unit[], lang: Lang) {
    return html`
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">${name === 'overdue' ? STRINGS.overdueCaption[lang] : STRINGS.atRiskCaption[lang]}</caption>
          <thead>
            <tr>
              <th scope="col">${STRINGS.reference[lang]}</th>
              <th scope="col">${STRINGS.unit[lang]}</th>
              <th scope="col">${STRINGS.stage[lang]}</th>
              <th scope="col">${STRINGS.due[lang]}</th>
              <th scope="col">${name === 'overdue' ? STRINGS.overdueBy[lang] : STRINGS.timeLeft[lang]}</th>
              <th scope="col" class="col-status">${STRINGS.status[lang]}</th>
            </tr>
          </thead>
          <tbody>
            ${cases.map((item) => {
              const deadline = item.deadline;
              return html`<tr>
                <th scope="row" class="reference">
                  <a href="/portal/cases/${encodeURIComponent(item.id)}" @click=${(e: MouseEvent) => navigateOnClick(e, this)}
                    >${item.reference}</a
                  >
                </th>
                <td>${this.#unitCell(item, units, lang)}</td>
                <td>${deadline ? STAGE_LABELS[deadline.stage][lang] : nothing}</td>
                <td class="nowrap">${deadline ? renderDue(deadline) : nothing}</td>
                <td>${deadline ? renderTimeLeft(deadline, lang) : nothing}</td>
                <td class="col-status">
                  <span class="badge" data-status=${item.status}>${CASE_STATUS_LABELS[item.status][lang]}</span>
                </td>
              </tr>`;
            })}
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
      .intro {
        max-width: 60rem;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem 1.5rem;
        margin-bottom: var(--_space);
      }
      .summary {
        margin: 0;
        min-height: 1.5em;
      }
      .list {
        margin-bottom: 2rem;
      }
      .heading-mark {
        display: inline-block;
        width: 0.35rem;
        height: 1.15em;
        margin-right: 0.5rem;
        vertical-align: -0.2em;
        border-radius: 2px;
      }
      .heading-mark[data-list='overdue'] {
        background: var(--_danger);
      }
      .heading-mark[data-list='at-risk'] {
        background: var(--_warning);
      }
      .count {
        font-weight: 400;
        color: var(--_muted);
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
      .nowrap {
        white-space: nowrap;
      }
      td .time-left {
        white-space: nowrap;
      }
      .unit-role {
        font-size: 0.9rem;
      }
      @media (max-width: 860px) {
        .col-status {
          display: none;
        }
      }
    `,
  ];
}

if (!customElements.get('pakn-follow-up')) customElements.define('pakn-follow-up', PaknFollowUp);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-follow-up': PaknFollowUp;
  }
}
