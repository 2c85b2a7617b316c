import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { AssignInputSchema, ROLE_LABELS, fieldErrors, type Lang, type Role, type Text } from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { errorInfo, isSignedOut, paknClient } from '#shared/client.ts';
import { CaseUpdatedEvent, SessionExpiredEvent } from '#shared/events.ts';
import { elementLang } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';

type Member = Awaited<ReturnType<PaknClient['unit']['staff']['query']>>[number];

const STRINGS = {
  nobody: { vi: 'Chưa giao cho cán bộ nào', en: 'Not assigned yet' },
  member: { vi: 'Giao cho cán bộ của đơn vị', en: 'Assign to a member of the unit' },
  choose: { vi: '— Chọn cán bộ —', en: '— Choose a member —' },
  assign: { vi: 'Giao xử lý', en: 'Assign' },
  reassign: { vi: 'Giao lại', en: 'Reassign' },
  sending: { vi: 'Đang giao…', en: 'Assigning…' },
  done: { vi: 'Đã giao cho {name}.', en: 'Assigned to {name}.' },
  loadFailed: { vi: 'Không tải được danh sách cán bộ của đơn vị.', en: 'Could not load the unit’s staff.' },
} as const satisfies Record<string, Text>;

/**
 * `<pakn-case-assignment case-id unit-id can-assign>` with `.assignee`: who handles the case inside the unit,
 * by name, and for the unit head a choice of the unit's members to assign or reassign it to. The server
 * refuses anyone outside the unit; its field error shows under the select.
 *
 * Events out: `pakn-case-updated` (after assigning), `pakn-session-expired`.
 */
export class PaknCaseAssignment extends LitElement {
  static override properties = {
    caseId: { type: String, attribute: 'case-id' },
    unitId: { type: String, attribute: 'unit-id' },
    canAssign: { type: Boolean, attribute: 'can-assign' },
    assignee: { attribute: false },
    lang: { type: String },
    members: { state: true },
    choice: { state: true },
    busy: { state: true },
    errors: { state: true },
    formError: { state: true },
    done: { state: true },
  };

  declare caseId: string;
  declare unitId: string;
  declare canAssign: boolean;
  declare assignee: { readonly id: string; readonly displayName: string | null; readonly role: string | null } | null;
  declare lang: string;
  declare protected members: readonly Member[] | null;
  declare protected choice: string;
  declare protected busy: boolean;
  declare protected errors: Readonly<Record<string, string>>;
  declare protected formError: string | null;
  declare protected done: string | null;

  constructor() {
    super();
    this.caseId = '';
    this.unitId = '';
    this.canAssign = false;
    this.assignee = null;
    this.lang = '';
    this.members = null;
    this.choice = '';
    this.busy = false;
    this.errors = {};
    this.formError = null;
    this.done = null;
  }

  get language(): Lang {
    return elementLang(this.lang);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('unitId') || changed.has('canAssign')) && this.canAssign && this.unitId) void this.#loadMembers();
  }

  async #loadMembers(): Promise<void> {
    try {
      this.members = await paknClient().unit.staff.query({ unitId: this.unitId });
    } catch (error) {
      const info = errorInfo(error, this.language);
      if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
      this.formError = `${STRINGS.loadFailed[this.language]} ${info.message}`;
    }
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const lang = this.language;
    this.formError = null;
    this.done = null;
    const parsed = AssignInputSchema.safeParse({ caseId: this.caseId, staffId: this.choice });
    if (!parsed.success) {
      this.errors = fieldErrors(parsed.error.issues, lang);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('select')?.focus();
      return;
    }
    this.errors = {};
    this.busy = true;
    try {
      const updated = await paknClient().case.assign.mutate(parsed.data);
      this.assignee = updated.assignee;
      this.done = updated.assignee?.displayName ?? null;
      this.choice = '';
      this.dispatchEvent(new CaseUpdatedEvent(updated.id, updated.status));
    } catch (error) {
      const info = errorInfo(error, lang);
      if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
      this.errors = info.fieldErrors;
      this.formError = info.message;
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const lang = this.language;
    const assignee = this.assignee;
    const error = this.errors.staffId;
    return html`<div class="root" lang=${lang}>
      <p class="assignee" data-testid="case-assignee">
        ${assignee
          ? html`<span title=${assignee.id}>${assignee.displayName ?? assignee.id.slice(0, 8)}</span>${assignee.role
                ? html` <span class="muted">(${ROLE_LABELS[assignee.role as Role]?.[lang] ?? assignee.role})</span>`
                : nothing}`
          : html`<span class="muted">${STRINGS.nobody[lang]}</span>`}
      </p>
      ${this.canAssign
        ? html`<form @submit=${(e: SubmitEvent) => void this.#submit(e)} novalidate>
            ${this.formError ? html`<p class="alert" role="alert">${this.formError}</p>` : nothing}
            <div class="field">
              <label for="assign-member">${STRINGS.member[lang]}</label>
              <div class="row">
                <select
                  id="assign-member"
                  .value=${this.choice}
                  aria-invalid=${error ? 'true' : 'false'}
                  aria-describedby=${error ? 'assign-error' : nothing}
                  @change=${(e: Event) => {
                    this.choice = (e.target as HTMLSelectElement).value;
                    this.done = null;
                  }}
                >
                  <option value="" ?selected=${this.choice === ''}>${STRINGS.choose[lang]}</option>
                  ${(this.members ?? []).map(
                    (m) =>
                      html`<option value=${m.id} ?selected=${m.id === this.choice} ?disabled=${m.id === assignee?.id}>${m.displayName} – ${ROLE_LABELS[m.role][lang]}</option>`,
                  )}
                </select>
                <button type="submit" ?disabled=${this.busy}>
                  ${this.busy ? STRINGS.sending[lang] : assignee ? STRINGS.reassign[lang] : STRINGS.assign[lang]}
                </button>
              </div>
              ${error ? html`<span id="assign-error" class="field-error">${error}</span>` : nothing}
            </div>
            <p role="status" class="done">${this.done ? STRINGS.done[lang].replace('{name}', this.done) : nothing}</p>
          </form>`
        : nothing}
    </div>`;
  }

  static override styles = [
    tokens,
    base,
    css`
      .assignee {
        margin: 0;
      }
      form {
        margin-top: 0.5rem;
      }
      .field {
        margin-bottom: 0.25rem;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      select {
        max-width: 24rem;
      }
      .done {
        margin: 0;
        color: var(--_success);
        font-weight: 600;
        min-height: 1.2em;
      }
    `,
  ];
}

if (!customElements.get('pakn-case-assignment')) customElements.define('pakn-case-assignment', PaknCaseAssignment);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-case-assignment': PaknCaseAssignment;
  }
}
