import { css } from 'lit';

/** `<pakn-letter>`'s look: the toolbar, and the sheet laid out as the Centre's official A4 letter (on screen and in print). */
export const letterStyles = css`
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
  .nation-name,
  .motto,
  .signer-title {
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
`;
