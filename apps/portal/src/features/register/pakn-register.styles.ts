import { css } from 'lit';

/** `<pakn-register>`'s look: the year toolbar and the register's table, on screen and in print. */
export const registerStyles = css`
  .intro {
    max-width: 60rem;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.5rem 1.5rem;
    margin-bottom: var(--_space);
  }
  .year {
    flex: 0 1 10rem;
    margin: 0;
  }
  .summary {
    margin: 0 0 0.5rem;
    min-height: 1.5em;
  }
  .empty {
    padding: var(--_space);
    background: var(--_surface);
    border-radius: var(--_radius);
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
