import { css } from 'lit';

/** `<pakn-sites>`'s own look: a card per site, its details as a definition list, the embed code. */
export const sitesStyles = css`
  .site-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.5rem;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(10rem, max-content) 1fr;
    gap: 0.4rem 1rem;
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    min-width: 0;
  }
  dd .hint {
    margin: 0 0 0.25rem;
  }
  .origins,
  .origin-errors {
    margin: 0;
    padding-left: 1.1rem;
  }
  .snippet {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0.5rem;
  }
  .snippet code {
    flex: 1 1 20rem;
    display: block;
    padding: 0.5rem 0.6rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  @media (max-width: 40rem) {
    dl {
      grid-template-columns: 1fr;
    }
    dd {
      margin-bottom: 0.5rem;
    }
  }
`;
