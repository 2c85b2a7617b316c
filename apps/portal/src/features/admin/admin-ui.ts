import { css, html, nothing, type TemplateResult } from 'lit';
import type { Lang, Unit } from '@pakn/domain';
import { navigateOnClick } from '#shared/events.ts';
import { describedBy, editorStyles, field, pageStyles } from '#shared/form-fields.ts';
import { fill } from '#shared/i18n.ts';
import { listStyles } from '#shared/table.ts';
import { UNIT_KIND_LABELS, groupUnits } from '#shared/units.ts';
import { ADMIN } from './strings.ts';
import { filterUnits } from './unit-search.ts';

/** Where the admin pages live; the landing page links to each. */
const ADMIN_PATH = '/portal/admin';

export interface FilterOptions {
  readonly value: string;
  readonly shown: number;
  readonly total: number;
  readonly lang: Lang;
  /** Whether to say that Vietnamese marks may be left out. */
  readonly hint?: boolean;
  readonly onInput: (value: string) => void;
}

/** The box that narrows a long list, with how many entries it shows. */
export function renderFilter(o: FilterOptions): TemplateResult {
  const lang = o.lang;
  return html`<div class="toolbar">
    ${field({
      id: 'filter',
      label: ADMIN.filter[lang],
      hint: o.hint ? ADMIN.filterHint[lang] : undefined,
      control: html`<input
        id="filter"
        type="search"
        autocomplete="off"
        aria-describedby=${o.hint ? 'filter-hint filter-count' : 'filter-count'}
        .value=${o.value}
        @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
      />`,
    })}
    <p id="filter-count" class="muted" aria-live="polite">${fill(ADMIN.shown[lang], { shown: o.shown, total: o.total })}</p>
  </div>`;
}

/** The way back to the admin landing page, above each admin page's heading. */
export function renderBreadcrumb(lang: Lang, from: EventTarget): TemplateResult {
  return html`<nav class="breadcrumb" aria-label=${ADMIN.breadcrumb[lang]}>
    <a href=${ADMIN_PATH} @click=${(e: MouseEvent) => navigateOnClick(e, from)}>${ADMIN.backToAdmin[lang]}</a>
    <span aria-hidden="true">›</span>
  </nav>`;
}

/** Enter in the search box goes on to the narrowed list instead of submitting the form half-filled. */
function onSearchKey(event: KeyboardEvent): void {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  const search = event.currentTarget as HTMLInputElement;
  search.closest('.unit-picker')?.querySelector('select')?.focus();
}

export interface UnitPickerOptions {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
  readonly error: string | undefined;
  readonly units: readonly Unit[];
  readonly value: string;
  readonly query: string;
  /** The first option, meaning "no unit"; absent when a unit must be chosen. */
  readonly emptyLabel: string;
  readonly lang: Lang;
  readonly onQuery: (query: string) => void;
  readonly onChange: (unitId: string) => void;
}

/**
 * A unit select with a search box that narrows it: with some 160 units, scrolling a select is slow, and a
 * native select keeps keyboard use and screen-reader support that a home-made combobox would have to rebuild.
 */
export function renderUnitPicker(o: UnitPickerOptions): TemplateResult {
  const shown = filterUnits(o.units, o.query, o.value);
  const matches = o.query ? filterUnits(o.units, o.query).length : o.units.length;
  return html`<div class="field unit-picker">
    <label for=${o.id}>${o.label}</label>
    <span id="${o.id}-hint" class="hint">${o.hint}</span>
    <div class="picker-row">
      <span class="picker-search">
        <label class="visually-hidden" for="${o.id}-search">${ADMIN.unitSearch[o.lang]} (${o.label})</label>
        <input
          id="${o.id}-search"
          type="search"
          autocomplete="off"
          placeholder=${ADMIN.unitSearch[o.lang]}
          aria-describedby="${o.id}-search-hint ${o.id}-count"
          .value=${o.query}
          @input=${(e: Event) => o.onQuery((e.target as HTMLInputElement).value)}
          @keydown=${onSearchKey}
        />
        <span id="${o.id}-search-hint" class="visually-hidden">${ADMIN.unitSearchHint[o.lang]}</span>
      </span>
      <select
        id=${o.id}
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${describedBy(o.id, true, o.error)}
        @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${!o.value}>${o.emptyLabel}</option>
        ${groupUnits(shown).map(
          (g) =>
            html`<optgroup label=${UNIT_KIND_LABELS[g.kind][o.lang]}>
              ${g.units.map((u) => html`<option value=${u.id} ?selected=${u.id === o.value}>${u.name}</option>`)}
            </optgroup>`,
        )}
      </select>
    </div>
    <span id="${o.id}-count" class="hint" aria-live="polite">${o.query ? fill(ADMIN.unitsFound[o.lang], { n: matches }) : nothing}</span>
    ${o.error ? html`<span id="${o.id}-error" class="field-error">${o.error}</span>` : nothing}
  </div>`;
}

/** Layout shared by the admin pages, on top of the portal's `base` and `dataTable`. */
export const adminStyles = [
  pageStyles,
  editorStyles,
  listStyles,
  css`
    .breadcrumb {
      display: flex;
      gap: 0.4rem;
      margin-bottom: 0.5rem;
      font-size: 0.95rem;
    }
    .toolbar .field {
      margin-bottom: 0;
      flex: 1 1 18rem;
      max-width: 28rem;
    }
    .picker-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .picker-row .picker-search {
      flex: 1 1 12rem;
      max-width: 16rem;
    }
    .picker-row select {
      flex: 2 1 16rem;
      width: auto;
    }
    code {
      font-family: ui-monospace, 'Cascadia Mono', Consolas, monospace;
      font-size: 0.9rem;
      overflow-wrap: anywhere;
    }
  `,
];
