import { LitElement, css, html, nothing } from 'lit';
import { SiteInputSchema, errorMessage, fieldErrors, type Lang, type Site, type Unit } from '@pakn/domain';
import { paknClient } from '#shared/client.ts';
import { COMMON, elementLang } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';
import { unitName } from '#shared/units.ts';
import {
  callFailed,
  describedBy,
  editorForm,
  focusEditOrAdd,
  focusFirstInvalid,
  loadErrorAlert,
  statusLine,
  textField,
  withoutError,
} from '#shared/form-fields.ts';
import { adminStyles, editorLabels, renderBreadcrumb, renderUnitPicker } from './admin-ui.ts';
import { embedSnippet, hostedPageUrl } from './embed-snippet.ts';
import { MAX_ORIGINS, parseOriginList, type OriginLineError } from './origin-list.ts';
import { ADMIN, SITES, fill } from './strings.ts';

interface Draft {
  /** Null for a new site; the key of the site being edited otherwise. */
  editing: string | null;
  key: string;
  name: string;
  /** The allowed origins as typed, one a line. */
  origins: string;
  defaultUnitId: string;
}

const SLUG_PATTERN = /^[a-z0-9-]{2,64}$/;
const FORM_FIELDS = new Set(['key', 'name', 'allowedOrigins', 'defaultUnitId']);

/**
 * `<pakn-sites>`: the websites allowed to embed the widget. For each: its key, the origins the widget may be
 * called from, the unit its form preselects, the one-line embed code (with a copy button) and its hosted
 * page. A form adds a site or changes one. Admins only (the server decides: `administer`).
 *
 * Attributes: `lang`. Events out: `pakn-session-expired`, `pakn-navigate`.
 */
export class PaknSites extends LitElement {
  static override properties = {
    lang: { type: String },
    sites: { state: true },
    units: { state: true },
    loadError: { state: true },
    draft: { state: true },
    unitQuery: { state: true },
    busy: { state: true },
    errors: { state: true },
    originErrors: { state: true },
    formError: { state: true },
    notice: { state: true },
  };

  declare lang: string;
  declare protected sites: readonly Site[] | null;
  declare protected units: readonly Unit[];
  declare protected loadError: string | null;
  declare protected draft: Draft | null;
  declare protected unitQuery: string;
  declare protected busy: boolean;
  declare protected errors: Readonly<Record<string, string>>;
  /** One message per bad line of the origins box. */
  declare protected originErrors: readonly string[];
  declare protected formError: string | null;
  declare protected notice: string | null;

  constructor() {
    super();
    this.lang = '';
    this.sites = null;
    this.units = [];
    this.loadError = null;
    this.draft = null;
    this.unitQuery = '';
    this.busy = false;
    this.errors = {};
    this.originErrors = [];
    this.formError = null;
    this.notice = null;
  }

  get language(): Lang {
    return elementLang(this.lang);
  }

