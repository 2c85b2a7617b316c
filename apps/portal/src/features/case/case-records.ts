import { html, nothing, type TemplateResult } from 'lit';
import type { Lang, StaffMember } from '@pakn/domain';
import { formatDateTime } from '#shared/i18n.ts';
import { UNIT_RECORD_LABELS, recordKindsFor } from '#shared/unit-records.ts';
import { unitName, type UnitView } from '#shared/units.ts';
import type { CaseView, UnitRecord } from './case-types.ts';
import { STRINGS } from './strings.ts';
import '#shared/pakn-unit-record.ts';

export interface RecordsView {
  readonly item: CaseView;
  readonly records: readonly UnitRecord[];
  readonly units: readonly UnitView[];
  readonly viewer: StaffMember | null;
  readonly lang: Lang;
  /** After a new record (`pakn-unit-recorded`): the page reads the records again. */
  readonly recorded: () => void;
}

/**
 * The reminders, escalations and assessments recorded against the unit handling the case, and the form to
 * record one (`<pakn-unit-record>`) for the roles that may. Nothing when there is neither.
 */
export function renderRecords(v: RecordsView): TemplateResult | typeof nothing {
  const { item, records, units, viewer, lang } = v;
  // Reminders and assessments concern the unit handling the case, once it has one.
  const unitId = item.unitId;
  const recorder = viewer && recordKindsFor(viewer.role).length > 0 && unitId !== null ? viewer : null;
  if (!recorder && records.length === 0) return nothing;
  return html`<section class="panel" aria-labelledby="records-heading" data-testid="case-records">
    <h2 id="records-heading">${STRINGS.recordsHeading[lang]}</h2>
    ${
      records.length > 0
        ? html`<ul class="records plain">
            ${records.map(
              (r) =>
                html`<li data-kind=${r.kind}>
                  <span
                    ><strong>${UNIT_RECORD_LABELS[r.kind]?.[lang] ?? r.kind}</strong>
                    <span class="muted"> · <span lang="vi">${unitName(units, r.unitId)}</span> · ${formatDateTime(r.at)}</span></span
                  >
                  <span class="record-note" lang="vi">${r.note}</span>
                </li>`,
            )}
          </ul>`
        : nothing
    }
    ${
      recorder
        ? html`<p class="muted">${STRINGS.recordedAgainst[lang]}<span lang="vi">${unitName(units, unitId)}</span></p>
            <pakn-unit-record
              lang=${lang}
              unit-id=${unitId ?? ''}
              case-id=${item.id}
              reference=${item.reference}
              viewer-role=${recorder.role}
              @pakn-unit-recorded=${v.recorded}
            ></pakn-unit-record>`
        : nothing
    }
  </section>`;
}
