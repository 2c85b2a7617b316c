import { html, nothing } from 'lit';
import { CASE_STATUS_LABELS, can, type Lang, type StaffMember } from '@pakn/domain';
import type { PaknClient, RouterOutputs } from '@pakn/api-client';
import { paknClient } from '#shared/client.ts';
import { StaffController, UnitsController } from '#shared/context.ts';
import { TaskStatus, loadTask, renderLoad } from '#shared/controllers/load.ts';
import { followCaseChanges } from '#shared/controllers/case-changes.ts';
import { NavigateEvent, navigateOnClick } from '#shared/events.ts';
import { PageTrail, pagerStyles, renderPager } from '#shared/pager.ts';
import { STAGE_LABELS, deadlineStyles, renderDue, renderPresentationWarning, renderTimeLeft } from '#shared/deadline.ts';
import { COMMON, fill, formatDateTime } from '#shared/i18n.ts';
import { base, caseTable, dataTable, tokens } from '#shared/styles.ts';
import { renderTable } from '#shared/table.ts';
import { UNIT_RECORD_LABELS, recordKindsFor } from '#shared/unit-records.ts';
import { unitName, type UnitView } from '#shared/units.ts';
import '#shared/pakn-unit-record.ts';
import '#shared/pakn-export-button.ts';
import './pakn-unit-evaluation.ts';
import './pakn-follow-up-inspection.ts';
import { followUpStyles } from './follow-up.styles.ts';
import { STRINGS } from './strings.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import { printHidesControls, printLandscape } from '#shared/print.ts';

type UnitRecord = Awaited<ReturnType<PaknClient['unit']['records']['query']>>[number];

/** How many recent records the page lists. */
const RECENT_RECORDS = 15;
/** The follow-up page's export: the open cases. */
const OPEN_CASES = { status: 'open' } as const;

type ListName = 'overdue' | 'at-risk';
type FollowUpList = RouterOutputs['case']['followUp']['overdue' | 'atRisk'];
type CaseRow = FollowUpList['items'][number];

/**
 * `<pakn-follow-up>`: the open cases to chase (đôn đốc): those whose current stage is overdue, and those at
 * risk (two working days or less left). Unit members see their unit's cases only (the server decides). The
 * Centre records reminders and escalations (the Director also reprimands, corrections and commendations)
 * from each row, sees what was recorded lately, and the Director flags units for inspection.
 *
 * Attributes: `overdue`, `at-risk` (the cursor of each list's page shown; none for the first; 50 cases a page),
 * `lang` (vi | en; default the page's).
 * Events out: `pakn-navigate` (opening a case), `pakn-unit-recorded` (bubbling from the record form),
 * `pakn-session-expired`. Follows the live feed (`pakn-case-changed` on window).
 */
export class PaknFollowUp extends PaknElement {
  static override properties = {
    overduePage: { type: String, attribute: 'overdue' },
    atRiskPage: { type: String, attribute: 'at-risk' },
    openRecord: { state: true },
  };

  declare overduePage: string;
  declare atRiskPage: string;
  readonly #trails: Record<ListName, PageTrail> = { overdue: new PageTrail(), 'at-risk': new PageTrail() };

  /** The row (list and case id) whose record form is open. */
  declare protected openRecord: string | null;

