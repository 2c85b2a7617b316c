import { css, html, type TemplateResult } from 'lit';
import { CategoryInputSchema, type CategoryDefinition, type Lang } from '@pakn/domain';
import { paknClient } from '#shared/client.ts';
import { forgetCategories } from '#shared/categories.ts';
import { fill } from '#shared/i18n.ts';
import { bilingual, LIST_EDITOR, listEditorStyles, ListEditorPage, mapFieldIds, type EntryDraft, type FieldRows } from '#shared/list-editor.ts';
import { renderTable } from '#shared/table.ts';
import { STRINGS } from './strings.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';

interface Draft extends EntryDraft {
  key: string;
  labelVi: string;
  labelEn: string;
  hintVi: string;
  hintEn: string;
  active: boolean;
}

/** Schema paths → field ids of the form; anything else is about the key. */
const fieldIds = mapFieldIds({ key: 'key', 'label.vi': 'labelVi', 'label.en': 'labelEn', 'hint.vi': 'hintVi', 'hint.en': 'hintEn' }, () => 'key');

/** The editor's fields: the key, then the name and the citizens' hint in both languages. */
const FIELDS: FieldRows<Draft> = [
  { id: 'key', type: 'key', label: STRINGS.key, hint: STRINGS.keyHint },
  [
    { id: 'labelVi', label: STRINGS.labelVi, textLang: 'vi' },
    { id: 'labelEn', label: STRINGS.labelEn, textLang: 'en' },
  ],
  [
    { id: 'hintVi', label: STRINGS.hintVi, hint: STRINGS.hintHelp, textLang: 'vi' },
    { id: 'hintEn', label: STRINGS.hintEn, hint: STRINGS.hintHelp, textLang: 'en' },
  ],
];

function draftOf(category: CategoryDefinition | null): Draft {
  if (!category) return { editing: null, key: '', labelVi: '', labelEn: '', hintVi: '', hintEn: '', active: true };
  const { key, label, hint, active } = category;
  return { editing: key, key, labelVi: label.vi, labelEn: label.en, hintVi: hint?.vi ?? '', hintEn: hint?.en ?? '', active };
}

/**
 * `<pakn-categories>`: the admin's list of case categories (issue 5): add one, rename it in Vietnamese and
 * English with an optional hint for citizens, move it up or down, deactivate or reactivate it. Admins only
 * (the server decides: `administer`).
 *
 * Attributes: `lang`. Events out: `pakn-session-expired`.
 */
export class PaknCategories extends PaknElement {
  readonly #page = new ListEditorPage<readonly CategoryDefinition[], Draft>(this, {
    lang: this.language,
    texts: STRINGS,
    load: (signal) => paknClient().admin.categories.query(undefined, { signal }),
    draft: draftOf,
    focus: { add: '#key', edit: '#labelVi' },
    fields: () => FIELDS,
    list: (categories) => this.#renderTable(categories, this.language.value),
    save: (draft) => this.#save(draft),
    // Other features of this page read the new labels on their next load.
    changed: forgetCategories,
  });
  readonly #editor = this.#page.editor;

  async #save(d: Draft): Promise<void> {
    const lang = this.language.value;
    const input = {
      isNew: d.editing === null,
      key: d.key.trim(),
      label: { vi: d.labelVi, en: d.labelEn },
      hint: { vi: d.hintVi, en: d.hintEn },
      active: d.active,
    };
    await this.#editor.submit({
      schema: CategoryInputSchema,
      input,
      check: () => (this.#page.taken(d, (c) => c.key === input.key) ? { key: STRINGS.keyTaken[lang] } : null),
      fieldIds,
      send: (data) => paknClient().admin.saveCategory.mutate(data),
      done: (_, data) => this.#page.saved(fill(STRINGS.saved[lang], { name: data.label[lang] }), data.key),
    });
  }

  async #move(category: CategoryDefinition, direction: 'up' | 'down'): Promise<void> {
    const lang = this.language.value;
    await this.#page.rowAction(
      () => paknClient().admin.moveCategory.mutate({ key: category.key, direction }),
      async (list) => {
        const position = list.findIndex((c) => c.key === category.key) + 1;
        await this.#page.reload(fill(STRINGS.moved[lang], { name: category.label[lang], n: position }));
        await this.updateComplete;
        // Keep the focus on the same button of the moved row, or on its other button at the ends.
        const row = this.renderRoot.querySelector(`tr[data-key="${CSS.escape(category.key)}"]`);
        (
          row?.querySelector<HTMLButtonElement>(`[data-move="${direction}"]:not([disabled])`) ??
          row?.querySelector<HTMLButtonElement>('[data-move]:not([disabled])')
        )?.focus();
      },
    );
  }

  async #toggle(category: CategoryDefinition): Promise<void> {
    const lang = this.language.value;
    const active = !category.active;
    const hint = category.hint ?? { vi: '', en: '' };
    await this.#page.rowAction(
      () => paknClient().admin.saveCategory.mutate({ isNew: false, key: category.key, label: category.label, hint, active }),
      () => this.#page.reload(fill(active ? STRINGS.activated[lang] : STRINGS.deactivated[lang], { name: category.label[lang] })),
    );
  }

  protected override render() {
    return this.#page.render();
  }

  #renderTable(categories: readonly CategoryDefinition[], lang: Lang): TemplateResult {
    const last = categories.length - 1;
    return renderTable({
      caption: STRINGS.caption[lang],
      columns: [
        STRINGS.order[lang],
        STRINGS.label[lang],
        STRINGS.key[lang],
        STRINGS.hint[lang],
        STRINGS.status[lang],
        { label: LIST_EDITOR.actions[lang], hidden: true },
      ],
      rows: categories.map((c, i) => {
        return html`<tr data-key=${c.key} class=${c.active ? '' : 'inactive'}>
          <td>${i + 1}</td>
          <th scope="row">${bilingual(c.label)}</th>
          <td><code>${c.key}</code></td>
          <td class="hint-cell" lang="vi">${c.hint?.vi ?? ''}</td>
          <td>${c.active ? STRINGS.active[lang] : html`<strong>${STRINGS.inactive[lang]}</strong>`}</td>
          <td class="actions">
            ${this.#page.editButton(c, c.key, c.label[lang])} ${this.#moveButton(c, 'up', i === 0, lang)} ${this.#moveButton(c, 'down', i === last, lang)}
            <button type="button" class="secondary small ${c.active ? 'danger' : ''}" data-toggle=${c.key} @click=${() => void this.#toggle(c)}>
              ${c.active ? STRINGS.deactivate[lang] : STRINGS.activate[lang]}<span class="visually-hidden"> ${c.label[lang]}</span>
            </button>
          </td>
        </tr>`;
      }),
    });
  }

  #moveButton(c: CategoryDefinition, direction: 'up' | 'down', disabled: boolean, lang: Lang): TemplateResult {
    const title = direction === 'up' ? STRINGS.moveUp : STRINGS.moveDown;
    return html`<button
      type="button"
      class="secondary small"
      data-move=${direction}
      title=${title[lang]}
      ?disabled=${disabled}
      @click=${() => void this.#move(c, direction)}
    >
      ${STRINGS[direction][lang]}<span class="visually-hidden"> ${c.label[lang]}</span>
    </button>`;
  }

  static override styles = [
    ...listEditorStyles,
    css`
      .editor {
        max-width: 60rem;
      }
      .hint-cell {
        min-width: 12rem;
        color: var(--_muted);
      }
    `,
  ];
}

defineElement('pakn-categories', PaknCategories);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-categories': PaknCategories;
  }
}
