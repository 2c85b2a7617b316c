import { LitElement, css, html } from 'lit';
import {
  AuthorityInputSchema,
  OUT_OF_SCOPE_CLASSES,
  OUT_OF_SCOPE_LABELS,
  fieldErrors,
  type Lang,
  type OutOfScopeClass,
  type Text,
} from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { paknClient } from '#shared/client.ts';
import {
  callFailed,
  editorForm,
  editorStyles,
  focusEditOrAdd,
  focusFirstInvalid,
  loadErrorAlert,
  pageStyles,
  selectField,
  statusLine,
  textField,
  textareaField,
  withoutError,
} from '#shared/form-fields.ts';
import { COMMON, elementLang } from '#shared/i18n.ts';
import { base, dataTable, tokens } from '#shared/styles.ts';

type Authority = Awaited<ReturnType<PaknClient['authority']['list']['query']>>[number];

interface Draft {
  /** Null for a new entry (its id is typed); the id of the entry being edited otherwise. */
  editing: string | null;
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
  actions: { vi: 'Thao tác', en: 'Actions' },
  edit: { vi: 'Sửa', en: 'Edit' },
  remove: { vi: 'Xóa', en: 'Delete' },
  confirmRemove: { vi: 'Xóa cơ quan “{name}” khỏi danh mục?', en: 'Delete “{name}” from the directory?' },
  removed: { vi: 'Đã xóa cơ quan khỏi danh mục.', en: 'The authority was deleted.' },
  empty: { vi: 'Danh mục chưa có cơ quan nào.', en: 'The directory is empty.' },
  add: { vi: 'Thêm cơ quan', en: 'Add an authority' },
  editHeading: { vi: 'Sửa thông tin cơ quan', en: 'Edit the authority' },
  newHeading: { vi: 'Thêm cơ quan vào danh mục', en: 'Add an authority' },
  id: { vi: 'Mã cơ quan', en: 'Identifier' },
  idHint: { vi: 'Chữ thường không dấu, số và dấu gạch ngang, ví dụ thanh-tra-thanh-pho. Không đổi được sau khi lưu.', en: 'Lower-case letters, digits and hyphens, e.g. thanh-tra-thanh-pho. Cannot change once saved.' },
  nameVi: { vi: 'Tên cơ quan (tiếng Việt)', en: 'Name (Vietnamese)' },
  nameEn: { vi: 'Tên cơ quan (tiếng Anh)', en: 'Name (English)' },
  referralVi: { vi: 'Hướng dẫn cho người dân (tiếng Việt)', en: 'Guidance for citizens (Vietnamese)' },
  referralEn: { vi: 'Hướng dẫn cho người dân (tiếng Anh)', en: 'Guidance for citizens (English)' },
  referralHint: { vi: 'Ít nhất 10 ký tự. Người dân đọc nội dung này.', en: 'At least 10 characters. Citizens read it.' },
  chooseOne: { vi: '— Chọn —', en: '— Choose —' },
  save: { vi: 'Lưu', en: 'Save' },
  saving: { vi: 'Đang lưu…', en: 'Saving…' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  saved: { vi: 'Đã lưu cơ quan “{name}”.', en: 'Saved “{name}”.' },
  idTaken: { vi: 'Mã này đã có trong danh mục.', en: 'This identifier is already in use.' },
} as const satisfies Record<string, Text>;

/** Schema paths → field ids of the form. */
const FIELD_IDS: Readonly<Record<string, string>> = {
  id: 'id',
  outOfScopeClass: 'outOfScopeClass',
  'name.vi': 'nameVi',
  'name.en': 'nameEn',
  'referral.vi': 'referralVi',
  'referral.en': 'referralEn',
};

function emptyDraft(): Draft {
  return { editing: null, id: '', outOfScopeClass: '', nameVi: '', nameEn: '', referralVi: '', referralEn: '' };
}

/**
 * `<pakn-authorities>`: the administrator's editor of the directory of competent authorities (for out-of-scope
 * cases): names and referral texts in Vietnamese and English, by out-of-scope class. Admins only (the server
 * decides: `manageAuthorities`).
 *
 * Attributes: `lang`. Events out: `pakn-session-expired`.
 */
export class PaknAuthorities extends LitElement {
  static override properties = {
    lang: { type: String },
    authorities: { state: true },
    loadError: { state: true },
    draft: { state: true },
    busy: { state: true },
    errors: { state: true },
    formError: { state: true },
    notice: { state: true },
  };

