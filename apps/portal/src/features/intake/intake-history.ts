import { html, nothing, type TemplateResult } from 'lit';
import type { Task } from '@lit/task';
import type { Lang } from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { TaskStatus, taskFailure } from '#shared/controllers/load.ts';
import { caseStatusLabel, fill, formatDateTime } from '#shared/i18n.ts';
import { STRINGS } from './strings.ts';

type CallerHistory = Awaited<ReturnType<PaknClient['intake']['callerHistory']['query']>>;

/** A caller's earlier contacts, one row per case, the most recent first. */
function casesOf(history: CallerHistory) {
  const byCase = new Map<string, { caseId: string; reference: string; status: string; count: number; lastAt: string }>();
  for (const c of history.contacts) {
    const row = byCase.get(c.caseId);
    if (row) {
      row.count++;
      if (c.at > row.lastAt) row.lastAt = c.at;
    } else {
      byCase.set(c.caseId, { caseId: c.caseId, reference: c.reference, status: c.status, count: 1, lastAt: c.at });
    }
  }
  return [...byCase.values()].sort((a, b) => b.lastAt.localeCompare(a.lastAt));
}

export interface CallerHistoryOptions {
  /** The number looked up, or null while no number is typed. */
  readonly phone: string | null;
  readonly lookup: Task<readonly [string | null], CallerHistory | null>;
  readonly lang: Lang;
  /** The case the contact is being logged on, if any (its button is not offered again). */
  readonly chosenCaseId: string | undefined;
  readonly onChoose: (caseId: string, reference: string) => void;
}

/**
 * What the number typed says about the caller: nothing yet, a new caller, or their earlier cases, each with
 * a button to log this contact on it. Shown beside the phone field (its live region is the form's).
 */
export function renderCallerHistory(o: CallerHistoryOptions): TemplateResult | typeof nothing {
  const { lookup, lang } = o;
  if (o.phone === null || lookup.status === TaskStatus.INITIAL) return nothing;
  if (lookup.status === TaskStatus.PENDING) return html`<p class="muted">${STRINGS.lookingUp[lang]}</p>`;
  if (lookup.status === TaskStatus.ERROR) return html`<p class="field-error">${taskFailure(lookup)?.message ?? ''}</p>`;
  const history = lookup.value;
  if (!history) return nothing;
  if (history.contacts.length === 0) return html`<p class="muted">${STRINGS.newCaller[lang]}</p>`;
  return html`<div class="warning repeat" data-testid="repeat-caller">
    <p class="repeat-title">
      <strong>${fill(STRINGS.repeatCaller[lang], { n: history.contacts.length })}</strong>
      <span class="muted">(${fill(STRINGS.repeatCallerNumber[lang], { phone: history.phoneMasked })})</span>
    </p>
    <p class="visually-hidden">${STRINGS.earlierCases[lang]}</p>
    <ul>
      ${casesOf(history).map(
        (c) =>
          html`<li>
            <a href="/portal/cases/${encodeURIComponent(c.caseId)}" target="_blank" rel="noopener"
              >${c.reference}<span class="visually-hidden"> ${STRINGS.opensInNewTab[lang]}</span></a
            >
            <span class="badge" data-status=${c.status}>${caseStatusLabel(c.status, lang)}</span>
            <span class="muted"> ${fill(STRINGS.contactsOfCase[lang], { n: c.count, at: formatDateTime(c.lastAt) })}</span>
            ${
              o.chosenCaseId === c.caseId
                ? nothing
                : html`<button type="button" class="secondary small" @click=${() => o.onChoose(c.caseId, c.reference)}>
                    ${STRINGS.logAsFollowUp[lang]}<span class="visually-hidden"> ${c.reference}</span>
                  </button>`
            }
          </li>`,
      )}
    </ul>
  </div>`;
}
