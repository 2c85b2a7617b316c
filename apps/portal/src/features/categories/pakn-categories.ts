import { LitElement, css, html } from 'lit';
import { CategoryInputSchema, fieldErrors, type CategoryDefinition, type Lang, type Text } from '@pakn/domain';
import { paknClient } from '#shared/client.ts';
import { forgetCategories } from '#shared/categories.ts';
import {
  callFailed,
  editorForm,
  editorStyles,
  focusEditOrAdd,
  focusFirstInvalid,
  loadErrorAlert,
  pageStyles,
  statusLine,
  textField,
  withoutError,
} from '#shared/form-fields.ts';
import { COMMON, elementLang } from '#shared/i18n.ts';
import { base, dataTable, tokens } from '#shared/styles.ts';
import { STRINGS } from './strings.ts';

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

/** Schema paths → field ids of the form. */
const FIELD_IDS: Readonly<Record<string, TextField>> = {
  key: 'key',
  'label.vi': 'labelVi',
  'label.en': 'labelEn',
  'hint.vi': 'hintVi',
  'hint.en': 'hintEn',
};

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

/**
 * `<pakn-categories>`: the admin's list of case categories (issue 5): add one, rename it in Vietnamese and
 * English with an optional hint for citizens, move it up or down, deactivate or reactivate it. Admins only
 * (the server decides: `administer`).
 *
 * Attributes: `lang`. Events out: `pakn-session-expired`.
 */
export class PaknCategories extends LitElement {
  static override properties = {
    lang: { type: String },
    categories: { state: true },
    loadError: { state: true },
    draft: { state: true },
    busy: { state: true },
    errors: { state: true },
    formError: { state: true },
    notice: { state: true },
  };

  declare lang: string;
  declare protected categories: readonly CategoryDefinition[] | null;
  declare protected loadError: string | null;
  declare protected draft: Draft | null;
  declare protected busy: boolean;
  declare protected errors: Readonly<Record<string, string>>;
  declare protected formError: string | null;
  declare protected notice: string | null;

  constructor() {
    super();
    this.lang = '';
    this.categories = null;
    this.loadError = null;
    this.draft = null;
    this.busy = false;
    this.errors = {};
    this.formError = null;
    this.notice = null;
  }

  get language(): Lang {
    return elementLang(this.lang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    try {
      this.categories = await paknClient().admin.categories.query();
      this.loadError = null;
    } catch (error) {
      this.#failed(error);
    }
  }

  #failed(error: unknown): string {
    const info = callFailed(this, error, this.language);
    this.loadError = info.message;
    return info.message;
  }

