import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { StaffMember } from '@pakn/domain';
import { LangController } from '#shared/controllers/lang.ts';
import { formatDateTime } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';
import { UNIT_RECORD_LABELS, recordKindsFor } from '#shared/unit-records.ts';
import { unitName, type UnitView } from '#shared/units.ts';
import type { CaseView, UnitRecord } from './case-types.ts';
import { lettersStyles, panelStyles } from './pakn-case.styles.ts';
import { STRINGS } from './strings.ts';
import '#shared/pakn-unit-record.ts';

/**
 * `<pakn-case-records .item .records .units .viewer>`: the reminders, escalations and assessments
 * recorded against the unit handling the case, and the form to record one for the roles that may. Shows
 * nothing when there is neither. Part of the case page.
 *
 * Events out: those of `<pakn-unit-record>` (`pakn-unit-recorded`).
 */
export class PaknCaseRecords extends LitElement {
  static override properties = {
    lang: { type: String },
    viewer: { attribute: false },
    item: { attribute: false },
    records: { attribute: false },
    units: { attribute: false },
  };

  declare lang: string;
  declare viewer: StaffMember | null;
  declare item: CaseView | null;
  declare records: readonly UnitRecord[];
  declare units: readonly UnitView[];

  readonly #lang = new LangController(this);

  constructor() {
    super();
    this.lang = '';
    this.viewer = null;
    this.item = null;
    this.records = [];
    this.units = [];
  }

  protected override render(): TemplateResult | typeof nothing {
    const item = this.item;
    if (!item) return nothing;
    const lang = this.#lang.value;
    const viewer = this.viewer;
    // Reminders and assessments concern the unit handling the case, once it has one.
    const unitId = item.unitId;
    const mayRecord = viewer !== null && recordKindsFor(viewer.role).length > 0 && unitId !== null;
    if (!mayRecord && this.records.length === 0) return nothing;
    return html`<section class="root panel" lang=${lang} aria-labelledby="records-heading" data-testid="case-records">
      <h2 id="records-heading">${STRINGS.recordsHeading[lang]}</h2>
      ${this.records.length > 0
        ? html`<ul class="records plain">
            ${this.records.map(
              (r) => html`<li data-kind=${r.kind}>
                <span
                  ><strong>${UNIT_RECORD_LABELS[r.kind]?.[lang] ?? r.kind}</strong>
                  <span class="muted"> · <span lang="vi">${unitName(this.units, r.unitId)}</span> · ${formatDateTime(r.at)}</span></span
                >
                <span class="record-note" lang="vi">${r.note}</span>
              </li>`,
            )}
          </ul>`
        : nothing}
      ${mayRecord && viewer
        ? html`<p class="muted">${STRINGS.recordedAgainst[lang]}<span lang="vi">${unitName(this.units, unitId)}</span></p>
            <pakn-unit-record lang=${lang} unit-id=${unitId ?? ''} case-id=${item.id} reference=${item.reference} viewer-role=${viewer.role}></pakn-unit-record>`
        : nothing}
    </section>`;
  }

  static override styles = [tokens, base, panelStyles, lettersStyles];
}

if (!customElements.get('pakn-case-records')) customElements.define('pakn-case-records', PaknCaseRecords);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-case-records': PaknCaseRecords;
  }
}
