import { css } from 'lit';

/** `<pakn-letter-template>`'s look: the editor beside the placeholders, the preview as a letter. */
export const letterTemplateStyles = css`
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr);
    gap: 1.5rem;
    align-items: start;
  }
  .preview {
    grid-column: 1 / -1;
  }
  @media (max-width: 60rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  textarea {
    width: 100%;
    font-family: ui-monospace, 'SFMono-Regular', Consolas, monospace;
    font-size: 0.95rem;
    line-height: 1.5;
  }
  .placeholders {
    margin: 0;
    display: grid;
    gap: 0.75rem;
  }
  .placeholders dt {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    font-weight: 600;
  }
  .placeholders dd {
    margin: 0.2rem 0 0;
    color: var(--_muted);
  }
  .letter {
    white-space: pre-wrap;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 1.5rem;
    max-width: 50rem;
    font-family: 'Times New Roman', Times, serif;
    font-size: 1.05rem;
    line-height: 1.6;
    background: #fff;
    color: #1a1a1a;
  }
`;
