import { LitElement, css, html, nothing } from 'lit';
import { errorMessage, type Lang, type Text } from '@pakn/domain';
import { SessionExpiredEvent } from './events.ts';
import { elementLang } from './i18n.ts';
import { base, tokens } from './styles.ts';

const STRINGS = {
  preparing: { vi: 'Đang tạo tệp…', en: 'Preparing the file…' },
  network: { vi: 'Không kết nối được máy chủ. Vui lòng thử lại.', en: 'Could not reach the server. Please try again.' },
} as const satisfies Record<string, Text>;

/** The exports the server offers (apps/server: POST /api/v1/exports/:file). */
export type ExportFile = 'cases.csv' | 'unit-evaluation.csv';

/** The file name the server gave in Content-Disposition (`filename*` first, RFC 6266), or a fallback. */
export function dispositionFileName(header: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '')?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      // A malformed name: the plain one, or the fallback.
    }
  }
  return /filename="([^"]+)"/i.exec(header ?? '')?.[1] ?? fallback;
}

/**
 * `<pakn-export-button file label hint .filter>`: downloads an export. An export is written to the audit log,
 * so it is a staff write like any other (issue 9): a POST with the anti-CSRF header and the filter as JSON,
 * never a link a page could make the browser follow. The answer is saved through a blob URL under the name
 * the server gave it.
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
    try {
      const response = await fetch(`/api/v1/exports/${this.file}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-pakn-csrf': '1', 'x-pakn-lang': lang },
        body: JSON.stringify(this.filter),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { reason?: string; message?: string } } | null;
        if (response.status === 401) this.dispatchEvent(new SessionExpiredEvent());
        this.error = body?.error?.message ?? errorMessage('internal', lang);
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = dispositionFileName(response.headers.get('content-disposition'), this.file);
      link.hidden = true;
      this.renderRoot.append(link);
      link.click();
      link.remove();
      // The browser has started the download from the URL by now; a minute covers a slow disk.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      this.error = STRINGS.network[lang];
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const lang = this.#lang;
    return html`<span class="root">
      <button type="button" class="secondary" title=${this.hint || nothing} ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'} @click=${() => void this.#download()}>
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
