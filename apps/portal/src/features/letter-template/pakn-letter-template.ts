import { LitElement, css, html, nothing } from 'lit';
import { issueMessage, letterTemplateErrorCode, letterTemplateProblems, type Lang, type Text } from '@pakn/domain';
import { paknClient } from '#shared/client.ts';
import { callFailed, formErrorAlert, loadErrorAlert, pageStyles, statusLine, textareaField } from '#shared/form-fields.ts';
import { COMMON, elementLang, formatDateTime } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';
import { STRINGS } from './strings.ts';

interface Loaded {
  readonly saved: string;
  readonly updatedAt: string | null;
  readonly defaultTemplate: string;
  readonly placeholders: readonly { readonly name: string; readonly meaning: Text }[];
}

/** Typing pauses this long before the preview is asked for. */
const PREVIEW_DELAY_MS = 350;

/**
 * `<pakn-letter-template>`: the admin's editor of the forwarding-letter template (issue 5): the text with its
 * placeholders, what each placeholder means, a live preview rendered by the server (`admin.previewLetterTemplate`,
 * the same code that drafts letters) and saving. Problems are checked in the browser with the domain's rules as
 * the admin types, and again by the server on save. Admins only (the server decides: `administer`).
 *
 * Attributes: `lang`. Events out: `pakn-session-expired`.
 */
export class PaknLetterTemplate extends LitElement {
  static override properties = {
    lang: { type: String },
    loaded: { state: true },
    template: { state: true },
    preview: { state: true },
    previewing: { state: true },
    error: { state: true },
    loadError: { state: true },
    formError: { state: true },
    busy: { state: true },
    notice: { state: true },
  };

  declare lang: string;
  declare protected loaded: Loaded | null;
  declare protected template: string;
  declare protected preview: string | null;
  declare protected previewing: boolean;
  /** The template's field error, in the page's language. */
  declare protected error: string | null;
  declare protected loadError: string | null;
  declare protected formError: string | null;
  declare protected busy: boolean;
  declare protected notice: string | null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Answers to earlier previews are dropped: only the latest text's preview is shown. */
  #previewSeq = 0;

  constructor() {
    super();
    this.lang = '';
    this.loaded = null;
    this.template = '';
    this.preview = null;
    this.previewing = false;
    this.error = null;
    this.loadError = null;
    this.formError = null;
    this.busy = false;
    this.notice = null;
  }

  get language(): Lang {
    return elementLang(this.lang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    clearTimeout(this.#timer);
    super.disconnectedCallback();
  }

  async load(): Promise<void> {
    try {
      const stored = await paknClient().admin.letterTemplate.query();
      this.loaded = { saved: stored.template, updatedAt: stored.updatedAt, defaultTemplate: stored.defaultTemplate, placeholders: stored.placeholders };
      this.template = stored.template;
      this.loadError = null;
      void this.#preview();
    } catch (error) {
      const info = callFailed(this, error, this.language);
      this.loadError = info.message;
    }
  }

  /** The template's problems as one sentence, or null: the domain's own rules, so no request is needed. */
  #problems(template: string): string | null {
    const problems = letterTemplateProblems(template);
    return problems ? issueMessage({ code: 'custom', message: letterTemplateErrorCode(problems) }, this.language) : null;
  }

  #edit(template: string): void {
    this.template = template;
    this.notice = null;
    this.formError = null;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#preview(), PREVIEW_DELAY_MS);
  }

