import { css } from 'lit';

/** `<pakn-intake>`'s look (after the shared `pageStyles`): the contact form, the caller's history beside the number, and the result to read to the caller. */
export const intakeStyles = css`
  form,
  .result {
    max-width: 52rem;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: 0 1.5rem;
  }
  .channels .choice {
    display: inline-flex;
    margin-right: 1.25rem;
  }
  .optional {
    font-weight: 400;
    color: var(--_muted);
  }
  input[type='tel'],
  input[type='datetime-local'] {
    max-width: 20rem;
  }
  .caller-history {
    margin: -0.5rem 0 var(--_space);
    min-height: 0.5rem;
  }
  .caller-history p {
    margin: 0 0 0.25rem;
  }
  .repeat ul,
  .result ul {
    margin: 0.25rem 0 0;
    padding-left: 1.1rem;
  }
  .repeat li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.6rem;
    margin-bottom: 0.35rem;
  }
  .result {
    border: 2px solid var(--_success);
    border-radius: var(--_radius);
    padding: var(--_space) 1.25rem;
  }
  .result h2:focus {
    outline: 3px solid var(--_focus);
  }
  .codes {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 2.5rem;
    margin: 0 0 0.75rem;
  }
  .codes dt {
    color: var(--_muted);
    font-weight: 600;
  }
  .codes dd {
    margin: 0;
    font-size: 1.6rem;
    font-weight: 700;
    letter-spacing: 0.04em;
    font-variant-numeric: tabular-nums;
  }
  .buttons {
    gap: 0.5rem 1rem;
    align-items: center;
  }
  .button-link {
    display: inline-flex;
    align-items: center;
    min-height: 2.5rem;
    padding: 0.5rem 1.1rem;
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
    text-decoration: none;
  }
  .button-link:hover {
    background: var(--_primary-hover);
    color: var(--_on-primary);
  }
`;
