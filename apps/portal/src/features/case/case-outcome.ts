import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '@pakn/domain';
import { formatDateTime } from '#shared/i18n.ts';
import type { CaseView } from './case-types.ts';
import { OUTCOME_LABELS, STRINGS } from './strings.ts';
import './pakn-answer-files.ts';

/** The unit's finding. */
function finding(item: CaseView, lang: Lang) {
  return item.answerOutcome ? html`<p><strong>${STRINGS.outcome[lang]}:</strong> ${OUTCOME_LABELS[item.answerOutcome][lang]}</p>` : nothing;
}

function internalNote(item: CaseView, lang: Lang) {
  return item.internalNote
    ? html`<h3>${STRINGS.internalNote[lang]}</h3>
        <p class="long-text">${item.internalNote}</p>`
    : nothing;
}

/**
 * What came of the case, where there is something to show: the answer sent to the citizen, the guidance of a
 * referral, or the unit's answer under verification (or sent back, or contested by the citizen).
 * `revision` makes the answer's file list re-read when the case changed.
 */
export function renderOutcome(item: CaseView, lang: Lang, revision: number): TemplateResult | typeof nothing {
  const files = html`<pakn-answer-file-list case-id=${item.id} lang=${lang} .revision=${revision}></pakn-answer-file-list>`;
  if (item.status === 'answered') {
    return html`<section class="panel" aria-labelledby="answer-heading" data-testid="case-answer">
      <h2 id="answer-heading">${STRINGS.answerHeading[lang]}</h2>
      ${item.answeredAt ? html`<p class="muted">${STRINGS.answeredAt[lang]}: ${formatDateTime(item.answeredAt)}</p>` : nothing} ${finding(item, lang)}
      <p class="long-text">${item.answer ?? ''}</p>
      ${internalNote(item, lang)} ${files}
    </section>`;
  }
  if (item.status === 'referred') {
    return html`<section class="panel" aria-labelledby="referral-heading">
      <h2 id="referral-heading">${STRINGS.referralHeading[lang]}</h2>
      <p class="long-text">${item.referral ?? ''}</p>
    </section>`;
  }
  if (item.answer && (item.status === 'awaiting_verification' || item.status === 'in_progress' || item.status === 'reopened')) {
    return html`<section class="panel" aria-labelledby="unit-answer-heading" data-testid="unit-answer">
      <h2 id="unit-answer-heading">${STRINGS.unitAnswerHeading[lang]}</h2>
      ${item.status === 'awaiting_verification' ? html`<p class="muted">${STRINGS.unitAnswerPending[lang]}</p>` : nothing} ${finding(item, lang)}
      <h3>${STRINGS.answer[lang]}</h3>
      <p class="long-text">${item.answer}</p>
      ${internalNote(item, lang)} ${files}
    </section>`;
  }
  return nothing;
}
