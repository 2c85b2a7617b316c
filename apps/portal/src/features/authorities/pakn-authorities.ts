import { LitElement, css, html, nothing } from 'lit';
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
import { errorInfo, isSignedOut, paknClient } from '#shared/client.ts';
import { SessionExpiredEvent } from '#shared/events.ts';
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
      const info = errorInfo(error, this.language);
      if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
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
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(focusId ? `[data-edit="${CSS.escape(focusId)}"]` : '#add')?.focus();
  }

  #set(key: Exclude<keyof Draft, 'editing'>, value: string): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, [key]: value };
    if (key in this.errors) {
      const rest = { ...this.errors };
      delete rest[key];
      this.errors = rest;
    }
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
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.busy = true;
    try {
      this.authorities = await paknClient().authority.save.mutate(parsed.data);
      this.notice = STRINGS.saved[lang].replace('{name}', parsed.data.name[lang]);
      await this.#close(parsed.data.id);
    } catch (error) {
      const info = errorInfo(error, lang);
      if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
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
      const info = errorInfo(error, lang);
      if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
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
      <p role="status" class="success-line">${this.notice ? html`<span class="success">${this.notice}</span>` : nothing}</p>
      ${this.loadError
        ? html`<div class="alert" role="alert">
            <p>${this.loadError}</p>
            <button type="button" class="secondary" @click=${() => void this.load()}>${COMMON.retry[lang]}</button>
          </div>`
        : nothing}
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
    const d = this.draft!;
    const error = this.errors[id];
    return html`<div class="field">
      <label for=${id}>${label[lang]}</label>
      <input
        id=${id}
        type="text"
        lang=${textLang}
        .value=${d[id]}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}
        @input=${(e: Event) => this.#set(id, (e.target as HTMLInputElement).value)}
      />
      ${error ? html`<span id="${id}-error" class="field-error">${error}</span>` : nothing}
    </div>`;
  }

  #area(id: 'referralVi' | 'referralEn', label: Text, lang: Lang, textLang: Lang) {
    const d = this.draft!;
    const error = this.errors[id];
    return html`<div class="field">
      <label for=${id}>${label[lang]}</label>
      <span id="${id}-hint" class="hint">${STRINGS.referralHint[lang]}</span>
      <textarea
        id=${id}
        rows="4"
        lang=${textLang}
        .value=${d[id]}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-hint ${id}-error` : `${id}-hint`}
        @input=${(e: Event) => this.#set(id, (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${error ? html`<span id="${id}-error" class="field-error">${error}</span>` : nothing}
    </div>`;
  }

  #renderForm(d: Draft, lang: Lang) {
    const idError = this.errors.id;
    const classError = this.errors.outOfScopeClass;
    return html`<form class="editor" @submit=${(e: SubmitEvent) => void this.#save(e)} novalidate aria-labelledby="editor-heading">
      <h2 id="editor-heading">${d.editing ? STRINGS.editHeading[lang] : STRINGS.newHeading[lang]}</h2>
      ${this.formError ? html`<p class="alert" role="alert">${this.formError}</p>` : nothing}
      <div class="grid">
        <div class="field">
          <label for="id">${STRINGS.id[lang]}</label>
          <span id="id-hint" class="hint">${STRINGS.idHint[lang]}</span>
          <input
            id="id"
            type="text"
            autocomplete="off"
            spellcheck="false"
            .value=${d.id}
            ?readonly=${d.editing !== null}
            aria-invalid=${idError ? 'true' : 'false'}
            aria-describedby=${idError ? 'id-hint id-error' : 'id-hint'}
            @input=${(e: Event) => this.#set('id', (e.target as HTMLInputElement).value)}
          />
          ${idError ? html`<span id="id-error" class="field-error">${idError}</span>` : nothing}
        </div>
        <div class="field">
          <label for="outOfScopeClass">${STRINGS.class[lang]}</label>
          <select
            id="outOfScopeClass"
            aria-invalid=${classError ? 'true' : 'false'}
            aria-describedby=${classError ? 'outOfScopeClass-error' : nothing}
            @change=${(e: Event) => this.#set('outOfScopeClass', (e.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${!d.outOfScopeClass}>${STRINGS.chooseOne[lang]}</option>
            ${OUT_OF_SCOPE_CLASSES.map(
              (c: OutOfScopeClass) => html`<option value=${c} ?selected=${c === d.outOfScopeClass}>${OUT_OF_SCOPE_LABELS[c][lang]}</option>`,
            )}
          </select>
          ${classError ? html`<span id="outOfScopeClass-error" class="field-error">${classError}</span>` : nothing}
        </div>
      </div>
      <div class="grid">${this.#text('nameVi', STRINGS.nameVi, lang, 'vi')} ${this.#text('nameEn', STRINGS.nameEn, lang, 'en')}</div>
      <div class="grid">
        ${this.#area('referralVi', STRINGS.referralVi, lang, 'vi')} ${this.#area('referralEn', STRINGS.referralEn, lang, 'en')}
      </div>
      <div class="buttons">
        <button type="submit" ?disabled=${this.busy}>${this.busy ? STRINGS.saving[lang] : STRINGS.save[lang]}</button>
        <button type="button" class="secondary" @click=${() => void this.#close(d.editing ?? undefined)}>${STRINGS.cancel[lang]}</button>
      </div>
    </form>`;
  }

  static override styles = [
    tokens,
    base,
    dataTable,
    css`
      .intro {
        max-width: 60rem;
      }
      .success-line {
        margin: 0;
      }
      .success-line .success {
        display: block;
      }
      .editor {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        margin-bottom: 1.5rem;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
        gap: 0 1.5rem;
      }
      input[readonly] {
        background: var(--_surface);
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      tbody th {
        font-weight: 600;
      }
      .referral {
        min-width: 16rem;
        color: var(--_muted);
      }
      .actions {
        white-space: nowrap;
      }
      button.small {
        min-height: 2.25rem;
        padding: 0.2rem 0.7rem;
      }
      button.danger {
        color: var(--_danger);
        border-color: var(--_danger);
      }
      .empty {
        padding: var(--_space);
        background: var(--_surface);
        border-radius: var(--_radius);
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
