import { css, html, nothing } from 'lit';
import type { Text } from '@pakn/domain';
import { DownloadElement } from './download-element.ts';
import { defineElement } from './pakn-element.ts';

const STRINGS = {
  preparing: { vi: 'Đang tạo tệp…', en: 'Preparing the file…' },
} as const satisfies Record<string, Text>;

/** The exports the server offers (apps/server: POST /api/v1/exports/:file). */
type ExportFile = 'cases.csv' | 'unit-evaluation.csv' | 'unit-evaluation.xlsx' | 'period-report.csv' | 'period-report.xlsx';

/**
 * `<pakn-export-button file label hint .filter>`: downloads an export. An export is written to the audit log,
 * so it is a staff write like any other (issue 9): a POST with the anti-CSRF header and the filter as JSON,
 * saved through a blob URL under the name the server gave it (`saveDownload`, shared with file downloads).
 *
 * Events out: `pakn-session-expired`.
 */
class PaknExportButton extends DownloadElement {
  static override properties = {
    file: { type: String },
    hint: { type: String },
    filter: { attribute: false },
  };

  declare file: ExportFile;
  declare hint: string;
  declare filter: Readonly<Record<string, string | boolean>>;

  constructor() {
    super();
    this.file = 'cases.csv';
    this.hint = '';
    this.filter = {};
  }

  #download(): Promise<void> {
    return this.save({ url: `/api/v1/exports/${this.file}`, body: this.filter, fallbackName: this.file });
  }

  protected override render() {
    const lang = this.language.value;
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
    DownloadElement.styles,
    css`
      :host {
        display: inline-block;
      }
      .root {
        display: inline-flex;
        flex-direction: column;
        gap: 0.25rem;
      }
    `,
  ];
}

defineElement('pakn-export-button', PaknExportButton);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-export-button': PaknExportButton;
  }
}
