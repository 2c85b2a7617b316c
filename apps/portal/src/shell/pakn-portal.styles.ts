import { css } from 'lit';

/** The shell's look: the header with its navigation, the live notice, the main area; printing drops the chrome. */
export const portalStyles = css`
  .root {
    min-height: 100vh;
    display: flex;
    flex-direction: column;
    background: var(--_bg);
  }
  .container {
    width: 100%;
    max-width: 80rem;
    margin: 0 auto;
    padding: 0 1.5rem;
  }
  /* A secondary button, off screen until focused. */
  .skip {
    position: absolute;
    left: 0.5rem;
    top: -4rem;
    z-index: 10;
  }
  .skip:focus {
    top: 0.5rem;
  }
  .header {
    background: var(--_primary);
    color: var(--_on-primary);
    border-bottom: 4px solid #b8860b;
  }
  .header a,
  .header a:hover {
    color: var(--_on-primary);
  }
  .header :focus-visible {
    outline-color: var(--_focus);
  }
  /* The brand and the language switch; the navigation and who is signed in: each row's two ends. */
  .header-top,
  .header-bar-inner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    padding-top: 0.75rem;
    padding-bottom: 0.75rem;
  }
  .brand {
    display: flex;
    flex-direction: column;
    text-decoration: none;
  }
  .brand-name {
    font-size: 1.3rem;
    font-weight: 700;
  }
  .brand-sub {
    font-size: 0.9rem;
    opacity: 0.9;
  }
  .lang-switch {
    display: flex;
    gap: 0.25rem;
  }
  /* Light buttons on the header's colour: the language switch and the shortcuts' help. */
  .lang-switch button,
  .help-button {
    background: transparent;
    border-color: rgb(255 255 255 / 0.6);
    color: var(--_on-primary);
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
    font-weight: 400;
  }
  .lang-switch button:hover:not(:disabled),
  .help-button:hover:not(:disabled) {
    background: rgb(255 255 255 / 0.12);
  }
  .lang-switch button[aria-pressed='true'],
  .lang-switch button[aria-pressed='true']:hover:not(:disabled) {
    background: var(--_on-primary);
    color: var(--_primary);
    font-weight: 600;
  }
  .header-bar {
    background: rgb(0 0 0 / 0.18);
  }
  .header-bar-inner {
    min-height: 3rem;
    padding-top: 0.25rem;
    padding-bottom: 0.25rem;
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  nav a {
    display: inline-block;
    padding: 0.4rem 0.25rem;
    font-weight: 600;
    text-decoration: none;
    border-bottom: 3px solid transparent;
  }
  nav a[aria-current='page'] {
    border-bottom-color: var(--_on-primary);
  }
  nav a:hover {
    text-decoration: underline;
  }
  .who {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
  }
  .who-name {
    font-weight: 600;
  }
  .who-role {
    font-size: 0.9rem;
    padding: 0.05rem 0.5rem;
    border: 1px solid rgb(255 255 255 / 0.6);
    border-radius: 999px;
  }
  .sign-out {
    background: var(--_on-primary);
    color: var(--_primary);
    border-color: var(--_on-primary);
    min-height: 2.25rem;
    padding: 0.25rem 0.9rem;
  }
  .sign-out:hover:not(:disabled) {
    background: #e6edf4;
  }
  main {
    flex: 1;
    padding: 1.5rem 0 3rem;
  }
  main:focus {
    outline: none;
  }
  .live {
    min-height: 0;
  }
  .live-notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    margin: 0.75rem 0 0;
    padding: 0.35rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-size: 0.95rem;
  }
  .live-dot {
    width: 0.6rem;
    height: 0.6rem;
    border-radius: 50%;
    background: var(--_success);
  }
  .live-notice .dismiss {
    margin-left: auto;
    min-height: 2rem;
    padding: 0.1rem 0.6rem;
    font-size: 0.9rem;
  }
  /* Printing (a letter, a list): the page's content only, without the portal's chrome. */
  @media print {
    .header,
    .skip,
    .live {
      display: none !important;
    }
    .root {
      min-height: 0;
    }
    main {
      padding: 0;
    }
    .container {
      max-width: none;
      padding: 0;
    }
  }
`;