  declare lang: string;
  declare protected authorities: readonly Authority[] | null;
  declare protected loadError: string | null;
  /** The form, when open. */
  declare protected draft: Draft | null;
  declare protected busy: boolean;
  declare protected errors: Readonly<Record<string, string>>;
  declare protected formError: string | null;
  declare protected notice: string | null;

  constructor() {
    super();
    this.lang = '';
    this.authorities = null;
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
      this.authorities = await paknClient().authority.list.query();
      this.loadError = null;
    } catch (error) {
      const info = callFailed(this, error, this.language);
      this.loadError = info.message;
    }
  }

  async #open(authority: Authority | null): Promise<void> {
    this.notice = null;
    this.errors = {};
    this.formError = null;
    this.draft = authority
      ? {
          editing: authority.id,
          id: authority.id,
          outOfScopeClass: authority.outOfScopeClass,
          nameVi: authority.name.vi,
          nameEn: authority.name.en,
          referralVi: authority.referral.vi,
          referralEn: authority.referral.en,
        }
      : emptyDraft();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(authority ? '#outOfScopeClass' : '#id')?.focus();
  }

  async #close(focusId?: string): Promise<void> {
    this.draft = null;
    await focusEditOrAdd(this, focusId);
  }

  #set(key: Exclude<keyof Draft, 'editing'>, value: string): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, [key]: value };
    this.errors = withoutError(this.errors, key);
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const d = this.draft;
    if (!d || this.busy) return;
    const lang = this.language;
    this.formError = null;
    const input = {
      id: d.id.trim(),
      outOfScopeClass: d.outOfScopeClass,
      name: { vi: d.nameVi, en: d.nameEn },
      referral: { vi: d.referralVi, en: d.referralEn },
    };
    const parsed = AuthorityInputSchema.safeParse(input);
    const taken = d.editing === null && this.authorities?.some((a) => a.id === input.id);
    if (!parsed.success || taken) {
      const errors = parsed.success ? {} : this.#fieldIds(fieldErrors(parsed.error.issues, lang));
      if (taken) errors.id = STRINGS.idTaken[lang];
      this.errors = errors;
      await focusFirstInvalid(this);
      return;
    }
    this.busy = true;
    try {
      this.authorities = await paknClient().authority.save.mutate(parsed.data);
      this.notice = STRINGS.saved[lang].replace('{name}', parsed.data.name[lang]);
      await this.#close(parsed.data.id);
    } catch (error) {
      const info = callFailed(this, error, lang);
      this.errors = this.#fieldIds(info.fieldErrors);
      this.formError = info.message;
    } finally {
      this.busy = false;
    }
  }

  async #remove(authority: Authority): Promise<void> {
    const lang = this.language;
    if (!window.confirm(STRINGS.confirmRemove[lang].replace('{name}', authority.name[lang]))) return;
    this.notice = null;
    try {
      this.authorities = await paknClient().authority.remove.mutate({ id: authority.id });
      this.notice = STRINGS.removed[lang];
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#add')?.focus();
    } catch (error) {
      const info = callFailed(this, error, lang);
      this.loadError = info.message;
    }
  }

  #fieldIds(errors: Readonly<Record<string, string>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, message] of Object.entries(errors)) out[FIELD_IDS[key] ?? 'id'] ??= message;
    return out;
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
      ${this.authorities === null ? html`<p class="muted">${COMMON.loading[lang]}</p>` : this.#renderTable(this.authorities, lang)}
    </div>`;
  }

  #renderTable(authorities: readonly Authority[], lang: Lang) {
    if (authorities.length === 0) return html`<p class="empty">${STRINGS.empty[lang]}</p>`;
    return html`<div class="table-wrap">
      <table>
        <caption class="visually-hidden">${STRINGS.caption[lang]}</caption>
        <thead>
          <tr>
            <th scope="col">${STRINGS.class[lang]}</th>
            <th scope="col">${STRINGS.name[lang]}</th>
            <th scope="col">${STRINGS.referralVi[lang]}</th>
            <th scope="col"><span class="visually-hidden">${STRINGS.actions[lang]}</span></th>
          </tr>
        </thead>
        <tbody>
          ${authorities.map(
            (a) => html`<tr data-id=${a.id}>
              <td>${OUT_OF_SCOPE_LABELS[a.outOfScopeClass][lang]}</td>
              <th scope="row">
                <span lang="vi">${a.name.vi}</span><br /><span class="muted" lang="en">${a.name.en}</span>
              </th>
              <td class="referral" lang="vi">${a.referral.vi}</td>
              <td class="actions">
                <button type="button" class="secondary small" data-edit=${a.id} @click=${() => void this.#open(a)}>
                  ${STRINGS.edit[lang]}<span class="visually-hidden"> ${a.name[lang]}</span>
                </button>
                <button type="button" class="secondary small danger" @click=${() => void this.#remove(a)}>
                  ${STRINGS.remove[lang]}<span class="visually-hidden"> ${a.name[lang]}</span>
                </button>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #text(id: 'nameVi' | 'nameEn', label: Text, lang: Lang, textLang: Lang) {
    return textField({
      id,
      label: label[lang],
      error: this.errors[id],
      autocomplete: null,
      textLang,
      value: this.draft![id],
      onInput: (v) => this.#set(id, v),
    });
  }

  #area(id: 'referralVi' | 'referralEn', label: Text, lang: Lang, textLang: Lang) {
    return textareaField({
      id,
      label: label[lang],
      hint: STRINGS.referralHint[lang],
      error: this.errors[id],
      rows: 4,
      textLang,
      value: this.draft![id],
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
        <div class="grid">
          ${textField({
            id: 'id',
            label: STRINGS.id[lang],
            hint: STRINGS.idHint[lang],
            error: this.errors.id,
            spellcheck: false,
            value: d.id,
            readonly: d.editing !== null,
            onInput: (v) => this.#set('id', v),
          })}
          ${selectField({
            id: 'outOfScopeClass',
            label: STRINGS.class[lang],
            error: this.errors.outOfScopeClass,
            value: d.outOfScopeClass,
            emptyLabel: STRINGS.chooseOne[lang],
            options: OUT_OF_SCOPE_CLASSES.map((c: OutOfScopeClass) => ({ value: c, label: OUT_OF_SCOPE_LABELS[c][lang] })),
            onChange: (v) => this.#set('outOfScopeClass', v),
          })}
        </div>
        <div class="grid">${this.#text('nameVi', STRINGS.nameVi, lang, 'vi')} ${this.#text('nameEn', STRINGS.nameEn, lang, 'en')}</div>
        <div class="grid">
          ${this.#area('referralVi', STRINGS.referralVi, lang, 'vi')} ${this.#area('referralEn', STRINGS.referralEn, lang, 'en')}
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
      .referral {
        min-width: 16rem;
        color: var(--_muted);
      }
      button.danger {
        color: var(--_danger);
        border-color: var(--_danger);
      }
    `,
  ];
}

if (!customElements.get('pakn-authorities')) customElements.define('pakn-authorities', PaknAuthorities);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-authorities': PaknAuthorities;
  }
}
