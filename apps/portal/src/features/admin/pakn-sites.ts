import { html, nothing } from 'lit';
import { SiteInputSchema, errorMessage, type Lang, type Site } from '@pakn/domain';
import { paknClient } from '#shared/client.ts';
import { UnitsController } from '#shared/context.ts';
import { fill } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';
import { unitName, type UnitView } from '#shared/units.ts';
import { describedBy, textField } from '#shared/form-fields.ts';
import { editButton, keyField, ListEditorPage } from '#shared/list-editor.ts';
import { adminStyles, renderBreadcrumb, renderUnitPicker } from './admin-ui.ts';
import { embedSnippet, hostedPageUrl } from './embed-snippet.ts';
import { MAX_ORIGINS, parseOriginList, type OriginLineError } from './origin-list.ts';
import { ADMIN, SITES } from './strings.ts';
import { sitesStyles } from './pakn-sites.styles.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';

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

const ORIGIN_PROBLEMS = {
  not_url: SITES.originNotUrl,
  not_web: SITES.originNotWeb,
  has_path: SITES.originHasPath,
  too_many: SITES.originTooMany,
} as const;

function originMessage(error: OriginLineError, lang: Lang): string {
  return fill(ORIGIN_PROBLEMS[error.problem][lang], { line: error.line, value: error.value, max: MAX_ORIGINS });
}

/**
 * `<pakn-sites>`: the websites allowed to embed the widget. For each: its key, the origins the widget may be
 * called from, the unit its form preselects, the one-line embed code (with a copy button) and its hosted
 * page. A form adds a site or changes one. Admins only (the server decides: `administer`).
 *
 * Attributes: `lang`. Events out: `pakn-session-expired`, `pakn-navigate`.
 */
export class PaknSites extends PaknElement {
  static override properties = {
    unitQuery: { state: true },
    originErrors: { state: true },
  };

  declare protected unitQuery: string;
  /** One message per bad line of the origins box. */
  declare protected originErrors: readonly string[];

