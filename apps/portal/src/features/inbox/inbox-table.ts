import { html, type TemplateResult } from 'lit';
import { CASE_STATUS_LABELS, CHANNEL_LABELS, OUT_OF_SCOPE_LABELS, type Lang } from '@pakn/domain';
import type { RouterOutputs } from '@pakn/api-client';
import { DEADLINE_STRINGS, deadlineTone, renderDeadline } from '#shared/deadline.ts';
import { navigateOnClick } from '#shared/events.ts';
import { COMMON, fill, formatDateTime, shorten } from '#shared/i18n.ts';
import type { CategoriesController } from '#shared/categories.ts';
import { STRINGS } from './strings.ts';
import { renderTable } from '#shared/table.ts';

/** A row of the inbox: what the server sends for a list (a summary of the description, no identity). */
type CaseRow = RouterOutputs['case']['inbox']['items'][number];

export interface InboxTableOptions {
  readonly cases: readonly CaseRow[];
  /** The search, trimmed ('' for none). */
  readonly q: string;
  /** The row chosen with j/k (-1: none). */
  readonly selected: number;
  readonly lang: Lang;
  readonly categories: CategoriesController;
  /** Where the links' navigation events start (the inbox element). */
  readonly from: EventTarget;
  readonly onFocusRow: (index: number) => void;
}

function categoryLabel(item: CaseRow, categories: CategoriesController, lang: Lang): string {
  if (item.outOfScopeClass) return `${STRINGS.outOfScope[lang]}: ${OUT_OF_SCOPE_LABELS[item.outOfScopeClass][lang]}`;
  const category = item.category ?? item.reportedCategory;
  return category ? categories.label(category, lang) : COMMON.notSet[lang];
}

/** The inbox's table: one row a case, the nearest deadline first (the server's order), or why it is empty. */
export function renderInboxTable(o: InboxTableOptions): TemplateResult {
  const { cases, q, lang } = o;
  if (cases.length === 0) {
    return q
      ? html`<p class="empty" data-testid="search-empty">${fill(STRINGS.noResults[lang], { q })}</p>`
      : html`<p class="empty">${STRINGS.empty[lang]}</p>`;
  }
  return html`
    ${renderTable({
      caption: q ? fill(STRINGS.searchCaption[lang], { q }) : STRINGS.caption[lang],
      columns: [
        STRINGS.reference[lang],
        { label: DEADLINE_STRINGS.deadline[lang], className: 'col-deadline' },
        STRINGS.receivedAt[lang],
        { label: STRINGS.channel[lang], className: 'col-channel' },
        STRINGS.category[lang],
        STRINGS.status[lang],
        { label: STRINGS.description[lang], className: 'col-description' },
      ],
      part: 'table',
      rows: cases.map((item, index) => renderRow(o, item, index)),
    })}
  `;
}

function renderRow(o: InboxTableOptions, item: CaseRow, index: number): TemplateResult {
  const lang = o.lang;
  return html`
    <tr
      data-index=${index}
      data-reference=${item.reference}
      ?data-selected=${index === o.selected}
      data-tone=${item.deadline ? deadlineTone(item.deadline) : 'none'}
    >
      <th scope="row" class="reference">
        <a href="/portal/cases/${encodeURIComponent(item.id)}" @click=${(e: MouseEvent) => navigateOnClick(e, o.from)} @focus=${() => o.onFocusRow(index)}
          >${item.reference}</a
        >
      </th>
      <td class="col-deadline" data-testid="inbox-deadline">${renderDeadline(item.deadline, lang, item.presentationWarning)}</td>
      <td class="received"><time datetime=${item.createdAt}>${formatDateTime(item.createdAt)}</time></td>
      <td class="col-channel">${CHANNEL_LABELS[item.channel][lang]}</td>
      <td>${categoryLabel(item, o.categories, lang)}</td>
      <td><span class="badge" data-status=${item.status}>${CASE_STATUS_LABELS[item.status][lang]}</span></td>
      <td class="col-description">${shorten(item.summary)}</td>
    </tr>
  `;
}
