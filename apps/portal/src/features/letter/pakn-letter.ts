import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { letterNumber, type Lang, type Text } from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { errorInfo, isSignedOut, paknClient } from '#shared/client.ts';
import { SessionExpiredEvent, navigateOnClick } from '#shared/events.ts';
import { COMMON, elementLang } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';
import { layoutLetterBody, letterDateLine, letterSubject } from './letter-format.ts';

type Letter = Awaited<ReturnType<PaknClient['letter']['get']['query']>>;

type LoadState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly letter: Letter }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'failed'; readonly message: string };

const STRINGS = {
  heading: { vi: 'Văn bản chuyển xử lý {number}', en: 'Forwarding letter {number}' },
  draftHeading: { vi: 'Dự thảo văn bản chuyển xử lý', en: 'Draft forwarding letter' },
  backToCase: { vi: 'Quay lại phản ánh {reference}', en: 'Back to case {reference}' },
  register: { vi: 'Sổ văn bản chuyển', en: 'Forwarding register' },
  print: { vi: 'In', en: 'Print' },
  printHint: {
    vi: 'Khổ A4, lề 2 cm; phần đầu trang của cổng không được in.',
    en: 'A4, 2 cm margins; the portal’s header is not printed.',
  },
  draftNotice: {
    vi: 'Đây là dự thảo chưa được Giám đốc duyệt: văn bản chưa có số và chưa có giá trị gửi đi.',
    en: 'This draft is not approved by the Director yet: it has no number and cannot be sent.',
  },
  returnedNotice: { vi: 'Dự thảo này đã bị Giám đốc trả lại: {comment}', en: 'The Director returned this draft: {comment}' },
  notFound: { vi: 'Không tìm thấy văn bản này, hoặc bạn không có quyền xem.', en: 'This letter was not found, or you may not see it.' },
  documentLabel: { vi: 'Văn bản', en: 'The letter' },
} as const satisfies Record<string, Text>;

/**
 * `<pakn-letter letter-id="…">`: a forwarding letter laid out as the Centre's official A4 letter (letterhead,
 * national motto, number, place and date, subject, recipient, body, signature block), with a print button.
 * Under `@media print` only the sheet prints; the page's `@page` rule (page.css) sets A4 and 2 cm margins.
 *
 * Attributes: `letter-id` (required), `lang` (vi | en, for the toolbar: the letter is always Vietnamese).
 * Events out: `pakn-navigate` (links), `pakn-session-expired`.
 */
export class PaknLetter extends LitElement {
  static override properties = {
    letterId: { type: String, attribute: 'letter-id' },
    lang: { type: String },
    state: { state: true },
  };

  declare letterId: string;
  declare lang: string;
  declare protected state: LoadState;
  #seq = 0;

  constructor() {
    super();
    this.letterId = '';
    this.lang = '';
    this.state = { kind: 'loading' };
  }

