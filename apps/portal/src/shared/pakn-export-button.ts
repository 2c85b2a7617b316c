import { LitElement, css, html, nothing } from 'lit';
import type { Lang, Text } from '@pakn/domain';
import { saveDownload } from './download.ts';
import { SessionExpiredEvent } from './events.ts';
import { elementLang } from './i18n.ts';
import { base, tokens } from './styles.ts';

const STRINGS = {
  preparing: { vi: 'Đang tạo tệp…', en: 'Preparing the file…' },
} as const satisfies Record<string, Text>;

/** The exports the server offers (apps/server: POST /api/v1/exports/:file). */
export type ExportFile = 'cases.csv' | 'unit-evaluation.csv';

/**
 * `<pakn-export-button file label hint .filter>`: downloads an export. An export is written to the audit log,
 * so it is a staff write like any other (issue 9): a POST with the anti-CSRF header and the filter as JSON,
 * saved through a blob URL under the name the server gave it (`saveDownload`, shared with file downloads).
 *
 * Events out: `pakn-session-expired`.
 */
export class PaknExportButton extends LitElement {
  static override properties = {
    file: { type: String },
    label: { type: String },
    hint: { type: String },
    lang: { type: String },
    filter: { attribute: false },
    busy: { state: true },
    error: { state: true },
  };

  declare file: ExportFile;
  declare label: string;
  declare hint: string;
  declare lang: string;
  declare filter: Readonly<Record<string, string | boolean>>;
  declare protected busy: boolean;
  declare protected error: string | null;

  constructor() {
    super();
    this.file = 'cases.csv';
    this.label = '';
    this.hint = '';
    this.lang = '';
    this.filter = {};
    this.busy = false;
    this.error = null;
  }

  get #lang(): Lang {
    return elementLang(this.lang);
  }

  async #download(): Promise<void> {
    const lang = this.#lang;
    this.busy = true;
    this.error = null;
    const outcome = await saveDownload({ url: `/api/v1/exports/${this.file}`, lang, body: this.filter, fallbackName: this.file, container: this.renderRoot });
    this.busy = false;
    if (outcome.ok) return;
    if (outcome.status === 401) this.dispatchEvent(new SessionExpiredEvent());
    this.error = outcome.message;
  }

  protected override render() {
    const lang = this.#lang;
    return html`<span class="root">
      <button
        type="button"
        class="secondary"
        title=${this.hint || nothing}
        ?disabled=${this.busy}
        aria-busy=${this.busy ? 'true' : 'false'}
        @click=${() => void this.#download()}
      >
        ${this.busy ? STRINGS.preparing[lang] : this.label}
      </button>
      ${this.error ? html`<span class="alert" role="alert">${this.error}</span>` : nothing}
    </span>`;
  }

  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: inline-block;
      }
      .root {
        display: inline-flex;
        flex-direction: column;
        gap: 0.25rem;
      }
      .alert {
        display: block;
        margin: 0;
      }
    `,
  ];
}

if (!customElements.get('pakn-export-button')) customElements.define('pakn-export-button', PaknExportButton);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-export-button': PaknExportButton;
  }
}
