import { html, nothing } from 'lit';
import { issueMessage, letterTemplateErrorCode, letterTemplateProblems, type Lang, type Text } from '@pakn/domain';
import { paknClient } from '#shared/client.ts';
import { EditorController } from '#shared/controllers/editor.ts';
import { TaskStatus, loadTask, renderLoad, taskFailure } from '#shared/controllers/load.ts';
import { formErrorAlert, pageStyles, statusLine, textareaField } from '#shared/form-fields.ts';
import { fill, formatDateTime } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';
import { STRINGS } from './strings.ts';
import { letterTemplateStyles } from './pakn-letter-template.styles.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';

interface Loaded {
  readonly defaultTemplate: string;
  readonly placeholders: readonly { readonly name: string; readonly meaning: Text }[];
}

/** Typing pauses this long before the preview is asked for. */
const PREVIEW_DELAY_MS = 350;

/** The template's problems as one sentence, or null: the domain's own rules, so no request is needed. */
function problemsOf(template: string, lang: Lang): string | null {
  const problems = letterTemplateProblems(template);
  return problems ? issueMessage({ code: 'custom', message: letterTemplateErrorCode(problems) }, lang) : null;
}

/**
 * `<pakn-letter-template>`: the admin's editor of the forwarding-letter template (issue 5): the text with its
 * placeholders, what each placeholder means, a live preview rendered by the server (`admin.previewLetterTemplate`,
 * the same code that drafts letters) and saving. Problems are checked in the browser with the domain's rules as
 * the admin types, and again by the server on save. Admins only (the server decides: `administer`).
 *
 * Attributes: `lang`. Events out: `pakn-session-expired`.
 */
export class PaknLetterTemplate extends PaknElement {
  static override properties = {
    template: { state: true },
    previewed: { state: true },
    saved: { state: true },
  };

