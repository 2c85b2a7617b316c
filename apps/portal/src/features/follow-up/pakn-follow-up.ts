import { LitElement, css, html, nothing } from 'lit';
import { CASE_STATUS_LABELS, InspectionInputSchema, can, fieldErrors, type Lang, type StaffMember } from '@pakn/domain';
import type { StaffCaseView } from '@pakn/api-client';
import type { PaknClient } from '@pakn/api-client';
import { errorInfo, isSignedOut, paknClient } from '#shared/client.ts';
import { SessionExpiredEvent, navigateOnClick, type CaseChangedEvent } from '#shared/events.ts';
import { STAGE_LABELS, deadlineStyles, renderDue, renderPresentationWarning, renderTimeLeft } from '#shared/deadline.ts';
import { COMMON, elementLang, formatDateTime } from '#shared/i18n.ts';
import { base, caseTable, dataTable, tokens } from '#shared/styles.ts';
import { UNIT_RECORD_LABELS, recordKindsFor } from '#shared/unit-records.ts';
import { renderUnitOptions, unitName, type UnitView } from '#shared/units.ts';
import '#shared/pakn-unit-record.ts';
import '#shared/pakn-export-button.ts';
import './pakn-unit-evaluation.ts';
import { STRINGS } from './strings.ts';

type UnitRecord = Awaited<ReturnType<PaknClient['unit']['records']['query']>>[number];

type LoadState =
  | { readonly kind: 'loading' }
  | {
      readonly kind: 'loaded';
      readonly overdue: readonly StaffCaseView[];
      readonly atRisk: readonly StaffCaseView[];
      readonly units: readonly UnitView[];
      readonly records: readonly UnitRecord[];
    }
  | { readonly kind: 'failed'; readonly message: string };

interface InspectionDraft {
  unitId: string;
  underInspection: boolean;
  reason: string;
}

/** How many recent records the page lists. */
const RECENT_RECORDS = 15;
/** The follow-up page's export: the open cases. */
const OPEN_CASES = { status: 'open' } as const;

type ListName = 'overdue' | 'at-risk';

/**
 * `<pakn-follow-up>`: the open cases to chase (đôn đốc): those whose current stage is overdue, and those at
 * risk (two working days or less left). Unit members see their unit's cases only (the server decides). The
 * Centre records reminders and escalations (the Director also reprimands, corrections and commendations)
 * from each row, sees what was recorded lately, and the Director flags units for inspection.
 *
 * Attributes: `lang` (vi | en; default the page's).
 * Events out: `pakn-navigate` (opening a case), `pakn-unit-recorded` (bubbling from the record form),
 * `pakn-session-expired`. Follows the live feed (`pakn-case-changed` on window).
 */
export class PaknFollowUp extends LitElement {
  static override properties = {
    lang: { type: String },
    state: { state: true },
    viewer: { state: true },
    openRecord: { state: true },
    inspection: { state: true },
    inspectionErrors: { state: true },
    inspectionError: { state: true },
    inspectionBusy: { state: true },
    inspectionNotice: { state: true },
  };

  declare lang: string;
  declare protected state: LoadState;
  declare protected viewer: StaffMember | null;
  /** The row (list and case id) whose record form is open. */
  declare protected openRecord: string | null;
  declare protected inspection: InspectionDraft;
  declare protected inspectionErrors: Readonly<Record<string, string>>;
  declare protected inspectionError: string | null;
  declare protected inspectionBusy: boolean;
  declare protected inspectionNotice: string | null;

  #requestSeq = 0;

  constructor() {
    super();
    this.lang = '';
    this.state = { kind: 'loading' };
    this.viewer = null;
    this.openRecord = null;
    this.inspection = { unitId: '', underInspection: true, reason: '' };
    this.inspectionErrors = {};
    this.inspectionError = null;
    this.inspectionBusy = false;
    this.inspectionNotice = null;
  }

