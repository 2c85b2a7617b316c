import { css } from 'lit';

/** `<pakn-reports>`'s look: the form above, and the report's own parts on its A4 sheet, on screen and in print. */
export const reportStyles = css`
  .controls {
    max-width: 21cm;
    margin: 0 auto var(--_space);
  }
  .choose {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0 1rem;
  }
  .choose .field {
    flex: 0 1 12rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin: 0.5rem 0;
  }
  .title {
    text-align: center;
    margin: 1em 0 0.2em;
  }
  .title-kind {
    font-weight: 700;
    font-size: 14pt;
  }
  .title-text {
    font-weight: 700;
  }
  .data-line {
    text-align: center;
    font-style: italic;
    margin-bottom: 1em;
  }
  .report-section h2 {
    font-size: 13pt;
    font-weight: 700;
    margin: 1em 0 0.4em;
  }
  .report-table {
    width: 100%;
    border-collapse: collapse;
    font-size: 11pt;
  }
  .report-table th,
  .report-table td {
    border: 1px solid #000000;
    padding: 0.15em 0.35em;
    vertical-align: top;
  }
  .report-table thead th {
    text-align: center;
    font-weight: 700;
  }
  .report-table tbody th {
    text-align: left;
    font-weight: 400;
  }
  .report-table .num {
    text-align: right;
    white-space: nowrap;
  }
  .report-table tr.total {
    font-weight: 700;
  }
  .report-empty {
    font-style: italic;
  }
  .sheet .signatures {
    margin-top: 2em;
  }
  @media print {
    .controls {
      display: none;
    }
    /* Each section after the first starts a page; a section's heading never ends a page. */
    .report-section + .report-section {
      break-before: page;
    }
    .report-section h2 {
      break-after: avoid;
    }
  }
`;