  /** The list changed: other features of this page read the new labels on their next load. */
  #changed(categories: readonly CategoryDefinition[]): void {
    this.categories = categories;
    forgetCategories();
  }

  async #open(category: CategoryDefinition | null): Promise<void> {
    this.notice = null;
    this.errors = {};
    this.formError = null;
    this.draft = category
      ? {
          editing: category.key,
          key: category.key,
          labelVi: category.label.vi,
          labelEn: category.label.en,
          hintVi: category.hint?.vi ?? '',
          hintEn: category.hint?.en ?? '',
          active: category.active,
        }
      : { editing: null, key: '', labelVi: '', labelEn: '', hintVi: '', hintEn: '', active: true };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(category ? '#labelVi' : '#key')?.focus();
  }

  async #close(focusKey?: string): Promise<void> {
    this.draft = null;
    await focusEditOrAdd(this, focusKey);
  }

  #set(key: TextField, value: string): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, [key]: value };
    this.errors = withoutError(this.errors, key);
  }

  #fieldIds(errors: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [path, message] of Object.entries(errors)) out[FIELD_IDS[path] ?? 'key'] ??= message;
    return out;
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const d = this.draft;
    if (!d || this.busy) return;
    const lang = this.language;
    this.formError = null;
    const input = {
      isNew: d.editing === null,
      key: d.key.trim(),
      label: { vi: d.labelVi, en: d.labelEn },
      hint: { vi: d.hintVi, en: d.hintEn },
      active: d.active,
    };
    const parsed = CategoryInputSchema.safeParse(input);
    const taken = d.editing === null && this.categories?.some((c) => c.key === input.key);
    if (!parsed.success || taken) {
      const errors = parsed.success ? {} : this.#fieldIds(fieldErrors(parsed.error.issues, lang));
      if (taken) errors.key = STRINGS.keyTaken[lang];
      this.errors = errors;
      await focusFirstInvalid(this);
      return;
    }
    this.busy = true;
    try {
      this.#changed(await paknClient().admin.saveCategory.mutate(parsed.data));
      this.notice = fill(STRINGS.saved[lang], { name: parsed.data.label[lang] });
      await this.#close(parsed.data.key);
    } catch (error) {
      const info = callFailed(this, error, lang);
      this.errors = this.#fieldIds(info.fieldErrors);
      this.formError = info.message;
    } finally {
      this.busy = false;
    }
  }

  async #move(category: CategoryDefinition, direction: 'up' | 'down'): Promise<void> {
    if (this.busy) return;
    const lang = this.language;
    this.busy = true;
    this.notice = null;
    try {
      const list = await paknClient().admin.moveCategory.mutate({ key: category.key, direction });
      this.#changed(list);
      const position = list.findIndex((c) => c.key === category.key) + 1;
      this.notice = fill(STRINGS.moved[lang], { name: category.label[lang], n: position });
      await this.updateComplete;
      // Keep the focus on the same button of the moved row, or on its other button at the ends.
      const row = this.renderRoot.querySelector(`tr[data-key="${CSS.escape(category.key)}"]`);
      (row?.querySelector<HTMLButtonElement>(`[data-move="${direction}"]:not([disabled])`) ?? row?.querySelector<HTMLButtonElement>('[data-move]:not([disabled])'))?.focus();
    } catch (error) {
      this.#failed(error);
    } finally {
      this.busy = false;
    }
  }

  async #toggle(category: CategoryDefinition): Promise<void> {
    if (this.busy) return;
    const lang = this.language;
    this.busy = true;
    this.notice = null;
    try {
      const active = !category.active;
      this.#changed(
        await paknClient().admin.saveCategory.mutate({
          isNew: false,
          key: category.key,
          label: category.label,
          hint: category.hint ?? { vi: '', en: '' },
          active,
        }),
      );
      this.notice = fill(active ? STRINGS.activated[lang] : STRINGS.deactivated[lang], { name: category.label[lang] });
    } catch (error) {
      this.#failed(error);
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const lang = this.language;
    return html`<div class="root" lang=${lang}>
      <h1>${STRINGS.heading[lang]}</h1>
      <p class="intro">${STRINGS.intro[lang]}</p>
      ${statusLine(this.notice)} ${loadErrorAlert(this.loadError, lang, () => void this.load())}
      ${this.draft
        ? this.#renderForm(this.draft, lang)
        : html`<p><button type="button" id="add" @click=${() => void this.#open(null)}>${STRINGS.add[lang]}</button></p>`}
      ${this.categories === null ? html`<p class="muted">${COMMON.loading[lang]}</p>` : this.#renderTable(this.categories, lang)}
    </div>`;
  }

  #renderTable(categories: readonly CategoryDefinition[], lang: Lang) {
    const last = categories.length - 1;
    return html`<div class="table-wrap">
      <table>
        <caption class="visually-hidden">${STRINGS.caption[lang]}</caption>
        <thead>
          <tr>
            <th scope="col">${STRINGS.order[lang]}</th>
            <th scope="col">${STRINGS.label[lang]}</th>
            <th scope="col">${STRINGS.key[lang]}</th>
            <th scope="col">${STRINGS.hint[lang]}</th>
            <th scope="col">${STRINGS.status[lang]}</th>
            <th scope="col"><span class="visually-hidden">${STRINGS.actions[lang]}</span></th>
          </tr>
        </thead>
        <tbody>
          ${categories.map((c, i) => {
            const name = html`<span class="visually-hidden"> ${c.label[lang]}</span>`;
            return html`<tr data-key=${c.key} class=${c.active ? '' : 'inactive'}>
              <td>${i + 1}</td>
              <th scope="row"><span lang="vi">${c.label.vi}</span><br /><span class="muted" lang="en">${c.label.en}</span></th>
              <td><code>${c.key}</code></td>
              <td class="hint-cell" lang="vi">${c.hint?.vi ?? ''}</td>
              <td>${c.active ? STRINGS.active[lang] : html`<strong>${STRINGS.inactive[lang]}</strong>`}</td>
              <td class="actions">
                <button type="button" class="secondary small" data-edit=${c.key} @click=${() => void this.#open(c)}>${STRINGS.edit[lang]}${name}</button>
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
          })}
        </tbody>
      </table>
    </div>`;
  }

  #input(id: TextField, label: Text, lang: Lang, textLang: Lang | null, hint: Text | null = null) {
    const d = this.draft!;
    const isKey = id === 'key';
    return textField({
      id,
      label: label[lang],
      hint: hint?.[lang],
      error: this.errors[id],
      textLang: textLang ?? undefined,
      spellcheck: isKey ? false : undefined,
      value: d[id],
      readonly: isKey && d.editing !== null,
      onInput: (v) => this.#set(id, v),
    });
  }

  #renderForm(d: Draft, lang: Lang) {
    return editorForm(
      {
        heading: d.editing ? STRINGS.editHeading[lang] : STRINGS.newHeading[lang],
        formError: this.formError,
        busy: this.busy,
        labels: { save: STRINGS.save[lang], saving: STRINGS.saving[lang], cancel: STRINGS.cancel[lang] },
        onSubmit: (e) => void this.#save(e),
        onCancel: () => void this.#close(d.editing ?? undefined),
      },
      html`
        ${this.#input('key', STRINGS.key, lang, null, STRINGS.keyHint)}
        <div class="grid">${this.#input('labelVi', STRINGS.labelVi, lang, 'vi')} ${this.#input('labelEn', STRINGS.labelEn, lang, 'en')}</div>
        <div class="grid">
          ${this.#input('hintVi', STRINGS.hintVi, lang, 'vi', STRINGS.hintHelp)} ${this.#input('hintEn', STRINGS.hintEn, lang, 'en', STRINGS.hintHelp)}
        </div>
      `,
    );
  }

  static override styles = [
    tokens,
    base,
    dataTable,
    pageStyles,
    editorStyles,
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
      button.danger {
        color: var(--_danger);
        border-color: var(--_danger);
      }
    `,
  ];
}

if (!customElements.get('pakn-categories')) customElements.define('pakn-categories', PaknCategories);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-categories': PaknCategories;
  }
}
