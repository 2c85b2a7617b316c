import { css } from 'lit';

/** The tracking view's own look: the case found, its answer, the information request, the rating and the review. */
export const trackFormStyles = css`
  .result {
    margin-top: 1.5em;
    padding-top: 1em;
    border-top: 1px solid #d0d0d0;
    gap: 0.6em;
  }
  ol {
    margin: 0;
    padding-left: 1.25em;
  }
  time {
    font-variant-numeric: tabular-nums;
    margin-right: 0.5em;
    color: #4a4a4a;
  }
  .text {
    white-space: pre-wrap;
    background: #f4f6f8;
    padding: 0.6em 0.8em;
    border-radius: 0.3em;
  }
  .scores {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .scores label {
    display: flex;
    align-items: center;
    gap: 0.3em;
    padding: 0.3em 0.7em;
    border: 1px solid #767676;
    border-radius: 0.3em;
    font-size: 1.1em;
  }
  .scores input {
    width: 1.5em;
    height: 1.5em;
    margin: 0;
    accent-color: var(--pakn-a);
  }
  .link {
    background: none;
    border: 0;
    padding: 0.2em 0;
    font: inherit;
    color: inherit;
    text-decoration: underline;
    cursor: pointer;
    text-align: start;
  }
  .overdue {
    color: #b00020;
    font-weight: 600;
  }
`;
