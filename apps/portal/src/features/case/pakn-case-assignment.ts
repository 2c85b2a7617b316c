import { css, html, nothing } from 'lit';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import { AssignInputSchema, ROLE_LABELS, type Lang, type Role } from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { paknClient } from '#shared/client.ts';
import { EditorController } from '#shared/controllers/editor.ts';
import { loadTask, taskFailure } from '#shared/controllers/load.ts';
import { CaseUpdatedEvent } from '#shared/events.ts';
import { fill } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';
import { panelStyles } from './pakn-case.styles.ts';
import { ASSIGNMENT_STRINGS as STRINGS } from './strings.ts';

type Member = Awaited<ReturnType<PaknClient['unit']['staff']['query']>>[number];
type Assignee = { readonly id: string; readonly displayName: string | null; readonly role: string | null };

/**
 * `<pakn-case-assignment case-id unit-id can-assign>` with `.assignee`: who handles the case inside the unit,
 * by name, and for the unit head a choice of the unit's members to assign or reassign it to. The server
 * refuses anyone outside the unit; its field error shows under the select.
 *
 * Events out: `pakn-case-updated` (after assigning), `pakn-session-expired`.
 */
export class PaknCaseAssignment extends PaknElement {
  static override properties = {
    caseId: { type: String, attribute: 'case-id' },
    unitId: { type: String, attribute: 'unit-id' },
    canAssign: { type: Boolean, attribute: 'can-assign' },
    assignee: { attribute: false },
  };

  declare caseId: string;
  declare unitId: string;
  declare canAssign: boolean;
  declare assignee: Assignee | null;

  /** The unit's members, for the unit head only. */
  readonly #members = loadTask(this, {
    args: () => [this.canAssign ? this.unitId : ''] as const,
    run: ([unitId], signal): Promise<readonly Member[]> => (unitId ? paknClient().unit.staff.query({ unitId }, { signal }) : Promise.resolve([])),
    lang: () => this.language.value,
  });
  readonly #editor = new EditorController<{ staffId: string }>(this, { lang: () => this.language.value });

  constructor() {
    super();
    this.caseId = '';
    this.unitId = '';
    this.canAssign = false;
    this.assignee = null;
    this.#editor.reset({ staffId: '' });
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const lang = this.language.value;
    await this.#editor.submit({
      schema: AssignInputSchema,
      input: { caseId: this.caseId, staffId: this.#editor.draft?.staffId ?? '' },
      send: (data) => paknClient().case.assign.mutate(data),
      done: (updated) => {
        this.assignee = updated.assignee;
        this.#editor.reset({ staffId: '' });
        const name = updated.assignee?.displayName;
        this.#editor.notice = name ? fill(STRINGS.done[lang], { name }) : null;
        this.dispatchEvent(new CaseUpdatedEvent(updated.id, updated.status));
      },
    });
  }

  protected override render() {
    const lang = this.language.value;
    const assignee = this.assignee;
    return html`<div class="root" lang=${lang}>
      <p class="assignee" data-testid="case-assignee">
        ${
          assignee
            ? html`<span title=${assignee.id}>${assignee.displayName ?? assignee.id.slice(0, 8)}</span>${
                  assignee.role ? html` <span class="muted">(${ROLE_LABELS[assignee.role as Role]?.[lang] ?? assignee.role})</span>` : nothing
                }`
            : html`<span class="muted">${STRINGS.nobody[lang]}</span>`
        }
      </p>
      ${this.canAssign ? this.#renderForm(lang) : nothing}
    </div>`;
  }

  #renderForm(lang: Lang) {
    const editor = this.#editor;
    const choice = editor.draft?.staffId ?? '';
    const error = editor.errors.staffId;
    const loadFailure = taskFailure(this.#members);
    const formError = loadFailure ? `${STRINGS.loadFailed[lang]} ${loadFailure.message}` : editor.formError;
    return html`<form @submit=${(e: SubmitEvent) => void this.#submit(e)} novalidate>
      ${formError ? html`<p class="alert" role="alert">${formError}</p>` : nothing}
      <div class="field">
        <label for="assign-member">${STRINGS.member[lang]}</label>
        <div class="row">
          <select
            id="assign-member"
            .value=${choice}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? 'assign-error' : nothing}
            @change=${(e: Event) => {
              editor.set('staffId', (e.target as HTMLSelectElement).value);
              editor.notice = null;
            }}
          >
            <option value="" ?selected=${choice === ''}>${STRINGS.choose[lang]}</option>
            ${(this.#members.value ?? []).map(
              (m) =>
                html`<option value=${m.id} ?selected=${m.id === choice} ?disabled=${m.id === this.assignee?.id}>
                  ${m.displayName} – ${ROLE_LABELS[m.role][lang]}
                </option>`,
            )}
          </select>
          <button type="submit" ?disabled=${editor.busy}>
            ${editor.busy ? STRINGS.sending[lang] : this.assignee ? STRINGS.reassign[lang] : STRINGS.assign[lang]}
          </button>
        </div>
        ${error ? html`<span id="assign-error" class="field-error">${error}</span>` : nothing}
      </div>
      <p role="status" class="done">${editor.notice ?? nothing}</p>
    </form>`;
  }

  static override styles = [
    tokens,
    base,
    panelStyles,
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
    `,
  ];
}

defineElement('pakn-case-assignment', PaknCaseAssignment);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-case-assignment': PaknCaseAssignment;
  }
}
