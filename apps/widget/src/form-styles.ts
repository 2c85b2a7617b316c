import { css } from 'lit';

/**
 * Fields, buttons and messages shared by the widget's views. Sizes are in em: the font size is set once on
 * the widget's root element (see pakn-widget.styles.ts), so the host page's root font size does not matter.
 * Inputs are at least 16 px, so that phones do not zoom in; targets are at least 24 px (WCAG 2.5.8).
 */
export const formStyles = css`
  :host {
    display: block;
  }
  *,
  ::before,
  ::after {
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
    margin: 0;
  }
  form,
  section {
    display: grid;
    /* minmax(0, …): a select with a long option must not widen the form past a 320 px screen. */
    grid-template-columns: minmax(0, 1fr);
    gap: 1em;
  }
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    align-content: start;
    gap: 0.3em;
  }
  label,
  legend {
    font-weight: 600;
  }
  /* A field focused by a script (the first invalid one) comes to rest below the widget's sticky header, with its
     label above it in view, not under the header. */
  input,
  select,
  textarea {
    scroll-margin-top: 9em;
  }
  input:not([type='checkbox'], [type='radio'], [type='file']),
  select,
  textarea {
    font: inherit;
    font-size: max(1em, 16px);
    color: inherit;
    width: 100%;
    min-height: 2.75em;
    padding: 0.5em 0.6em;
    border: 1px solid #767676;
    border-radius: 0.3em;
    background: #fff;
  }
  input[type='file'] {
    font: inherit;
    font-size: max(1em, 16px);
    max-width: 100%;
  }
  ::file-selector-button {
    font: inherit;
    min-height: 2.75em;
    margin-right: 0.75em;
    padding: 0.4em 1.1em;
    border: 1px solid var(--pakn-a);
    border-radius: 0.3em;
    background: #fff;
    color: var(--pakn-a);
    font-weight: 600;
    cursor: pointer;
  }
  textarea {
    min-height: 8em;
    resize: vertical;
  }
  :focus-visible {
    outline: 0.18em solid #1a5fb4;
    outline-offset: 0.12em;
  }
  [aria-invalid='true'] {
    border: 2px solid #b00020 !important;
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
    width: 1.5em;
    height: 1.5em;
    margin: 0;
    flex: none;
    accent-color: var(--pakn-a);
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
    color: #b00020;
    font-size: 0.875em;
    font-weight: 600;
  }
  .alert:not(:empty) {
    border-left: 0.3em solid #b00020;
    background: #fdecee;
    padding: 0.6em 0.8em;
    display: grid;
    gap: 0.5em;
    justify-items: start;
  }
  .note {
    background: #fff6db;
    border-left: 0.3em solid #c98a00;
    padding: 0.6em 0.8em;
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
    min-height: 2.75em;
    border-radius: 0.3em;
    padding: 0.4em 1.1em;
    border: 1px solid var(--pakn-a);
    background: #fff;
    color: var(--pakn-a);
    font-weight: 600;
  }
  button.primary {
    background: var(--pakn-a);
    color: #fff;
  }
  [aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .code {
    font-family: ui-monospace, Menlo, Consolas, monospace;
    font-size: 1.15em;
    font-weight: 700;
    letter-spacing: 0.04em;
    word-break: break-all;
  }
  /* Out of sight but on the page (not display:none, which bots skip; not off the edge, which scrolls). */
  .offscreen,
  .offscreen * {
    position: absolute !important;
    width: 1px !important;
    min-height: 0 !important;
    height: 1px !important;
    padding: 0 !important;
    border: 0 !important;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.4em;
  }
`;
