import { html, nothing } from 'lit';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import { letterNumber, type Lang } from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { paknClient } from '#shared/client.ts';
import { loadTask, renderLoad, taskFailure } from '#shared/controllers/load.ts';
import { navigateOnClick } from '#shared/events.ts';
import { fill } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';
import { letterDateLine, letterhead, officialDocumentStyles, signatureBlock } from '#shared/official-document.ts';
import { layoutLetterBody, letterSubject } from './letter-format.ts';
import { letterStyles } from './pakn-letter.styles.ts';
import { STRINGS } from './strings.ts';

type Letter = Awaited<ReturnType<PaknClient['letter']['get']['query']>>;

/**
 * `<pakn-letter letter-id="…">`: a forwarding letter laid out as the Centre's official A4 letter (letterhead,
 * national motto, number, place and date, subject, recipient, body, signature block), with a print button.
 * Under `@media print` only the sheet prints; the page's `@page` rule (page.css) sets A4 and 2 cm margins.
 *
 * Attributes: `letter-id` (required), `lang` (vi | en, for the toolbar: the letter is always Vietnamese).
 * Events out: `pakn-navigate` (links), `pakn-session-expired`.
 */
export class PaknLetter extends PaknElement {
  static override properties = {
    letterId: { type: String, attribute: 'letter-id' },
  };

  declare letterId: string;

  readonly #letter = loadTask(this, {
    args: () => [this.letterId] as const,
    run: ([id], signal) => (id ? paknClient().letter.get.query({ id }, { signal }) : Promise.resolve(null)),
    lang: () => this.language.value,
  });

  constructor() {
    super();
    this.letterId = '';
  }

  protected override render() {
    const lang = this.language.value;
    const notFound = () =>
      html`<h1>${STRINGS.draftHeading[lang]}</h1>
        <p class="alert" role="alert">${STRINGS.notFound[lang]}</p>`;
    const failed = taskFailure(this.#letter);
    return html`<div class="root" lang=${lang}>
      ${failed && failed.kind !== 'not-found' ? html`<h1>${STRINGS.draftHeading[lang]}</h1>` : nothing}
      ${renderLoad(this.#letter, lang, { notFound, complete: (letter) => (letter ? this.#renderLetter(letter, lang) : notFound()) })}
    </div>`;
  }

  #renderLetter(letter: Letter, lang: Lang) {
    const approved = letter.status === 'approved';
    const number = approved ? letterNumber(letter.number) : letterNumber(null);
    return html`<div class="toolbar">
        <p class="links">
          <a href="/portal/cases/${encodeURIComponent(letter.caseId)}" @click=${(e: MouseEvent) => navigateOnClick(e, this)}
            >← ${fill(STRINGS.backToCase[lang], { reference: letter.reference })}</a
          >
          <a href="/portal/register${letter.year ? `?year=${letter.year}` : ''}" @click=${(e: MouseEvent) => navigateOnClick(e, this)}
            >${STRINGS.register[lang]}</a
          >
        </p>
        <div class="toolbar-main">
          <h1>${approved ? fill(STRINGS.heading[lang], { number }) : STRINGS.draftHeading[lang]}</h1>
          <button type="button" @click=${() => window.print()} aria-describedby="print-hint">${STRINGS.print[lang]}</button>
        </div>
        <p id="print-hint" class="muted">${STRINGS.printHint[lang]}</p>
        ${
          approved
            ? nothing
            : html`<p class="warning" role="note">
                ${
                  letter.status === 'returned' && letter.decisionComment
                    ? fill(STRINGS.returnedNotice[lang], { comment: letter.decisionComment })
                    : STRINGS.draftNotice[lang]
                }
              </p>`
        }
      </div>
      ${this.#renderSheet(letter, number, lang)}`;
  }

  #renderSheet(letter: Letter, number: string, lang: Lang) {
    const approved = letter.status === 'approved';
    const layout = layoutLetterBody(letter.body);
    return html`<article class="sheet" lang="vi" aria-label=${STRINGS.documentLabel[lang]} data-testid="letter-sheet" data-status=${letter.status}>
      ${approved ? nothing : html`<p class="draft-mark" aria-hidden="true">DỰ THẢO</p>`}
      ${letterhead({ number, subject: letterSubject(letter.reference), dateLine: letterDateLine(approved ? letter.decidedAt : null), numberTestId: 'letter-number' })}
      ${layout.recipient ? html`<p class="recipient">${layout.recipient}</p>` : nothing}
      <div class="body">${layout.paragraphs.map((p) => html`<p>${p}</p>`)}</div>
      ${signatureBlock({ recipients: ['Như trên;', 'Lưu: VT, TTGS.'], title: 'GIÁM ĐỐC' })}
    </article>`;
  }

  static override styles = [tokens, base, officialDocumentStyles, letterStyles];
}

defineElement('pakn-letter', PaknLetter);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-letter': PaknLetter;
  }
}
