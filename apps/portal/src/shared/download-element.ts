import { css, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import { saveDownload, type DownloadRequest } from './download.ts';
import { SessionExpiredEvent } from './events.ts';
import { PaknElement } from './pakn-element.ts';
import { base, tokens } from './styles.ts';

/**
 * The base of the elements that save a file the server writes to the audit log (`<pakn-download-link>`,
 * `<pakn-export-button>`): the busy and error state and the one way a refused download is shown. A lost
 * session tells the shell (`pakn-session-expired`).
 */
export class DownloadElement extends PaknElement {
  static override properties: PropertyDeclarations = {
    label: { type: String },
    busy: { state: true },
    error: { state: true },
  };

  /** The button's text or, for a link, what screen readers read before the file's name. */
  declare label: string;
  declare protected busy: boolean;
  declare protected error: string | null;

  /** The refusal shows on a line of its own under the button or link. */
  static override styles: CSSResultGroup = [
    tokens,
    base,
    css`
      .alert {
        display: block;
        margin: 0.25rem 0 0;
      }
    `,
  ];

  constructor() {
    super();
    this.label = '';
    this.busy = false;
    this.error = null;
  }

  /** Saves the file (one download at a time) and shows the server's message when it refuses. */
  protected async save(request: Omit<DownloadRequest, 'lang' | 'container'>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    const outcome = await saveDownload({ ...request, lang: this.language.value, container: this.renderRoot });
    this.busy = false;
    if (outcome.ok) return;
    if (outcome.status === 401) this.dispatchEvent(new SessionExpiredEvent());
    this.error = outcome.message;
  }
}
