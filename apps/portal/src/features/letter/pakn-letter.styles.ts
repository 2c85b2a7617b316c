import { css } from 'lit';

/**
 * `<pakn-letter>`'s look: the toolbar, and what only a letter has (the draft mark, the recipient line, the body).
 * The sheet, letterhead and signature block are the shared official document's (#shared/official-document.ts).
 */
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
  @media print {
    .toolbar {
      display: none;
    }
  }
`;
