import { css } from 'lit';

/** The look every part of the case page shares: its panels, details lists, long texts and buttons. */
export const panelStyles = css`
  .panel {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_bg);
    margin-bottom: var(--_space);
  }
  .details {
    margin: 0 0 var(--_space);
    display: grid;
    gap: 0.35rem;
  }
  .details .row {
    display: grid;
    grid-template-columns: minmax(10rem, 16rem) minmax(0, 1fr);
    gap: 0.75rem;
  }
  dt {
    color: var(--_muted);
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .long-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    background: var(--_surface);
    padding: 0.75rem;
    border-radius: var(--_radius);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  ul.plain {
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
  }
  /* A line that confirms what was just saved (the summary, the assignment). */
  .done {
    margin: 0.25rem 0 0;
    color: var(--_success);
    font-weight: 600;
    min-height: 1.2em;
  }
  @media (max-width: 600px) {
    .details .row {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
  }
`;

/** The page: the title, the two columns. */
export const pageStyles = css`
  .back {
    margin-bottom: 0.5rem;
  }
  .title {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem var(--_space);
    margin-bottom: 0.5rem;
  }
  .title h1,
  .title .status {
    margin: 0;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
  }
  @media (min-width: 1024px) {
    .layout {
      grid-template-columns: minmax(0, 2fr) minmax(16rem, 1fr);
      align-items: start;
    }
  }
  .main-column,
  .side-column {
    min-width: 0;
  }
`;

/** The details panel: the citizen's identity, the reveal form, the files. */
export const detailsStyles = css`
  .confidential {
    font-weight: 600;
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--_muted);
    background: var(--_surface);
  }
  .revealed-heading {
    margin: 0 0 0.5rem;
    color: var(--_warning);
  }
  .reveal {
    margin-top: 0.5rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .attachments li {
    padding: 0.25rem 0;
  }
  .attachments .name {
    overflow-wrap: anywhere;
  }
`;

/** The history beside the case. */
export const historyStyles = css`
  .history {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .history li {
    display: flex;
    flex-direction: column;
    padding: 0.5rem 0 0.5rem 0.9rem;
    border-left: 3px solid var(--_border);
    margin-left: 0.25rem;
  }
  .history time,
  .event-visible {
    color: var(--_muted);
    font-size: 0.9rem;
  }
  .event-kind {
    font-weight: 600;
  }
  .event-status,
  .event-note {
    font-size: 0.95rem;
  }
  .event-note {
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
`;

/** The action forms, one under the other. */
export const actionsStyles = css`
  .actions form {
    padding-top: var(--_space);
    margin-top: var(--_space);
    border-top: 1px solid var(--_border);
  }
  .actions h2 + form {
    border-top: 0;
    padding-top: 0;
    margin-top: 0;
  }
  #extensionDays,
  #mergeReference {
    max-width: 20rem;
  }
`;

/** The forwarding letters and the oversight records. */
export const lettersStyles = css`
  summary {
    cursor: pointer;
    font-weight: 600;
    color: var(--_primary);
  }
  .letter {
    padding: 0.75rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .letter:first-child {
    padding-top: 0;
  }
  .letter:last-child {
    border-bottom: 0;
  }
  .letter-title {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
    margin-bottom: 0.25rem;
  }
  .badge[data-letter-status='approved'] {
    border-color: var(--_success);
    background: var(--_success-bg);
  }
  .badge[data-letter-status='returned'] {
    border-color: var(--_danger);
    background: var(--_danger-bg);
  }
  /* A link alone on its line is a control, not text: give it the 24 px target WCAG 2.2 asks for. */
  .standalone-link {
    display: inline-block;
    min-height: 24px;
    line-height: 24px;
  }
  .director-comment {
    border-left: 4px solid var(--_danger);
    padding-left: 0.75rem;
  }
  .records li {
    display: flex;
    flex-direction: column;
    padding: 0.4rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .record-note {
    overflow-wrap: anywhere;
  }
`;
