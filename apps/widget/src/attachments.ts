import { css, html, nothing, type LitElement, type TemplateResult } from 'lit';
import { WidgetClientError, type WidgetClient } from '@pakn/api-client/widget';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '@pakn/domain';
import type { WidgetText } from './text/index.ts';

/** A file the citizen attached: uploaded as soon as it is chosen, its id sent with the report or the reply. */
export interface Attachment {
  readonly file: File;
  id?: string | undefined;
  progress: number;
  upload?: Promise<string> | undefined;
  /** Why the upload failed; a retryable failure (offline) is uploaded again when the form is sent. */
  error?: WidgetClientError | undefined;
}

/** The site's attachment limits; the domain's until the site's configuration arrives (or if it cannot). */
export interface Limits {
  readonly maxAttachments: number;
  readonly maxAttachmentBytes: number;
  readonly attachmentTypes: readonly string[];
}
export const DEFAULT_LIMITS: Limits = {
  maxAttachments: MAX_ATTACHMENTS,
  maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
  attachmentTypes: ATTACHMENT_TYPES,
};

/**
 * The list of chosen files. The file input's own text is hidden: the browser's says "no file chosen" once the
 * files are taken into the list (the input is emptied so the same file can be chosen again), and in the
 * operating system's language, not the widget's; the line under it says how many files are chosen.
 */
export const attachmentStyles = css`
  input[type='file'] {
    color: transparent; /* its button keeps its own colour (form-styles.ts) */
  }
  .chosen {
    margin: 0.25em 0;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 0.75em;
    padding: 0.3em 0.6em;
    border: 1px solid #d0d0d0;
    border-radius: 0.3em;
  }
  li span {
    overflow-wrap: anywhere;
  }
  li button {
    margin-left: auto;
    min-height: 2em;
    padding: 0.2em 0.8em;
  }
`;

/** What the files need from the form that holds them. */
export interface AttachmentsHost extends LitElement {
  readonly site: string;
  readonly text: WidgetText;
  readonly api: WidgetClient | undefined;
}

/**
 * The files of one form (`<pakn-report-form>`, the reply in `<pakn-track-form>`): checked here for size, count
 * and declared type (the server decides the type from the bytes), uploaded as soon as chosen, each with its state
 * and a remove button. The field's id is `attachments`.
 */
export class Attachments {
  files: readonly Attachment[] = [];
  /** Files refused or failed, one message each. */
  alert: readonly string[] = [];
  readonly #host: AttachmentsHost;
  readonly #limits: () => Limits;

  constructor(host: AttachmentsHost, limits: () => Limits) {
    this.#host = host;
    this.#limits = limits;
  }

  get #megabytes(): number {
    return Math.floor(this.#limits().maxAttachmentBytes / 1048576);
  }

  /** A file failed for good (type, size): the citizen must remove it before sending. */
  get invalid(): boolean {
    return this.files.some((a) => a.error && !a.error.retryable);
  }

  add(input: HTMLInputElement): void {
    const t = this.#host.text;
    const limits = this.#limits();
    const refused: string[] = [];
    const files = [...this.files];
    for (const file of input.files ?? []) {
      if (files.length >= limits.maxAttachments) {
        refused.push(t.tooManyFiles(limits.maxAttachments));
        break;
      }
      if (file.size > limits.maxAttachmentBytes) refused.push(`${file.name}: ${t.fileTooLarge(this.#megabytes)}`);
      else if (file.type && !limits.attachmentTypes.includes(file.type)) refused.push(`${file.name}: ${t.errors.attachment_type}`);
      else files.push({ file, progress: 0 });
    }
    input.value = '';
    this.files = files;
    this.alert = refused;
    for (const attachment of files) if (!attachment.id && !attachment.upload && !attachment.error) void this.upload(attachment).catch(() => undefined);
    this.#host.requestUpdate();
  }

  upload(attachment: Attachment): Promise<string> {
    if (attachment.id) return Promise.resolve(attachment.id);
    const host = this.#host;
    const api = host.api;
    // Not connected yet: fails like a network error, so the file is uploaded again when the form is sent.
    if (!api) return Promise.reject(new WidgetClientError('network'));
    attachment.error = undefined;
    attachment.upload ??= api
      .upload(host.site, attachment.file, (fraction) => {
        attachment.progress = fraction;
        host.requestUpdate();
      })
      .then(
        (uploaded) => {
          attachment.id = uploaded.id;
          attachment.upload = undefined;
          host.requestUpdate();
          return uploaded.id;
        },
        (error: WidgetClientError) => {
          attachment.error = error;
          attachment.upload = undefined;
          attachment.progress = 0;
          if (!error.retryable) this.alert = [...this.alert, `${attachment.file.name}: ${this.error(error)}`];
          host.requestUpdate();
          throw error;
        },
      );
    host.requestUpdate();
    return attachment.upload;
  }

  /** Uploads what is left; the ids of every file, in order. */
  ids(): Promise<string[]> {
    return Promise.all(this.files.map((a) => this.upload(a)));
  }

  /** Attachment ids expire (`attachment_invalid`): upload the files again on the next try. */
  expire(): void {
    for (const a of this.files) a.id = undefined;
  }

  clear(): void {
    this.files = [];
    this.alert = [];
    this.#host.requestUpdate();
  }

  async #remove(attachment: Attachment): Promise<void> {
    this.files = this.files.filter((a) => a !== attachment);
    this.alert = [];
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>('#attachments')?.focus();
  }

  error(error: WidgetClientError): string {
    const t = this.#host.text;
    if (error.reason === 'attachment_too_large') return t.fileTooLarge(this.#megabytes);
    return t.errors[error.reason as keyof WidgetText['errors']] ?? (error.message || t.errors.internal);
  }

  /** The field: label, hint, file input, the files and their errors; `error` is the field's own (id `attachments-error`). */
  render(error: TemplateResult | typeof nothing, onChange?: () => void) {
    const t = this.#host.text;
    const limits = this.#limits();
    return html`<div class="field">
      <label for="attachments">${t.attachments}</label>
      <span class="hint" id="attachments-hint">${t.attachHint(limits.maxAttachments, this.#megabytes)}</span>
      <input
        id="attachments"
        type="file"
        multiple
        accept=${limits.attachmentTypes.join(',')}
        aria-invalid=${error === nothing ? nothing : 'true'}
        aria-describedby=${error === nothing ? 'attachments-hint' : 'attachments-hint attachments-error'}
        @change=${(e: Event) => {
          this.add(e.target as HTMLInputElement);
          onChange?.();
        }}
      />
      <p class="chosen" data-testid="chosen-files">${t.chosenFiles(this.files.length)}</p>
      ${
        this.files.length
          ? html`<ul>
              ${this.files.map((a) => this.#renderFile(a))}
            </ul>`
          : nothing
      }
      <div role="alert">${this.alert.map((m) => html`<p class="error">${m}</p>`)}</div>
      ${error}
    </div>`;
  }

  #renderFile(attachment: Attachment) {
    const t = this.#host.text;
    const { error } = attachment;
    const state = attachment.id ? t.uploaded : error ? (error.retryable ? t.uploadPending : '') : t.uploading(Math.round(attachment.progress * 100));
    return html`<li>
      <span>${attachment.file.name}</span>
      <span class="hint">${state}</span>
      ${error && !error.retryable ? html`<span class="error">${this.error(error)}</span>` : nothing}
      <button type="button" aria-label=${t.removeFile(attachment.file.name)} @click=${() => this.#remove(attachment)}>${t.remove}</button>
    </li>`;
  }
}
