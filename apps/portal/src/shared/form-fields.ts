import { css, html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '@pakn/domain';
import { COMMON } from './i18n.ts';

/**
 * The markup and plumbing that the portal's list-and-editor pages (admin, categories, letter template,
 * authorities) share: labelled fields wired to their hint and error by id, the editor frame, the status and
 * alert lines, and what to do when a call fails. Plain functions returning templates, so each page keeps its
 * own state and layout.
 */

/** `aria-describedby` for a control with an optional hint, an optional error, and other descriptions (`also`: ids). */
export function describedBy(id: string, hasHint: boolean, error: string | undefined | null, ...also: (string | false | undefined)[]): string | typeof nothing {
  const ids = [hasHint ? `${id}-hint` : '', error ? `${id}-error` : '', ...also].filter(Boolean).join(' ');
  return ids || nothing;
}

export interface FieldOptions {
  readonly id: string;
  /** Text, or markup (e.g. an "optional" mark after the name). */
  readonly label: string | TemplateResult;
  readonly hint?: string | undefined;
  readonly error?: string | undefined | null;
  /** A `data-testid` for the error message, where a test reads it. */
  readonly errorTestId?: string;
  /** Another element that describes the control (by id), after its hint and error. */
  readonly describedBy?: string | undefined;
  /** A class of the field's box besides `field`, where the page lays it out. */
  readonly className?: string;
}

/** A form field: label, hint, the control, and its error, wired for screen readers by id. */
export function field(options: FieldOptions & { readonly control: TemplateResult }): TemplateResult {
  const { id, label, hint, error, errorTestId, className, control } = options;
  return html`<div class="field ${className ?? ''}">
    <label for=${id}>${label}</label>
    ${hint ? html`<span id="${id}-hint" class="hint">${hint}</span>` : nothing} ${control}
    ${error ? html`<span id="${id}-error" class="field-error" data-testid=${errorTestId ?? nothing}>${error}</span>` : nothing}
  </div>`;
}

interface TextControlOptions extends FieldOptions {
  readonly value: string;
  readonly onInput: (value: string) => void;
  /** The language of the text typed (a Vietnamese or an English version), for spelling and speech. */
  readonly textLang?: Lang | undefined;
  /** `false` for identifiers and code, which the browser should not "correct". */
  readonly spellcheck?: false | undefined;
  readonly autocapitalize?: 'none' | undefined;
}

export interface TextFieldOptions extends TextControlOptions {
  readonly type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'datetime-local';
  /** Default `off`: staff type other people's data here, which the browser should not offer again. Null leaves it to the browser. */
  readonly autocomplete?: string | null;
  readonly readonly?: boolean;
  readonly minlength?: number;
  readonly maxlength?: number;
  readonly min?: string;
  readonly max?: string;
}

/** A one-line text field. */
export function textField(o: TextFieldOptions): TemplateResult {
  const autocomplete = o.autocomplete === undefined ? 'off' : o.autocomplete;
  return field({
    ...o,
    control: html`<input
      id=${o.id}
      type=${o.type ?? 'text'}
      autocomplete=${autocomplete ?? nothing}
      autocapitalize=${o.autocapitalize ?? nothing}
      spellcheck=${o.spellcheck === false ? 'false' : nothing}
      lang=${o.textLang ?? nothing}
      minlength=${o.minlength ?? nothing}
      maxlength=${o.maxlength ?? nothing}
      min=${o.min ?? nothing}
      max=${o.max ?? nothing}
      .value=${o.value}
      ?readonly=${o.readonly ?? false}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${describedBy(o.id, Boolean(o.hint), o.error, o.describedBy)}
      @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
    />`,
  });
}

export interface TextareaFieldOptions extends TextControlOptions {
  readonly rows: number;
  readonly placeholder?: string;
}

/** A multi-line text field. */
export function textareaField(o: TextareaFieldOptions): TemplateResult {
  return field({
    ...o,
    control: html`<textarea
      id=${o.id}
      rows=${o.rows}
      autocapitalize=${o.autocapitalize ?? nothing}
      spellcheck=${o.spellcheck === false ? 'false' : nothing}
      lang=${o.textLang ?? nothing}
      placeholder=${o.placeholder ?? nothing}
      .value=${o.value}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${describedBy(o.id, Boolean(o.hint), o.error, o.describedBy)}
      @input=${(e: Event) => o.onInput((e.target as HTMLTextAreaElement).value)}
    ></textarea>`,
  });
}

export interface SelectFieldOptions extends FieldOptions {
  readonly value: string;
  /** The first option, with no value: what the select says while nothing is chosen. */
  readonly emptyLabel: string;
  /** The options; or `rendered`, the options already rendered (`renderUnitOptions`: in groups). */
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  readonly rendered?: unknown;
  readonly onChange: (value: string) => void;
}

/** A select among fixed options, starting with an empty "choose one". */
export function selectField(o: SelectFieldOptions): TemplateResult {
  return field({
    ...o,
    control: html`<select
      id=${o.id}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${describedBy(o.id, Boolean(o.hint), o.error, o.describedBy)}
      @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${!o.value}>${o.emptyLabel}</option>
      ${o.rendered ?? (o.options ?? []).map((option) => html`<option value=${option.value} ?selected=${option.value === o.value}>${option.label}</option>`)}
    </select>`,
  });
}

/** The message above a form when saving failed as a whole; focusable where the page moves the focus to it. */
export function formErrorAlert(message: string | null, options: { readonly focusable?: boolean } = {}): TemplateResult | typeof nothing {
  if (!message) return nothing;
  return html`<p class="alert" role="alert" tabindex=${options.focusable ? '-1' : nothing}>${message}</p>`;
}

/** The live line that confirms what was just done (saved, moved, copied…). */
export function statusLine(notice: string | null): TemplateResult {
  return html`<p role="status" class="status-line">${notice ? html`<span class="success">${notice}</span>` : nothing}</p>`;
}

/** Loading failed: the reason, and a way to try again (`retryLabel`: other words than "Try again"). */
export function loadErrorAlert(
  message: string | null,
  lang: Lang,
  retry: () => void,
  retryLabel: string = COMMON.retry[lang],
): TemplateResult | typeof nothing {
  if (!message) return nothing;
  return html`<div class="alert" role="alert">
    <p>${message}</p>
    <button type="button" class="secondary" @click=${retry}>${retryLabel}</button>
  </div>`;
}

export interface EditorFormOptions {
  readonly heading: string;
  readonly formError: string | null;
  readonly busy: boolean;
  /** Already in the page's language. */
  readonly labels: { readonly save: string; readonly saving: string; readonly cancel: string };
  readonly onSubmit: (event: SubmitEvent) => void;
  readonly onCancel: () => void;
}

/** The editor of one entry: titled by its heading, the form's own error first, the fields, then save and cancel. */
export function editorForm(o: EditorFormOptions, fields: TemplateResult): TemplateResult {
  return html`<form class="editor" novalidate aria-labelledby="editor-heading" @submit=${o.onSubmit}>
    <h2 id="editor-heading">${o.heading}</h2>
    ${formErrorAlert(o.formError)} ${fields}
    <div class="buttons">
      <button type="submit" ?disabled=${o.busy}>${o.busy ? o.labels.saving : o.labels.save}</button>
      <button type="button" class="secondary" @click=${o.onCancel}>${o.labels.cancel}</button>
    </div>
  </form>`;
}

/** What a failed call means for the page: see failure.ts (kept here for the pages that import it with the fields). */
export { callFailed } from './failure.ts';

/** The page's frame: intro width and the status line. */
export const pageStyles = css`
  .intro {
    max-width: 60rem;
  }
  .status-line {
    margin: 0;
  }
  .status-line .success {
    display: block;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  button.small {
    min-height: 2.25rem;
    padding: 0.2rem 0.7rem;
  }
`;

/** A list of entries in a table with an editor box above it. */
export const editorStyles = css`
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
  tbody th {
    font-weight: 600;
  }
  .actions {
    white-space: nowrap;
  }
`;

/** A text field's value from a submitted form ('' for a missing field or a file). */
export function formText(data: FormData, key: string): string {
  const value = data.get(key);
  return typeof value === 'string' ? value : '';
}
