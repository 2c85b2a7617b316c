import { css } from 'lit';

/** The answer's files: the upload list and the list beside the answer. */
export const fileStyles = css`
  ul {
    list-style: none;
    margin: 0 0 0.5rem;
    padding: 0;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: center;
    padding: 0.3rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .name {
    overflow-wrap: anywhere;
    font-weight: 600;
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
    margin: 0;
    flex-basis: 100%;
  }
  .badge[data-internal] {
    border-color: var(--_warning);
    background: var(--_warning-bg);
  }
`;
