import { html, nothing, type TemplateResult } from 'lit';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import { letterNumber } from '@pakn/domain';
import { navigateOnClick } from '#shared/events.ts';
import { formatDateTime } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';
import type { Letter } from './case-types.ts';
import { lettersStyles, panelStyles } from './pakn-case.styles.ts';
import { LETTER_STATUS_LABELS, STRINGS } from './strings.ts';

/**
 * `<pakn-case-letters .letters>`: the forwarding letters of a case, newest first, each with its number (or
 * "draft"), the Director's comment when returned, its text and a link to its printable page. Shows nothing
 * while there is none. Part of the case page.
 */
export class PaknCaseLetters extends PaknElement {
  static override properties = {
    letters: { attribute: false },
  };

  declare letters: readonly Letter[];

  constructor() {
    super();
    this.letters = [];
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this.letters.length === 0) return nothing;
    const lang = this.language.value;
    return html`<section class="root panel" lang=${lang} aria-labelledby="letters-heading" data-testid="case-letters">
      <h2 id="letters-heading">${STRINGS.lettersHeading[lang]}</h2>
      <ul class="letters plain">
        ${[...this.letters].reverse().map((letter) => this.#renderLetter(letter))}
      </ul>
    </section>`;
  }

  #renderLetter(letter: Letter): TemplateResult {
    const lang = this.language.value;
    const number = letter.status === 'approved' ? letterNumber(letter.number) : STRINGS.draftNumber[lang];
    return html`<li class="letter" data-status=${letter.status} data-testid="case-letter">
      <p class="letter-title">
        <strong>${letter.status === 'approved' ? `Số: ${number}` : number}</strong>
        <span class="badge" data-letter-status=${letter.status}>${LETTER_STATUS_LABELS[letter.status][lang]}</span>
      </p>
      <p class="muted">
        <span lang="vi">${letter.unitName}</span> · ${STRINGS.letterDraftedAt[lang]} ${formatDateTime(letter.draftedAt)}
        ${letter.decidedAt ? html` · ${STRINGS.letterDecidedAt[lang]} ${formatDateTime(letter.decidedAt)}` : nothing}
      </p>
      ${
        letter.status === 'returned' && letter.decisionComment
          ? html`<p class="director-comment" data-testid="letter-director-comment">
              <strong>${STRINGS.directorComment[lang]}:</strong> ${letter.decisionComment}
            </p>`
          : nothing
      }
      <details ?open=${letter.status === 'draft'}>
        <summary>${STRINGS.letterBody[lang]}</summary>
        <p class="long-text" lang="vi">${letter.body}</p>
      </details>
      <p>
        <a class="standalone-link" href="/portal/letters/${encodeURIComponent(letter.id)}" @click=${(e: MouseEvent) => navigateOnClick(e, this)}
          >${STRINGS.printLetter[lang]}<span class="visually-hidden"> ${number}</span></a
        >
      </p>
    </li>`;
  }

  static override styles = [tokens, base, panelStyles, lettersStyles];
}

defineElement('pakn-case-letters', PaknCaseLetters);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-case-letters': PaknCaseLetters;
  }
}
