import { css, html } from 'lit';
import { CategoryInputSchema, type CategoryDefinition, type Lang, type Text } from '@pakn/domain';
import { paknClient } from '#shared/client.ts';
import { forgetCategories } from '#shared/categories.ts';
import { textField } from '#shared/form-fields.ts';
import { fill } from '#shared/i18n.ts';
import { bilingual, editButton, listEditorStyles, ListEditorPage, mapFieldIds } from '#shared/list-editor.ts';
import { renderTable } from '#shared/table.ts';
import { STRINGS } from './strings.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';

interface Draft {
  /** Null for a new category (its key is typed); the key of the category being edited otherwise. */
  editing: string | null;
  key: string;
  labelVi: string;
  labelEn: string;
  hintVi: string;
  hintEn: string;
  active: boolean;
}

type TextField = Exclude<keyof Draft, 'editing' | 'active'>;

/** Schema paths → field ids of the form; anything else is about the key. */
const fieldIds = mapFieldIds({ key: 'key', 'label.vi': 'labelVi', 'label.en': 'labelEn', 'hint.vi': 'hintVi', 'hint.en': 'hintEn' }, () => 'key');

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
    load: (signal) => paknClient().admin.categories.query(undefined, { signal }),
    save: (draft) => this.#save(draft),
  });
  readonly #categories = this.#page.list;
  readonly #editor = this.#page.editor;

  /** The list changed: read it again; other features of this page read the new labels on their next load. */
  async #changed(): Promise<void> {
    forgetCategories();
    await this.#categories.run();
  }

  async #open(category: CategoryDefinition | null): Promise<void> {
    await this.#editor.open(draftOf(category), category ? '#labelVi' : '#key');
  }

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
      check: () => (d.editing === null && this.#categories.value?.some((c) => c.key === input.key) ? { key: STRINGS.keyTaken[lang] } : null),
      fieldIds,
      send: (data) => paknClient().admin.saveCategory.mutate(data),
      done: async (_, data) => {
        await this.#changed();
        this.#editor.notice = fill(STRINGS.saved[lang], { name: data.label[lang] });
        await this.#editor.close(data.key);
      },
    });
  }

  async #move(category: CategoryDefinition, direction: 'up' | 'down'): Promise<void> {
    const lang = this.language.value;
    await this.#editor.submit({
      form: 'row',
      input: null,
      send: () => paknClient().admin.moveCategory.mutate({ key: category.key, direction }),
      done: async (list) => {
        await this.#changed();
        const position = list.findIndex((c) => c.key === category.key) + 1;
        this.#editor.notice = fill(STRINGS.moved[lang], { name: category.label[lang], n: position });
        await this.updateComplete;
        // Keep the focus on the same button of the moved row, or on its other button at the ends.
        const row = this.renderRoot.querySelector(`tr[data-key="${CSS.escape(category.key)}"]`);
        (
          row?.querySelector<HTMLButtonElement>(`[data-move="${direction}"]:not([disabled])`) ??
          row?.querySelector<HTMLButtonElement>('[data-move]:not([disabled])')
        )?.focus();
      },
    });
  }

  async #toggle(category: CategoryDefinition): Promise<void> {
    const lang = this.language.value;
    const active = !category.active;
    await this.#editor.submit({
      form: 'row',
      input: null,
      send: () =>
        paknClient().admin.saveCategory.mutate({ isNew: false, key: category.key, label: category.label, hint: category.hint ?? { vi: '', en: '' }, active }),
      done: async () => {
        await this.#changed();
        this.#editor.notice = fill(active ? STRINGS.activated[lang] : STRINGS.deactivated[lang], { name: category.label[lang] });
      },
    });
  }

  protected override render() {
    const lang = this.language.value;
    return this.#page.renderPage({
      texts: STRINGS,
      onAdd: () => void this.#open(null),
      form: (d) => this.#renderForm(d, lang),
      list: (categories) => this.#renderTable(categories, lang),
    });
  }

  #renderTable(categories: readonly CategoryDefinition[], lang: Lang) {
    const last = categories.length - 1;
    return html`${renderTable({
      caption: STRINGS.caption[lang],
      columns: [
        STRINGS.order[lang],
        STRINGS.label[lang],
        STRINGS.key[lang],
        STRINGS.hint[lang],
        STRINGS.status[lang],
        { label: STRINGS.actions[lang], hidden: true },
      ],
      rows: categories.map((c, i) => {
        const name = html`<span class="visually-hidden"> ${c.label[lang]}</span>`;
        return html`<tr data-key=${c.key} class=${c.active ? '' : 'inactive'}>
          <td>${i + 1}</td>
          <th scope="row">${bilingual(c.label)}</th>
          <td><code>${c.key}</code></td>
          <td class="hint-cell" lang="vi">${c.hint?.vi ?? ''}</td>
          <td>${c.active ? STRINGS.active[lang] : html`<strong>${STRINGS.inactive[lang]}</strong>`}</td>
          <td class="actions">
            ${editButton(lang, c.key, c.label[lang], () => void this.#open(c))}
            <button
              type="button"
              class="secondary small"
              data-move="up"
              title=${STRINGS.moveUp[lang]}
              ?disabled=${i === 0}
              @click=${() => void this.#move(c, 'up')}
            >
              ${STRINGS.up[lang]}${name}
            </button>
            <button
              type="button"
              class="secondary small"
              data-move="down"
              title=${STRINGS.moveDown[lang]}
              ?disabled=${i === last}
              @click=${() => void this.#move(c, 'down')}
            >
              ${STRINGS.down[lang]}${name}
            </button>
            <button type="button" class="secondary small ${c.active ? 'danger' : ''}" data-toggle=${c.key} @click=${() => void this.#toggle(c)}>
              ${c.active ? STRINGS.deactivate[lang] : STRINGS.activate[lang]}${name}
            </button>
          </td>
        </tr>`;
      }),
    })}`;
  }

  #input(d: Draft, id: TextField, label: Text, lang: Lang, textLang: Lang | null, hint: Text | null = null) {
    const isKey = id === 'key';
    return textField({
      id,
      label: label[lang],
      hint: hint?.[lang],
      error: this.#editor.errorsOf()[id],
      textLang: textLang ?? undefined,
      spellcheck: isKey ? false : undefined,
      value: d[id],
      readonly: isKey && d.editing !== null,
      onInput: (v) => this.#editor.set(id, v),
    });
  }

  #renderForm(d: Draft, lang: Lang) {
    return this.#page.renderEditor(
      d,
      d.editing ? STRINGS.editHeading[lang] : STRINGS.newHeading[lang],
      html`
        ${this.#input(d, 'key', STRINGS.key, lang, null, STRINGS.keyHint)}
        <div class="grid">${this.#input(d, 'labelVi', STRINGS.labelVi, lang, 'vi')} ${this.#input(d, 'labelEn', STRINGS.labelEn, lang, 'en')}</div>
        <div class="grid">
          ${this.#input(d, 'hintVi', STRINGS.hintVi, lang, 'vi', STRINGS.hintHelp)} ${this.#input(d, 'hintEn', STRINGS.hintEn, lang, 'en', STRINGS.hintHelp)}
        </div>
      `,
    );
  }

  static override styles = [
    ...listEditorStyles,
    css`
      .editor {
        max-width: 60rem;
      }
      tr.inactive th,
      tr.inactive td:not(.actions) {
        color: var(--_muted);
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
