import { html, nothing, type TemplateResult } from 'lit';
import { PASSWORD_MIN, ROLE_LABELS, ROLES, StaffAccountInputSchema, errorMessage, isUnitRole, type Lang, type Role } from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { paknClient } from '#shared/client.ts';
import { UnitsController } from '#shared/context.ts';
import { fill, formatDateTime } from '#shared/i18n.ts';
import { unitName, type UnitView } from '#shared/units.ts';
import { LIST_EDITOR, ListEditorPage, type FieldRows } from '#shared/list-editor.ts';
import { renderTable } from '#shared/table.ts';
import { adminStyles, renderBreadcrumb, renderFilter, unitPickerField, type PickerDraft } from './admin-ui.ts';
import { ADMIN, USERS } from './strings.ts';
import { matchesQuery } from './unit-search.ts';
import { usersStyles } from './pakn-users.styles.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';

type Account = Awaited<ReturnType<PaknClient['admin']['users']['query']>>[number];

interface Draft extends PickerDraft {
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
  if (!account) return { editing: null, username: '', displayName: '', role: '', unitId: '', email: '', active: true, password: '', query: '' };
  const { id, username, displayName, role, unitId, email, active } = account;
  return { editing: id, username, displayName, role, unitId: unitId ?? '', email: email ?? '', active, password: '', query: '' };
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
  };

  declare protected filter: string;

  readonly #units = new UnitsController(this);
  readonly #page = new ListEditorPage<readonly Account[], Draft>(this, {
    lang: this.language,
    texts: USERS,
    top: () => renderBreadcrumb(this.language.value, this),
    load: (signal) => paknClient().admin.users.query(undefined, { signal }),
    draft: draftOf,
    focus: { add: '#username', edit: '#displayName' },
    fields: (d) => this.#fields(d, this.language.value),
    list: (accounts) => this.#renderTable(accounts, this.language.value),
    save: (draft) => this.#save(draft),
    addWaits: true,
    formFields: FORM_FIELDS,
  });
  readonly #editor = this.#page.editor;

  constructor() {
    super();
    this.filter = '';
  }

  get #unitList(): readonly UnitView[] {
    return this.#units.value ?? [];
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
      done: (accounts, data) => this.#page.saved(fill(USERS.saved[lang], { username: data.username }), accounts.find((a) => a.username === data.username)?.id),
    });
  }

  /** Lifts a sign-in lock (issue 9): the list is read again, since other locks may have ended meanwhile. */
  async #unlock(account: Account): Promise<void> {
    const lang = this.language.value;
    await this.#page.rowAction(
      () => paknClient().admin.unlockUser.mutate({ id: account.id }),
      async () => {
        await this.#page.reload(fill(USERS.unlocked[lang], { username: account.username }));
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(`[data-edit="${CSS.escape(account.id)}"]`)?.focus();
      },
    );
  }

  #visible(accounts: readonly Account[], lang: Lang): readonly Account[] {
    const text = (a: Account) => [a.username, a.displayName, ROLE_LABELS[a.role][lang], unitName(this.#unitList, a.unitId) ?? '', a.email ?? ''].join(' ');
    return accounts.filter((a) => matchesQuery(text(a), this.filter));
  }

  protected override render() {
    return this.#page.render();
  }

  #renderTable(accounts: readonly Account[], lang: Lang): TemplateResult {
    const visible = this.#visible(accounts, lang);
    return renderFilter({ value: this.filter, shown: visible.length, total: accounts.length, lang, onInput: (v) => (this.filter = v) }, () =>
      renderTable({
        caption: USERS.caption[lang],
        columns: [
          USERS.username[lang],
          USERS.displayName[lang],
          USERS.role[lang],
          USERS.unit[lang],
          { label: USERS.email[lang], className: 'col-email' },
          USERS.active[lang],
          { label: LIST_EDITOR.actions[lang], hidden: true },
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
                ${this.#page.editButton(a, a.id, a.username)}
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
      }),
    );
  }

  #fields(d: Draft, lang: Lang): FieldRows<Draft> {
    const unitRole = isRole(d.role) && isUnitRole(d.role);
    return [
      [
        { id: 'username', type: 'key', label: USERS.username, hint: USERS.usernameHint },
        { id: 'displayName', label: USERS.displayName },
      ],
      [
        { id: 'role', type: 'select', label: USERS.role, options: ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] })) },
        { id: 'email', type: 'email', label: USERS.email, hint: USERS.emailHint },
      ],
      unitPickerField(this.#editor, lang, {
        id: 'unitId',
        label: USERS.unit,
        hint: (unitRole ? USERS.unitHintRequired : USERS.unitHintOptional)[lang],
        units: this.#unitList,
        emptyLabel: unitRole ? LIST_EDITOR.choose[lang] : ADMIN.noUnit[lang],
      }),
      [
        {
          id: 'password',
          type: 'password',
          minlength: PASSWORD_MIN,
          label: d.editing ? USERS.newPassword : USERS.password,
          hint: fill((d.editing ? USERS.passwordHintEdit : USERS.passwordHintNew)[lang], { min: PASSWORD_MIN }),
        },
        { id: 'active', label: USERS.active, render: () => this.#renderActive(d, lang) },
      ],
    ];
  }

  /** Whether the account may sign in. */
  #renderActive(d: Draft, lang: Lang) {
    return html`<div class="field">
      <span class="label-like" aria-hidden="true">${USERS.active[lang]}</span>
      <label class="choice">
        <input id="active" type="checkbox" .checked=${d.active} @change=${(ev: Event) => this.#editor.set('active', (ev.target as HTMLInputElement).checked)} />
        ${USERS.activeLabel[lang]}
      </label>
    </div>`;
  }

  static override styles = [adminStyles, usersStyles];
}

defineElement('pakn-users', PaknUsers);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-users': PaknUsers;
  }
}
