import { LitElement, css, html, nothing } from 'lit';
import type { Lang } from '@pakn/domain';
import { saveDownload } from './download.ts';
import { SessionExpiredEvent } from './events.ts';
import { elementLang } from './i18n.ts';
import { base, tokens } from './styles.ts';

/**
 * `<pakn-download-link url name label lang>`: a stored file (a citizen's, an answer's) the staff member may
 * save, shown by its name. Each staff download is written to the audit log, so it is a POST with the anti-CSRF
 * header (issue 9), not an `<a href>` that any page of the site could make the browser follow: a button that
 * reads as a link, saving through `saveDownload` under the name the server gives.
 *
 * Events out: `pakn-session-expired`.
 */
export class PaknDownloadLink extends LitElement {
  static override properties = {
    url: { type: String },
    name: { type: String },
    label: { type: String },
    lang: { type: String },
    busy: { state: true },
    error: { state: true },
  };

  /** The server's download path (from the API's `url` field). */
  declare url: string;
  /** The file's name, shown and used when the server gives none. */
  declare name: string;
  /** Read before the name by screen readers, e.g. "Tải xuống". */
  declare label: string;
  declare lang: string;
  declare protected busy: boolean;
  declare protected error: string | null;

  constructor() {
    super();
    this.url = '';
    this.name = '';
    this.label = '';
    this.lang = '';
    this.busy = false;
    this.error = null;
  }

  get #lang(): Lang {
    return elementLang(this.lang);
  }

  async #download(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    const outcome = await saveDownload({ url: this.url, lang: this.#lang, fallbackName: this.name, container: this.renderRoot });
    this.busy = false;
    if (outcome.ok) return;
    if (outcome.status === 401) this.dispatchEvent(new SessionExpiredEvent());
    this.error = outcome.message;
  }

  protected override render() {
    return html`<button type="button" class="link" aria-busy=${this.busy ? 'true' : 'false'} @click=${() => void this.#download()}>
        ${this.label ? html`<span class="visually-hidden">${this.label}: </span>` : nothing}<span class="name">${this.name}</span></button
      >${this.error ? html`<span class="alert" role="alert">${this.error}</span>` : nothing}`;
  }

  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: inline;
      }
      button.link {
        display: inline;
        min-height: 0;
        padding: 0;
        border: 0;
        border-radius: 0;
        background: none;
        color: var(--_primary);
        text-decoration: underline;
        text-align: start;
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      button.link:hover:not(:disabled) {
        background: none;
        color: var(--_primary-hover);
      }
      button.link[aria-busy='true'] {
        cursor: progress;
      }
      .alert {
        display: block;
        margin: 0.25rem 0 0;
      }
    `,
  ];
}

if (!customElements.get('pakn-download-link')) customElements.define('pakn-download-link', PaknDownloadLink);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-download-link': PaknDownloadLink;
  }
}
