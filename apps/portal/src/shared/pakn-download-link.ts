import { css, html, nothing } from 'lit';
import { DownloadElement } from './download-element.ts';
import { defineElement } from './pakn-element.ts';

/**
 * `<pakn-download-link url name label lang>`: a stored file (a citizen's, an answer's) the staff member may
 * save, shown by its name. Each staff download is written to the audit log, so it is a POST with the anti-CSRF
 * header (issue 9), not an `<a href>` that any page of the site could make the browser follow: a button that
 * reads as a link, saving through `saveDownload` under the name the server gives.
 *
 * Events out: `pakn-session-expired`.
 */
class PaknDownloadLink extends DownloadElement {
  static override properties = {
    url: { type: String },
    name: { type: String },
  };

  /** The server's download path (from the API's `url` field). */
  declare url: string;
  /** The file's name, shown and used when the server gives none. */
  declare name: string;

  constructor() {
    super();
    this.url = '';
    this.name = '';
  }

  #download(): Promise<void> {
    return this.save({ url: this.url, fallbackName: this.name });
  }

  protected override render() {
    return html`<button type="button" class="link" aria-busy=${this.busy ? 'true' : 'false'} @click=${() => void this.#download()}>
        ${this.label ? html`<span class="visually-hidden">${this.label}: </span>` : nothing}<span class="name">${this.name}</span></button
      >${this.error ? html`<span class="alert" role="alert">${this.error}</span>` : nothing}`;
  }

  static override styles = [
    DownloadElement.styles,
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
    `,
  ];
}

defineElement('pakn-download-link', PaknDownloadLink);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-download-link': PaknDownloadLink;
  }
}
