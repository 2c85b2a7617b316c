import { css, html, nothing } from 'lit';
import type { Text } from '@pakn/domain';
import { base, dataTable, tokens } from '#shared/styles.ts';
import { STRINGS } from './strings.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';

/** The help's table: groups of shortcuts, each with its keys and what they do (the words live here only). */
const GROUPS: readonly { readonly heading: Text; readonly rows: readonly (readonly [readonly string[], Text])[] }[] = [
  {
    heading: { vi: 'Mọi trang', en: 'Everywhere' },
    rows: [
      [['?'], { vi: 'Mở bảng phím tắt này', en: 'Open this list of shortcuts' }],
      [['g', 'i'], { vi: 'Về hộp thư phản ánh', en: 'Go to the inbox' }],
    ],
  },
  {
    heading: { vi: 'Hộp thư', en: 'Inbox' },
    rows: [
      [['j'], { vi: 'Chọn phản ánh tiếp theo', en: 'Select the next case' }],
      [['k'], { vi: 'Chọn phản ánh trước', en: 'Select the previous case' }],
      [['Enter'], { vi: 'Mở phản ánh đang chọn', en: 'Open the selected case' }],
      [['/'], { vi: 'Đến ô tìm kiếm phản ánh', en: 'Go to the case search box' }],
    ],
  },
  {
    heading: { vi: 'Trang phản ánh', en: 'Case page' },
    rows: [
      [['c'], { vi: 'Đến phần phân loại', en: 'Go to classification' }],
      [['f'], { vi: 'Đến phần dự thảo văn bản chuyển xử lý', en: 'Go to the forwarding form' }],
    ],
  },
];

/**
 * `<pakn-shortcuts>`: the keyboard shortcuts' help, a modal dialog the shell opens with `show()` (the `?` key
 * or the header's button).
 *
 * Attributes: `lang`.
 */
class PaknShortcuts extends PaknElement {
  /** Opens the help (nothing when it is open already). */
  show(): void {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('#shortcuts');
    if (dialog && !dialog.open) dialog.showModal();
  }

  #close = (): void => {
    this.renderRoot.querySelector<HTMLDialogElement>('#shortcuts')?.close();
  };

  protected override render() {
    const lang = this.language.value;
    const then = html` ${STRINGS.then[lang]} `;
    return html`<dialog id="shortcuts" class="help-dialog" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">${STRINGS.shortcutsHeading[lang]}</h2>
      <p class="muted">${STRINGS.shortcutsIntro[lang]}</p>
      <table>
        <caption class="visually-hidden">
          ${STRINGS.shortcutsHeading[lang]}
        </caption>
        <tbody>
          ${GROUPS.map(
            (group) =>
              html`<tr>
                  <th colspan="2" scope="rowgroup" class="group">${group.heading[lang]}</th>
                </tr>
                ${group.rows.map(
                  ([keys, what]) =>
                    html`<tr>
                      <th scope="row">${keys.map((k, i) => html`${i > 0 ? then : nothing}<kbd>${k}</kbd>`)}</th>
                      <td>${what[lang]}</td>
                    </tr>`,
                )}`,
          )}
        </tbody>
      </table>
      <button type="button" @click=${this.#close}>${STRINGS.close[lang]}</button>
    </dialog>`;
  }

  static override styles = [
    tokens,
    base,
    dataTable,
    css`
      .help-dialog {
        max-width: min(36rem, calc(100vw - 2rem));
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 1.25rem 1.5rem;
        color: var(--_text);
        font-family: var(--_font);
      }
      .help-dialog::backdrop {
        background: rgb(0 0 0 / 0.4);
      }
      /* A compact shared data table. */
      table {
        margin-bottom: 1rem;
      }
      th,
      td {
        padding: 0.35rem 0.5rem;
      }
      th {
        white-space: nowrap;
        font-weight: 400;
      }
      th.group {
        font-weight: 700;
        padding-top: 0.75rem;
        background: var(--_surface);
      }
      kbd {
        display: inline-block;
        min-width: 1.6em;
        padding: 0.05rem 0.4rem;
        border: 1px solid var(--_muted);
        border-bottom-width: 2px;
        border-radius: 3px;
        background: var(--_bg);
        font-family: ui-monospace, 'Cascadia Mono', Consolas, monospace;
        font-size: 0.9rem;
        text-align: center;
      }
      @media print {
        .help-dialog {
          display: none !important;
        }
      }
    `,
  ];
}

defineElement('pakn-shortcuts', PaknShortcuts);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-shortcuts': PaknShortcuts;
  }
}