  /** The PAKN server's origin: the portal is served by it, so the snippet points here. */
  get #paknOrigin(): string {
    return location.origin;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    try {
      const [sites, units] = await Promise.all([paknClient().admin.sites.query(), paknClient().unit.list.query()]);
      this.sites = sites;
      this.units = units;
      this.loadError = null;
    } catch (error) {
      this.loadError = callFailed(this, error, this.language).message;
    }
  }

  async #open(site: Site | null): Promise<void> {
    this.notice = null;
    this.errors = {};
    this.originErrors = [];
    this.formError = null;
    this.unitQuery = '';
    this.draft = site
      ? { editing: site.key, key: site.key, name: site.name, origins: site.allowedOrigins.join('\n'), defaultUnitId: site.defaultUnitId ?? '' }
      : { editing: null, key: '', name: '', origins: '', defaultUnitId: '' };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(site ? '#allowedOrigins' : '#key')?.focus();
  }

  async #close(focusKey?: string): Promise<void> {
    this.draft = null;
    await focusEditOrAdd(this, focusKey);
  }

  #set(key: Exclude<keyof Draft, 'editing'>, value: string): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, [key]: value };
    if (key === 'origins') this.originErrors = [];
    this.errors = withoutError(this.errors, key === 'origins' ? 'allowedOrigins' : key);
  }

  #originMessage(error: OriginLineError, lang: Lang): string {
    const values = { line: error.line, value: error.value, max: MAX_ORIGINS };
    switch (error.problem) {
      case 'not_url':
        return fill(SITES.originNotUrl[lang], values);
      case 'not_web':
        return fill(SITES.originNotWeb[lang], values);
      case 'has_path':
        return fill(SITES.originHasPath[lang], values);
      case 'too_many':
        return fill(SITES.originTooMany[lang], values);
    }
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const d = this.draft;
    if (!d || this.busy) return;
    const lang = this.language;
    this.formError = null;
    const origins = parseOriginList(d.origins);
    const input = { key: d.key.trim(), name: d.name, allowedOrigins: origins.origins, defaultUnitId: d.defaultUnitId || undefined, isNew: d.editing === null };
    const parsed = SiteInputSchema.safeParse(input);
    const errors = parsed.success ? {} : fieldErrors(parsed.error.issues, lang);
    if (errors.key && !SLUG_PATTERN.test(input.key)) errors.key = ADMIN.slugFormat[lang];
    // The server saves over a site with the same key: a new site must not silently replace another.
    if (!d.editing && this.sites?.some((s) => s.key === input.key)) errors.key = ADMIN.idTaken[lang];
    const originErrors = origins.errors.map((e) => this.#originMessage(e, lang));
    if (originErrors.length > 0) errors.allowedOrigins = originErrors.join(' ');
    if (!parsed.success || Object.keys(errors).length > 0) {
      this.errors = errors;
      this.originErrors = originErrors;
      await focusFirstInvalid(this);
      return;
    }
    this.busy = true;
    try {
      this.sites = await paknClient().admin.saveSite.mutate(parsed.data);
      this.notice = fill(SITES.saved[lang], { name: parsed.data.name });
      await this.#close(parsed.data.key);
    } catch (error) {
      const info = callFailed(this, error, lang);
      this.formError = info.message;
      // Origins come back per entry (allowedOrigins.2): they belong to the one box.
      const mapped: Record<string, string> = {};
      for (const [key, message] of Object.entries(info.fieldErrors)) mapped[key.split('.')[0]!] ??= message;
      if (mapped.defaultUnitId === errorMessage('invalid', lang)) mapped.defaultUnitId = ADMIN.unknownUnit[lang];
      this.errors = mapped;
      this.originErrors = [];
      const fields = Object.keys(mapped);
      if (fields.length > 0 && fields.every((f) => FORM_FIELDS.has(f))) {
        this.formError = errorMessage('invalid', lang);
        await focusFirstInvalid(this);
      }
    } finally {
      this.busy = false;
    }
  }

  async #copy(site: Site): Promise<void> {
    const lang = this.language;
    const snippet = embedSnippet(this.#paknOrigin, site.key);
    try {
      await navigator.clipboard.writeText(snippet);
      this.notice = fill(SITES.copied[lang], { name: site.name });
    } catch {
      // No clipboard permission (or an old browser): select the code so that Ctrl+C does it.
      const code = this.renderRoot.querySelector(`[data-snippet="${CSS.escape(site.key)}"]`);
      const selection = window.getSelection();
      if (code && selection) {
        const range = document.createRange();
        range.selectNodeContents(code);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      this.notice = SITES.copyFailed[lang];
    }
  }

  protected override render() {
    const lang = this.language;
    return html`<div class="root" lang=${lang}>
      ${renderBreadcrumb(lang, this)}
      <h1>${SITES.heading[lang]}</h1>
      <p class="intro">${SITES.intro[lang]}</p>
      ${statusLine(this.notice)} ${loadErrorAlert(this.loadError, lang, () => void this.load())}
      ${this.draft
        ? this.#renderForm(this.draft, lang)
        : html`<p><button type="button" id="add" ?disabled=${this.sites === null} @click=${() => void this.#open(null)}>${SITES.add[lang]}</button></p>`}
      ${this.sites === null ? html`<p class="muted">${COMMON.loading[lang]}</p>` : this.#renderSites(this.sites, lang)}
    </div>`;
  }

  #renderSites(sites: readonly Site[], lang: Lang) {
    if (sites.length === 0) return html`<p class="empty">${SITES.empty[lang]}</p>`;
    return html`<ul class="sites">
      ${sites.map((s) => {
        const hosted = hostedPageUrl(this.#paknOrigin, s.key);
        return html`<li class="site" data-key=${s.key}>
          <section aria-labelledby="site-${s.key}">
            <div class="site-head">
              <h2 id="site-${s.key}">${s.name}</h2>
              <button type="button" class="secondary small" data-edit=${s.key} @click=${() => void this.#open(s)}>
                ${ADMIN.edit[lang]}<span class="visually-hidden"> ${s.name}</span>
              </button>
            </div>
            <dl>
              <dt>${SITES.key[lang]}</dt>
              <dd><code>${s.key}</code></dd>
              <dt>${SITES.origins[lang]}</dt>
              <dd>
                ${s.allowedOrigins.length === 0
                  ? html`<span class="muted">${SITES.none[lang]}</span>`
                  : html`<ul class="origins">
                      ${s.allowedOrigins.map((o) => html`<li><code>${o}</code></li>`)}
                    </ul>`}
              </dd>
              <dt>${SITES.defaultUnit[lang]}</dt>
              <dd>${unitName(this.units, s.defaultUnitId) ?? html`<span class="muted">${SITES.none[lang]}</span>`}</dd>
              <dt>${SITES.hostedPage[lang]}</dt>
              <dd><a href=${hosted} target="_blank" rel="noopener">${hosted}</a></dd>
              <dt>${SITES.snippet[lang]}</dt>
              <dd>
                <p class="hint">${SITES.snippetHint[lang]}</p>
                <div class="snippet">
                  <code data-snippet=${s.key} data-testid="snippet">${embedSnippet(this.#paknOrigin, s.key)}</code>
                  <button type="button" class="secondary small" @click=${() => void this.#copy(s)}>
                    ${SITES.copy[lang]}<span class="visually-hidden"> (${s.name})</span>
                  </button>
                </div>
              </dd>
            </dl>
          </section>
        </li>`;
      })}
    </ul>`;
  }

  #renderForm(d: Draft, lang: Lang) {
    const e = this.errors;
    const originsError = e.allowedOrigins;
    return editorForm(
      {
        heading: d.editing ? fill(SITES.editHeading[lang], { name: d.name }) : SITES.newHeading[lang],
        formError: this.formError,
        busy: this.busy,
        labels: editorLabels(lang),
        onSubmit: (ev) => void this.#save(ev),
        onCancel: () => void this.#close(d.editing ?? undefined),
      },
      html`
      <div class="grid">
        ${textField({
          id: 'key',
          label: SITES.key[lang],
          hint: ADMIN.slugHint[lang],
          error: e.key,
          autocapitalize: 'none',
          spellcheck: false,
          value: d.key,
          readonly: d.editing !== null,
          onInput: (v) => this.#set('key', v),
        })}
        ${textField({ id: 'name', label: SITES.name[lang], error: e.name, value: d.name, onInput: (v) => this.#set('name', v) })}
      </div>
      <div class="field">
        <label for="allowedOrigins">${SITES.origins[lang]}</label>
        <span id="allowedOrigins-hint" class="hint">${fill(SITES.originsHint[lang], { max: MAX_ORIGINS })}</span>
        <textarea
          id="allowedOrigins"
          rows="4"
          spellcheck="false"
          autocapitalize="none"
          placeholder="https://phuong.hanoi.gov.vn"
          .value=${d.origins}
          aria-invalid=${originsError ? 'true' : 'false'}
          aria-describedby=${describedBy('allowedOrigins', true, originsError)}
          @input=${(ev: Event) => this.#set('origins', (ev.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${originsError
          ? html`<div id="allowedOrigins-error" class="field-error">
              ${this.originErrors.length > 0
                ? html`<ul class="origin-errors">
                    ${this.originErrors.map((m) => html`<li>${m}</li>`)}
                  </ul>`
                : originsError}
            </div>`
          : nothing}
      </div>
      ${renderUnitPicker({
        id: 'defaultUnitId',
        label: SITES.defaultUnit[lang],
        hint: SITES.defaultUnitHint[lang],
        error: e.defaultUnitId,
        units: this.units,
        value: d.defaultUnitId,
        query: this.unitQuery,
        emptyLabel: ADMIN.noUnit[lang],
        lang,
        onQuery: (q) => (this.unitQuery = q),
        onChange: (id) => this.#set('defaultUnitId', id),
      })}
    `,
    );
  }

  static override styles = [
    tokens,
    base,
    adminStyles,
    css`
      .sites {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--_space);
      }
      .site {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.75rem var(--_space);
      }
      .site-head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: 0.5rem;
      }
      dl {
        display: grid;
        grid-template-columns: minmax(10rem, max-content) 1fr;
        gap: 0.4rem 1rem;
        margin: 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        min-width: 0;
      }
      dd .hint {
        margin: 0 0 0.25rem;
      }
      .origins,
      .origin-errors {
        margin: 0;
        padding-left: 1.1rem;
      }
      .snippet {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-start;
        gap: 0.5rem;
      }
      .snippet code {
        flex: 1 1 20rem;
        display: block;
        padding: 0.5rem 0.6rem;
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      @media (max-width: 40rem) {
        dl {
          grid-template-columns: 1fr;
        }
        dd {
          margin-bottom: 0.5rem;
        }
      }
    `,
  ];
}

if (!customElements.get('pakn-sites')) customElements.define('pakn-sites', PaknSites);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-sites': PaknSites;
  }
}
