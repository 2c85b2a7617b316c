import { css, html, nothing } from 'lit';
import { vietnamDateOf } from '@pakn/domain';

/**
 * The pieces every official document of the Centre shares (Decree 30/2020/NĐ-CP's layout): the letterhead (the
 * issuer's name, the number and subject on the left; the national name, the motto, place and date on the right)
 * and the signature block (recipients on the left; the signer's title, the space to sign and the name on the
 * right). The forwarding letter and the period reports use them; the text is always Vietnamese.
 */

/** The issuer, as the letterhead writes it (two lines). */
const CENTRE_NAME_LINES = ['TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG', 'THÀNH PHỐ HÀ NỘI'] as const;

/**
 * The place and date line of an official letter, in Hanoi time: "Hà Nội, ngày 05 tháng 02 năm 2026". Days
 * below 10 and the months January and February take a leading zero, as the rules on official documents
 * require (so that nothing can be written in front of them).
 */
export function letterDateLine(iso: string | null): string {
  if (!iso) return 'Hà Nội, ngày … tháng … năm …';
  const [year = '', month = '', day = ''] = vietnamDateOf(Date.parse(iso)).split('-');
  const m = Number(month);
  return `Hà Nội, ngày ${day} tháng ${m <= 2 ? month : String(m)} năm ${year}`;
}

export interface LetterheadOptions {
  /** "Số: …" (the number and its symbol). */
  readonly number: string;
  /** The subject line under the number (trích yếu), when the document has one. */
  readonly subject?: string;
  /** The place and date line. */
  readonly dateLine: string;
  /** The number's data-testid, for the tests that read it. */
  readonly numberTestId?: string;
}

export function letterhead(o: LetterheadOptions) {
  return html`<header class="letterhead">
    <div class="issuer">
      ${CENTRE_NAME_LINES.map((line) => html`<p class="issuer-name">${line}</p>`)}
      <span class="rule rule-short" aria-hidden="true"></span>
      <p class="number" data-testid=${o.numberTestId ?? nothing}>Số: ${o.number}</p>
      ${o.subject ? html`<p class="subject">${o.subject}</p>` : nothing}
    </div>
    <div class="nation">
      <p class="nation-name">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
      <p class="motto">Độc lập - Tự do - Hạnh phúc</p>
      <span class="rule rule-long" aria-hidden="true"></span>
      <p class="date">${o.dateLine}</p>
    </div>
  </header>`;
}

export interface SignatureOptions {
  /** The "Nơi nhận" lines, each without its leading dash. */
  readonly recipients: readonly string[];
  /** The signer's title, as printed: "GIÁM ĐỐC". */
  readonly title: string;
  /** The signer's name under the space to sign, when known. */
  readonly name?: string | null;
}

export function signatureBlock(o: SignatureOptions) {
  return html`<footer class="signatures">
    <div class="recipients">
      <p class="recipients-title">Nơi nhận:</p>
      ${o.recipients.map((r) => html`<p>- ${r}</p>`)}
    </div>
    <div class="signer">
      <p class="signer-title">${o.title}</p>
      <p class="signature-space" aria-hidden="true"></p>
      ${o.name ? html`<p class="signer-name" data-testid="signer-name">${o.name}</p>` : nothing}
    </div>
  </footer>`;
}

/** The sheet and the shared pieces' look, on screen and in print (A4, the typeface of official letters). */
export const officialDocumentStyles = css`
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
  .letterhead {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    column-gap: 0.2cm;
    text-align: center;
    margin-bottom: 1.2em;
  }
  .issuer-name,
  .nation-name,
  .motto,
  .signer-title,
  .signer-name {
    font-weight: 700;
  }
  .issuer-name,
  .nation-name {
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
  .signatures {
    display: grid;
    grid-template-columns: 50% 50%;
    margin-top: 1.2em;
    break-inside: avoid;
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
  .signature-space {
    height: 3cm;
  }
  /* Narrow screens only: a printed page (17 cm of content, about 640 px) keeps the layout. */
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
    .sheet {
      max-width: none;
      min-height: 0;
      padding: 0;
      border: 0;
      box-shadow: none;
      font-size: 13pt;
    }
  }
`;
