import { html, nothing, type TemplateResult } from 'lit';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import { CASE_STATUS_LABELS } from '@pakn/domain';
import { formatDateTime } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';
import type { CaseView } from './case-types.ts';
import { historyStyles, panelStyles } from './pakn-case.styles.ts';
import { EVENT_LABELS, STRINGS } from './strings.ts';

/** `<pakn-case-history .events>`: the steps of a case, oldest first, with what the citizen sees. Part of the case page. */
export class PaknCaseHistory extends PaknElement {
  static override properties = {
    events: { attribute: false },
  };

  declare events: CaseView['events'];

  constructor() {
    super();
    this.events = [];
  }

  protected override render(): TemplateResult {
    const lang = this.language.value;
    return html`<section class="root panel" lang=${lang} part="history" aria-labelledby="history-heading">
      <h2 id="history-heading">${STRINGS.history[lang]}</h2>
      ${
        this.events.length === 0
          ? html`<p class="muted">${STRINGS.noHistory[lang]}</p>`
          : html`<ol class="history" data-testid="case-history">
              ${this.events.map(
                (e) =>
                  html`<li data-kind=${e.kind}>
                    <time datetime=${e.at}>${formatDateTime(e.at)}</time>
                    <span class="event-kind">${EVENT_LABELS[e.kind]?.[lang] ?? e.kind}</span>
                    ${e.fromStatus !== e.toStatus ? html`<span class="event-status">→ ${CASE_STATUS_LABELS[e.toStatus][lang]}</span>` : nothing}
                    ${e.note ? html`<span class="event-note">${e.note}</span>` : nothing}
                    ${e.visibleToCitizen ? html`<span class="event-visible">${STRINGS.citizenSees[lang]}</span>` : nothing}
                  </li>`,
              )}
            </ol>`
      }
    </section>`;
  }

  static override styles = [tokens, base, panelStyles, historyStyles];
}

defineElement('pakn-case-history', PaknCaseHistory);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-case-history': PaknCaseHistory;
  }
}
