import { LitElement, css, html, nothing } from 'lit';
import {
  PASSWORD_MIN,
  ROLE_LABELS,
  ROLES,
  StaffAccountInputSchema,
  errorMessage,
  fieldErrors,
  isUnitRole,
  type Lang,
  type Role,
  type Unit,
} from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { paknClient } from '#shared/client.ts';
import { COMMON, elementLang, formatDateTime } from '#shared/i18n.ts';
import { base, dataTable, tokens } from '#shared/styles.ts';
import { unitName } from '#shared/units.ts';
import {
  callFailed,
  editorForm,
  field,
  focusEditOrAdd,
  focusFirstInvalid,
  loadErrorAlert,
  selectField,
  statusLine,
  textField,
  withoutError,
} from '#shared/form-fields.ts';
import { adminStyles, editorLabels, renderBreadcrumb, renderUnitPicker } from './admin-ui.ts';
import { ADMIN, USERS, fill } from './strings.ts';
import { foldForSearch } from './unit-search.ts';

type Account = Awaited<ReturnType<PaknClient['admin']['users']['query']>>[number];

interface Draft {
  /** Null for a new account; the id of the account being edited otherwise. */
  editing: string | null;
  username: string;
  displayName: string;
  role: string;
  unitId: string;
  email: string;
  active: boolean;
  password: string;
}

/** Fields of the form, named as the schema names them (so the server's field errors land on them). */
const FORM_FIELDS = new Set(['username', 'displayName', 'role', 'unitId', 'email', 'password']);

const USERNAME_PATTERN = /^[a-z0-9._-]{3,60}$/;

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * `<pakn-users>`: the administrator's list of staff accounts, with a form to create one or change its name,
 * role, unit, email, state or password. Admins only (the server decides: `administer`).
 *
 * Attributes: `lang`. Events out: `pakn-session-expired`, `pakn-navigate`.
 */
export class PaknUsers extends LitElement {
  static override properties = {
    lang: { type: String },
    accounts: { state: true },
    units: { state: true },
    loadError: { state: true },
    filter: { state: true },
    draft: { state: true },
    unitQuery: { state: true },
    busy: { state: true },
    errors: { state: true },
    formError: { state: true },
    notice: { state: true },
  };

  declare lang: string;
  declare protected accounts: readonly Account[] | null;
  declare protected units: readonly Unit[];
  declare protected loadError: string | null;
  declare protected filter: string;
  declare protected draft: Draft | null;
  declare protected unitQuery: string;
  declare protected busy: boolean;
  declare protected errors: Readonly<Record<string, string>>;
  declare protected formError: string | null;
  declare protected notice: string | null;

