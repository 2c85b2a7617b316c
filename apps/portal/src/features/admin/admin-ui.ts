import { css, html, nothing, type TemplateResult } from 'lit';
import type { Lang, Unit } from '@pakn/domain';
import type { EditorController } from '#shared/controllers/editor.ts';
import { navigateOnClick } from '#shared/events.ts';
import { describedBy, field } from '#shared/form-fields.ts';
import { fill } from '#shared/i18n.ts';
import { listEditorStyles, type EntryDraft, type FieldSpec } from '#shared/list-editor.ts';
import { UNIT_KIND_LABELS, groupUnits } from '#shared/units.ts';
import { ADMIN } from './strings.ts';
import { filterUnits } from './unit-search.ts';

/** Where the admin pages live; the landing page links to each. */
const ADMIN_PATH = '/portal/admin';

interface FilterOptions {
  readonly value: string;
  readonly shown: number;
  readonly total: number;
  readonly lang: Lang;
  /** Whether to say that Vietnamese marks may be left out. */
  readonly hint?: boolean;
  readonly onInput: (value: string) => void;
}

/** The box that narrows a long list, with how many entries it shows; then the list, or that nothing matches. */
export function renderFilter(o: FilterOptions, list: () => TemplateResult | TemplateResult[]): TemplateResult {
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
    </div>
    ${o.shown === 0 ? html`<p class="empty">${ADMIN.noMatch[lang]}</p>` : list()}`;
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
  search.closest('.field')?.querySelector('select')?.focus();
}

/** A draft whose form has a unit picker: the picker's search words are kept with it (a new draft, no words). */
export interface PickerDraft extends EntryDraft {
  query: string;
}

/**
 * A unit picker as a field of an admin page's editor (`id` is the draft's unit id): a unit select with a search
 * box that narrows it. With some 160 units, scrolling a select is slow, and a native select keeps keyboard use
 * and screen-reader support that a home-made combobox would have to rebuild.
 */
export function unitPickerField<D extends PickerDraft>(
  editor: EditorController<D>,
  lang: Lang,
  o: Pick<FieldSpec<D>, 'id' | 'label'> & {
    readonly hint: string;
    readonly units: readonly Unit[];
    /** The first option: "no unit", or "choose" where a unit must be chosen. */
    readonly emptyLabel: string;
  },
): FieldSpec<D> {
  const { id, units } = o;
  const value = editor.draft ? String(editor.draft[id]) : '';
  const query = editor.draft?.query ?? '';
  const label = o.label[lang];
  const control = (error: string | undefined) =>
    html`<div class="picker-row">
        <span class="picker-search">
          <label class="visually-hidden" for="${id}-search">${ADMIN.unitSearch[lang]} (${label})</label>
          <input
            id="${id}-search"
            type="search"
            autocomplete="off"
            placeholder=${ADMIN.unitSearch[lang]}
            aria-describedby="${id}-search-hint ${id}-count"
            .value=${query}
            @input=${(e: Event) => editor.set('query', (e.target as HTMLInputElement).value)}
            @keydown=${onSearchKey}
          />
          <span id="${id}-search-hint" class="visually-hidden">${ADMIN.unitSearchHint[lang]}</span>
        </span>
        <select
          id=${id}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy(id, true, error)}
          @change=${(e: Event) => editor.set(id, (e.target as HTMLSelectElement).value as D[typeof id])}
        >
          <option value="" ?selected=${!value}>${o.emptyLabel}</option>
          ${groupUnits(filterUnits(units, query, value)).map(
            (g) =>
              html`<optgroup label=${UNIT_KIND_LABELS[g.kind][lang]}>
                ${g.units.map((u) => html`<option value=${u.id} ?selected=${u.id === value}>${u.name}</option>`)}
              </optgroup>`,
          )}
        </select>
      </div>
      <span id="${id}-count" class="hint" aria-live="polite">${query ? fill(ADMIN.unitsFound[lang], { n: filterUnits(units, query).length }) : nothing}</span>`;
  return { id, label: o.label, render: (error) => field({ id, label, hint: o.hint, error, control: control(error) }) };
}

/** Layout shared by the admin pages: the list-and-editor pages' styles, the breadcrumb and the unit picker. */
export const adminStyles = [
  ...listEditorStyles,
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
    /* A list of cards: the landing page's links, the sites. */
    .cards {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_space);
    }
    .cards > li {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.75rem var(--_space);
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
  `,
];