  get language(): Lang {
    return elementLang(this.lang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pakn-case-changed', this.#onLiveChange);
    void this.load();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('pakn-case-changed', this.#onLiveChange);
    super.disconnectedCallback();
  }

  #onLiveChange = (_event: CaseChangedEvent): void => {
    if (this.openRecord === null) void this.load(true);
  };

  /** Loads both lists, the units, recent records and the viewer (one batched request). */
  async load(quiet = false): Promise<void> {
    const seq = ++this.#requestSeq;
    if (!quiet) this.state = { kind: 'loading' };
    const client = paknClient();
    try {
      const [lists, units, records, viewer] = await Promise.all([
        client.case.followUp.query(),
        client.unit.list.query(),
        client.unit.records.query({}),
        client.auth.me.query(),
      ]);
      if (seq !== this.#requestSeq) return;
      this.viewer = viewer;
      this.state = { kind: 'loaded', overdue: lists.overdue, atRisk: lists.atRisk, units, records };
    } catch (error) {
      if (seq !== this.#requestSeq) return;
      const info = errorInfo(error, this.language);
      if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
      if (!quiet) this.state = { kind: 'failed', message: info.message };
    }
  }

  async #toggleRecord(key: string): Promise<void> {
    this.openRecord = this.openRecord === key ? null : key;
    await this.updateComplete;
    if (this.openRecord) this.renderRoot.querySelector<HTMLElement>(`[data-record-row="${CSS.escape(key)}"] pakn-unit-record`)?.focus();
  }

  async #setInspection(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.inspectionBusy) return;
    const lang = this.language;
    this.inspectionError = null;
    this.inspectionNotice = null;
    const parsed = InspectionInputSchema.safeParse(this.inspection);
    if (!parsed.success) {
      this.inspectionErrors = fieldErrors(parsed.error.issues, lang);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.inspection [aria-invalid="true"]')?.focus();
      return;
    }
    this.inspectionErrors = {};
    this.inspectionBusy = true;
    try {
      const result = await paknClient().unit.setInspection.mutate(parsed.data);
      const name = this.state.kind === 'loaded' ? unitName(this.state.units, result.unitId) : result.unitId;
      this.inspectionNotice = (result.underInspection ? STRINGS.inspectionOn[lang] : STRINGS.inspectionOff[lang]).replace('{unit}', name ?? '');
      this.inspection = { unitId: '', underInspection: true, reason: '' };
      await this.load(true);
    } catch (error) {
      const info = errorInfo(error, lang);
      if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
      this.inspectionErrors = info.fieldErrors;
      this.inspectionError = info.message;
    } finally {
      this.inspectionBusy = false;
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
          ${this.viewer && can(this.viewer.role, 'exportCases')
            ? html`<pakn-export-button file="cases.csv" .filter=${OPEN_CASES} label=${STRINGS.csv[lang]} hint=${STRINGS.csvTitle[lang]} lang=${lang} data-testid="follow-up-csv"></pakn-export-button>`
            : nothing}
        </div>
        ${state.kind === 'failed'
          ? html`<div class="alert" role="alert">
              <p>${state.message}</p>
              <button type="button" class="secondary" @click=${() => void this.load()}>${COMMON.retry[lang]}</button>
            </div>`
          : nothing}
        ${state.kind === 'loaded'
          ? html`${this.#renderList('overdue', state.overdue, state.units, lang)}
            ${this.#renderList('at-risk', state.atRisk, state.units, lang)} ${this.#renderRecords(state.records, state.units, lang)}
            ${this.#renderInspection(state.units, lang)}
            ${this.viewer && can(this.viewer.role, 'readEvaluation') ? html`<pakn-unit-evaluation lang=${lang}></pakn-unit-evaluation>` : nothing}`
          : nothing}
      </div>
    `;
  }

  #renderList(name: ListName, cases: readonly StaffCaseView[], units: readonly UnitView[], lang: Lang) {
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

  #unitCell(item: StaffCaseView, units: readonly UnitView[], lang: Lang) {
    const unitId = item.unitId ?? item.concernedUnitId;
    if (!unitId) return html`<span class="muted">${COMMON.notSet[lang]}</span>`;
    const unit = units.find((u) => u.id === unitId);
    const role = item.unitId ? STRINGS.handlingUnit[lang] : STRINGS.concernedUnit[lang];
    return html`<span class="unit-name" lang="vi">${unit?.name ?? unitId}</span> <span class="unit-role muted">(${role})</span>${unit?.underInspection
        ? html` <span class="badge">${STRINGS.underInspection[lang]}</span>`
        : nothing}`;
  }

  #renderTable(name: ListName, cases: readonly StaffCaseView[], units: readonly UnitView[], lang: Lang) {
    const mayRecord = this.viewer !== null && recordKindsFor(this.viewer.role).length > 0;
    const columns = mayRecord ? 7 : 6;
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
              ${mayRecord ? html`<th scope="col"><span class="visually-hidden">${STRINGS.actions[lang]}</span></th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${cases.map((item) => {
              const deadline = item.deadline;
              const key = `${name}:${item.id}`;
              // Reminders go to the unit handling the case; before forwarding, the delay is the Centre's own.
              const unitId = item.unitId;
              const open = this.openRecord === key;
              return html`<tr data-testid="follow-up-row" data-reference=${item.reference}>
                <th scope="row" class="reference">
                  <a href="/portal/cases/${encodeURIComponent(item.id)}" @click=${(e: MouseEvent) => navigateOnClick(e, this)}
                    >${item.reference}</a
                  >
                </th>
                <td>${this.#unitCell(item, units, lang)}</td>
                ${!deadline && item.presentationWarning
                  ? html`<td colspan="3">${renderPresentationWarning(item.presentationWarning, lang)}</td>`
                  : html`<td>${deadline ? STAGE_LABELS[deadline.stage][lang] : nothing}</td>
                      <td class="nowrap">${deadline ? renderDue(deadline) : nothing}</td>
                      <td>${deadline ? renderTimeLeft(deadline, lang) : nothing}</td>`}
                <td class="col-status">
                  <span class="badge" data-status=${item.status}>${CASE_STATUS_LABELS[item.status][lang]}</span>
                </td>
                ${mayRecord
                  ? html`<td class="nowrap">
                      ${unitId
                        ? html`<button
                            type="button"
                            class="secondary small"
                            aria-expanded=${open ? 'true' : 'false'}
                            aria-controls="record-${key}"
                            @click=${() => void this.#toggleRecord(key)}
                          >
                            ${STRINGS.remind[lang]}<span class="visually-hidden"> ${item.reference}</span>
                          </button>`
                        : nothing}
                    </td>`
                  : nothing}
              </tr>
              ${open && unitId && this.viewer
                ? html`<tr class="record-row" data-record-row=${key}>
                    <td colspan=${columns} id="record-${key}">
                      <p class="record-for">
                        ${STRINGS.recordFor[lang].replace('{reference}', item.reference)}
                        <span lang="vi">${unitName(units, unitId)}</span>
                      </p>
                      <pakn-unit-record
                        lang=${lang}
                        unit-id=${unitId}
                        case-id=${item.id}
                        reference=${item.reference}
                        viewer-role=${this.viewer.role}
                        @pakn-unit-recorded=${() => void this.load(true)}
                      ></pakn-unit-record>
                    </td>
                  </tr>`
                : nothing}`;
            })}
          </tbody>
        </table>
      </div>
    `;
  }

  #renderRecords(records: readonly UnitRecord[], units: readonly UnitView[], lang: Lang) {
    const recent = records.slice(0, RECENT_RECORDS);
    return html`<section class="list" aria-labelledby="records-heading" data-testid="follow-up-records">
      <h2 id="records-heading">${STRINGS.recordsHeading[lang]}</h2>
      ${recent.length === 0
        ? html`<p class="empty">${STRINGS.recordsEmpty[lang]}</p>`
        : html`<ul class="records">
            ${recent.map(
              (r) => html`<li data-kind=${r.kind}>
                <span class="record-head">
                  <strong>${UNIT_RECORD_LABELS[r.kind]?.[lang] ?? r.kind}</strong>
                  <span lang="vi">${unitName(units, r.unitId)}</span>
                  ${r.caseId && r.reference
                    ? html`<a href="/portal/cases/${encodeURIComponent(r.caseId)}" @click=${(e: MouseEvent) => navigateOnClick(e, this)}
                        >${r.reference}</a
                      >`
                    : nothing}
                  <span class="muted">${formatDateTime(r.at)}</span>
                </span>
                <span class="record-note" lang="vi">${r.note}</span>
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  #renderInspection(units: readonly UnitView[], lang: Lang) {
    const inspected = units.filter((u) => u.underInspection);
    const mayFlag = this.viewer !== null && can(this.viewer.role, 'setInspection');
    const d = this.inspection;
    const errors = this.inspectionErrors;
    return html`<section class="list inspection" aria-labelledby="inspection-heading" data-testid="follow-up-inspection">
      <h2 id="inspection-heading">${STRINGS.inspectionHeading[lang]}</h2>
      ${inspected.length === 0
        ? html`<p class="muted">${STRINGS.noInspection[lang]}</p>`
        : html`<ul>
            ${inspected.map((u) => html`<li lang="vi">${u.name}</li>`)}
          </ul>`}
      ${mayFlag
        ? html`<form @submit=${(e: SubmitEvent) => void this.#setInspection(e)} novalidate aria-labelledby="inspection-form-heading">
            <h3 id="inspection-form-heading">${STRINGS.inspectionForm[lang]}</h3>
            ${this.inspectionError ? html`<p class="alert" role="alert">${this.inspectionError}</p>` : nothing}
            <p role="status">${this.inspectionNotice ? html`<span class="success">${this.inspectionNotice}</span>` : nothing}</p>
            <div class="field">
              <label for="inspection-unit">${STRINGS.unit[lang]}</label>
              <select
                id="inspection-unit"
                aria-invalid=${errors.unitId ? 'true' : 'false'}
                aria-describedby=${errors.unitId ? 'inspection-unit-error' : nothing}
                @change=${(e: Event) => {
                  const unitId = (e.target as HTMLSelectElement).value;
                  const flagged = units.find((u) => u.id === unitId)?.underInspection ?? false;
                  this.inspection = { ...this.inspection, unitId, underInspection: !flagged };
                }}
              >
                <option value="" ?selected=${!d.unitId}>${STRINGS.chooseUnit[lang]}</option>
                ${renderUnitOptions(units, d.unitId, lang)}
              </select>
              ${errors.unitId ? html`<span id="inspection-unit-error" class="field-error">${errors.unitId}</span>` : nothing}
            </div>
            <fieldset>
              <legend>${STRINGS.inspectionChoice[lang]}</legend>
              <label class="choice">
                <input
                  type="radio"
                  name="underInspection"
                  .checked=${d.underInspection}
                  @change=${() => (this.inspection = { ...this.inspection, underInspection: true })}
                />${STRINGS.inspectionStart[lang]}
              </label>
              <label class="choice">
                <input
                  type="radio"
                  name="underInspection"
                  .checked=${!d.underInspection}
                  @change=${() => (this.inspection = { ...this.inspection, underInspection: false })}
                />${STRINGS.inspectionEnd[lang]}
              </label>
            </fieldset>
            <div class="field">
              <label for="inspection-reason">${STRINGS.inspectionReason[lang]}</label>
              <textarea
                id="inspection-reason"
                rows="2"
                .value=${d.reason}
                aria-invalid=${errors.reason ? 'true' : 'false'}
                aria-describedby=${errors.reason ? 'inspection-reason-error' : nothing}
                @input=${(e: Event) => (this.inspection = { ...this.inspection, reason: (e.target as HTMLTextAreaElement).value })}
              ></textarea>
              ${errors.reason ? html`<span id="inspection-reason-error" class="field-error">${errors.reason}</span>` : nothing}
            </div>
            <button type="submit" ?disabled=${this.inspectionBusy}>${STRINGS.inspectionSubmit[lang]}</button>
          </form>`
        : nothing}
    </section>`;
  }

  static override styles = [
    tokens,
    base,
    dataTable,
    caseTable,
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
      button.small {
        min-height: 2.25rem;
        padding: 0.2rem 0.7rem;
      }
      .record-row > td {
        background: var(--_surface);
      }
      .record-for {
        margin-bottom: 0.5rem;
        font-weight: 600;
      }
      .records {
        list-style: none;
        margin: 0;
        padding: 0;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .records li {
        display: flex;
        flex-direction: column;
        padding: 0.5rem 0.75rem;
        border-bottom: 1px solid var(--_border);
      }
      .records li:last-child {
        border-bottom: 0;
      }
      .record-head {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
        align-items: baseline;
      }
      .record-note {
        overflow-wrap: anywhere;
      }
      .inspection form {
        max-width: 40rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
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