  constructor() {
    super();
    this.lang = '';
    this.accounts = null;
    this.units = [];
    this.loadError = null;
    this.filter = '';
    this.draft = null;
    this.unitQuery = '';
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
      const [accounts, units] = await Promise.all([paknClient().admin.users.query(), paknClient().unit.list.query()]);
      this.accounts = accounts;
      this.units = units;
      this.loadError = null;
    } catch (error) {
      this.loadError = callFailed(this, error, this.language).message;
    }
  }

  async #open(account: Account | null): Promise<void> {
    this.notice = null;
    this.errors = {};
    this.formError = null;
    this.unitQuery = '';
    this.draft = account
      ? {
          editing: account.id,
          username: account.username,
          displayName: account.displayName,
          role: account.role,
          unitId: account.unitId ?? '',
          email: account.email ?? '',
          active: account.active,
          password: '',
        }
      : { editing: null, username: '', displayName: '', role: '', unitId: '', email: '', active: true, password: '' };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(account ? '#displayName' : '#username')?.focus();
  }

  async #close(focusId?: string): Promise<void> {
    this.draft = null;
    await focusEditOrAdd(this, focusId);
  }

  #set<K extends Exclude<keyof Draft, 'editing'>>(key: K, value: Draft[K]): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, [key]: value };
    this.errors = withoutError(this.errors, key);
  }

  /** What the server would refuse, said before asking it: the same schema plus the rules it adds. */
  #check(d: Draft, lang: Lang) {
    const input = {
      ...(d.editing ? { id: d.editing } : {}),
      username: d.username.trim(),
      displayName: d.displayName,
      role: d.role,
      unitId: d.unitId || undefined,
      email: d.email.trim() || undefined,
      active: d.active,
      password: d.password || undefined,
    };
    const parsed = StaffAccountInputSchema.safeParse(input);
    const errors = parsed.success ? {} : fieldErrors(parsed.error.issues, lang);
    if (errors.username && !USERNAME_PATTERN.test(input.username)) errors.username = USERS.usernameFormat[lang];
    if (isRole(d.role) && isUnitRole(d.role) && !d.unitId) errors.unitId = errorMessage('unit_required', lang);
    if (!d.editing && !d.password) errors.password = errorMessage('password_required', lang);
    return { parsed, errors };
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const d = this.draft;
    if (!d || this.busy) return;
    const lang = this.language;
    this.formError = null;
    const { parsed, errors } = this.#check(d, lang);
    if (!parsed.success || Object.keys(errors).length > 0) {
      this.errors = errors;
      await focusFirstInvalid(this);
      return;
    }
    this.busy = true;
    try {
      const accounts = await paknClient().admin.saveUser.mutate(parsed.data);
      this.accounts = accounts;
      this.notice = fill(USERS.saved[lang], { username: parsed.data.username });
      await this.#close(accounts.find((a) => a.username === parsed.data.username)?.id);
    } catch (error) {
      // The form stays as typed; the server's field errors go next to their fields.
      const info = callFailed(this, error, lang);
      this.formError = info.message;
      this.errors = info.fieldErrors;
      const fields = Object.keys(info.fieldErrors);
      if (fields.length > 0 && fields.every((f) => FORM_FIELDS.has(f))) {
        this.formError = errorMessage('invalid', lang);
        await focusFirstInvalid(this);
      }
    } finally {
      this.busy = false;
    }
  }

  /** Lifts a sign-in lock (issue 9): the list is read again, since other locks may have ended meanwhile. */
  async #unlock(account: Account): Promise<void> {
    if (this.busy) return;
    const lang = this.language;
    this.busy = true;
    this.notice = null;
    try {
      await paknClient().admin.unlockUser.mutate({ id: account.id });
      this.accounts = await paknClient().admin.users.query();
      this.notice = fill(USERS.unlocked[lang], { username: account.username });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-edit="${CSS.escape(account.id)}"]`)?.focus();
    } catch (error) {
      this.loadError = callFailed(this, error, lang).message;
    } finally {
      this.busy = false;
    }
  }

  #visible(accounts: readonly Account[], lang: Lang): readonly Account[] {
    const words = foldForSearch(this.filter).split(' ').filter(Boolean);
    if (words.length === 0) return accounts;
    return accounts.filter((a) => {
      const text = foldForSearch(
        [a.username, a.displayName, ROLE_LABELS[a.role][lang], unitName(this.units, a.unitId) ?? '', a.email ?? ''].join(' '),
      );
      return words.every((w) => text.includes(w));
    });
  }

  protected override render() {
    const lang = this.language;
    return html`<div class="root" lang=${lang}>
      ${renderBreadcrumb(lang, this)}
      <h1>${USERS.heading[lang]}</h1>
      <p class="intro">${USERS.intro[lang]}</p>
      ${statusLine(this.notice)} ${loadErrorAlert(this.loadError, lang, () => void this.load())}
      ${this.draft
        ? this.#renderForm(this.draft, lang)
        : html`<p><button type="button" id="add" ?disabled=${this.accounts === null} @click=${() => void this.#open(null)}>${USERS.add[lang]}</button></p>`}
      ${this.accounts === null ? html`<p class="muted">${COMMON.loading[lang]}</p>` : this.#renderTable(this.accounts, lang)}
    </div>`;
  }

  #renderTable(accounts: readonly Account[], lang: Lang) {
    if (accounts.length === 0) return html`<p class="empty">${USERS.empty[lang]}</p>`;
    const visible = this.#visible(accounts, lang);
    return html`<div class="toolbar">
        ${field({
          id: 'filter',
          label: ADMIN.filter[lang],
          control: html`<input
            id="filter"
            type="search"
            autocomplete="off"
            aria-describedby="filter-count"
            .value=${this.filter}
            @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)}
          />`,
        })}
        <p id="filter-count" class="muted" aria-live="polite">
          ${fill(ADMIN.shown[lang], { shown: visible.length, total: accounts.length })}
        </p>
      </div>
      ${visible.length === 0
        ? html`<p class="empty">${ADMIN.noMatch[lang]}</p>`
        : html`<div class="table-wrap">
            <table>
              <caption class="visually-hidden">${USERS.caption[lang]}</caption>
              <thead>
                <tr>
                  <th scope="col">${USERS.username[lang]}</th>
                  <th scope="col">${USERS.displayName[lang]}</th>
                  <th scope="col">${USERS.role[lang]}</th>
                  <th scope="col">${USERS.unit[lang]}</th>
                  <th scope="col" class="col-email">${USERS.email[lang]}</th>
                  <th scope="col">${USERS.active[lang]}</th>
                  <th scope="col"><span class="visually-hidden">${ADMIN.actions[lang]}</span></th>
                </tr>
              </thead>
              <tbody>
                ${visible.map(
                  (a) => html`<tr data-username=${a.username} class=${a.active ? '' : 'inactive'}>
                    <th scope="row"><code>${a.username}</code></th>
                    <td>
                      ${a.displayName}${a.email ? html`<span class="email-inline muted">${a.email}</span>` : nothing}
                    </td>
                    <td>${ROLE_LABELS[a.role][lang]}</td>
                    <td>${unitName(this.units, a.unitId) ?? html`<span class="muted">–</span>`}</td>
                    <td class="col-email">${a.email ?? html`<span class="muted">–</span>`}</td>
                    <td>
                      ${a.active ? ADMIN.yes[lang] : html`<span class="badge">${USERS.inactive[lang]}</span>`}
                      ${a.lockedUntil
                        ? html`<span class="locked" title=${USERS.lockedWhy[lang]}
                            >${fill(USERS.lockedUntil[lang], { until: formatDateTime(a.lockedUntil) })}</span
                          >`
                        : nothing}
                    </td>
                    <td class="actions">
                      <button type="button" class="secondary small" data-edit=${a.id} @click=${() => void this.#open(a)}>
                        ${ADMIN.edit[lang]}<span class="visually-hidden"> ${a.username}</span>
                      </button>
                      ${a.lockedUntil
                        ? html`<button type="button" class="secondary small" data-unlock=${a.id} ?disabled=${this.busy} @click=${() => void this.#unlock(a)}>
                            ${USERS.unlock[lang]}<span class="visually-hidden"> ${a.username}</span>
                          </button>`
                        : nothing}
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}`;
  }

  #renderForm(d: Draft, lang: Lang) {
    const e = this.errors;
    const unitRole = isRole(d.role) && isUnitRole(d.role);
    const passwordHint = fill((d.editing ? USERS.passwordHintEdit : USERS.passwordHintNew)[lang], { min: PASSWORD_MIN });
    return editorForm(
      {
        heading: d.editing ? fill(USERS.editHeading[lang], { username: d.username }) : USERS.newHeading[lang],
        formError: this.formError,
        busy: this.busy,
        labels: editorLabels(lang),
        onSubmit: (ev) => void this.#save(ev),
        onCancel: () => void this.#close(d.editing ?? undefined),
      },
      html`
      <div class="grid">
        ${textField({
          id: 'username',
          label: USERS.username[lang],
          hint: USERS.usernameHint[lang],
          error: e.username,
          autocapitalize: 'none',
          spellcheck: false,
          value: d.username,
          readonly: d.editing !== null,
          onInput: (v) => this.#set('username', v),
        })}
        ${textField({
          id: 'displayName',
          label: USERS.displayName[lang],
          error: e.displayName,
          value: d.displayName,
          onInput: (v) => this.#set('displayName', v),
        })}
      </div>
      <div class="grid">
        ${selectField({
          id: 'role',
          label: USERS.role[lang],
          error: e.role,
          value: d.role,
          emptyLabel: ADMIN.chooseOne[lang],
          options: ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] })),
          onChange: (v) => this.#set('role', v),
        })}
        ${textField({
          id: 'email',
          type: 'email',
          label: USERS.email[lang],
          hint: USERS.emailHint[lang],
          error: e.email,
          value: d.email,
          onInput: (v) => this.#set('email', v),
        })}
      </div>
      ${renderUnitPicker({
        id: 'unitId',
        label: USERS.unit[lang],
        hint: unitRole ? USERS.unitHintRequired[lang] : USERS.unitHintOptional[lang],
        error: e.unitId,
        units: this.units,
        value: d.unitId,
        query: this.unitQuery,
        emptyLabel: unitRole ? ADMIN.chooseOne[lang] : ADMIN.noUnit[lang],
        lang,
        onQuery: (q) => (this.unitQuery = q),
        onChange: (id) => this.#set('unitId', id),
      })}
      <div class="grid">
        ${textField({
          id: 'password',
          type: 'password',
          autocomplete: 'new-password',
          minlength: PASSWORD_MIN,
          label: d.editing ? USERS.newPassword[lang] : USERS.password[lang],
          hint: passwordHint,
          error: e.password,
          value: d.password,
          onInput: (v) => this.#set('password', v),
        })}
        <div class="field">
          <span class="label-like" aria-hidden="true">${USERS.active[lang]}</span>
          <label class="choice">
            <input
              id="active"
              type="checkbox"
              .checked=${d.active}
              @change=${(ev: Event) => this.#set('active', (ev.target as HTMLInputElement).checked)}
            />
            ${USERS.activeLabel[lang]}
          </label>
        </div>
      </div>
    `,
    );
  }

  static override styles = [
    tokens,
    base,
    dataTable,
    adminStyles,
    css`
      tr.inactive td,
      tr.inactive th {
        color: var(--_muted);
      }
      .label-like {
        font-weight: 600;
      }
      .locked {
        display: block;
        font-size: 0.9rem;
        color: var(--_danger);
      }
      tbody th code {
        white-space: nowrap;
        overflow-wrap: normal;
      }
      .email-inline {
        display: none;
      }
      /* On a tablet the email moves under the name, so the table fits without scrolling sideways. */
      @media (max-width: 64rem) {
        .col-email {
          display: none;
        }
        .email-inline {
          display: block;
          font-size: 0.9rem;
          overflow-wrap: anywhere;
        }
      }
    `,
  ];
}

if (!customElements.get('pakn-users')) customElements.define('pakn-users', PaknUsers);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-users': PaknUsers;
  }
}
