import { css, html, type TemplateResult } from 'lit';
import { UNIT_KINDS, UnitInputSchema, errorMessage, type Lang, type UnitKind } from '@pakn/domain';
import { paknClient } from '#shared/client.ts';
import { UnitsChangedEvent } from '#shared/context.ts';
import { UNIT_KIND_HIERARCHY, UNIT_KIND_LABELS, groupUnits, unitName, type UnitView } from '#shared/units.ts';
import { fill } from '#shared/i18n.ts';
import { LIST_EDITOR, ListEditorPage, type FieldRows } from '#shared/list-editor.ts';
import { renderTable } from '#shared/table.ts';
import { adminStyles, renderBreadcrumb, renderFilter, unitPickerField, type PickerDraft } from './admin-ui.ts';
import { ADMIN, UNITS } from './strings.ts';
import { filterUnits } from './unit-search.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';

interface Draft extends PickerDraft {
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
  };

  declare protected filter: string;

  readonly #page = new ListEditorPage<readonly UnitView[], Draft>(this, {
    lang: this.language,
    texts: UNITS,
    top: () => renderBreadcrumb(this.language.value, this),
    load: (signal) => paknClient().unit.list.query(undefined, { signal }),
    draft: (unit) =>
      unit
        ? { editing: unit.id, id: unit.id, kind: unit.kind, name: unit.name, parentId: unit.parentId ?? '', query: '' }
        : { editing: null, id: '', kind: '', name: '', parentId: '', query: '' },
    focus: { add: '#id', edit: '#name' },
    fields: (d) => this.#fields(d, this.language.value),
    list: (units) => this.#renderList(units, this.language.value),
    save: (draft) => this.#save(draft),
    addWaits: true,
    formFields: FORM_FIELDS,
  });
  readonly #editor = this.#page.editor;

  constructor() {
    super();
    this.filter = '';
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
        if (this.#page.taken(d, (u) => u.id === input.id)) errors.id = ADMIN.idTaken[lang];
        if (input.parentId && input.parentId === input.id) errors.parentId = UNITS.parentSelf[lang];
        return errors;
      },
      // The server names a parent it does not know as merely invalid: say which.
      fieldIds: (errors) => (errors.parentId === errorMessage('invalid', lang) ? { ...errors, parentId: ADMIN.unknownUnit[lang] } : { ...errors }),
      send: (data) => paknClient().admin.saveUnit.mutate(data),
      done: async (_, data) => {
        this.filter = '';
        await this.#page.saved(fill(UNITS.saved[lang], { name: data.name }), data.id);
        this.dispatchEvent(new UnitsChangedEvent());
      },
    });
  }

  protected override render() {
    return this.#page.render();
  }

  #renderList(units: readonly UnitView[], lang: Lang): TemplateResult {
    const visible = filterUnits(units, this.filter);
    return renderFilter({ value: this.filter, shown: visible.length, total: units.length, lang, hint: true, onInput: (v) => (this.filter = v) }, () =>
      groupUnits(visible, UNIT_KIND_HIERARCHY).map((g) => this.#renderGroup(g.kind, g.units, units, lang)),
    );
  }

  #renderGroup(kind: UnitKind, group: readonly UnitView[], all: readonly UnitView[], lang: Lang): TemplateResult {
    const headingId = `group-${kind}`;
    return html`<section class="group" aria-labelledby=${headingId}>
      <h2 id=${headingId}>${UNIT_KIND_LABELS[kind][lang]} <span class="muted count">(${group.length})</span></h2>
      ${renderTable({
        caption: fill(UNITS.caption[lang], { kind: UNIT_KIND_LABELS[kind][lang], n: group.length }),
        columns: [UNITS.name[lang], UNITS.id[lang], UNITS.parent[lang], UNITS.inspection[lang], { label: LIST_EDITOR.actions[lang], hidden: true }],
        rows: group.map(
          (u) =>
            html`<tr data-id=${u.id}>
              <th scope="row">${u.name}</th>
              <td><code>${u.id}</code></td>
              <td>${unitName(all, u.parentId) ?? html`<span class="muted">–</span>`}</td>
              <td>${u.underInspection ? html`<span class="badge inspection">${UNITS.underInspection[lang]}</span>` : html`<span class="muted">–</span>`}</td>
              <td class="actions">${this.#page.editButton(u, u.id, u.name)}</td>
            </tr>`,
        ),
      })}
    </section>`;
  }

  #fields(d: Draft, lang: Lang): FieldRows<Draft> {
    return [
      [
        { id: 'id', type: 'key', label: UNITS.id, hint: ADMIN.slugHint },
        { id: 'kind', type: 'select', label: UNITS.kind, options: UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k][lang] })) },
      ],
      { id: 'name', label: UNITS.name },
      unitPickerField(this.#editor, lang, {
        id: 'parentId',
        label: UNITS.parent,
        hint: UNITS.parentHint[lang],
        units: (this.#page.list.value ?? []).filter((u) => u.id !== d.editing),
        emptyLabel: ADMIN.noUnit[lang],
      }),
    ];
  }

  static override styles = [
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
