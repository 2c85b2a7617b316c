import { html, nothing } from 'lit';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import { ATTACHMENT_TYPES, MAX_ATTACHMENTS, MAX_ATTACHMENT_BYTES, errorMessage, type Lang } from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { paknClient } from '#shared/client.ts';
import { TaskStatus, loadTask } from '#shared/controllers/load.ts';
import { fill } from '#shared/i18n.ts';
import '#shared/pakn-download-link.ts';
import { base, tokens } from '#shared/styles.ts';
import { ANSWER_FILE_STRINGS as S } from './answer-files-strings.ts';
import { fileStyles } from './pakn-answer-files.styles.ts';

type AnswerFile = Awaited<ReturnType<PaknClient['case']['answerAttachments']['query']>>[number];

/** Sizes in the Vietnamese number format (1,5 MB), whatever the interface language. */
const kbFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const mbFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${mbFormat.format(bytes / (1024 * 1024))} MB`;
  return `${kbFormat.format(bytes > 0 ? Math.max(1, Math.round(bytes / 1024)) : 0)} KB`;
}

/** A stored file by its name: a download link for a same-origin path (the staff download route), else the name alone. */
export function fileLink(file: { readonly url: string; readonly name: string }, label: string, lang: Lang) {
  const sameOrigin = file.url.startsWith('/') && !file.url.startsWith('//') && !file.url.startsWith('/\\');
  return sameOrigin
    ? html`<pakn-download-link url=${file.url} name=${file.name} label=${label} lang=${lang}></pakn-download-link>`
    : html`<span class="name">${file.name}</span>`;
}

interface Pending {
  readonly key: number;
  readonly name: string;
  readonly size: number;
  state: 'uploading' | 'done' | 'failed';
  id?: string;
  internal: boolean;
  error?: string;
}

/**
 * `<pakn-answer-upload case-id="…">`: the files of the answer being written. Each chosen file is uploaded at
 * once (the server checks its bytes); the handler sees its progress and errors, may mark it internal, or remove
 * it. The answer form reads `attachments` when it is sent, and `problem()` to hold it while files are not ready.
 *
 * Attributes: `case-id`, `lang` (vi | en), `error` (a message from the form, e.g. an expired file).
 */
export class PaknAnswerUpload extends PaknElement {
  static override properties = {
    caseId: { type: String, attribute: 'case-id' },
    error: { type: String },
    files: { state: true },
    notice: { state: true },
  };

  declare caseId: string;
  declare error: string;
  declare protected files: readonly Pending[];
  declare protected notice: string;
  #seq = 0;

  constructor() {
    super();
    this.caseId = '';
    this.error = '';
    this.files = [];
    this.notice = '';
  }

  /** The uploaded files, as `case.submitAnswer` takes them. */
  get attachments(): { id: string; internal: boolean }[] {
    return this.files.flatMap((f) => (f.state === 'done' && f.id ? [{ id: f.id, internal: f.internal }] : []));
  }

  /** Why the answer cannot be sent yet (an upload running, a failed file), or null. */
  problem(lang: Lang): string | null {
    if (this.files.some((f) => f.state === 'uploading')) return S.waitUploads[lang];
    if (this.files.some((f) => f.state === 'failed')) return S.removeFailed[lang];
    return null;
  }

  #update(key: number, change: Partial<Pending>): void {
    this.files = this.files.map((f) => (f.key === key ? { ...f, ...change } : f));
  }

  #choose = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const chosen = [...(input.files ?? [])];
    input.value = '';
    const lang = this.language.value;
    this.notice = '';
    for (const file of chosen) {
      if (this.files.length >= MAX_ATTACHMENTS) {
        this.notice = fill(S.tooMany[lang], { count: MAX_ATTACHMENTS });
        break;
      }
      const item: Pending = { key: ++this.#seq, name: file.name, size: file.size, state: 'uploading', internal: false };
      // The same checks as the server's, before sending megabytes for nothing; the server decides anyway.
      const error =
        file.size > MAX_ATTACHMENT_BYTES
          ? errorMessage('attachment_too_large', lang)
          : file.type && !(ATTACHMENT_TYPES as readonly string[]).includes(file.type)
            ? errorMessage('attachment_type', lang)
            : undefined;
      this.files = [...this.files, error ? { ...item, state: 'failed', error } : item];
      if (!error) void this.#upload(item.key, file);
    }
  };

  async #upload(key: number, file: File): Promise<void> {
    const lang = this.language.value;
    try {
      const response = await fetch('/api/v1/answer-attachments', {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'x-pakn-csrf': '1',
          'x-pakn-lang': lang,
          'x-pakn-case': this.caseId,
          'x-pakn-filename': encodeURIComponent(file.name),
          'content-type': file.type || 'application/octet-stream',
        },
        body: file,
      });
      const body = (await response.json().catch(() => null)) as { id?: string; error?: { message?: string } } | null;
      if (response.status === 201 && body?.id) this.#update(key, { state: 'done', id: body.id });
      else this.#update(key, { state: 'failed', error: body?.error?.message ?? errorMessage('internal', lang) });
    } catch {
      this.#update(key, { state: 'failed', error: S.network[lang] });
    }
  }

  async #remove(item: Pending): Promise<void> {
    this.files = this.files.filter((f) => f.key !== item.key);
    this.notice = '';
    // Frees its place on the server; a failure leaves an unlinked file that expires on its own.
    if (!item.id) return;
    await fetch(`/api/v1/answer-attachments/${encodeURIComponent(item.id)}`, {
      method: 'DELETE',
      credentials: 'same-origin',
      headers: { 'x-pakn-csrf': '1' },
    }).catch(() => undefined);
  }

  override render() {
    const lang = this.language.value;
    const full = this.files.length >= MAX_ATTACHMENTS;
    return html`<fieldset class="root" aria-describedby="answer-files-hint" data-testid="answer-upload">
      <legend>${S.legend[lang]}</legend>
      <p class="hint" id="answer-files-hint">${fill(S.hint[lang], { count: MAX_ATTACHMENTS, mb: MAX_ATTACHMENT_BYTES / (1024 * 1024) })}</p>
      ${
        this.files.length
          ? html`<ul>
              ${this.files.map(
                (f) =>
                  html`<li data-testid="answer-upload-item" data-state=${f.state}>
                    <span class="name">${f.name}</span>
                    <span class="muted">${formatSize(f.size)}</span>
                    <span class="muted" role="status">${f.state === 'uploading' ? S.uploading[lang] : f.state === 'done' ? S.uploaded[lang] : ''}</span>
                    ${
                      f.state === 'done'
                        ? html`<label class="choice"
                            ><input
                              type="checkbox"
                              .checked=${f.internal}
                              @change=${(e: Event) => this.#update(f.key, { internal: (e.target as HTMLInputElement).checked })}
                            />
                            ${S.internal[lang]}</label
                          >`
                        : nothing
                    }
                    <button type="button" class="secondary" aria-label=${fill(S.removeFile[lang], { name: f.name })} @click=${() => void this.#remove(f)}>
                      ${S.remove[lang]}
                    </button>
                    ${f.error ? html`<p class="error" role="alert">${f.error}</p>` : nothing}
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <div class="field">
        <label for="answer-files-input">${S.choose[lang]}</label>
        <input id="answer-files-input" type="file" multiple accept=${ATTACHMENT_TYPES.join(',')} ?disabled=${full} @change=${this.#choose} />
      </div>
      <div role="alert">${this.notice || this.error ? html`<p class="error">${this.notice || this.error}</p>` : nothing}</div>
    </fieldset>`;
  }

  static override styles = [tokens, base, fileStyles];
}

/**
 * `<pakn-answer-file-list case-id="…">`: the files of the unit's current answer, with download links and
 * whether each is for the citizen or internal. Re-reads when `revision` changes (the case changed).
 */
export class PaknAnswerFileList extends PaknElement {
  static override properties = {
    caseId: { type: String, attribute: 'case-id' },
    revision: { type: Number },
  };

  declare caseId: string;
  declare revision: number;

  readonly #files = loadTask(this, {
    args: () => [this.caseId, this.revision] as const,
    run: ([caseId], signal): Promise<readonly AnswerFile[]> =>
      caseId ? paknClient().case.answerAttachments.query({ caseId }, { signal }) : Promise.resolve([]),
    lang: () => this.language.value,
  });

  constructor() {
    super();
    this.caseId = '';
    this.revision = 0;
  }

  /** The files; none when they could not be read (the answer itself is on the page). */
  get #shown(): readonly AnswerFile[] | undefined {
    return this.#files.status === TaskStatus.ERROR ? [] : this.#files.value;
  }

  override render() {
    const lang = this.language.value;
    const files = this.#shown;
    if (!files) return nothing;
    return html`<section class="root" aria-labelledby="answer-files-heading" data-testid="answer-files">
      <h3 id="answer-files-heading">${S.listHeading[lang]}</h3>
      ${
        files.length === 0
          ? html`<p class="muted">${S.none[lang]}</p>`
          : html`<ul>
              ${files.map(
                (f) =>
                  html`<li data-testid="answer-file" data-internal=${f.internal ? 'true' : 'false'}>
                    ${fileLink(f, S.download[lang], lang)}
                    <span class="muted">${formatSize(f.size)}</span>
                    <span class="badge" ?data-internal=${f.internal}>${f.internal ? S.internalBadge[lang] : S.forCitizen[lang]}</span>
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  static override styles = [tokens, base, fileStyles];
}

defineElement('pakn-answer-upload', PaknAnswerUpload);
defineElement('pakn-answer-file-list', PaknAnswerFileList);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-answer-upload': PaknAnswerUpload;
    'pakn-answer-file-list': PaknAnswerFileList;
  }
}