  readonly #units = new UnitsController(this);
  readonly #page = new ListEditorPage<readonly Site[], Draft>(this, {
    lang: this.language,
    load: (signal) => paknClient().admin.sites.query(undefined, { signal }),
    save: (draft) => this.#save(draft),
    fields: FORM_FIELDS,
  });
  readonly #sites = this.#page.list;
  readonly #editor = this.#page.editor;

  constructor() {
    super();
    this.unitQuery = '';
    this.originErrors = [];
  }

  /** The PAKN server's origin: the portal is served by it, so the snippet points here. */
  get #paknOrigin(): string {
    return location.origin;
  }

  get #unitList(): readonly UnitView[] {
    return this.#units.value ?? [];
  }

  async #open(site: Site | null): Promise<void> {
    this.originErrors = [];
    this.unitQuery = '';
    await this.#editor.open(
      site
        ? { editing: site.key, key: site.key, name: site.name, origins: site.allowedOrigins.join('\n'), defaultUnitId: site.defaultUnitId ?? '' }
        : { editing: null, key: '', name: '', origins: '', defaultUnitId: '' },
      site ? '#allowedOrigins' : '#key',
    );
  }

  #set(key: Exclude<keyof Draft, 'editing'>, value: string): void {
    this.#editor.set(key, value);
    if (key !== 'origins') return;
    this.originErrors = [];
    this.#editor.clearFieldErrors('allowedOrigins');
  }

  async #save(d: Draft): Promise<void> {
    const lang = this.language.value;
    const origins = parseOriginList(d.origins);
    const input = { key: d.key.trim(), name: d.name, allowedOrigins: origins.origins, defaultUnitId: d.defaultUnitId || undefined, isNew: d.editing === null };
    await this.#editor.submit({
      schema: SiteInputSchema,
      input,
      check: () => {
        const errors: Record<string, string> = {};
        // The server saves over a site with the same key: a new site must not silently replace another.
        if (!d.editing && this.#sites.value?.some((s) => s.key === input.key)) errors.key = ADMIN.idTaken[lang];
        this.originErrors = origins.errors.map((e) => originMessage(e, lang));
        if (this.originErrors.length > 0) errors.allowedOrigins = this.originErrors.join(' ');
        return errors;
      },
      fieldIds: (errors) => {
        // Origins come back per entry (allowedOrigins.2): they belong to the one box.
        const mapped: Record<string, string> = {};
        for (const [path, message] of Object.entries(errors)) mapped[path.split('.')[0] ?? path] ??= message;
        if (mapped.key && !SLUG_PATTERN.test(input.key)) mapped.key = ADMIN.slugFormat[lang];
        if (mapped.defaultUnitId === errorMessage('invalid', lang)) mapped.defaultUnitId = ADMIN.unknownUnit[lang];
        return mapped;
      },
      send: (data) => paknClient().admin.saveSite.mutate(data),
      done: async (_, data) => {
        await this.#sites.run();
        this.#editor.notice = fill(SITES.saved[lang], { name: data.name });
        await this.#editor.close(data.key);
      },
    });
  }

  async #copy(site: Site): Promise<void> {
    const lang = this.language.value;
    const snippet = embedSnippet(this.#paknOrigin, site.key);
    try {
      await navigator.clipboard.writeText(snippet);
      this.#editor.notice = fill(SITES.copied[lang], { name: site.name });
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
      this.#editor.notice = SITES.copyFailed[lang];
    }
  }

  protected override render() {
    const lang = this.language.value;
    return this.#page.renderPage({
      top: renderBreadcrumb(lang, this),
      texts: SITES,
      addWaits: true,
      onAdd: () => void this.#open(null),
      form: (d) => this.#renderForm(d, lang),
      list: (sites) => this.#renderSites(sites, lang),
    });
  }

  #renderSites(sites: readonly Site[], lang: Lang) {
    return html`<ul class="sites">
      ${sites.map((s) => {
        const hosted = hostedPageUrl(this.#paknOrigin, s.key);
        return html`<li class="site" data-key=${s.key}>
          <section aria-labelledby="site-${s.key}">
            <div class="site-head">
              <h2 id="site-${s.key}">${s.name}</h2>
              ${editButton(lang, s.key, s.name, () => void this.#open(s))}
            </div>
            <dl>
              <dt>${SITES.key[lang]}</dt>
              <dd><code>${s.key}</code></dd>
              <dt>${SITES.origins[lang]}</dt>
              <dd>
                ${
                  s.allowedOrigins.length === 0
                    ? html`<span class="muted">${SITES.none[lang]}</span>`
                    : html`<ul class="origins">
                        ${s.allowedOrigins.map((o) => html`<li><code>${o}</code></li>`)}
                      </ul>`
                }
              </dd>
              <dt>${SITES.defaultUnit[lang]}</dt>
              <dd>${unitName(this.#unitList, s.defaultUnitId) ?? html`<span class="muted">${SITES.none[lang]}</span>`}</dd>
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
    const e = this.#editor.errorsOf();
    const originsError = e.allowedOrigins;
    return this.#page.renderEditor(
      d,
      d.editing ? fill(SITES.editHeading[lang], { name: d.name }) : SITES.newHeading[lang],
      html`
        <div class="grid">
          ${keyField({
            id: 'key',
            label: SITES.key[lang],
            hint: ADMIN.slugHint[lang],
            error: e.key,
            value: d.key,
            editing: d.editing !== null,
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
          ${
            originsError
              ? html`<div id="allowedOrigins-error" class="field-error">
                  ${
                    this.originErrors.length > 0
                      ? html`<ul class="origin-errors">
                          ${this.originErrors.map((m) => html`<li>${m}</li>`)}
                        </ul>`
                      : originsError
                  }
                </div>`
              : nothing
          }
        </div>
        ${renderUnitPicker({
          id: 'defaultUnitId',
          label: SITES.defaultUnit[lang],
          hint: SITES.defaultUnitHint[lang],
          error: e.defaultUnitId,
          units: this.#unitList,
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

  static override styles = [tokens, base, adminStyles, sitesStyles];
}

defineElement('pakn-sites', PaknSites);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-sites': PaknSites;
  }
}
