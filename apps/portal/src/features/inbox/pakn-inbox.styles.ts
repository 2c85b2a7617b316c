import { css } from 'lit';

/** `<pakn-inbox>`'s look: the toolbar (search, filters, figures) and the table of cases, narrower on a tablet. */
export const inboxStyles = css`
  .filter {
    flex: 0 1 22rem;
    margin: 0;
  }
  .search {
    flex: 1 1 22rem;
    margin: 0;
  }
  .search-row {
    display: flex;
    gap: 0.5rem;
  }
  .search-row input {
    flex: 1;
    min-width: 0;
  }
  .search .hint {
    margin: 0.25rem 0 0;
    font-size: 0.9rem;
  }
  .mine {
    display: flex;
    gap: 0.4rem;
    align-items: center;
    margin: 0 0 0.6rem;
    font-weight: 600;
  }
  .toolbar a.button {
    margin-bottom: 0.5rem;
  }
  .shortcut-hint {
    margin: 0 0 0.5rem;
    font-size: 0.9rem;
  }
  tbody tr[data-selected] {
    background: #eaf1f8;
    box-shadow: inset 4px 0 0 var(--_primary);
  }
  th.reference {
    font-weight: 600;
    white-space: nowrap;
  }
  .received {
    white-space: nowrap;
  }
  .col-deadline {
    min-width: 12.5rem;
  }
  .col-description {
    min-width: 14rem;
    color: var(--_muted);
  }
  /* A tablet in portrait: the description is one click away, the columns that decide the work stay. */
  @media (max-width: 860px) {
    .col-description,
    .col-channel {
      display: none;
    }
    .col-deadline {
      min-width: 10rem;
    }
    .received {
      white-space: normal;
    }
  }
`;
