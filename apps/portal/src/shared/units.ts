import { html } from 'lit';
import type { Lang, Text, Unit, UnitKind } from '@pakn/domain';

/** A unit as `unit.list` returns it. */
export type UnitView = Unit & { readonly underInspection?: boolean };

export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, Text>> = {
  centre: { vi: 'Trung tâm', en: 'Centre' },
  branch: { vi: 'Chi nhánh', en: 'Branches' },
  department: { vi: 'Sở, ngành', en: 'Departments' },
  ward: { vi: 'UBND phường', en: 'Ward People’s Committees' },
  commune: { vi: 'UBND xã', en: 'Commune People’s Committees' },
};

/** Wards and communes first: most complaints are about them. */
const UNIT_KIND_ORDER: readonly UnitKind[] = ['ward', 'commune', 'branch', 'department', 'centre'];

/** The organisation's own order, from the Centre down: how the admin lists units. */
export const UNIT_KIND_HIERARCHY: readonly UnitKind[] = ['centre', 'branch', 'department', 'commune', 'ward'];

/** Units grouped by kind in `order` (UNIT_KIND_ORDER unless told), each group sorted by name the Vietnamese way. */
export function groupUnits<U extends Unit>(units: readonly U[], order: readonly UnitKind[] = UNIT_KIND_ORDER): { kind: UnitKind; units: U[] }[] {
  return order
    .map((kind) => ({
      kind,
      units: units.filter((u) => u.kind === kind).sort((a, b) => a.name.localeCompare(b.name, 'vi', { numeric: true })),
    }))
    .filter((g) => g.units.length > 0);
}

/** `<option>`s of a unit select, in `<optgroup>`s by kind. Option text is the unit's name only. */
export function renderUnitOptions(units: readonly Unit[], selected: string, lang: Lang) {
  return groupUnits(units).map(
    (g) =>
      html`<optgroup label=${UNIT_KIND_LABELS[g.kind][lang]}>
        ${g.units.map((u) => html`<option value=${u.id} ?selected=${u.id === selected}>${u.name}</option>`)}
      </optgroup>`,
  );
}

export function unitName(units: readonly Unit[], unitId: string | null | undefined): string | null {
  if (!unitId) return null;
  return units.find((u) => u.id === unitId)?.name ?? unitId;
}
