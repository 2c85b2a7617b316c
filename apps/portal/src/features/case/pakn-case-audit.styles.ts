import { css } from 'lit';

/** The audit log: the table of entries, the whole log's filters. */
export const auditStyles = css`
  pakn-audit-verify {
    display: block;
    margin-bottom: var(--_space);
  }
  /* Denser than the other lists: an entry is short, and an inspector reads many. */
  th,
  td {
    padding: 0.4rem 0.5rem;
  }
  tr[data-action='identity.reveal'] {
    background: var(--_warning-bg);
  }
  .nowrap {
    white-space: nowrap;
  }
  .reason {
    overflow-wrap: anywhere;
    min-width: 10rem;
  }
  code {
    font-size: 0.85rem;
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
    gap: 0 1rem;
    align-items: end;
    margin-bottom: var(--_space);
  }
  .filter-buttons {
    display: flex;
    gap: 0.5rem;
    margin-bottom: 1rem;
  }
`;
