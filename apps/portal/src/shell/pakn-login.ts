import { css, html, nothing } from 'lit';
import { LoginInputSchema, type StaffMember } from '@pakn/domain';
import { paknClient } from '#shared/client.ts';
import { EditorController } from '#shared/controllers/editor.ts';
import { describedBy, field, formText } from '#shared/form-fields.ts';
import { base, tokens } from '#shared/styles.ts';
import { STRINGS } from './strings.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';

/** The staff member signed in; the shell shows the portal for them. */
export class SignedInEvent extends Event {
  static readonly type = 'pakn-signed-in';
  readonly staff: StaffMember;
  constructor(staff: StaffMember) {
    super(SignedInEvent.type, { bubbles: true, composed: true });
    this.staff = staff;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pakn-signed-in': SignedInEvent;
  }
}

/**
 * `<pakn-login>`: the staff sign-in form. Errors go beside their fields (the focus to the first); a refused
 * sign-in says why above the form and selects the password for another try.
 *
 * Attributes: `lang`, `expired` (say that the session ended). Events out: `pakn-signed-in`.
 */
class PaknLogin extends PaknElement {
  static override properties = { expired: { type: Boolean } };

  declare expired: boolean;

  readonly #editor = new EditorController<object>(this, { lang: () => this.language.value });

  constructor() {
    super();
    this.expired = false;
  }

  async #signIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    await this.#editor.submit({
      schema: LoginInputSchema,
      input: { username: formText(data, 'username'), password: formText(data, 'password') },
      send: (input) => paknClient().auth.login.mutate(input),
      done: (staff) => {
        this.dispatchEvent(new SignedInEvent(staff));
      },
      failed: () => this.renderRoot.querySelector<HTMLInputElement>('#password')?.select(),
    });
  }

  protected override render() {
    const lang = this.language.value;
    const { errors, formError, busy } = this.#editor;
    // The two fields differ in type and autocomplete only; the user name is an identifier (no capitals, no spelling).
    const input = (id: 'username' | 'password', autocomplete: string) => {
      const isName = id === 'username';
      return field({
        id,
        label: STRINGS[id][lang],
        error: errors[id],
        control: html`<input
          id=${id}
          name=${id}
          type=${isName ? 'text' : 'password'}
          autocomplete=${autocomplete}
          autocapitalize=${isName ? 'none' : nothing}
          spellcheck=${isName ? 'false' : nothing}
          required
          aria-invalid=${errors[id] ? 'true' : 'false'}
          aria-describedby=${describedBy(id, false, errors[id])}
        />`,
      });
    };
    return html`<div class="login">
      <h1>${STRINGS.signIn[lang]}</h1>
      <p class="muted">${STRINGS.signInIntro[lang]}</p>
      ${this.expired && !formError ? html`<p class="notice" role="status">${STRINGS.sessionExpired[lang]}</p>` : nothing}
      ${formError ? html`<p class="alert" role="alert">${formError}</p>` : nothing}
      <form @submit=${(e: SubmitEvent) => void this.#signIn(e)} novalidate>
        ${input('username', 'username')} ${input('password', 'current-password')}
        <button type="submit" ?disabled=${busy}>${busy ? STRINGS.signingIn[lang] : STRINGS.signIn[lang]}</button>
      </form>
    </div>`;
  }

  static override styles = [
    tokens,
    base,
    css`
      .login {
        max-width: 26rem;
        margin: 1rem auto;
        padding: 1.5rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .login input {
        max-width: none;
      }
    `,
  ];
}

defineElement('pakn-login', PaknLogin);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-login': PaknLogin;
  }
}
