import { css } from 'lit';

/** `<pakn-register>`'s look, on top of the case tables': the year toolbar and the register's rows, on screen and in print. */
export const registerStyles = css`
  .year {
    flex: 0 1 10rem;
    margin: 0;
  }
  tbody th {
    font-weight: 600;
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
