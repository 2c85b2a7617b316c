import { css, html } from 'lit';
import { UNIT_KINDS, UnitInputSchema, errorMessage, type Lang, type UnitKind } from '@pakn/domain';
import { paknClient } from '#shared/client.ts';
import { UnitsChangedEvent } from '#shared/context.ts';
import { base, dataTable, tokens } from '#shared/styles.ts';
import { UNIT_KIND_HIERARCHY, UNIT_KIND_LABELS, groupUnits, unitName, type UnitView } from '#shared/units.ts';
import { selectField, textField } from '#shared/form-fields.ts';
import { fill } from '#shared/i18n.ts';
import { editButton, keyField, ListEditorPage } from '#shared/list-editor.ts';
import { renderTable } from '#shared/table.ts';
import { adminStyles, renderBreadcrumb, renderFilter, renderUnitPicker } from './admin-ui.ts';
import { ADMIN, UNITS } from './strings.ts';
import { filterUnits } from './unit-search.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';

interface Draft {
  /** Null for a new unit; the id of the unit being edited otherwise. */
  editing: string | null;
  id: string;
  kind: string;
  name: string;
  parentId: string;
}

const SLUG_PATTERN = /^[a-z0-9-]{2,64}$/;
const FORM_FIELDS = new Set(['id', 'kind', 'name', 'parentId']);

/**
 * `<pakn-units>`: the administrator's list of units, grouped from the Centre down (its branches, the city's
 * departments, communes and wards), with whether each is under inspection, and a form to add a unit or
 * change its kind, name and parent. Admins only (the server decides: `administer`).
 *
 * Attributes: `lang`. Events out: `pakn-session-expired`, `pakn-navigate`.
 */
export class PaknUnits extends PaknElement {
  static override properties = {
    filter: { state: true },
    parentQuery: { state: true },
  };

  declare protected filter: string;
  declare protected parentQuery: string;

