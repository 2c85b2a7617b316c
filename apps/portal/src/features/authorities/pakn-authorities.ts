import { css, html, type TemplateResult } from 'lit';
import { AuthorityInputSchema, OUT_OF_SCOPE_CLASSES, OUT_OF_SCOPE_LABELS, type Lang, type Text } from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { paknClient } from '#shared/client.ts';
import { fill } from '#shared/i18n.ts';
import { bilingual, LIST_EDITOR, listEditorStyles, ListEditorPage, mapFieldIds, type EntryDraft, type FieldRows } from '#shared/list-editor.ts';
import { renderTable } from '#shared/table.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';

type Authority = Awaited<ReturnType<PaknClient['authority']['list']['query']>>[number];

interface Draft extends EntryDraft {
  id: string;
  outOfScopeClass: string;
  nameVi: string;
  nameEn: string;
  referralVi: string;
  referralEn: string;
}

const STRINGS = {
  heading: { vi: 'Danh mục cơ quan có thẩm quyền', en: 'Competent authorities' },
  intro: {
    vi: 'Khi phản ánh ngoài phạm vi, cán bộ tiếp nhận chọn cơ quan trong danh mục này; nội dung hướng dẫn được điền sẵn (tiếng Việt hoặc tiếng Anh theo ngôn ngữ của người dân) và vẫn sửa được.',
    en: 'For an out-of-scope case, the intake officer picks an authority from this directory; its guidance is filled in (in the citizen’s language) and can still be edited.',
  },
  caption: { vi: 'Các cơ quan có thẩm quyền, theo loại nội dung', en: 'Authorities, by class' },
  class: { vi: 'Loại nội dung ngoài phạm vi', en: 'Out-of-scope class' },
  name: { vi: 'Tên cơ quan', en: 'Name' },
  remove: { vi: 'Xóa', en: 'Delete' },
  confirmRemove: { vi: 'Xóa cơ quan “{name}” khỏi danh mục?', en: 'Delete “{name}” from the directory?' },
  removed: { vi: 'Đã xóa cơ quan khỏi danh mục.', en: 'The authority was deleted.' },
  empty: { vi: 'Danh mục chưa có cơ quan nào.', en: 'The directory is empty.' },
  add: { vi: 'Thêm cơ quan', en: 'Add an authority' },
  editHeading: { vi: 'Sửa thông tin cơ quan', en: 'Edit the authority' },
  newHeading: { vi: 'Thêm cơ quan vào danh mục', en: 'Add an authority' },
  id: { vi: 'Mã cơ quan', en: 'Identifier' },
  idHint: {
    vi: 'Chữ thường không dấu, số và dấu gạch ngang, ví dụ thanh-tra-thanh-pho. Không đổi được sau khi lưu.',
    en: 'Lower-case letters, digits and hyphens, e.g. thanh-tra-thanh-pho. Cannot change once saved.',
  },
  nameVi: { vi: 'Tên cơ quan (tiếng Việt)', en: 'Name (Vietnamese)' },
  nameEn: { vi: 'Tên cơ quan (tiếng Anh)', en: 'Name (English)' },
  referralVi: { vi: 'Hướng dẫn cho người dân (tiếng Việt)', en: 'Guidance for citizens (Vietnamese)' },
  referralEn: { vi: 'Hướng dẫn cho người dân (tiếng Anh)', en: 'Guidance for citizens (English)' },
  referralHint: { vi: 'Ít nhất 10 ký tự. Người dân đọc nội dung này.', en: 'At least 10 characters. Citizens read it.' },
  saved: { vi: 'Đã lưu cơ quan “{name}”.', en: 'Saved “{name}”.' },
  idTaken: { vi: 'Mã này đã có trong danh mục.', en: 'This identifier is already in use.' },
} as const satisfies Record<string, Text>;

/** Schema paths → field ids of the form; anything else is about the id. */
const fieldIds = mapFieldIds(
  { id: 'id', outOfScopeClass: 'outOfScopeClass', 'name.vi': 'nameVi', 'name.en': 'nameEn', 'referral.vi': 'referralVi', 'referral.en': 'referralEn' },
  () => 'id',
);

