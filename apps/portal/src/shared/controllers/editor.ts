import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { IssueLike, Lang } from '@pakn/domain';
import { errorMessage, fieldErrors } from '@pakn/domain';
import { callFailed, type Failure } from '../failure.ts';

/** What an editor's element is: Lit's host and its shadow (or light) root, where the fields are. */
export type EditorHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** A zod schema, as far as a form uses one. */
export interface SafeParser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly IssueLike[] } };
}

export interface EditorOptions {
  /** The language of the messages the editor makes (schema errors, server failures). */
  readonly lang: () => Lang;
  /**
   * The fields the form shows, as field ids. A server refusal that names only these fields is shown
   * beside them with a short "check the marked fields" on top; one naming other fields is shown as the
   * form's error. Optional: without it every field error is shown beside its field.
   */
  readonly fields?: ReadonlySet<string>;
}

export interface SubmitOptions<T, R> {
  /** The form the submission belongs to, where a page has several (the case's action forms). */
  readonly form?: string;
  /** The schema the input must pass; its errors are moved to field ids by `fieldIds`. */
  readonly schema?: SafeParser<T>;
  /** The input to check and send (passed through as is without a schema). */
  readonly input: unknown;
  /** Checks the schema cannot make (a duplicate id, a confirmation box): field id → message. */
  readonly check?: (data: T | undefined) => Readonly<Record<string, string>> | null;
  /** The schema's (and the server's) field names → the form's field ids, where they differ. */
  readonly fieldIds?: (errors: Readonly<Record<string, string>>) => Record<string, string>;
  /** The call. */
  readonly send: (data: T) => Promise<R>;
  /** What happens after a success (a notice, closing the editor, showing the new record). */
  readonly done?: (result: R, data: T) => void | Promise<void>;
  /** What happens after a failure, beyond showing it (e.g. noting that a reload would help). */
  readonly failed?: (failure: Failure) => void;
}

/**
 * The state of a form that edits something: the draft, whether it is being saved, the errors beside its
 * fields and on top of it, and the notice after a success; focus goes to the first invalid field. One
 * controller serves the list-and-editor admin pages (a draft that is open or not) and the case's action
 * forms (several forms on one page, errors shown on the one that failed).
 */
export class EditorController<D extends object> implements ReactiveController {
  readonly #host: EditorHost;
  readonly #options: EditorOptions;
  #draft: D | null = null;
  #busy: string | null = null;
  #errors: Readonly<Record<string, string>> = {};
  #formError: string | null = null;
  #errorForm: string | null = null;
  #notice: string | null = null;

  constructor(host: EditorHost, options: EditorOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The draft being edited, or null when the editor is closed. */
  get draft(): D | null {
    return this.#draft;
  }
  /** Whether a submission is under way; `busyForm` says which. */
  get busy(): boolean {
    return this.#busy !== null;
  }
  get busyForm(): string | null {
    return this.#busy;
  }
  /** Field id → message, for the form that failed last. */
  get errors(): Readonly<Record<string, string>> {
    return this.#errors;
  }
  get formError(): string | null {
    return this.#formError;
  }
  /** What the last success did, for the page's status line. */
  get notice(): string | null {
    return this.#notice;
  }
  set notice(notice: string | null) {
    this.#notice = notice;
    this.#host.requestUpdate();
  }

  /** Errors of one form: those of the form that failed last, or none. */
  errorsOf(form = ''): Readonly<Record<string, string>> {
    return this.#errorForm === form ? this.#errors : {};
  }
  formErrorOf(form = ''): string | null {
    return this.#errorForm === form ? this.#formError : null;
  }

  /** Opens the editor on a draft and moves the focus to `focus` (a selector in the element) once it shows. */
  async open(draft: D, focus?: string): Promise<void> {
    this.#draft = draft;
    this.#notice = null;
    this.clearErrors();
    if (!focus) return;
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(focus)?.focus();
  }

  /**
   * Closes the editor; the focus goes back to the button it was opened from (`[data-edit=key]`), or to
   * the page's add button (`#add`).
   */
  async close(editedKey?: string): Promise<void> {
    this.#draft = null;
    this.clearErrors();
    await this.#host.updateComplete;
    const selector = editedKey ? `[data-edit="${CSS.escape(editedKey)}"]` : '#add';
    this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Replaces the draft without touching errors (e.g. reset from a new version of the record). */
  reset(draft: D | null): void {
    this.#draft = draft;
    this.#host.requestUpdate();
  }

  /** Changes one value of the draft; the field's error goes away as soon as it is changed. */
  set<K extends keyof D>(key: K, value: D[K]): void {
    if (!this.#draft) return;
    this.#draft = { ...this.#draft, [key]: value };
    this.clearFieldErrors(String(key));
    // What the form shows may depend on the value (a choice that shows other fields, a character count).
    this.#host.requestUpdate();
  }

  /** Removes the errors of these fields (typing in a field clears its error). */
  clearFieldErrors(...fields: string[]): void {
    if (!fields.some((f) => f in this.#errors)) return;
    const rest = { ...this.#errors };
    for (const f of fields) delete rest[f];
    this.#errors = rest;
    this.#host.requestUpdate();
  }

  clearErrors(): void {
    this.#errors = {};
    this.#formError = null;
    this.#errorForm = null;
    this.#host.requestUpdate();
  }

  /** Shows errors on a form as if a submission had failed, and focuses the first invalid field. */
  async showErrors(errors: Readonly<Record<string, string>>, formError: string | null = null, form = ''): Promise<void> {
    this.#errorForm = form;
    this.#errors = errors;
    this.#formError = formError;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  /**
   * Checks the input, sends it, and reports: schema and `check` errors go beside their fields (focus moves
   * to the first); a server refusal naming the form's fields goes beside them too; anything else becomes
   * the form's error. One submission at a time. Returns whether it succeeded.
   */
  async submit<T, R>(o: SubmitOptions<T, R>): Promise<boolean> {
    if (this.#busy !== null) return false;
    const lang = this.#options.lang();
    const form = o.form ?? '';
    const toIds = o.fieldIds ?? ((e: Readonly<Record<string, string>>) => ({ ...e }));
    this.clearErrors();
    this.#notice = null;
    const parsed = o.schema ? o.schema.safeParse(o.input) : { success: true as const, data: o.input as T };
    const extra = o.check?.(parsed.success ? parsed.data : undefined) ?? null;
    if (!parsed.success || (extra && Object.keys(extra).length > 0)) {
      const schemaErrors = parsed.success ? {} : toIds(fieldErrors(parsed.error.issues, lang));
      await this.showErrors({ ...schemaErrors, ...extra }, null, form);
      return false;
    }
    this.#busy = form;
    this.#host.requestUpdate();
    try {
      const result = await o.send(parsed.data);
      this.#busy = null;
      await o.done?.(result, parsed.data);
      return true;
    } catch (error) {
      this.#busy = null;
      const failure = callFailed(this.#host, error, lang);
      const errors = toIds(failure.fieldErrors);
      const named = Object.keys(errors);
      const allShown = named.length > 0 && (!this.#options.fields || named.every((f) => this.#options.fields?.has(f)));
      await this.showErrors(errors, allShown ? errorMessage('invalid', lang) : failure.message, form);
      o.failed?.(failure);
      return false;
    } finally {
      this.#busy = null;
      this.#host.requestUpdate();
    }
  }
}