  async #preview(): Promise<void> {
    const template = this.template;
    const seq = ++this.#previewSeq;
    this.error = this.#problems(template);
    if (this.error) {
      this.preview = null;
      return;
    }
    this.previewing = true;
    try {
      const { body } = await paknClient().admin.previewLetterTemplate.mutate({ template });
      if (seq === this.#previewSeq) this.preview = body;
    } catch (error) {
      if (seq !== this.#previewSeq) return;
      const info = callFailed(this, error, this.language);
      this.error = info.fieldErrors.template ?? null;
      this.preview = null;
      if (!this.error) this.formError = info.message;
    } finally {
      if (seq === this.#previewSeq) this.previewing = false;
    }
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.loaded) return;
    const lang = this.language;
    this.notice = null;
    this.formError = null;
    this.error = this.#problems(this.template);
    if (this.error) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#template')?.focus();
      return;
    }
    this.busy = true;
    try {
      const saved = await paknClient().admin.saveLetterTemplate.mutate({ template: this.template });
      this.loaded = { ...this.loaded, saved: saved.template, updatedAt: saved.updatedAt };
      this.template = saved.template;
      this.notice = STRINGS.saved[lang];
    } catch (error) {
      const info = callFailed(this, error, lang);
      this.error = info.fieldErrors.template ?? null;
      this.formError = info.message;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(this.error ? '#template' : '.alert')?.focus();
    } finally {
      this.busy = false;
    }
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
    const lang = this.language;
    const loaded = this.loaded;
    return html`<div class="root" lang=${lang}>
      <h1>${STRINGS.heading[lang]}</h1>
      <p class="intro">${STRINGS.intro[lang]}</p>
      <p class="intro">${STRINGS.confidentiality[lang]}</p>
      ${statusLine(this.notice)} ${loadErrorAlert(this.loadError, lang, () => void this.load())}
      ${loaded ? this.#renderEditor(loaded, lang) : this.loadError ? nothing : html`<p class="muted">${COMMON.loading[lang]}</p>`}
    </div>`;
  }

  #renderEditor(loaded: Loaded, lang: Lang) {
    const error = this.error;
    const dirty = this.template !== loaded.saved;
    return html`<div class="layout">
      <form class="editor" novalidate @submit=${(e: SubmitEvent) => void this.#save(e)}>
        ${formErrorAlert(this.formError, { focusable: true })}
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
          ${dirty ? STRINGS.unsaved[lang] : loaded.updatedAt ? STRINGS.updatedAt[lang].replace('{at}', formatDateTime(loaded.updatedAt)) : ''}
        </p>
        <div class="buttons">
          <button type="submit" ?disabled=${this.busy}>${this.busy ? STRINGS.saving[lang] : STRINGS.save[lang]}</button>
          ${dirty ? html`<button type="button" class="secondary" @click=${() => this.#edit(loaded.saved)}>${STRINGS.undo[lang]}</button>` : nothing}
          ${this.template !== loaded.defaultTemplate
            ? html`<button type="button" class="secondary" @click=${() => this.#edit(loaded.defaultTemplate)}>${STRINGS.restore[lang]}</button>`
            : nothing}
        </div>
      </form>
      <section class="side" aria-labelledby="placeholders-heading">
        <h2 id="placeholders-heading">${STRINGS.placeholders[lang]}</h2>
        <dl class="placeholders">
          ${loaded.placeholders.map(
            (p) => html`<div>
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
      <section class="preview" aria-labelledby="preview-heading" aria-busy=${this.previewing ? 'true' : 'false'}>
        <h2 id="preview-heading">${STRINGS.preview[lang]}</h2>
        ${this.preview !== null && !error
          ? html`<div class="letter" lang="vi" data-testid="letter-preview">${this.preview}</div>`
          : html`<p class="muted">${error ? STRINGS.previewBlocked[lang] : STRINGS.previewing[lang]}</p>`}
      </section>
    </div>`;
  }

  static override styles = [
    tokens,
    base,
    pageStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr);
        gap: 1.5rem;
        align-items: start;
      }
      .preview {
        grid-column: 1 / -1;
      }
      @media (max-width: 60rem) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      textarea {
        width: 100%;
        font-family: ui-monospace, 'SFMono-Regular', Consolas, monospace;
        font-size: 0.95rem;
        line-height: 1.5;
      }
      .placeholders {
        margin: 0;
        display: grid;
        gap: 0.75rem;
      }
      .placeholders dt {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
        font-weight: 600;
      }
      .placeholders dd {
        margin: 0.2rem 0 0;
        color: var(--_muted);
      }
      .letter {
        white-space: pre-wrap;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 1.5rem;
        max-width: 50rem;
        font-family: 'Times New Roman', Times, serif;
        font-size: 1.05rem;
        line-height: 1.6;
        background: #fff;
        color: #1a1a1a;
      }
    `,
  ];
}

if (!customElements.get('pakn-letter-template')) customElements.define('pakn-letter-template', PaknLetterTemplate);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-letter-template': PaknLetterTemplate;
  }
}
