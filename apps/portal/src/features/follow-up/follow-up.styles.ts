import { css } from 'lit';

/** The follow-up page's own look: the two lists, the record rows, recent records and the inspection form. */
export const followUpStyles = css`
  .intro {
    max-width: 60rem;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1.5rem;
    margin-bottom: var(--_space);
  }
  .summary {
    margin: 0;
    min-height: 1.5em;
  }
  .list {
    margin-bottom: 2rem;
  }
  .heading-mark {
    display: inline-block;
    width: 0.35rem;
    height: 1.15em;
    margin-right: 0.5rem;
    vertical-align: -0.2em;
    border-radius: 2px;
  }
  .heading-mark[data-list='overdue'] {
    background: var(--_danger);
  }
  .heading-mark[data-list='at-risk'] {
    background: var(--_warning);
  }
  .count {
    font-weight: 400;
    color: var(--_muted);
  }
  .empty {
    padding: var(--_space);
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  th.reference {
    font-weight: 600;
    white-space: nowrap;
  }
  .nowrap {
    white-space: nowrap;
  }
  td .time-left {
    white-space: nowrap;
  }
  .unit-role {
    font-size: 0.9rem;
  }
  button.small {
    min-height: 2.25rem;
    padding: 0.2rem 0.7rem;
  }
  .record-row > td {
    background: var(--_surface);
  }
  .record-for {
    margin-bottom: 0.5rem;
    font-weight: 600;
  }
  .records {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .records li {
    display: flex;
    flex-direction: column;
    padding: 0.5rem 0.75rem;
    border-bottom: 1px solid var(--_border);
  }
  .records li:last-child {
    border-bottom: 0;
  }
  .record-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
  }
  .record-note {
    overflow-wrap: anywhere;
  }
  .inspection form {
    max-width: 40rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  @media (max-width: 860px) {
    .col-status {
      display: none;
    }
  }
`;