  declare protected template: string;
  /** The text the preview is of: the template once typing pauses. */
  declare protected previewed: string | null;
  /** The template as last saved, and when. */
  declare protected saved: { readonly template: string; readonly updatedAt: string | null };
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly #stored = loadTask(this, {
    args: () => [] as const,
    run: async (_, signal): Promise<Loaded> => {
      const stored = await paknClient().admin.letterTemplate.query(undefined, { signal });
      this.saved = stored;
      this.template = stored.template;
      this.previewed = stored.template;
      return { defaultTemplate: stored.defaultTemplate, placeholders: stored.placeholders };
    },
    lang: () => this.language.value,
  });
  /** A newer text aborts the preview of an older one: only the latest text's preview is shown. */
  readonly #preview = loadTask(this, {
    args: () => [this.previewed] as const,
    run: async ([template], signal) => {
      if (template === null || problemsOf(template, this.language.value)) return null;
      return (await paknClient().admin.previewLetterTemplate.mutate({ template }, { signal })).body;
    },
    lang: () => this.language.value,
  });
  readonly #editor = new EditorController<object>(this, { lang: () => this.language.value, fields: new Set(['template']) });

  constructor() {
    super();
    this.template = '';
    this.previewed = null;
    this.saved = { template: '', updatedAt: null };
  }

  override disconnectedCallback(): void {
    clearTimeout(this.#timer);
    super.disconnectedCallback();
  }

  #edit(template: string): void {
    this.template = template;
    this.#editor.notice = null;
    this.#editor.clearErrors();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.previewed = template), PREVIEW_DELAY_MS);
  }

  /** The template's field error: from saving, else from the text previewed (the domain's rules, then the server's). */
  #fieldError(lang: Lang): string | null {
    const saveError = this.#editor.errorsOf().template;
    if (saveError) return saveError;
    if (this.previewed === null) return null;
    return problemsOf(this.previewed, lang) ?? taskFailure(this.#preview)?.fieldErrors.template ?? null;
  }

  #formError(): string | null {
    const previewFailure = taskFailure(this.#preview);
    return this.#editor.formErrorOf() ?? (previewFailure && !previewFailure.fieldErrors.template ? previewFailure.message : null);
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.#stored.value) return;
    const lang = this.language.value;
    const template = this.template;
    await this.#editor.submit({
      input: { template },
      check: () => {
        const problem = problemsOf(template, lang);
        return problem ? { template: problem } : null;
      },
      send: () => paknClient().admin.saveLetterTemplate.mutate({ template }),
      done: (saved) => {
        this.saved = saved;
        this.template = saved.template;
        this.#editor.notice = STRINGS.saved[lang];
      },
      failed: (failure) => {
        if (!failure.fieldErrors.template) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.alert')?.focus());
      },
    });
  }

  /** Puts a placeholder where the cursor is, and the cursor after it. */
  async #insert(name: string): Promise<void> {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('#template');
    if (!area) return;
    const text = `{${name}}`;
    const start = area.selectionStart ?? this.template.length;
    const end = area.selectionEnd ?? start;
    this.#edit(this.template.slice(0, start) + text + this.template.slice(end));
    await this.updateComplete;
    area.focus();
    area.setSelectionRange(start + text.length, start + text.length);
  }

  protected override render() {
    const lang = this.language.value;
    return html`<div class="root" lang=${lang}>
      <h1>${STRINGS.heading[lang]}</h1>
      <p class="intro">${STRINGS.intro[lang]}</p>
      <p class="intro">${STRINGS.confidentiality[lang]}</p>
      ${statusLine(this.#editor.notice)} ${renderLoad(this.#stored, lang, { complete: (loaded) => this.#renderEditor(loaded, lang) })}
    </div>`;
  }

  #renderEditor(loaded: Loaded, lang: Lang) {
    const error = this.#fieldError(lang);
    const dirty = this.template !== this.saved.template;
    const preview = this.#preview.status === TaskStatus.ERROR ? null : (this.#preview.value ?? null);
    const busy = this.#editor.busy;
    return html`<div class="layout">
      <form class="editor" novalidate @submit=${(e: SubmitEvent) => void this.#save(e)}>
        ${formErrorAlert(this.#formError(), { focusable: true })}
        ${textareaField({
          id: 'template',
          label: STRINGS.template[lang],
          hint: STRINGS.templateHint[lang],
          error,
          errorTestId: 'template-error',
          rows: 22,
          textLang: 'vi',
          spellcheck: false,
          value: this.template,
          onInput: (v) => this.#edit(v),
        })}
        <p class="muted">
          ${dirty ? STRINGS.unsaved[lang] : this.saved.updatedAt ? fill(STRINGS.updatedAt[lang], { at: formatDateTime(this.saved.updatedAt) }) : ''}
        </p>
        <div class="buttons">
          <button type="submit" ?disabled=${busy}>${busy ? STRINGS.saving[lang] : STRINGS.save[lang]}</button>
          ${dirty ? html`<button type="button" class="secondary" @click=${() => this.#edit(this.saved.template)}>${STRINGS.undo[lang]}</button>` : nothing}
          ${
            this.template !== loaded.defaultTemplate
              ? html`<button type="button" class="secondary" @click=${() => this.#edit(loaded.defaultTemplate)}>${STRINGS.restore[lang]}</button>`
              : nothing
          }
        </div>
      </form>
      <section class="side" aria-labelledby="placeholders-heading">
        <h2 id="placeholders-heading">${STRINGS.placeholders[lang]}</h2>
        <dl class="placeholders">
          ${loaded.placeholders.map(
            (p) =>
              html`<div>
                <dt>
                  <code>{${p.name}}</code>
                  <button type="button" class="secondary small" @click=${() => void this.#insert(p.name)}>
                    ${STRINGS.insert[lang]}<span class="visually-hidden"> {${p.name}}</span>
                  </button>
                </dt>
                <dd>${p.meaning[lang]}</dd>
              </div>`,
          )}
        </dl>
      </section>
      <section class="preview" aria-labelledby="preview-heading" aria-busy=${this.#preview.status === TaskStatus.PENDING ? 'true' : 'false'}>
        <h2 id="preview-heading">${STRINGS.preview[lang]}</h2>
        ${
          preview !== null && !error
            ? html`<div class="letter" lang="vi" data-testid="letter-preview">${preview}</div>`
            : html`<p class="muted">${error ? STRINGS.previewBlocked[lang] : STRINGS.previewing[lang]}</p>`
        }
      </section>
    </div>`;
  }

  static override styles = [tokens, base, pageStyles, letterTemplateStyles];
}

defineElement('pakn-letter-template', PaknLetterTemplate);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-letter-template': PaknLetterTemplate;
  }
}
