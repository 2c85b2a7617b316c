import { css, html, type TemplateResult } from 'lit';
import type { Lang, Text } from '@pakn/domain';
import type { EditorFormOptions } from './form-fields.ts';

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
export function editorLabels(lang: Lang): EditorFormOptions['labels'] {
  return { save: LIST_EDITOR.save[lang], saving: LIST_EDITOR.saving[lang], cancel: LIST_EDITOR.cancel[lang] };
}

/** The button that opens the editor on a new entry; `EditorController.close()` returns the focus to it (`#add`). */
export function addButton(label: string, onClick: () => void, disabled = false): TemplateResult {
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
export const rowActionStyles = css`
  button.danger {
    color: var(--_danger);
    border-color: var(--_danger);
  }
`;
