import { css } from 'lit';

/**
 * The widget's frame. The root element (the dialog, or the section inline) sets the font: the host page's
 * styles reach the custom element itself and inherited properties, so everything that matters is set again
 * here, and every size below is in em of this font size. `--pakn-a` is the accent after the contrast check
 * (see accent.ts); partners set `accent` or `--pakn-accent`, never this.
 */
export const widgetStyles = css`
  :host {
    display: block;
  }
  :host([modal]) {
    display: contents;
  }
  [hidden] {
    display: none !important;
  }
  .root {
    --pakn-a: #b3261e;
    box-sizing: border-box;
    font:
      400 var(--pakn-font-size, medium) / 1.5 system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Noto Sans',
      Arial,
      sans-serif;
    /* Inherited properties cross the shadow boundary: set every one a host page might have changed. */
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    text-indent: 0;
    text-shadow: none;
    white-space: normal;
    word-break: normal;
    overflow-wrap: break-word;
    hyphens: manual;
    direction: ltr;
    cursor: auto;
    list-style: disc outside;
    font-feature-settings: normal;
    font-variation-settings: normal;
    -webkit-text-fill-color: currentColor;
    -webkit-text-stroke: 0;
    color: #1b1b1b;
    background: #fff;
    color-scheme: light;
    visibility: visible;
  }
  dialog.root {
    width: 38em;
    max-width: calc(100% - 2em);
    max-height: calc(100% - 2em);
    max-height: calc(100dvh - 2em);
    padding: 0;
    border: 0;
    border-radius: 0.6em;
    box-shadow: 0 0.5em 2em rgb(0 0 0 / 0.35);
    overflow: auto;
    overscroll-behavior: contain;
  }
  .root:focus {
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
  :host([frame]) section.root {
    border: 0;
    border-radius: 0;
  }
  .head {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    gap: 0.5em;
    padding: 0.6em 0.75em 0.6em 1.25em;
    background: var(--pakn-a);
    color: #fff;
  }
  h2 {
    margin: 0 auto 0 0;
    font-size: 1.25em;
    line-height: 1.3;
  }
  button {
    font: inherit;
    cursor: pointer;
    min-height: 2.75em;
    min-width: 2.75em;
  }
  button:focus-visible {
    outline: 0.18em solid currentColor;
    outline-offset: 0.12em;
  }
  .head button {
    border: 1px solid transparent;
    border-radius: 0.3em;
    background: transparent;
    color: inherit;
    padding: 0 0.5em;
  }
  .head .lang {
    font-size: 0.875em;
    text-decoration: underline;
    /* "Tiếng Việt" on one line beside the English title on a phone: the title wraps instead. */
    white-space: nowrap;
    flex: none;
  }
  .close {
    font-size: 1.5em;
    line-height: 1;
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    padding: 1em 1.25em 0;
  }
  .tabs button {
    font-weight: 600;
    padding: 0.45em 0.9em;
    border: 1px solid var(--pakn-a);
    border-radius: 2em;
    background: #fff;
    color: var(--pakn-a);
  }
  .tabs button[aria-pressed='true'] {
    background: var(--pakn-a);
    color: #fff;
  }
  .tabs button:focus-visible {
    outline-color: #1a5fb4;
  }
  .body {
    padding: 1em 1.25em 1.5em;
  }
  .alert {
    border-left: 0.3em solid #b00020;
    background: #fdecee;
    padding: 0.6em 0.8em;
  }
  @media (max-width: 640px) {
    dialog.root {
      width: 100%;
      height: 100%;
      height: 100dvh;
      max-width: 100%;
      max-height: 100%;
      max-height: 100dvh;
      margin: 0;
      border-radius: 0;
    }
  }
`;
