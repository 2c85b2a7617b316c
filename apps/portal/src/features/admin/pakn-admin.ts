import { css, html } from 'lit';
import { navigateOnClick } from '#shared/events.ts';
import { PAGE_LIST, pagePath } from '#shared/pages.ts';
import { adminStyles } from './admin-ui.ts';
import { LANDING } from './strings.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import './pakn-report-settings.ts';

/** Every page with an admin menu entry, in the order an administrator setting the system up needs them. */
const MENU = PAGE_LIST.filter((page) => page.adminMenu !== undefined).sort((a, b) => (a.adminMenu ?? 0) - (b.adminMenu ?? 0));

/**
 * `<pakn-admin>`: the administrator's landing page, one link and one line for each admin page (the page
 * table's menu entries), then the reporting cut-off day (`<pakn-report-settings>`, which calls the API). The menu calls no API; the shell shows it to roles that may `administer`, and each page's
 * server calls decide anyway.
 *
 * Attributes: `lang`. Events out: `pakn-navigate`.
 */
export class PaknAdmin extends PaknElement {
  protected override render() {
    const lang = this.language.value;
    return html`<div class="root" lang=${lang}>
      <h1>${LANDING.heading[lang]}</h1>
      <p class="intro">${LANDING.intro[lang]}</p>
      <ul class="pages cards">
        ${MENU.map(
          (p) =>
            html`<li>
              <a href=${pagePath(p.name)} aria-describedby="about-${p.name}" @click=${(e: MouseEvent) => navigateOnClick(e, this)}
                >${(p.menuLabel ?? p.title)[lang]}</a
              >
              <p id="about-${p.name}" class="muted">${p.about?.[lang]}</p>
            </li>`,
        )}
      </ul>
      <pakn-report-settings lang=${lang}></pakn-report-settings>
    </div>`;
  }

  static override styles = [
    adminStyles,
    css`
      .pages {
        grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr));
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

defineElement('pakn-admin', PaknAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-admin': PaknAdmin;
  }
}
