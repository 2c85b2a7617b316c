import { css, html, nothing, svg } from 'lit';
import type { CaseStage, Lang, Text } from '@pakn/domain';
import { formatDateTime } from './i18n.ts';

/** A case's current-stage deadline as the API sends it on every staff case view. */
export interface DeadlineView {
  readonly stage: CaseStage;
  readonly dueAt: string;
  readonly workingDaysLeft: number;
  readonly atRisk: boolean;
  readonly overdue: boolean;
  readonly overdueWorkingDays: number;
  /** The clock is stopped (the unit waits for the citizen's reply). */
  readonly paused?: boolean;
}

export const STAGE_LABELS: Readonly<Record<CaseStage, Text>> = {
  classification: { vi: 'Phân loại', en: 'Classification' },
  forwarding: { vi: 'Chuyển xử lý', en: 'Forwarding' },
  answer: { vi: 'Trả lời', en: 'Answer' },
};

export const DEADLINE_STRINGS = {
  deadline: { vi: 'Hạn xử lý', en: 'Deadline' },
  stage: { vi: 'Bước', en: 'Stage' },
  due: { vi: 'Hạn', en: 'Due' },
  noDeadline: { vi: 'Không có hạn', en: 'Nothing due' },
  atRisk: { vi: 'Sắp đến hạn', en: 'At risk' },
  paused: { vi: 'Tạm dừng tính hạn (chờ người dân bổ sung)', en: 'Clock stopped (waiting for the citizen)' },
  unavailable: {
    vi: 'Không tính được hạn: ngày tiếp nhận của phản ánh nằm ngoài lịch làm việc. Vui lòng kiểm tra lại dữ liệu.',
    en: 'No deadline could be computed: the case’s dates lie outside the working calendar. Please check its data.',
  },
} as const satisfies Record<string, Text>;

/** Why the server sent a case without a part of its view (`presentationWarning` of a staff case view). */
export type PresentationWarning = 'deadline_unavailable';

/** The warning a row shows in place of the deadline it could not compute. */
export function renderPresentationWarning(warning: PresentationWarning, lang: Lang) {
  return html`<span class="deadline-badge" data-tone="warning" role="note" data-testid="presentation-warning" data-warning=${warning}
    >${DEADLINE_STRINGS.unavailable[lang]}</span
  >`;
}

/** How urgent a deadline is: drives the badge's colour, icon and wording together. */
export type DeadlineTone = 'overdue' | 'at-risk' | 'on-time';

export function deadlineTone(deadline: DeadlineView): DeadlineTone {
  if (deadline.overdue) return 'overdue';
  if (deadline.atRisk) return 'at-risk';
  return 'on-time';
}

/**
 * Whole working days, rounded down: "3 days left" promises at least three full days, and a case 2.6 days
 * late has been late for two full days. The exact instant is shown beside it as the due date.
 */
function wholeDays(value: number): number {
  // The server's arithmetic is exact to the millisecond; absorb float noise such as 2.9999999999.
  return Math.floor(value + 1e-9);
}

/**
 * The time left (or past) in words: "còn 3 ngày làm việc", "còn dưới 1 ngày làm việc",
 * "quá hạn 2 ngày làm việc" / "3 working days left", "less than 1 working day left", "2 working days overdue".
 */
export function timeLeftText(deadline: DeadlineView, lang: Lang): string {
  const overdue = deadline.overdue;
  const days = wholeDays(overdue ? deadline.overdueWorkingDays : deadline.workingDaysLeft);
  if (lang === 'vi') return `${overdue ? 'quá hạn' : 'còn'} ${days < 1 ? 'dưới 1' : days} ngày làm việc`;
  const amount = days < 1 ? 'less than 1 working day' : `${days} working ${days === 1 ? 'day' : 'days'}`;
  return `${amount} ${overdue ? 'overdue' : 'left'}`;
}

