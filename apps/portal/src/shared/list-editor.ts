import { css, html, nothing, type TemplateResult } from 'lit';
import type { Task } from '@lit/task';
import type { Lang, Text } from '@pakn/domain';
import { EditorController, type EditorHost } from './controllers/editor.ts';
import { LangController, type LangHost } from './controllers/lang.ts';
import { loadTask, renderLoad } from './controllers/load.ts';
import { editorForm, editorStyles, formErrorAlert, pageStyles, statusLine, textField, type EditorFormOptions } from './form-fields.ts';
import { base, dataTable, tokens } from './styles.ts';

/**
 * The pieces the list-and-editor pages (admin users, units, sites, categories, authorities) repeat around the
 * `EditorController`: the editor's button words, the add button the editor returns the focus to, a row's edit
 * button named for screen readers, the schema-path → field-id mapping, and a two-language cell.
 */

export const LIST_EDITOR = {
  save: { vi: 'Lưu', en: 'Save' },
  saving: { vi: 'Đang lưu…', en: 'Saving…' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  edit: { vi: 'Sửa', en: 'Edit' },
} as const satisfies Record<string, Text>;

/** The editor's buttons. */
function editorLabels(lang: Lang): EditorFormOptions['labels'] {
  return { save: LIST_EDITOR.save[lang], saving: LIST_EDITOR.saving[lang], cancel: LIST_EDITOR.cancel[lang] };
}

/** The button that opens the editor on a new entry; `EditorController.close()` returns the focus to it (`#add`). */
function addButton(label: string, onClick: () => void, disabled = false): TemplateResult {
  return html`<p><button type="button" id="add" ?disabled=${disabled} @click=${onClick}>${label}</button></p>`;
}

/** A row's edit button (`data-edit`, where the focus returns when the editor closes), naming its entry for screen readers. */
export function editButton(lang: Lang, key: string, name: string, onClick: () => void): TemplateResult {
  return html`<button type="button" class="secondary small" data-edit=${key} @click=${onClick}>
    ${LIST_EDITOR.edit[lang]}<span class="visually-hidden"> ${name}</span>
  </button>`;
}

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

/** A destructive row button. */
const rowActionStyles = css`
  button.danger {
    color: var(--_danger);
    border-color: var(--_danger);
  }
`;

/** The styles of a list-and-editor page outside the admin area (categories, authorities): the table, the editor, row actions. */
export const listEditorStyles = [tokens, base, dataTable, pageStyles, editorStyles, rowActionStyles];

/** The draft of a list entry: null `editing` for a new one, else the key of the entry edited. */
export interface EntryDraft {
  editing: string | null;
}

/**
 * The state every list-and-editor page holds: the language, the list (a task; `list.run()` reads it again
 * after a change) and the editor of one entry.
 */
export interface ListPageOptions<T, D> {
  /** Above the heading (the admin pages' breadcrumb). */
  readonly top?: TemplateResult;
  /**
   * The page's heading, its intro, the add button's label (the button waits for the list when `addWaits`) and
   * the words shown instead of the list when it has no entries (without them, an empty list is shown as a list).
   */
  readonly texts: { readonly heading: Text; readonly intro: Text; readonly add: Text; readonly empty?: Text };
  readonly addWaits?: boolean;
  readonly onAdd: () => void;
  readonly form: (draft: D) => TemplateResult;
  readonly list: (value: T) => TemplateResult;
}

export class ListEditorPage<T extends readonly unknown[], D extends EntryDraft> {
  readonly lang: LangController;
  readonly list: Task<readonly [], T>;
  readonly editor: EditorController<D>;
  readonly #save: (draft: D) => Promise<void>;

  constructor(
    host: LangHost & EditorHost,
    options: {
      readonly load: (signal: AbortSignal) => Promise<T>;
      /** Submitting the editor stays on the page and hands `save` the draft as it is then. */
      readonly save: (draft: D) => Promise<void>;
      readonly fields?: ReadonlySet<string>;
      readonly lang?: LangController;
    },
  ) {
    // A PaknElement passes its own language controller; another host gets one of its own.
    const lang = options.lang ?? new LangController(host);
    this.lang = lang;
    this.#save = options.save;
    this.list = loadTask(host, { args: () => [] as const, run: (_, signal) => options.load(signal), lang: () => lang.value });
    this.editor = new EditorController<D>(host, { lang: () => lang.value, ...(options.fields ? { fields: options.fields } : {}) });
  }

  /**
   * The whole page: heading and intro, the last notice and a row action's error, the editor of one entry or the
   * add button, and the list (loading, failed, empty or read).
   */
  renderPage(o: ListPageOptions<T, D>): TemplateResult {
    const lang = this.lang.value;
    const draft = this.editor.draft;
    const empty = o.texts.empty?.[lang];
    return html`<div class="root" lang=${lang}>
      ${o.top ?? nothing}
      <h1>${o.texts.heading[lang]}</h1>
      <p class="intro">${o.texts.intro[lang]}</p>
      ${statusLine(this.editor.notice)} ${formErrorAlert(this.editor.formErrorOf('row'))}
      ${draft ? o.form(draft) : addButton(o.texts.add[lang], o.onAdd, o.addWaits === true && !this.list.value)}
      ${renderLoad(this.list, lang, { complete: (value) => (empty !== undefined && value.length === 0 ? html`<p class="empty">${empty}</p>` : o.list(value)) })}
    </div>`;
  }

  /**
   * The editor's frame: its heading, the form's error, the fields, save (the constructor's `save`) and cancel
   * (back to the row's edit button).
   */
  renderEditor(draft: D, heading: string, fields: TemplateResult): TemplateResult {
    const lang = this.lang.value;
    return editorForm(
      {
        heading,
        formError: this.editor.formErrorOf(),
        busy: this.editor.busy,
        labels: editorLabels(lang),
        onSubmit: (event: SubmitEvent) => {
          event.preventDefault();
          const current = this.editor.draft;
          if (current) void this.#save(current);
        },
        onCancel: () => void this.editor.close(draft.editing ?? undefined),
      },
      fields,
    );
  }
}

export interface KeyFieldOptions {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
  readonly error: string | undefined;
  readonly value: string;
  /** Whether an existing entry is edited: its key cannot change. */
  readonly editing: boolean;
  readonly onInput: (value: string) => void;
}

/** The entry's key (an identifier typed once): no spelling correction, no capitals, read-only once saved. */
export function keyField(o: KeyFieldOptions): TemplateResult {
  const { editing, ...rest } = o;
  return textField({ ...rest, autocapitalize: 'none', spellcheck: false, readonly: editing });
}
