import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import type { Lang } from '@pakn/domain';
import { CategoriesController } from '#shared/categories.ts';
import { paknClient } from '#shared/client.ts';
import { EditorController } from '#shared/controllers/editor.ts';
import { base, tokens } from '#shared/styles.ts';
import type { UnitView } from '#shared/units.ts';
import { draftsFor, type Drafts } from './case-drafts.ts';
import { CaseMovedEvent, CaseReloadEvent } from './case-events.ts';
import type { FormView } from './case-form-views.ts';
import { ACTION_FORMS, FieldProblem, fieldIdsOf, formsFor, type FormContext, type FormName, type Plan } from './case-forms.ts';
import type { Authority, CaseView, Letter } from './case-types.ts';
import { actionsStyles, panelStyles } from './pakn-case.styles.ts';
import { STRINGS } from './strings.ts';
import './pakn-answer-files.ts';

/** Closed cases show their outcome instead: say nothing there rather than "nothing to do". */
const CLOSED = new Set(['answered', 'referred', 'merged']);

/**
 * `<pakn-case-actions .item .letters .units .authorities>`: one form for each move the signed-in staff
 * member can make on the case now (`availableMoves`, decided by the server) and for the extension and merge
 * actions the case view allows, each from its row of `ACTION_FORMS`. Part of the case page.
 *
 * Events out: `pakn-case-moved` (with the case as the mutation answered it), `pakn-case-reload` (after a
 * refusal a reload can fix), `pakn-session-expired`.
 */
export class PaknCaseActions extends PaknElement {
  static override properties = {
    item: { attribute: false },
    letters: { attribute: false },
    units: { attribute: false },
    authorities: { attribute: false },
  };

  declare item: CaseView | null;
  declare letters: readonly Letter[];
  declare units: readonly UnitView[];
  declare authorities: readonly Authority[];

  readonly #categories = new CategoriesController(this);
  readonly #editor = new EditorController<Drafts>(this, { lang: () => this.language.value });
  /** The last failure is one a reload can fix (someone moved the case first). */
  #stale = false;
  /** An own move succeeded: the next version of the case starts the forms afresh, whatever its status. */
  #resetOnNextItem = false;

  constructor() {
    super();
    this.item = null;
    this.letters = [];
    this.units = [];
    this.authorities = [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const item = this.item;
    if (!changed.has('item') || !item) return;
    const before = changed.get('item');
    // A live re-read of the same status keeps what the officer is typing.
    if (this.#editor.draft && before && before.id === item.id && before.status === item.status && !this.#resetOnNextItem) return;
    if (before?.id !== item.id) this.#editor.clearErrors();
    this.#resetOnNextItem = false;
    this.#editor.reset(draftsFor(item, this.letters));
  }

  /** Whether a form is being sent (the page then leaves live changes for later). */
  get busy(): boolean {
    return this.#editor.busy;
  }

  /** Where the `c` (classification) and `f` (forwarding) shortcuts go, if the form is shown. */
  shortcutTarget(key: 'c' | 'f'): HTMLElement | null {
    const root = this.renderRoot;
    if (key === 'f') return root.querySelector<HTMLSelectElement>('#unitId');
    return root.querySelector<HTMLInputElement>('input[name="scope"]:checked') ?? root.querySelector<HTMLInputElement>('input[name="scope"]');
  }

  #submit(form: FormName, item: CaseView, options?: { readonly approve: boolean }): void {
    const drafts = this.#editor.draft;
    if (!drafts) return;
    const ctx: FormContext = {
      caseId: item.id,
      item,
      drafts,
      lang: this.language.value,
      files: form === 'answer' ? this.renderRoot.querySelector('pakn-answer-upload') : null,
      approve: options?.approve ?? false,
    };
    void ACTION_FORMS[form].submit(ctx, (plan) => this.#send(form, plan));
  }

  /** Sends one form's plan through the editor; a `FieldProblem` the call finds goes beside its field. */
  async #send<T>(form: FormName, plan: Plan<T>): Promise<boolean> {
    let problem: FieldProblem | null = null;
    const client = paknClient().case;
    this.#stale = false;
    return this.#editor.submit<T, CaseView | null>({
      form,
      schema: plan.schema,
      input: plan.input,
      check: plan.check ? () => plan.check?.() ?? null : undefined,
      fieldIds: (errors) => fieldIdsOf(form, errors),
      send: async (data) => {
        try {
          return await plan.send(client, data);
        } catch (error) {
          if (!(error instanceof FieldProblem)) throw error;
          problem = error;
          return null;
        }
      },
      done: async (view) => {
        if (view) {
          this.#resetOnNextItem = true;
          this.dispatchEvent(new CaseMovedEvent(view, plan.done, plan.mergedReference ?? null));
        } else if (problem) {
          await this.#editor.showErrors({ [problem.field]: problem.message }, null, form);
        }
      },
      failed: (failure) => {
        this.#stale = failure.kind === 'stale';
        void this.#focusFormError();
      },
    });
  }

  /** A failure that names no field: its alert takes the focus. */
  async #focusFormError(): Promise<void> {
    await this.updateComplete;
    if (this.renderRoot.querySelector('[aria-invalid="true"]')) return;
    this.renderRoot.querySelector<HTMLElement>('#form-error')?.focus();
  }

  #view(form: FormName, item: CaseView, drafts: Drafts, lang: Lang): FormView {
    const editor = this.#editor;
    return {
      form,
      lang,
      item,
      drafts,
      letters: this.letters,
      units: this.units,
      authorities: this.authorities,
      categories: this.#categories,
      busy: editor.busy,
      sending: editor.busyForm === form,
      formError: editor.formErrorOf(form),
      stale: this.#stale,
      error: (field) => editor.errorsOf(form)[field],
      set: (key, value) => editor.set(key, value),
      replace: (next, cleared) => {
        editor.reset(next);
        editor.clearFieldErrors(...cleared);
      },
      submit: (options) => this.#submit(form, item, options),
      reload: () => this.dispatchEvent(new CaseReloadEvent(false)),
    };
  }

  protected override render(): TemplateResult | typeof nothing {
    const item = this.item;
    const drafts = this.#editor.draft;
    if (!item || !drafts) return nothing;
    const lang = this.language.value;
    const forms = formsFor(item);
    if (forms.length === 0) {
      if (CLOSED.has(item.status)) return nothing;
      return html`<section class="root panel" lang=${lang} aria-labelledby="actions-heading">
        <h2 id="actions-heading">${STRINGS.actions[lang]}</h2>
        <p class="muted">${STRINGS.noAction[lang]}</p>
      </section>`;
    }
    return html`<section class="root panel actions" lang=${lang} aria-labelledby="actions-heading" part="actions">
      <h2 id="actions-heading">${STRINGS.actions[lang]}</h2>
      ${forms.map((form) => ACTION_FORMS[form].render(this.#view(form, item, drafts, lang)))}
    </section>`;
  }

  static override styles = [tokens, base, panelStyles, actionsStyles];
}

defineElement('pakn-case-actions', PaknCaseActions);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-case-actions': PaknCaseActions;
  }
}