  get language(): Lang {
    return elementLang(this.lang);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('letterId')) void this.load();
  }

  async load(): Promise<void> {
    const seq = ++this.#seq;
    this.state = { kind: 'loading' };
    if (!this.letterId) {
      this.state = { kind: 'not-found' };
      return;
    }
    try {
      const letter = await paknClient().letter.get.query({ id: this.letterId });
      if (seq === this.#seq) this.state = { kind: 'loaded', letter };
    } catch (error) {
      if (seq !== this.#seq) return;
      const info = errorInfo(error, this.language);
      if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
      this.state = info.reason === 'not_found' ? { kind: 'not-found' } : { kind: 'failed', message: info.message };
    }
  }

  protected override render() {
    const lang = this.language;
    const state = this.state;
    if (state.kind === 'loading') return html`<div class="root" lang=${lang}><p role="status">${COMMON.loading[lang]}</p></div>`;
    if (state.kind === 'not-found') {
      return html`<div class="root" lang=${lang}>
        <h1>${STRINGS.draftHeading[lang]}</h1>
        <p class="alert" role="alert">${STRINGS.notFound[lang]}</p>
      </div>`;
    }
    if (state.kind === 'failed') {
      return html`<div class="root" lang=${lang}>
        <h1>${STRINGS.draftHeading[lang]}</h1>
        <div class="alert" role="alert">
          <p>${state.message}</p>
          <button type="button" class="secondary" @click=${() => void this.load()}>${COMMON.retry[lang]}</button>
        </div>
      </div>`;
    }
    const letter = state.letter;
    const approved = letter.status === 'approved';
    const number = approved ? letterNumber(letter.number) : letterNumber(null);
    return html`<div class="root" lang=${lang}>
      <div class="toolbar">
        <p class="links">
          <a href="/portal/cases/${encodeURIComponent(letter.caseId)}" @click=${(e: MouseEvent) => navigateOnClick(e, this)}
            >← ${STRINGS.backToCase[lang].replace('{reference}', letter.reference)}</a
          >
          <a href="/portal/register${letter.year ? `?year=${letter.year}` : ''}" @click=${(e: MouseEvent) => navigateOnClick(e, this)}
            >${STRINGS.register[lang]}</a
          >
        </p>
        <div class="toolbar-main">
          <h1>${approved ? STRINGS.heading[lang].replace('{number}', number) : STRINGS.draftHeading[lang]}</h1>
          <button type="button" @click=${() => window.print()} aria-describedby="print-hint">${STRINGS.print[lang]}</button>
        </div>
        <p id="print-hint" class="muted">${STRINGS.printHint[lang]}</p>
        ${approved
          ? nothing
          : html`<p class="warning" role="note">
              ${letter.status === 'returned' && letter.decisionComment
                ? STRINGS.returnedNotice[lang].replace('{comment}', letter.decisionComment)
                : STRINGS.draftNotice[lang]}
            </p>`}
      </div>
      ${this.#renderSheet(letter, number, lang)}
    </div>`;
  }

  #renderSheet(letter: Letter, number: string, lang: Lang) {
    const approved = letter.status === 'approved';
    const layout = layoutLetterBody(letter.body);
    return html`<article class="sheet" lang="vi" aria-label=${STRINGS.documentLabel[lang]} data-testid="letter-sheet" data-status=${letter.status}>
      ${approved ? nothing : html`<p class="draft-mark" aria-hidden="true">DỰ THẢO</p>`}
      <header class="letterhead">
        <div class="issuer">
          <p class="issuer-name">TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG</p>
          <p class="issuer-name">THÀNH PHỐ HÀ NỘI</p>
          <span class="rule rule-short" aria-hidden="true"></span>
          <p class="number" data-testid="letter-number">Số: ${number}</p>
          <p class="subject">${letterSubject(letter.reference)}</p>
        </div>
        <div class="nation">
          <p class="nation-name">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
          <p class="motto">Độc lập - Tự do - Hạnh phúc</p>
          <span class="rule rule-long" aria-hidden="true"></span>
          <p class="date">${letterDateLine(approved ? letter.decidedAt : null)}</p>
        </div>
      </header>
      ${layout.recipient ? html`<p class="recipient">${layout.recipient}</p>` : nothing}
      <div class="body">${layout.paragraphs.map((p) => html`<p>${p}</p>`)}</div>
      <footer class="signatures">
        <div class="recipients">
          <p class="recipients-title">Nơi nhận:</p>
          <p>- Như trên;</p>
          <p>- Lưu: VT, TTGS.</p>
        </div>
        <div class="signer">
          <p class="signer-title">GIÁM ĐỐC</p>
          <p class="signature-space" aria-hidden="true"></p>
        </div>
      </footer>
    </article>`;
  }

  static override styles = [
    tokens,
    base,
    css`
      .toolbar {
        max-width: 21cm;
        margin: 0 auto var(--_space);
      }
      .links {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1.5rem;
      }
      .toolbar-main {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem 1rem;
      }
      .toolbar-main h1 {
        margin: 0;
      }
      #print-hint {
        margin-top: 0.5rem;
        font-size: 0.9rem;
      }
      /* The sheet: A4 on screen too (21 cm wide, 2 cm margins), in the typeface of Vietnamese official letters. */
      .sheet {
        position: relative;
        box-sizing: border-box;
        width: 100%;
        max-width: 21cm;
        min-height: 29.7cm;
        margin: 0 auto;
        padding: 2cm;
        background: #ffffff;
        color: #000000;
        border: 1px solid var(--_border);
        box-shadow: 0 2px 10px rgb(0 0 0 / 0.12);
        font-family: 'Times New Roman', Times, 'Liberation Serif', serif;
        font-size: 13pt;
        line-height: 1.4;
      }
      .sheet p {
        margin: 0;
      }
      .draft-mark {
        position: absolute;
        top: 0.8cm;
        right: 2cm;
        border: 2px solid #a4262c;
        color: #a4262c;
        padding: 0 0.4em;
        font-weight: 700;
        letter-spacing: 0.1em;
      }
      .letterhead {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        column-gap: 0.2cm;
        text-align: center;
        margin-bottom: 1.2em;
      }
      .issuer-name,
      .nation-name {
        font-weight: 700;
        font-size: 11pt;
        text-transform: uppercase;
      }
      /* One line each on A4; should a wider font not fit, the issuer's name wraps evenly, never over the motto. */
      .issuer-name {
        text-wrap: balance;
      }
      .nation-name {
        white-space: nowrap;
      }
      .motto {
        font-weight: 700;
      }
      .rule {
        display: block;
        height: 0;
        margin: 0.15em auto 0.6em;
        border-top: 1px solid #000000;
      }
      .rule-short {
        width: 35%;
      }
      .rule-long {
        width: 62%;
      }
      .number {
        font-size: 13pt;
      }
      .subject {
        font-size: 12pt;
        margin-top: 0.2em;
        padding: 0 0.5em;
      }
      .date {
        font-style: italic;
      }
      .recipient {
        text-align: center;
        margin: 0.8em 0 1em;
      }
      .body p {
        text-align: justify;
        text-indent: 1cm;
        white-space: pre-line;
        margin-bottom: 0.5em;
      }
      .signatures {
        display: grid;
        grid-template-columns: 50% 50%;
        margin-top: 1.2em;
      }
      .recipients {
        font-size: 11pt;
      }
      .recipients-title {
        font-weight: 700;
        font-style: italic;
        font-size: 12pt;
      }
      .signer {
        text-align: center;
      }
      .signer-title {
        font-weight: 700;
      }
      .signature-space {
        height: 3cm;
      }
      /* Narrow screens only: a printed page (17 cm of content, about 640 px) keeps the letter's layout. */
      @media screen and (max-width: 700px) {
        .sheet {
          padding: 1rem;
          font-size: 11pt;
          min-height: 0;
        }
        .issuer-name,
        .nation-name {
          white-space: normal;
        }
      }
      @media print {
        .toolbar {
          display: none;
        }
        .sheet {
          max-width: none;
          min-height: 0;
          padding: 0;
          border: 0;
          box-shadow: none;
          font-size: 13pt;
        }
      }
    `,
  ];
}

if (!customElements.get('pakn-letter')) customElements.define('pakn-letter', PaknLetter);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-letter': PaknLetter;
  }
}
