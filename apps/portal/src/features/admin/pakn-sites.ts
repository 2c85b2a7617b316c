import { html, nothing, type TemplateResult } from 'lit';
import { SiteInputSchema, errorMessage, type Lang, type Site } from '@pakn/domain';
import { paknClient } from '#shared/client.ts';
import { UnitsController } from '#shared/context.ts';
import { fill } from '#shared/i18n.ts';
import { unitName, type UnitView } from '#shared/units.ts';
import { describedBy } from '#shared/form-fields.ts';
import { ListEditorPage, type FieldRows } from '#shared/list-editor.ts';
import { adminStyles, renderBreadcrumb, unitPickerField, type PickerDraft } from './admin-ui.ts';
import { embedSnippet, hostedPageUrl } from './embed-snippet.ts';
import { MAX_ORIGINS, parseOriginList, type OriginLineError } from './origin-list.ts';
import { ADMIN, SITES } from './strings.ts';
import { sitesStyles } from './pakn-sites.styles.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';

interface Draft extends PickerDraft {
  key: string;
  name: string;
  /** The allowed origins as typed, one a line. */
  allowedOrigins: string;
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
    originErrors: { state: true },
  };

  /** One message per bad line of the origins box. */
  declare protected originErrors: readonly string[];

  readonly #units = new UnitsController(this);
  readonly #page = new ListEditorPage<readonly Site[], Draft>(this, {
    lang: this.language,
    texts: SITES,
    top: () => renderBreadcrumb(this.language.value, this),
    load: (signal) => paknClient().admin.sites.query(undefined, { signal }),
    draft: (site) =>
      site
        ? {
            editing: site.key,
            key: site.key,
            name: site.name,
            allowedOrigins: site.allowedOrigins.join('\n'),
            defaultUnitId: site.defaultUnitId ?? '',
            query: '',
          }
        : { editing: null, key: '', name: '', allowedOrigins: '', defaultUnitId: '', query: '' },
    focus: { add: '#key', edit: '#allowedOrigins' },
    fields: (d) => this.#fields(d, this.language.value),
    list: (sites) => this.#renderSites(sites, this.language.value),
    save: (draft) => this.#save(draft),
    addWaits: true,
    formFields: FORM_FIELDS,
  });
  readonly #editor = this.#page.editor;

  constructor() {
    super();
    this.originErrors = [];
  }

  /** The PAKN server's origin: the portal is served by it, so the snippet points here. */
  get #paknOrigin(): string {
    return location.origin;
  }

  get #unitList(): readonly UnitView[] {
    return this.#units.value ?? [];
  }

  async #save(d: Draft): Promise<void> {
    const lang = this.language.value;
    const origins = parseOriginList(d.allowedOrigins);
    const input = { key: d.key.trim(), name: d.name, allowedOrigins: origins.origins, defaultUnitId: d.defaultUnitId || undefined, isNew: d.editing === null };
    await this.#editor.submit({
      schema: SiteInputSchema,
      input,
      check: () => {
        const errors: Record<string, string> = {};
        if (this.#page.taken(d, (s) => s.key === input.key)) errors.key = ADMIN.idTaken[lang];
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
      done: (_, data) => this.#page.saved(fill(SITES.saved[lang], { name: data.name }), data.key),
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
    return this.#page.render();
  }

  #renderSites(sites: readonly Site[], lang: Lang): TemplateResult {
    return html`<ul class="cards">
      ${sites.map((s) => {
        const hosted = hostedPageUrl(this.#paknOrigin, s.key);
        return html`<li data-key=${s.key}>
          <section aria-labelledby="site-${s.key}">
            <div class="site-head">
              <h2 id="site-${s.key}">${s.name}</h2>
              ${this.#page.editButton(s, s.key, s.name)}
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

  #fields(d: Draft, lang: Lang): FieldRows<Draft> {
    return [
      [
        { id: 'key', type: 'key', label: SITES.key, hint: ADMIN.slugHint },
        { id: 'name', label: SITES.name },
      ],
      { id: 'allowedOrigins', label: SITES.origins, render: (error) => this.#renderOrigins(d, error, lang) },
      unitPickerField(this.#editor, lang, {
        id: 'defaultUnitId',
        label: SITES.defaultUnit,
        hint: SITES.defaultUnitHint[lang],
        units: this.#unitList,
        emptyLabel: ADMIN.noUnit[lang],
      }),
    ];
  }

  /** The origins box: one origin a line, and under it one message per bad line. */
  #renderOrigins(d: Draft, error: string | undefined, lang: Lang) {
    return html`<div class="field">
      <label for="allowedOrigins">${SITES.origins[lang]}</label>
      <span id="allowedOrigins-hint" class="hint">${fill(SITES.originsHint[lang], { max: MAX_ORIGINS })}</span>
      <textarea
        id="allowedOrigins"
        rows="4"
        spellcheck="false"
        autocapitalize="none"
        placeholder="https://phuong.hanoi.gov.vn"
        .value=${d.allowedOrigins}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy('allowedOrigins', true, error)}
        @input=${(ev: Event) => this.#editor.set('allowedOrigins', (ev.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${
        error
          ? html`<div id="allowedOrigins-error" class="field-error">
              ${
                this.originErrors.length > 0
                  ? html`<ul class="origin-errors">
                      ${this.originErrors.map((m) => html`<li>${m}</li>`)}
                    </ul>`
                  : error
              }
            </div>`
          : nothing
      }
    </div>`;
  }

  static override styles = [adminStyles, sitesStyles];
}

defineElement('pakn-sites', PaknSites);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-sites': PaknSites;
  }
}
