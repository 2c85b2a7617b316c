import { css } from 'lit';

/** `<pakn-register>`'s look: the year toolbar and the register's table, on screen and in print. */
export const registerStyles = css`
  .intro {
    max-width: 60rem;
  }
  .year {
    flex: 0 1 10rem;
    margin: 0;
  }
  thead th {
    white-space: nowrap;
  }
  tbody th {
    font-weight: 600;
  }
  tbody tr:last-child > * {
    border-bottom: 0;
  }
  tr[data-status='draft'] {
    background: #fbfbfc;
  }
  .nowrap {
    white-space: nowrap;
  }
  .badge[data-letter-status='approved'] {
    border-color: var(--_success);
    background: var(--_success-bg);
  }
  @media print {
    .toolbar,
    .intro {
      display: none;
    }
    .table-wrap {
      border: 0;
    }
  }
`;
