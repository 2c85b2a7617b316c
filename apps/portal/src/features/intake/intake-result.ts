import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { navigateOnClick } from '#shared/events.ts';
import { caseStatusLabel, fill } from '#shared/i18n.ts';
import { STRINGS } from './strings.ts';

export type LogResult = Awaited<ReturnType<PaknClient['intake']['logContact']['mutate']>>;

/** The reference and the access key of a new case (or the case a follow-up went on), to read to the caller once. */
function renderCodes(result: LogResult, lang: Lang): TemplateResult {
  if (result.followUp) return html`<p>${fill(STRINGS.followUpDone[lang], { reference: result.reference })}</p>`;
  return html`<h3>${STRINGS.readToCaller[lang]}</h3>
    <dl class="codes">
      <div>
        <dt>${STRINGS.reference[lang]}</dt>
        <dd data-testid="intake-reference">${result.reference}</dd>
      </div>
      ${
        result.accessKey
          ? html`<div>
              <dt>${STRINGS.accessKey[lang]}</dt>
              <dd data-testid="intake-access-key">${result.accessKey}</dd>
            </div>`
          : nothing
      }
    </dl>
    <p class="hint">${STRINGS.accessKeyOnce[lang]}</p>`;
}

/** What logging the contact did, with the caller's earlier cases when the number called before. */
export function renderIntakeResult(result: LogResult, lang: Lang, from: EventTarget, onAnother: () => void): TemplateResult {
  const repeat = result.repeatCaller;
  const navigate = (e: MouseEvent) => navigateOnClick(e, from);
  return html`<section class="result" aria-labelledby="result-heading" data-testid="intake-result">
    <h2 id="result-heading" tabindex="-1">${result.followUp ? STRINGS.resultFollowUpHeading[lang] : STRINGS.resultHeading[lang]}</h2>
    ${renderCodes(result, lang)}
    ${
      repeat && repeat.earlierContacts > 0
        ? html`<div class="warning" data-testid="intake-repeat-caller">
            <p>${fill(STRINGS.earlierContacts[lang], { phone: repeat.phoneMasked, n: repeat.earlierContacts })}</p>
            <ul>
              ${repeat.cases.map(
                (c) =>
                  html`<li>
                    <a href="/portal/cases/${encodeURIComponent(c.caseId)}" @click=${navigate}>${c.reference}</a>
                    – ${caseStatusLabel(c.status, lang)}
                  </li>`,
              )}
            </ul>
          </div>`
        : nothing
    }
    <div class="buttons">
      <a class="button-link" href="/portal/cases/${encodeURIComponent(result.caseId)}" @click=${navigate}>${STRINGS.openCase[lang]} ${result.reference}</a>
      <button type="button" class="secondary" @click=${onAnother}>${STRINGS.another[lang]}</button>
    </div>
  </section>`;
}