/** The editor's fields: the id and class, then the name and the guidance in both languages. */
function fields(lang: Lang): FieldRows<Draft> {
  const classes = OUT_OF_SCOPE_CLASSES.map((c) => ({ value: c, label: OUT_OF_SCOPE_LABELS[c][lang] }));
  const hint = STRINGS.referralHint;
  return [
    [
      { id: 'id', type: 'key', label: STRINGS.id, hint: STRINGS.idHint },
      { id: 'outOfScopeClass', type: 'select', label: STRINGS.class, options: classes },
    ],
    [
      { id: 'nameVi', label: STRINGS.nameVi, textLang: 'vi', autocomplete: null },
      { id: 'nameEn', label: STRINGS.nameEn, textLang: 'en', autocomplete: null },
    ],
    [
      { id: 'referralVi', type: 'area', label: STRINGS.referralVi, hint, textLang: 'vi' },
      { id: 'referralEn', type: 'area', label: STRINGS.referralEn, hint, textLang: 'en' },
    ],
  ];
}

function draftOf(a: Authority | null): Draft {
  if (!a) return { editing: null, id: '', outOfScopeClass: '', nameVi: '', nameEn: '', referralVi: '', referralEn: '' };
  return {
    editing: a.id,
    id: a.id,
    outOfScopeClass: a.outOfScopeClass,
    nameVi: a.name.vi,
    nameEn: a.name.en,
    referralVi: a.referral.vi,
    referralEn: a.referral.en,
  };
}

/**
 * `<pakn-authorities>`: the administrator's editor of the directory of competent authorities (for out-of-scope
 * cases): names and referral texts in Vietnamese and English, by out-of-scope class. Admins only (the server
 * decides: `manageAuthorities`).
 *
 * Attributes: `lang`. Events out: `pakn-session-expired`.
 */
export class PaknAuthorities extends PaknElement {
  readonly #page = new ListEditorPage<readonly Authority[], Draft>(this, {
    lang: this.language,
    texts: STRINGS,
    load: (signal) => paknClient().authority.list.query(undefined, { signal }),
    draft: draftOf,
    focus: { add: '#id', edit: '#outOfScopeClass' },
    fields: () => fields(this.language.value),
    list: (authorities) => this.#renderTable(authorities, this.language.value),
    save: (draft) => this.#save(draft),
  });
  readonly #editor = this.#page.editor;

  async #save(d: Draft): Promise<void> {
    const lang = this.language.value;
    const input = {
      id: d.id.trim(),
      outOfScopeClass: d.outOfScopeClass,
      name: { vi: d.nameVi, en: d.nameEn },
      referral: { vi: d.referralVi, en: d.referralEn },
    };
    await this.#editor.submit({
      schema: AuthorityInputSchema,
      input,
      check: () => (this.#page.taken(d, (a) => a.id === input.id) ? { id: STRINGS.idTaken[lang] } : null),
      fieldIds,
      send: (data) => paknClient().authority.save.mutate(data),
      done: (_, data) => this.#page.saved(fill(STRINGS.saved[lang], { name: data.name[lang] }), data.id),
    });
  }

  async #remove(authority: Authority): Promise<void> {
    const lang = this.language.value;
    if (!window.confirm(fill(STRINGS.confirmRemove[lang], { name: authority.name[lang] }))) return;
    await this.#page.rowAction(
      () => paknClient().authority.remove.mutate({ id: authority.id }),
      async () => {
        await this.#page.reload(STRINGS.removed[lang]);
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#add')?.focus();
      },
    );
  }

  protected override render() {
    return this.#page.render();
  }

  #renderTable(authorities: readonly Authority[], lang: Lang): TemplateResult {
    return renderTable({
      caption: STRINGS.caption[lang],
      columns: [STRINGS.class[lang], STRINGS.name[lang], STRINGS.referralVi[lang], { label: LIST_EDITOR.actions[lang], hidden: true }],
      rows: authorities.map(
        (a) =>
          html`<tr data-id=${a.id}>
            <td>${OUT_OF_SCOPE_LABELS[a.outOfScopeClass][lang]}</td>
            <th scope="row">${bilingual(a.name)}</th>
            <td class="referral" lang="vi">${a.referral.vi}</td>
            <td class="actions">
              ${this.#page.editButton(a, a.id, a.name[lang])}
              <button type="button" class="secondary small danger" @click=${() => void this.#remove(a)}>
                ${STRINGS.remove[lang]}<span class="visually-hidden"> ${a.name[lang]}</span>
              </button>
            </td>
          </tr>`,
      ),
    });
  }

  static override styles = [
    ...listEditorStyles,
    css`
      .referral {
        min-width: 16rem;
        color: var(--_muted);
      }
    `,
  ];
}

defineElement('pakn-authorities', PaknAuthorities);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-authorities': PaknAuthorities;
  }
}
