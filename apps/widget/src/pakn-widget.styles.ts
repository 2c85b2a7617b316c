import { css } from 'lit';

/**
 * The widget's frame. The root element (the dialog, or the section in inline mode) sets the font: the host
 * page's styles reach the custom element itself and inherited properties, so everything that matters is set
 * again here, and every size below is in em of this font size.
 */
export const widgetStyles = css`
  :host {
    display: block;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  .root {
    box-sizing: border-box;
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif;
    font-size: var(--pakn-font-size, medium);
    font-weight: 400;
    font-style: normal;
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    white-space: normal;
    color: var(--pakn-text, #1b1b1b);
    background: var(--pakn-surface, #fff);
    color-scheme: light;
  }
  dialog.root {
    width: 38em;
    max-width: calc(100% - 2em);
    max-height: calc(100% - 2em);
    padding: 0;
    border: 0;
    border-radius: 0.6em;
    box-shadow: 0 0.5em 2em rgb(0 0 0 / 0.35);
    overflow: auto;
    overscroll-behavior: contain;
  }
  dialog.root:focus {
    outline: none;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  section.root {
    border: 1px solid #d0d0d0;
    border-radius: 0.6em;
    overflow: hidden;
  }
  .head {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1em;
    padding: 0.8em 1.25em;
    background: var(--pakn-accent, #b3261e);
    color: var(--pakn-on-accent, #fff);
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 0.18em solid var(--pakn-focus, #1a5fb4);
    outline-offset: 0.12em;
  }
  .close {
    font-size: 1.6em;
    line-height: 1;
    padding: 0 0.3em 0.1em;
    border: 0;
    border-radius: 0.15em;
    background: transparent;
    color: inherit;
  }
  .close:focus-visible {
    outline-color: currentColor;
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    padding: 1em 1.25em 0;
  }
  .tabs button {
    font-weight: 600;
    padding: 0.45em 1em;
    border: 1px solid var(--pakn-accent, #b3261e);
    border-radius: 2em;
    background: #fff;
    color: var(--pakn-accent, #b3261e);
  }
  .tabs button[aria-pressed='true'] {
    background: var(--pakn-accent, #b3261e);
    color: var(--pakn-on-accent, #fff);
  }
  .body {
    padding: 1em 1.25em 1.5em;
  }
  .alert {
    border-left: 0.3em solid var(--pakn-danger, #b00020);
    background: #fdecee;
    padding: 0.6em 0.8em;
  }
  @media (max-width: 640px) {
    dialog.root {
      width: 100%;
      height: 100%;
      max-width: 100%;
      max-height: 100%;
      margin: 0;
      border-radius: 0;
    }
  }
`;
