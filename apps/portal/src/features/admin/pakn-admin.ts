import { LitElement, css, html } from 'lit';
import type { Lang } from '@pakn/domain';
import { navigateOnClick } from '#shared/events.ts';
import { elementLang } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';
import { ADMIN_PATH, adminStyles } from './admin-ui.ts';
import { LANDING } from './strings.ts';

type LandingKey = 'users' | 'units' | 'sites' | 'categories' | 'letterTemplate' | 'calendar' | 'authorities';

/** Every admin page, in the order an administrator setting the system up needs them. */
const PAGES: readonly { readonly key: LandingKey; readonly path: string }[] = [
  { key: 'users', path: `${ADMIN_PATH}/users` },
  { key: 'units', path: `${ADMIN_PATH}/units` },
  { key: 'sites', path: `${ADMIN_PATH}/sites` },
  { key: 'categories', path: `${ADMIN_PATH}/categories` },
  { key: 'letterTemplate', path: `${ADMIN_PATH}/letter-template` },
  { key: 'calendar', path: '/portal/calendar' },
  { key: 'authorities', path: `${ADMIN_PATH}/authorities` },
];

/**
 * `<pakn-admin>`: the administrator's landing page, one link and one line for each admin page. It calls no
 * API; the shell shows it to roles that may `administer`, and each page's server calls decide anyway.
 *
 * Attributes: `lang`. Events out: `pakn-navigate`.
 */
export class PaknAdmin extends LitElement {
  static override properties = { lang: { type: String } };

  declare lang: string;

  constructor() {
    super();
    this.lang = '';
  }

  get language(): Lang {
    return elementLang(this.lang);
  }

  protected override render() {
    const lang = this.language;
    return html`<div class="root" lang=${lang}>
      <h1>${LANDING.heading[lang]}</h1>
      <p class="intro">${LANDING.intro[lang]}</p>
      <ul class="pages">
        ${PAGES.map(
          (p) => html`<li>
            <a href=${p.path} aria-describedby="about-${p.key}" @click=${(e: MouseEvent) => navigateOnClick(e, this)}
              >${LANDING[p.key][lang]}</a
            >
            <p id="about-${p.key}" class="muted">${LANDING[`${p.key}About`][lang]}</p>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  static override styles = [
    tokens,
    base,
    adminStyles,
    css`
      .pages {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr));
        gap: var(--_space);
      }
      .pages li {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.75rem var(--_space);
      }
      .pages a {
        font-weight: 600;
        font-size: 1.05rem;
      }
      .pages p {
        margin: 0.25rem 0 0;
      }
    `,
  ];
}

if (!customElements.get('pakn-admin')) customElements.define('pakn-admin', PaknAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-admin': PaknAdmin;
  }
}
