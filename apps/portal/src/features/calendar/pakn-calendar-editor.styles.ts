import { css } from 'lit';

/** The schedule editor: its panel, the rows of days, the buttons; each row stacks in the narrow column beside the months. */
export const editorStyles = css`
  .panel {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_bg);
  }
  /* Editor */
  .editor h2 {
    margin-bottom: 0.5rem;
  }
  .editor .field {
    margin-bottom: 0.5rem;
  }
  .day-row {
    display: grid;
    grid-template-columns: minmax(9.5rem, 11rem) minmax(0, 1fr) auto;
    gap: 0 0.5rem;
    align-items: end;
    padding: 0.5rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .day-row:last-of-type {
    margin-bottom: 0.5rem;
  }
  .tet-row {
    display: grid;
    grid-template-columns: minmax(9.5rem, 14rem) auto;
    justify-content: start;
    gap: 0 0.5rem;
    align-items: end;
  }
  .remove {
    margin-bottom: 0.5rem;
    min-height: 2.5rem;
    padding: 0.25rem 0.75rem;
  }
  .add {
    margin: 0.25rem 0 0.75rem;
  }
  fieldset > .field-error {
    display: block;
    margin-bottom: 0.5rem;
  }
  .buttons {
    align-items: center;
  }
  .link-button {
    background: transparent;
    border-color: transparent;
    color: var(--_primary);
    text-decoration: underline;
    padding-left: 0.5rem;
    padding-right: 0.5rem;
  }
  .link-button:hover:not(:disabled) {
    background: var(--_surface);
  }
  .alert ul {
    margin: 0;
    padding-left: 1.25rem;
  }
  /* The editor sits in a narrow column beside the months on wide screens, and phones are narrow: stack each row. */
  @media (min-width: 1100px), (max-width: 560px) {
    .day-row {
      grid-template-columns: minmax(0, 1fr) auto;
    }
    .day-row .name-field {
      grid-column: 1 / -1;
      grid-row: 2;
    }
  }
  @media (min-width: 1100px) {
    .day-row .remove {
      grid-column: 2;
      grid-row: 1;
    }
  }
`;
