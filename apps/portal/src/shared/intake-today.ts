import { css, html, nothing, type TemplateResult } from 'lit';
import type { Lang, Text } from '@pakn/domain';
import { intakeSummaryParts, type DailyIntakeStats } from './intake-stats.ts';

const TODAY: Text = { vi: 'Hôm nay', en: 'Today' };

/** Today's intake figures in one line (the inbox and the intake form show them at the top), or nothing. */
export function renderIntakeToday(stats: DailyIntakeStats | null | undefined, lang: Lang): TemplateResult | typeof nothing {
  if (!stats) return nothing;
  return html`<p class="today" data-testid="intake-today"><strong>${TODAY[lang]}:</strong> ${intakeSummaryParts(stats, lang).join(' · ')}</p>`;
}

export const intakeTodayStyles = css`
  .today {
    padding: 0.6rem 0.9rem;
    background: var(--_surface);
    border-radius: var(--_radius);
    border-left: 4px solid var(--_primary);
  }
`;
