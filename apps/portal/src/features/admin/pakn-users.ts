import { html, nothing } from 'lit';
import { PASSWORD_MIN, ROLE_LABELS, ROLES, StaffAccountInputSchema, errorMessage, isUnitRole, type Lang, type Role } from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { paknClient } from '#shared/client.ts';
import { UnitsController } from '#shared/context.ts';
import { fill, formatDateTime } from '#shared/i18n.ts';
import { base, dataTable, tokens } from '#shared/styles.ts';
import { unitName, type UnitView } from '#shared/units.ts';
import { selectField, textField } from '#shared/form-fields.ts';
import { editButton, keyField, ListEditorPage } from '#shared/list-editor.ts';
import { renderTable } from '#shared/table.ts';
import { adminStyles, renderBreadcrumb, renderFilter, renderUnitPicker } from './admin-ui.ts';
import { ADMIN, USERS } from './strings.ts';
import { foldForSearch } from './unit-search.ts';
import { usersStyles } from './pakn-users.styles.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';

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

function draftOf(account: Account | null): Draft {
  if (!account) return { editing: null, username: '', displayName: '', role: '', unitId: '', email: '', active: true, password: '' };
  const { id, username, displayName, role, unitId, email, active } = account;
  return { editing: id, username, displayName, role, unitId: unitId ?? '', email: email ?? '', active, password: '' };
}

/**
 * `<pakn-users>`: the administrator's list of staff accounts, with a form to create one or change its name,
 * role, unit, email, state or password. Admins only (the server decides: `administer`).
 *
 * Attributes: `lang`. Events out: `pakn-session-expired`, `pakn-navigate`.
 */
export class PaknUsers extends PaknElement {
  static override properties = {
    filter: { state: true },
    unitQuery: { state: true },
  };

  declare protected filter: string;
  declare protected unitQuery: string;