  readonly #staff = new StaffController(this);
  readonly #units = new UnitsController(this);
  /** Both lists and the recent records (one batched request). */
  readonly #data = loadTask(this, {
    args: () => [this.overduePage, this.atRiskPage] as const,
    run: async ([overdueCursor, atRiskCursor], signal) => {
      const client = paknClient();
      const pages = { ...(overdueCursor ? { overdueCursor } : {}), ...(atRiskCursor ? { atRiskCursor } : {}) };
      const [lists, records] = await Promise.all([client.case.followUp.query(pages, { signal }), client.unit.records.query({}, { signal })]);
      return { ...lists, records };
    },
    lang: () => this.language.value,
  });

  constructor() {
    super();
    // A live update reads the lists again, unless a record form is open (its row must stay).
    followCaseChanges(this, () => {
      if (this.openRecord === null) void this.#data.run();
    });
    this.openRecord = null;
    this.overduePage = '';
    this.atRiskPage = '';
  }

  /** Another page of one list: both cursors go in the address (a link to it opens it), Back returns. */
  /** Moves one list to another page, or both lists (`all`) to their first pages. */
  #goTo(name: ListName | 'all', to: { cursor: string } | 'previous'): void {
    if (name !== 'at-risk') this.overduePage = this.#trails.overdue.move(this.overduePage, to);
    if (name !== 'overdue') this.atRiskPage = this.#trails['at-risk'].move(this.atRiskPage, to);
    const params = new URLSearchParams();
    if (this.overduePage) params.set('overdue', this.overduePage);
    if (this.atRiskPage) params.set('at-risk', this.atRiskPage);
    this.dispatchEvent(new NavigateEvent({ path: `${location.pathname}${params.size ? `?${params}` : ''}` }));
    this.renderRoot.querySelector<HTMLElement>(name === 'all' ? 'h1' : `#${name}-heading`)?.scrollIntoView({ block: 'start' });
  }

  async #toggleRecord(key: string): Promise<void> {
    this.openRecord = this.openRecord === key ? null : key;
    await this.updateComplete;
    if (this.openRecord) this.renderRoot.querySelector<HTMLElement>(`[data-record-row="${CSS.escape(key)}"] pakn-unit-record`)?.focus();
  }

  protected override render() {
    const lang = this.language.value;
    const data = this.#data.value;
    const viewer = this.#staff.value;
    const units = this.#units.value ?? [];
    const loading = this.#data.status === TaskStatus.PENDING || this.#data.status === TaskStatus.INITIAL;
    return html`
      <div class="root" lang=${lang}>
        <h1>${STRINGS.heading[lang]}</h1>
        <p class="intro">${STRINGS.intro[lang]}</p>
        <div class="toolbar">
          <p class="muted summary" role="status">
            ${data ? fill(STRINGS.summary[lang], { overdue: data.overdue.total, atRisk: countOf(data.atRisk) }) : loading ? COMMON.loading[lang] : nothing}
          </p>
          <button type="button" class="secondary" ?disabled=${loading} @click=${() => void this.#data.run()}>${STRINGS.refresh[lang]}</button>
          ${
            viewer && can(viewer.role, 'exportCases')
              ? html`<pakn-export-button
                  file="cases.csv"
                  .filter=${OPEN_CASES}
                  label=${STRINGS.csv[lang]}
                  hint=${STRINGS.csvTitle[lang]}
                  lang=${lang}
                  data-testid="follow-up-csv"
                ></pakn-export-button>`
              : nothing
          }
        </div>
        ${renderLoad(this.#data, lang, {
          loading: nothing,
          firstPage: () => this.#goTo('all', { cursor: '' }),
          complete: (d) =>
            html`${this.#renderList('overdue', d.overdue, units, lang)} ${this.#renderList('at-risk', d.atRisk, units, lang)}
              ${this.#renderRecords(d.records, units, lang)}
              <pakn-follow-up-inspection
                lang=${lang}
                .units=${units}
                ?may-flag=${viewer !== null && viewer !== undefined && can(viewer.role, 'setInspection')}
                @pakn-inspection-changed=${() => {
                  void this.#units.changed();
                  void this.#data.run();
                }}
              ></pakn-follow-up-inspection>
              ${viewer && can(viewer.role, 'readEvaluation') ? html`<pakn-unit-evaluation lang=${lang}></pakn-unit-evaluation>` : nothing}`,
        })}
      </div>
    `;
  }

  #renderList(name: ListName, list: FollowUpList, units: readonly UnitView[], lang: Lang) {
    const headingId = `${name}-heading`;
    const cases = list.items;
    const paged = (name === 'overdue' ? this.overduePage : this.atRiskPage) !== '';
    const title = name === 'overdue' ? STRINGS.overdue[lang] : STRINGS.atRisk[lang];
    return html`
      <section class="list" aria-labelledby=${headingId} data-testid="follow-up-${name}" data-list=${name}>
        <h2 id=${headingId}>
          <span class="heading-mark" data-list=${name} aria-hidden="true"></span>${title}
          <span class="count">(${countOf(list)})</span>
        </h2>
        ${
          cases.length === 0
            ? html`<p class="empty">${name === 'overdue' ? STRINGS.overdueEmpty[lang] : STRINGS.atRiskEmpty[lang]}</p>`
            : this.#renderTable(name, cases, units, lang)
        }
        ${renderPager({ lang, name, paged, hasPrevious: this.#trails[name].hasPrevious, next: list.next, go: (to) => this.#goTo(name, to) })}
      </section>
    `;
  }

  #unitCell(item: CaseRow, units: readonly UnitView[], lang: Lang) {
    const unitId = item.unitId ?? item.concernedUnitId;
    if (!unitId) return html`<span class="muted">${COMMON.notSet[lang]}</span>`;
    const unit = units.find((u) => u.id === unitId);
    const role = item.unitId ? STRINGS.handlingUnit[lang] : STRINGS.concernedUnit[lang];
    return html`<span class="unit-name" lang="vi">${unit?.name ?? unitId}</span> <span class="unit-role muted">(${role})</span>${
        unit?.underInspection ? html` <span class="badge">${STRINGS.underInspection[lang]}</span>` : nothing
      }`;
  }

  #renderTable(name: ListName, cases: readonly CaseRow[], units: readonly UnitView[], lang: Lang) {
    const viewer = this.#staff.value ?? null;
    const mayRecord = viewer !== null && recordKindsFor(viewer.role).length > 0;
    return renderTable({
      caption: name === 'overdue' ? STRINGS.overdueCaption[lang] : STRINGS.atRiskCaption[lang],
      columns: [
        STRINGS.reference[lang],
        STRINGS.unit[lang],
        STRINGS.stage[lang],
        STRINGS.due[lang],
        name === 'overdue' ? STRINGS.overdueBy[lang] : STRINGS.timeLeft[lang],
        { label: STRINGS.status[lang], className: 'col-status' },
        ...(mayRecord ? [{ label: STRINGS.actions[lang], hidden: true }] : []),
      ],
      rows: cases.map((item) => this.#renderRow(name, item, units, lang, viewer, mayRecord)),
    });
  }

  /** A case's row, and under it the record form when it is open. */
  #renderRow(name: ListName, item: CaseRow, units: readonly UnitView[], lang: Lang, viewer: StaffMember | null, mayRecord: boolean) {
    const deadline = item.deadline;
    const key = `${name}:${item.id}`;
    // Reminders go to the unit handling the case; before forwarding, the delay is the Centre's own.
    const unitId = item.unitId;
    const open = this.openRecord === key;
    return html`<tr data-testid="follow-up-row" data-reference=${item.reference}>
        <th scope="row" class="reference">
          <a href="/portal/cases/${encodeURIComponent(item.id)}" @click=${(e: MouseEvent) => navigateOnClick(e, this)}>${item.reference}</a>
        </th>
        <td>${this.#unitCell(item, units, lang)}</td>
        ${
          !deadline && item.presentationWarning
            ? html`<td colspan="3">${renderPresentationWarning(item.presentationWarning, lang)}</td>`
            : html`<td>${deadline ? STAGE_LABELS[deadline.stage][lang] : nothing}</td>
                <td class="nowrap">${deadline ? renderDue(deadline) : nothing}</td>
                <td>${deadline ? renderTimeLeft(deadline, lang) : nothing}</td>`
        }
        <td class="col-status">
          <span class="badge" data-status=${item.status}>${CASE_STATUS_LABELS[item.status][lang]}</span>
        </td>
        ${
          mayRecord
            ? html`<td class="nowrap">
                ${
                  unitId
                    ? html`<button
                        type="button"
                        class="secondary small"
                        aria-expanded=${open ? 'true' : 'false'}
                        aria-controls="record-${key}"
                        @click=${() => void this.#toggleRecord(key)}
                      >
                        ${STRINGS.remind[lang]}<span class="visually-hidden"> ${item.reference}</span>
                      </button>`
                    : nothing
                }
              </td>`
            : nothing
        }
      </tr>
      ${
        open && unitId && viewer
          ? html`<tr class="record-row" data-record-row=${key}>
              <td colspan=${mayRecord ? 7 : 6} id="record-${key}">
                <p class="record-for">
                  ${fill(STRINGS.recordFor[lang], { reference: item.reference })}
                  <span lang="vi">${unitName(units, unitId)}</span>
                </p>
                <pakn-unit-record
                  lang=${lang}
                  unit-id=${unitId}
                  case-id=${item.id}
                  reference=${item.reference}
                  viewer-role=${viewer.role}
                  @pakn-unit-recorded=${() => void this.#data.run()}
                ></pakn-unit-record>
              </td>
            </tr>`
          : nothing
      }`;
  }

  #renderRecords(records: readonly UnitRecord[], units: readonly UnitView[], lang: Lang) {
    const recent = records.slice(0, RECENT_RECORDS);
    return html`<section class="list" aria-labelledby="records-heading" data-testid="follow-up-records">
      <h2 id="records-heading">${STRINGS.recordsHeading[lang]}</h2>
      ${
        recent.length === 0
          ? html`<p class="empty">${STRINGS.recordsEmpty[lang]}</p>`
          : html`<ul class="records">
              ${recent.map(
                (r) =>
                  html`<li data-kind=${r.kind}>
                    <span class="record-head">
                      <strong>${UNIT_RECORD_LABELS[r.kind]?.[lang] ?? r.kind}</strong>
                      <span lang="vi">${unitName(units, r.unitId)}</span>
                      ${
                        r.caseId && r.reference
                          ? html`<a href="/portal/cases/${encodeURIComponent(r.caseId)}" @click=${(e: MouseEvent) => navigateOnClick(e, this)}
                              >${r.reference}</a
                            >`
                          : nothing
                      }
                      <span class="muted">${formatDateTime(r.at)}</span>
                    </span>
                    <span class="record-note" lang="vi">${r.note}</span>
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  static override styles = [tokens, base, dataTable, caseTable, deadlineStyles, followUpStyles, pagerStyles, printHidesControls, printLandscape];
}

/** How many cases a list holds: its total, or (at risk, checked case by case) the page's count and "+" when more follow. */
function countOf(list: FollowUpList): string {
  return 'total' in list ? String(list.total) : `${list.items.length}${list.next ? '+' : ''}`;
}

defineElement('pakn-follow-up', PaknFollowUp);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-follow-up': PaknFollowUp;
  }
}