/** A warning triangle (overdue) and a clock (at risk): the badge's shape says what its colour says. */
const ICONS: Readonly<Record<Exclude<DeadlineTone, 'on-time'>, ReturnType<typeof svg>>> = {
  overdue: svg`<path d="M8 1.5 15 14.5H1L8 1.5Z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"/>
    <path d="M8 6v4" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>
    <circle cx="8" cy="12.3" r="1" fill="currentColor"/>`,
  'at-risk': svg`<circle cx="8" cy="8" r="6.3" fill="none" stroke="currentColor" stroke-width="1.6"/>
    <path d="M8 4.3V8l2.6 1.6" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"/>`,
};

/**
 * The time left as a badge: overdue (red, warning icon) and at risk (amber, clock icon, "at risk" for
 * screen readers) stand out; on-time deadlines are plain text.
 */
export function renderTimeLeft(deadline: DeadlineView, lang: Lang) {
  const tone = deadlineTone(deadline);
  const text = timeLeftText(deadline, lang);
  if (tone === 'on-time') return html`<span class="time-left" data-tone="on-time">${text}</span>`;
  return html`<span class="time-left deadline-badge" data-tone=${tone}
    ><svg class="deadline-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${ICONS[tone]}</svg
    >${tone === 'at-risk' ? html`<span class="visually-hidden">${DEADLINE_STRINGS.atRisk[lang]}: </span>` : nothing}<span>${text}</span></span
  >`;
}

/** The due instant, in Hanoi time. */
export function renderDue(deadline: DeadlineView) {
  return html`<time datetime=${deadline.dueAt}>${formatDateTime(deadline.dueAt)}</time>`;
}

/**
 * Stage, due date and time left in one block, for a table cell or a details row. Null deadlines (closed
 * cases, nothing due) read "Nothing due".
 */
export function renderDeadline(deadline: DeadlineView | null, lang: Lang, warning: PresentationWarning | null = null) {
  if (warning) return renderPresentationWarning(warning, lang);
  if (!deadline) return html`<span class="muted">${DEADLINE_STRINGS.noDeadline[lang]}</span>`;
  return html`<span class="deadline" data-stage=${deadline.stage} data-tone=${deadlineTone(deadline)}>
    <span class="deadline-stage"><span class="visually-hidden">${DEADLINE_STRINGS.stage[lang]}: </span>${STAGE_LABELS[deadline.stage][lang]}</span>
    <span class="deadline-due"><span class="visually-hidden">${DEADLINE_STRINGS.due[lang]}: </span>${renderDue(deadline)}</span>
    ${
      deadline.paused ? html`<span class="time-left deadline-badge" data-tone="paused">${DEADLINE_STRINGS.paused[lang]}</span>` : renderTimeLeft(deadline, lang)
    }
  </span>`;
}

/** Looks of the deadline block and badges; amber and red both reach 4.5:1 on their backgrounds. */
export const deadlineStyles = css`
  .deadline {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.15rem;
  }
  .deadline-stage {
    font-weight: 600;
  }
  .deadline-due {
    white-space: nowrap;
  }
  .time-left {
    font-size: 0.95rem;
  }
  .time-left[data-tone='on-time'] {
    color: var(--_muted);
  }
  .deadline-badge {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    padding: 0.1rem 0.5rem;
    border-radius: var(--_radius);
    border: 1px solid currentColor;
    font-weight: 600;
  }
  .deadline-badge[data-tone='overdue'] {
    color: var(--_danger);
    background: var(--_danger-bg);
  }
  .deadline-badge[data-tone='at-risk'],
  .deadline-badge[data-tone='warning'] {
    color: var(--_warning);
    background: var(--_warning-bg);
  }
  /* The warning is a sentence: it wraps, even in a cell that does not. */
  .deadline-badge[data-tone='warning'] {
    white-space: normal;
  }
  .deadline-badge[data-tone='paused'] {
    color: var(--_muted);
    background: var(--_surface);
  }
  .deadline-icon {
    flex: none;
  }
`;