  readonly #page = new ListEditorPage<readonly UnitView[], Draft>(this, {
    lang: this.language,
    load: (signal) => paknClient().unit.list.query(undefined, { signal }),
    save: (draft) => this.#save(draft),
    fields: FORM_FIELDS,
  });
  readonly #units = this.#page.list;
  readonly #editor = this.#page.editor;

  constructor() {
    super();
    this.filter = '';
    this.parentQuery = '';
  }

  async #open(unit: UnitView | null): Promise<void> {
    this.parentQuery = '';
    await this.#editor.open(
      unit
        ? { editing: unit.id, id: unit.id, kind: unit.kind, name: unit.name, parentId: unit.parentId ?? '' }
        : { editing: null, id: '', kind: '', name: '', parentId: '' },
      unit ? '#name' : '#id',
    );
  }

  async #save(d: Draft): Promise<void> {
    const lang = this.language.value;
    const input = { id: d.id.trim(), kind: d.kind, name: d.name, parentId: d.parentId || undefined, isNew: d.editing === null };
    await this.#editor.submit({
      schema: UnitInputSchema,
      input,
      check: () => {
        const errors: Record<string, string> = {};
        if (!SLUG_PATTERN.test(input.id)) errors.id = ADMIN.slugFormat[lang];
        // The server saves over a unit with the same id: a new unit must not silently replace another.
        if (!d.editing && this.#units.value?.some((u) => u.id === input.id)) errors.id = ADMIN.idTaken[lang];
        if (input.parentId && input.parentId === input.id) errors.parentId = UNITS.parentSelf[lang];
        return errors;
      },
      // The server names a parent it does not know as merely invalid: say which.
      fieldIds: (errors) => (errors.parentId === errorMessage('invalid', lang) ? { ...errors, parentId: ADMIN.unknownUnit[lang] } : { ...errors }),
      send: (data) => paknClient().admin.saveUnit.mutate(data),
      done: async (_, data) => {
        this.filter = '';
        await this.#units.run();
        this.#editor.notice = fill(UNITS.saved[lang], { name: data.name });
        await this.#editor.close(data.id);
        this.dispatchEvent(new UnitsChangedEvent());
      },
    });
  }

  protected override render() {
    const lang = this.language.value;
    return this.#page.renderPage({
      top: renderBreadcrumb(lang, this),
      texts: UNITS,
      addWaits: true,
      onAdd: () => void this.#open(null),
      form: (d) => this.#renderForm(d, lang),
      list: (units) => this.#renderList(units, lang),
    });
  }

  #renderList(units: readonly UnitView[], lang: Lang) {
    const visible = filterUnits(units, this.filter);
    return html`${renderFilter({ value: this.filter, shown: visible.length, total: units.length, lang, hint: true, onInput: (v) => (this.filter = v) })}
    ${
      visible.length === 0
        ? html`<p class="empty">${ADMIN.noMatch[lang]}</p>`
        : groupUnits(visible, UNIT_KIND_HIERARCHY).map((g) => this.#renderGroup(g.kind, g.units, units, lang))
    }`;
  }

  #renderGroup(kind: UnitKind, group: readonly UnitView[], all: readonly UnitView[], lang: Lang) {
    const headingId = `group-${kind}`;
    return html`<section class="group" aria-labelledby=${headingId}>
      <h2 id=${headingId}>${UNIT_KIND_LABELS[kind][lang]} <span class="muted count">(${group.length})</span></h2>
      ${renderTable({
        caption: fill(UNITS.caption[lang], { kind: UNIT_KIND_LABELS[kind][lang], n: group.length }),
        columns: [UNITS.name[lang], UNITS.id[lang], UNITS.parent[lang], UNITS.inspection[lang], { label: ADMIN.actions[lang], hidden: true }],
        rows: group.map(
          (u) =>
            html`<tr data-id=${u.id}>
              <th scope="row">${u.name}</th>
              <td><code>${u.id}</code></td>
              <td>${unitName(all, u.parentId) ?? html`<span class="muted">–</span>`}</td>
              <td>${u.underInspection ? html`<span class="badge inspection">${UNITS.underInspection[lang]}</span>` : html`<span class="muted">–</span>`}</td>
              <td class="actions">${editButton(lang, u.id, u.name, () => void this.#open(u))}</td>
            </tr>`,
        ),
      })}
    </section>`;
  }

  #renderForm(d: Draft, lang: Lang) {
    const e = this.#editor.errorsOf();
    const others = (this.#units.value ?? []).filter((u) => u.id !== d.editing);
    return this.#page.renderEditor(
      d,
      d.editing ? fill(UNITS.editHeading[lang], { name: d.name }) : UNITS.newHeading[lang],
      html`
        <div class="grid">
          ${keyField({
            id: 'id',
            label: UNITS.id[lang],
            hint: ADMIN.slugHint[lang],
            error: e.id,
            value: d.id,
            editing: d.editing !== null,
            onInput: (v) => this.#editor.set('id', v),
          })}
          ${selectField({
            id: 'kind',
            label: UNITS.kind[lang],
            error: e.kind,
            value: d.kind,
            emptyLabel: ADMIN.chooseOne[lang],
            options: UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k][lang] })),
            onChange: (v) => this.#editor.set('kind', v),
          })}
        </div>
        ${textField({ id: 'name', label: UNITS.name[lang], error: e.name, value: d.name, onInput: (v) => this.#editor.set('name', v) })}
        ${renderUnitPicker({
          id: 'parentId',
          label: UNITS.parent[lang],
          hint: UNITS.parentHint[lang],
          error: e.parentId,
          units: others,
          value: d.parentId,
          query: this.parentQuery,
          emptyLabel: ADMIN.noUnit[lang],
          lang,
          onQuery: (q) => (this.parentQuery = q),
          onChange: (id) => this.#editor.set('parentId', id),
        })}
      `,
    );
  }

  static override styles = [
    tokens,
    base,
    dataTable,
    adminStyles,
    css`
      .group {
        margin-bottom: 1.5rem;
      }
      .count {
        font-weight: 400;
        font-size: 1rem;
      }
      .badge.inspection {
        border-color: var(--_warning);
        background: var(--_warning-bg);
      }
    `,
  ];
}

defineElement('pakn-units', PaknUnits);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-units': PaknUnits;
  }
}
