import { css, html, nothing, type TemplateResult } from 'lit';
import type { Lang, Text } from '@pakn/domain';
import { intakeSummaryParts, type DailyIntakeStats } from './intake-stats.ts';
import { BASE_PATH } from './pages.ts';

const TODAY: Text = { vi: 'Hôm nay', en: 'Today' };
const MORE: Text = { vi: 'Xem bảng số liệu', en: 'Open the dashboard' };

/**
 * Today's intake figures in one line (the inbox and the intake form show them at the top), or nothing. The
 * dashboard has the rest (issue 12): the line links to today's.
 */
export function renderIntakeToday(stats: DailyIntakeStats | null | undefined, lang: Lang): TemplateResult | typeof nothing {
  if (!stats) return nothing;
  return html`<p class="today" data-testid="intake-today">
    <strong>${TODAY[lang]}:</strong> ${intakeSummaryParts(stats, lang).join(' · ')} ·
    <a href="${BASE_PATH}dashboard?period=day" data-testid="intake-today-dashboard">${MORE[lang]}</a>
  </p>`;
}

export const intakeTodayStyles = css`
  .today {
    padding: 0.6rem 0.9rem;
    background: var(--_surface);
    border-radius: var(--_radius);
    border-left: 4px solid var(--_primary);
  }
`;
