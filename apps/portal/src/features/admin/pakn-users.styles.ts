import { css } from 'lit';

/** `<pakn-users>`'s own look, on top of the admin pages' styles. */
export const usersStyles = css`
  .label-like {
    font-weight: 600;
  }
  .locked {
    display: block;
    font-size: 0.9rem;
    color: var(--_danger);
  }
  tbody th code {
    white-space: nowrap;
    overflow-wrap: normal;
  }
  .email-inline {
    display: none;
  }
  /* On a tablet the email moves under the name, so the table fits without scrolling sideways. */
  @media (max-width: 64rem) {
    .col-email {
      display: none;
    }
    .email-inline {
      display: block;
      font-size: 0.9rem;
      overflow-wrap: anywhere;
    }
  }
`;