  readonly #units = new UnitsController(this);
  readonly #page = new ListEditorPage<readonly Account[], Draft>(this, {
    lang: this.language,
    load: (signal) => paknClient().admin.users.query(undefined, { signal }),
    save: (draft) => this.#save(draft),
    fields: FORM_FIELDS,
  });
  readonly #accounts = this.#page.list;
  readonly #editor = this.#page.editor;

  constructor() {
    super();
    this.filter = '';
    this.unitQuery = '';
  }

  get #unitList(): readonly UnitView[] {
    return this.#units.value ?? [];
  }

  async #open(account: Account | null): Promise<void> {
    this.unitQuery = '';
    await this.#editor.open(draftOf(account), account ? '#displayName' : '#username');
  }

  #set<K extends Exclude<keyof Draft, 'editing'>>(key: K, value: Draft[K]): void {
    this.#editor.set(key, value);
  }

  async #save(d: Draft): Promise<void> {
    const lang = this.language.value;
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
    // What the server would refuse, said before asking it: the same schema plus the rules it adds.
    await this.#editor.submit({
      schema: StaffAccountInputSchema,
      input,
      fieldIds: (errors) => (errors.username && !USERNAME_PATTERN.test(input.username) ? { ...errors, username: USERS.usernameFormat[lang] } : { ...errors }),
      check: () => {
        const errors: Record<string, string> = {};
        if (isRole(d.role) && isUnitRole(d.role) && !d.unitId) errors.unitId = errorMessage('unit_required', lang);
        if (!d.editing && !d.password) errors.password = errorMessage('password_required', lang);
        return errors;
      },
      send: (data) => paknClient().admin.saveUser.mutate(data),
      done: async (accounts, data) => {
        await this.#accounts.run();
        this.#editor.notice = fill(USERS.saved[lang], { username: data.username });
        await this.#editor.close(accounts.find((a) => a.username === data.username)?.id);
      },
    });
  }

  /** Lifts a sign-in lock (issue 9): the list is read again, since other locks may have ended meanwhile. */
  async #unlock(account: Account): Promise<void> {
    const lang = this.language.value;
    await this.#editor.submit({
      form: 'row',
      input: null,
      send: () => paknClient().admin.unlockUser.mutate({ id: account.id }),
      done: async () => {
        await this.#accounts.run();
        this.#editor.notice = fill(USERS.unlocked[lang], { username: account.username });
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(`[data-edit="${CSS.escape(account.id)}"]`)?.focus();
      },
    });
  }

  #visible(accounts: readonly Account[], lang: Lang): readonly Account[] {
    const words = foldForSearch(this.filter).split(' ').filter(Boolean);
    if (words.length === 0) return accounts;
    return accounts.filter((a) => {
      const text = foldForSearch([a.username, a.displayName, ROLE_LABELS[a.role][lang], unitName(this.#unitList, a.unitId) ?? '', a.email ?? ''].join(' '));
      return words.every((w) => text.includes(w));
    });
  }

  protected override render() {
    const lang = this.language.value;
    return this.#page.renderPage({
      top: renderBreadcrumb(lang, this),
      texts: USERS,
      addWaits: true,
      onAdd: () => void this.#open(null),
      form: (d) => this.#renderForm(d, lang),
      list: (accounts) => this.#renderTable(accounts, lang),
    });
  }

  #renderTable(accounts: readonly Account[], lang: Lang) {
    const visible = this.#visible(accounts, lang);
    return html`${renderFilter({ value: this.filter, shown: visible.length, total: accounts.length, lang, onInput: (v) => (this.filter = v) })}
    ${
      visible.length === 0
        ? html`<p class="empty">${ADMIN.noMatch[lang]}</p>`
        : html`${renderTable({
            caption: USERS.caption[lang],
            columns: [
              USERS.username[lang],
              USERS.displayName[lang],
              USERS.role[lang],
              USERS.unit[lang],
              { label: USERS.email[lang], className: 'col-email' },
              USERS.active[lang],
              { label: ADMIN.actions[lang], hidden: true },
            ],
            rows: visible.map(
              (a) =>
                html`<tr data-username=${a.username} class=${a.active ? '' : 'inactive'}>
                  <th scope="row"><code>${a.username}</code></th>
                  <td>${a.displayName}${a.email ? html`<span class="email-inline muted">${a.email}</span>` : nothing}</td>
                  <td>${ROLE_LABELS[a.role][lang]}</td>
                  <td>${unitName(this.#unitList, a.unitId) ?? html`<span class="muted">–</span>`}</td>
                  <td class="col-email">${a.email ?? html`<span class="muted">–</span>`}</td>
                  <td>
                    ${a.active ? ADMIN.yes[lang] : html`<span class="badge">${USERS.inactive[lang]}</span>`}
                    ${
                      a.lockedUntil
                        ? html`<span class="locked" title=${USERS.lockedWhy[lang]}
                            >${fill(USERS.lockedUntil[lang], { until: formatDateTime(a.lockedUntil) })}</span
                          >`
                        : nothing
                    }
                  </td>
                  <td class="actions">
                    ${editButton(lang, a.id, a.username, () => void this.#open(a))}
                    ${
                      a.lockedUntil
                        ? html`<button
                            type="button"
                            class="secondary small"
                            data-unlock=${a.id}
                            ?disabled=${this.#editor.busy}
                            @click=${() => void this.#unlock(a)}
                          >
                            ${USERS.unlock[lang]}<span class="visually-hidden"> ${a.username}</span>
                          </button>`
                        : nothing
                    }
                  </td>
                </tr>`,
            ),
          })}`
    }`;
  }

  #renderForm(d: Draft, lang: Lang) {
    const e = this.#editor.errorsOf();
    const unitRole = isRole(d.role) && isUnitRole(d.role);
    return this.#page.renderEditor(
      d,
      d.editing ? fill(USERS.editHeading[lang], { username: d.username }) : USERS.newHeading[lang],
      html`
        <div class="grid">
          ${keyField({
            id: 'username',
            label: USERS.username[lang],
            hint: USERS.usernameHint[lang],
            error: e.username,
            value: d.username,
            editing: d.editing !== null,
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
          units: this.#unitList,
          value: d.unitId,
          query: this.unitQuery,
          emptyLabel: unitRole ? ADMIN.chooseOne[lang] : ADMIN.noUnit[lang],
          lang,
          onQuery: (q) => (this.unitQuery = q),
          onChange: (id) => this.#set('unitId', id),
        })}
        ${this.#renderAccess(d, lang)}
      `,
    );
  }

  /** The password (new, or a new one) and whether the account may sign in. */
  #renderAccess(d: Draft, lang: Lang) {
    const passwordHint = fill((d.editing ? USERS.passwordHintEdit : USERS.passwordHintNew)[lang], { min: PASSWORD_MIN });
    return html`<div class="grid">
      ${textField({
        id: 'password',
        type: 'password',
        autocomplete: 'new-password',
        minlength: PASSWORD_MIN,
        label: d.editing ? USERS.newPassword[lang] : USERS.password[lang],
        hint: passwordHint,
        error: this.#editor.errorsOf().password,
        value: d.password,
        onInput: (v) => this.#set('password', v),
      })}
      <div class="field">
        <span class="label-like" aria-hidden="true">${USERS.active[lang]}</span>
        <label class="choice">
          <input id="active" type="checkbox" .checked=${d.active} @change=${(ev: Event) => this.#set('active', (ev.target as HTMLInputElement).checked)} />
          ${USERS.activeLabel[lang]}
        </label>
      </div>
    </div>`;
  }

  static override styles = [tokens, base, dataTable, adminStyles, usersStyles];
}

defineElement('pakn-users', PaknUsers);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-users': PaknUsers;
  }
}
