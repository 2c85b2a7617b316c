import { css, html, nothing, type TemplateResult } from 'lit';
import type { Task } from '@lit/task';
import type { Lang, Text } from '@pakn/domain';
import { EditorController, type EditorHost } from './controllers/editor.ts';
import type { LangController } from './controllers/lang.ts';
import { loadTask, renderLoad } from './controllers/load.ts';
import { editorForm, editorStyles, formErrorAlert, pageStyles, selectField, statusLine, textField, textareaField } from './form-fields.ts';
import { fill } from './i18n.ts';
import { listStyles } from './table.ts';
import { base, dataTable, tokens } from './styles.ts';

/**
 * The list-and-editor pages (admin users, units, sites, categories, authorities): a list, and above it the
 * editor of one entry whose fields come from one table (`FieldSpec`s); around the `EditorController` the
 * editor's button words, the add button the editor returns the focus to, a row's edit button named for
 * screen readers, the schema-path → field-id mapping, and a two-language cell.
 */

export const LIST_EDITOR = {
  save: { vi: 'Lưu', en: 'Save' },
  saving: { vi: 'Đang lưu…', en: 'Saving…' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  edit: { vi: 'Sửa', en: 'Edit' },
  choose: { vi: '— Chọn —', en: '— Choose —' },
  actions: { vi: 'Thao tác', en: 'Actions' },
} as const satisfies Record<string, Text>;

/**
 * The schema's (and the server's) field paths → the form's field ids, for `EditorController.submit`'s `fieldIds`:
 * the first message of each field wins; a path not in the table goes to `fallback(path)` (or is dropped).
 */
export function mapFieldIds(
  table: Readonly<Record<string, string>>,
  fallback?: (path: string) => string | undefined,
): (errors: Readonly<Record<string, string>>) => Record<string, string> {
  return (errors) => {
    const out: Record<string, string> = {};
    for (const [path, message] of Object.entries(errors)) {
      const id = table[path] ?? fallback?.(path);
      if (id) out[id] ??= message;
    }
    return out;
  };
}

/** A name kept in both languages: Vietnamese first, English under it. */
export function bilingual(text: Text): TemplateResult {
  return html`<span lang="vi">${text.vi}</span><br /><span class="muted" lang="en">${text.en}</span>`;
}

/**
 * The styles of a list-and-editor page: the table, the filter toolbar, the editor, a destructive row button and
 * the code of an identifier.
 */
export const listEditorStyles = [
  tokens,
  base,
  dataTable,
  pageStyles,
  editorStyles,
  listStyles,
  css`
    /* An entry no longer in use (a deactivated account or category). */
    tr.inactive th,
    tr.inactive td:not(.actions) {
      color: var(--_muted);
    }
    button.danger {
      color: var(--_danger);
      border-color: var(--_danger);
    }
    code {
      font-family: ui-monospace, 'Cascadia Mono', Consolas, monospace;
      font-size: 0.9rem;
      overflow-wrap: anywhere;
    }
  `,
];

/** The draft of a list entry: null `editing` for a new one, else the key of the entry edited. */
export interface EntryDraft {
  editing: string | null;
}

/** One field of an entry's form. Its id is the draft's key (and the control's id, where errors land). */
export interface FieldSpec<D> {
  readonly id: Extract<keyof D, string>;
  readonly label: Text;
  /** A text, or words already in the page's language (filled in). */
  readonly hint?: Text | string;
  /**
   * `key`: the entry's identifier, typed once (no spelling correction, no capitals, read-only once saved);
   * `area`: several lines; `select`: one of `options`, starting with "choose".
   */
  readonly type?: 'text' | 'key' | 'email' | 'password' | 'area' | 'select';
  /** The language of the text typed (a Vietnamese or an English version), for spelling and speech. */
  readonly textLang?: Lang;
  /** Null leaves autocompletion to the browser (default `off`). */
  readonly autocomplete?: null;
  readonly minlength?: number;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  /** A field of its own kind (a unit picker, a checkbox), given its error. */
  readonly render?: (error: string | undefined) => TemplateResult;
}

/** The form, row by row: a row of several fields is a grid. */
export type FieldRows<D> = readonly (FieldSpec<D> | readonly FieldSpec<D>[])[];

/**
 * The page's words: heading, intro, the add button's label, the editor's headings (the edit heading filled
 * from the draft, e.g. `{name}`) and the words shown instead of an empty list (without them, an empty list is
 * shown as a list).
 */
interface ListTexts {
  readonly heading: Text;
  readonly intro: Text;
  readonly add: Text;
  readonly newHeading: Text;
  readonly editHeading: Text;
  readonly empty?: Text;
}

export interface ListPageOptions<T extends readonly unknown[], D> {
  /** The element's language controller (PaknElement's `language`). */
  readonly lang: LangController;
  readonly texts: ListTexts;
  /** Above the heading (the admin pages' breadcrumb). */
  readonly top?: () => TemplateResult;
  readonly load: (signal: AbortSignal) => Promise<T>;
  /** The draft of an entry, or of a new one (null). */
  readonly draft: (entry: T[number] | null) => D;
  /** The field the editor focuses when it opens on a new entry, and on an existing one (whose key is read-only). */
  readonly focus: { readonly add: string; readonly edit: string };
  readonly fields: (draft: D) => FieldRows<D>;
  readonly list: (value: T) => TemplateResult;
  /** Submitting the editor stays on the page and hands `save` the draft as it is then. */
  readonly save: (draft: D) => Promise<void>;
  /** The add button waits for the list (where a new entry is checked against it). */
  readonly addWaits?: boolean;
  /** The form's field ids, where a server refusal naming only them is shown beside them (see `EditorOptions`). */
  readonly formFields?: ReadonlySet<string>;
  /** What else a change of the list means (a cache to forget), before the list is read again. */
  readonly changed?: () => void;
}

/**
 * The state every list-and-editor page holds: the list (a task; `list.run()` reads it again after a change)
 * and the editor of one entry; and its look.
 */
export class ListEditorPage<T extends readonly unknown[], D extends EntryDraft> {
  readonly list: Task<readonly [], T>;
  readonly editor: EditorController<D>;
  readonly #o: ListPageOptions<T, D>;

  constructor(host: EditorHost, options: ListPageOptions<T, D>) {
    const lang = options.lang;
    this.#o = options;
    this.list = loadTask(host, { args: () => [] as const, run: (_, signal) => options.load(signal), lang: () => lang.value });
    const fields = options.formFields ? { fields: options.formFields } : {};
    this.editor = new EditorController<D>(host, { lang: () => lang.value, ...fields });
  }

  /** Opens the editor on an entry, or on a new one. */
  async open(entry: T[number] | null): Promise<void> {
    await this.editor.open(this.#o.draft(entry), entry ? this.#o.focus.edit : this.#o.focus.add);
  }

  /** A row's edit button (`data-edit`, where the focus returns when the editor closes), naming its entry for screen readers. */
  editButton(entry: T[number], key: string, name: string): TemplateResult {
    return html`<button type="button" class="secondary small" data-edit=${key} @click=${() => void this.open(entry)}>
      ${LIST_EDITOR.edit[this.#o.lang.value]}<span class="visually-hidden"> ${name}</span>
    </button>`;
  }

  /** Whether a new entry's key is one the list has: the server saves over it, and must not silently replace another. */
  taken(draft: D, same: (entry: T[number]) => boolean): boolean {
    return draft.editing === null && (this.list.value?.some(same) ?? false);
  }

  /** After a change: the list is read again, and the status line says what was done. */
  async reload(notice: string): Promise<void> {
    this.#o.changed?.();
    await this.list.run();
    this.editor.notice = notice;
  }

  /** After a save: the list is read again, the notice says so, and the editor closes onto the entry's row. */
  async saved(notice: string, key: string | undefined): Promise<void> {
    await this.reload(notice);
    await this.editor.close(key);
  }

  /** A row's own action (move, remove, unlock…): its error shows above the list; `done` runs after a success. */
  rowAction<R>(send: () => Promise<R>, done: (result: R) => Promise<void>): Promise<boolean> {
    return this.editor.submit({ form: 'row', input: null, send, done });
  }

  /**
   * The whole page: heading and intro, the last notice and a row action's error, the editor of one entry or the
   * add button, and the list (loading, failed, empty or read).
   */
  render(): TemplateResult {
    const o = this.#o;
    const lang = o.lang.value;
    const draft = this.editor.draft;
    const empty = o.texts.empty?.[lang];
    const waiting = o.addWaits === true && !this.list.value;
    return html`<div class="root" lang=${lang}>
      ${o.top?.() ?? nothing}
      <h1>${o.texts.heading[lang]}</h1>
      <p class="intro">${o.texts.intro[lang]}</p>
      ${statusLine(this.editor.notice)} ${formErrorAlert(this.editor.formErrorOf('row'))}
      ${
        draft
          ? this.#renderEditor(draft)
          : html`<p><button type="button" id="add" ?disabled=${waiting} @click=${() => void this.open(null)}>${o.texts.add[lang]}</button></p>`
      }
      ${renderLoad(this.list, lang, { complete: (value) => (empty !== undefined && value.length === 0 ? html`<p class="empty">${empty}</p>` : o.list(value)) })}
    </div>`;
  }

  /** The editor: its heading, the form's error, the fields, save (the options' `save`) and cancel (back to the row). */
  #renderEditor(draft: D): TemplateResult {
    const o = this.#o;
    const lang = o.lang.value;
    // The edit heading names the entry from the draft's own fields (`{name}`, `{username}`).
    const values = draft as unknown as Readonly<Record<string, string>>;
    const heading = draft.editing ? fill(o.texts.editHeading[lang], values) : o.texts.newHeading[lang];
    const rows = o
      .fields(draft)
      .map((row) =>
        Array.isArray(row) ? html`<div class="grid">${row.map((f: FieldSpec<D>) => this.#field(draft, f))}</div>` : this.#field(draft, row as FieldSpec<D>),
      );
    return editorForm(
      {
        heading,
        formError: this.editor.formErrorOf(),
        busy: this.editor.busy,
        labels: { save: LIST_EDITOR.save[lang], saving: LIST_EDITOR.saving[lang], cancel: LIST_EDITOR.cancel[lang] },
        onSubmit: (event: SubmitEvent) => {
          event.preventDefault();
          const current = this.editor.draft;
          if (current) void o.save(current);
        },
        onCancel: () => void this.editor.close(draft.editing ?? undefined),
      },
      html`${rows}`,
    );
  }

  #field(draft: D, f: FieldSpec<D>): TemplateResult {
    const lang = this.#o.lang.value;
    const error = this.editor.errorsOf()[f.id];
    if (f.render) return f.render(error);
    const o = {
      id: f.id,
      label: f.label[lang],
      hint: typeof f.hint === 'string' ? f.hint : f.hint?.[lang],
      error,
      value: String(draft[f.id] ?? ''),
      textLang: f.textLang,
      onInput: (value: string) => this.editor.set(f.id, value as D[Extract<keyof D, string>]),
    };
    switch (f.type) {
      case 'key':
        return textField({ ...o, autocapitalize: 'none', spellcheck: false, readonly: draft.editing !== null });
      case 'area':
        return textareaField({ ...o, rows: 4 });
      case 'select':
        return selectField({ ...o, emptyLabel: LIST_EDITOR.choose[lang], options: f.options ?? [], onChange: o.onInput });
      case 'password':
        return textField({ ...o, type: 'password', autocomplete: 'new-password', ...(f.minlength ? { minlength: f.minlength } : {}) });
      default:
        return textField({ ...o, type: f.type ?? 'text', ...(f.autocomplete === null ? { autocomplete: null } : {}) });
    }
  }
}
