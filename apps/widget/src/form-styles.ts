import { css } from 'lit';

/**
 * Fields, buttons and messages shared by the widget's views. Sizes are in em: the font size is set once on
 * the widget's root element (see pakn-widget.styles.ts), so the host page's root font size does not matter.
 * Theming goes through --pakn-* custom properties, which cross the shadow boundary.
 */
export const formStyles = css`
  :host {
    display: block;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  h3 {
    font-size: 1.15em;
    margin: 0 0 0.5em;
    line-height: 1.3;
  }
  h4 {
    font-size: 1em;
    margin: 1em 0 0.35em;
  }
  p {
    margin: 0 0 0.75em;
  }
  form {
    display: grid;
    gap: 1em;
  }
  .field {
    display: grid;
    gap: 0.3em;
  }
  label,
  legend {
    font-weight: 600;
  }
  input[type='text'],
  input[type='tel'],
  input[type='email'],
  select,
  textarea {
    font: inherit;
    color: inherit;
    width: 100%;
    padding: 0.5em 0.6em;
    border: 1px solid var(--pakn-border, #767676);
    border-radius: 0.3em;
    background: #fff;
  }
  textarea {
    min-height: 8em;
    resize: vertical;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible,
  [tabindex='-1']:focus-visible {
    outline: 0.18em solid var(--pakn-focus, #1a5fb4);
    outline-offset: 0.12em;
  }
  [aria-invalid='true'] {
    border-color: var(--pakn-danger, #b00020);
    border-width: 2px;
  }
  fieldset {
    border: 1px solid #d0d0d0;
    border-radius: 0.4em;
    padding: 0.75em 1em 1em;
    margin: 0;
    display: grid;
    gap: 0.75em;
    min-width: 0;
  }
  legend {
    padding: 0 0.3em;
  }
  .check {
    display: flex;
    gap: 0.6em;
    align-items: flex-start;
    font-weight: 400;
  }
  .check input {
    width: 1.2em;
    height: 1.2em;
    margin: 0.15em 0 0;
    flex: none;
    accent-color: var(--pakn-accent, #b3261e);
  }
  .hint,
  .counter {
    font-size: 0.875em;
    color: #4a4a4a;
  }
  .counter {
    justify-self: end;
  }
  .error {
    color: var(--pakn-danger, #b00020);
    font-size: 0.875em;
    font-weight: 600;
    margin: 0;
  }
  .alert:not(:empty) {
    border-left: 0.3em solid var(--pakn-danger, #b00020);
    background: #fdecee;
    padding: 0.6em 0.8em;
    display: grid;
    gap: 0.5em;
    justify-items: start;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.6em;
    align-items: center;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: 0.3em;
    padding: 0.55em 1.1em;
    border: 1px solid var(--pakn-accent, #b3261e);
    background: #fff;
    color: var(--pakn-accent, #b3261e);
    font-weight: 600;
  }
  button.primary {
    background: var(--pakn-accent, #b3261e);
    color: var(--pakn-on-accent, #fff);
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 1.15em;
    font-weight: 700;
    letter-spacing: 0.04em;
    word-break: break-all;
  }
`;
