import { css } from 'lit';

/**
 * Design tokens. Each element maps the public `--pakn-*` custom properties (set by a host page to theme
 * the portal) onto private `--_*` ones with calm defaults. System fonts only: no web fonts to download,
 * and every system UI font on the Centre's machines covers Vietnamese.
 */
export const tokens = css`
  :host {
    --_font: var(--pakn-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_text: var(--pakn-color-text, #1b2733);
    --_muted: var(--pakn-color-muted, #4d5b69);
    --_bg: var(--pakn-color-background, #ffffff);
    --_surface: var(--pakn-color-surface, #f4f6f8);
    --_border: var(--pakn-color-border, #c4ccd4);
    --_primary: var(--pakn-color-primary, #1d4f7c);
    --_primary-hover: var(--pakn-color-primary-hover, #163d60);
    --_on-primary: var(--pakn-color-on-primary, #ffffff);
    --_danger: var(--pakn-color-danger, #a4262c);
    --_danger-bg: var(--pakn-color-danger-background, #fdf0f0);
    --_success: var(--pakn-color-success, #1e6b3a);
    --_success-bg: var(--pakn-color-success-background, #eef7f1);
    --_warning: var(--pakn-color-warning, #7a4d00);
    --_warning-bg: var(--pakn-color-warning-background, #fff4d6);
    --_focus: var(--pakn-color-focus, #f0b400);
    --_radius: var(--pakn-radius, 4px);
    --_space: var(--pakn-space, 1rem);
  }
`;

/** Shared look of text, forms, tables and messages inside every portal element. */
export const base = css`
  :host {
    display: block;
    color: var(--_text);
  }
  .root {
    font-family: var(--_font);
    font-size: 1rem;
    line-height: 1.5;
    color: var(--_text);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h1,
  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 0.75rem;
  }
  h1 {
    font-size: 1.5rem;
  }
  h2 {
    font-size: 1.2rem;
  }
  h3 {
    font-size: 1.05rem;
  }
  p {
    margin: 0 0 0.75rem;
  }
  a {
    color: var(--_primary);
  }
  a:hover {
    color: var(--_primary-hover);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* Forms */
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin-bottom: var(--_space);
  }
  label,
  legend {
    font-weight: 600;
  }
  input[type='text'],
  input[type='password'],
  input[type='number'],
  input[type='tel'],
  input[type='email'],
  input[type='search'],
  input[type='datetime-local'],
  input[type='date'],
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    padding: 0.5rem 0.625rem;
    width: 100%;
    max-width: 40rem;
  }
  textarea {
    min-height: 7rem;
    resize: vertical;
  }
  /* As specific as the controls' own rules above, so that it wins. */
  input[aria-invalid='true'],
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9rem;
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
    font-size: 0.95rem;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem var(--_space) 0.25rem;
    margin: 0 0 var(--_space);
    min-width: 0;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin-bottom: 0.5rem;
    font-weight: 400;
  }
  .choice input {
    width: 1.15rem;
    height: 1.15rem;
    margin: 0;
  }
  button {
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    border-radius: var(--_radius);
    padding: 0.5rem 1.1rem;
    min-height: 2.5rem;
    border: 1px solid var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
  }
  button:hover:not(:disabled) {
    background: var(--_primary-hover);
  }
  button.secondary {
    background: var(--_bg);
    color: var(--_primary);
  }
  button.secondary:hover:not(:disabled) {
    background: var(--_surface);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  /* Messages */
  /* The message boxes share one frame; each has its colours (a notice informs: the preview shown, a follow-up chosen). */
  .alert,
  .success,
  .warning,
  .notice {
    border-left: 4px solid;
    padding: 0.75rem var(--_space);
    margin: 0 0 var(--_space);
    border-radius: var(--_radius);
  }
  :is(.alert, .warning, .notice) p:last-child {
    margin-bottom: 0;
  }
  .alert {
    border-left-color: var(--_danger);
    background: var(--_danger-bg);
    color: var(--_danger);
  }
  .success {
    border-left-color: var(--_success);
    background: var(--_success-bg);
    color: var(--_success);
  }
  .notice {
    border-left-color: var(--_primary);
    background: #eaf1f8;
  }
  /* A message the page moves the focus to shows it, as a field would; an empty live region does not. */
  :is(.alert, .success, .warning, .notice)[tabindex='-1']:focus {
    outline: 3px solid var(--_focus);
  }
  .live:focus {
    outline: none;
  }
  .muted {
    color: var(--_muted);
  }
  /* The box that says a list is empty. */
  .empty {
    padding: var(--_space);
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .badge {
    display: inline-block;
    padding: 0.1rem 0.5rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    font-size: 0.9rem;
  }
  .badge[data-status='received'] {
    border-color: #9a6700;
    background: #fff8e5;
  }
  .badge[data-status='accepted'],
  .badge[data-status='forwarded'],
  .badge[data-status='answered'],
  .badge[data-status='referred'] {
    border-color: var(--_success);
    background: var(--_success-bg);
  }
  .badge[data-status='awaiting_approval'],
  .badge[data-status='awaiting_verification'],
  .badge[data-status='reopened'] {
    border-color: #6b4fa0;
    background: #f3effa;
  }
  .badge[data-status='info_requested'] {
    border-color: var(--_warning);
    background: var(--_warning-bg);
  }
  .warning {
    border-left-color: var(--_warning);
    background: var(--_warning-bg);
    color: var(--_text);
  }
`;

/** Bordered, scrollable data tables: every list the portal shows. */
export const dataTable = css`
  .table-wrap {
    /* The containing block of the cells' visually hidden text: without it that text sits where the scrolled
       table would end and widens the page on a tablet. */
    position: relative;
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.95rem;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 0.6rem 0.75rem;
    border-bottom: 1px solid var(--_border);
  }
  thead th {
    background: var(--_surface);
  }
`;

/** The case tables of the inbox and the follow-up lists. */
export const caseTable = css`
  thead th {
    font-weight: 600;
    white-space: nowrap;
  }
  tbody tr:last-child > * {
    border-bottom: 0;
  }
  tbody tr:hover {
    background: #f9fafb;
  }
`;
