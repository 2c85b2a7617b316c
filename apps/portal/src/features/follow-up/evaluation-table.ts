import { css, html, type TemplateResult } from 'lit';
import type { Lang, Text } from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';

/** One unit's row, scored (unit.evaluation, and the rows of a saved evaluation: the same shape). */
export type EvaluationRow = Awaited<ReturnType<PaknClient['unit']['evaluation']['query']>>['rows'][number];

const NOT_ENOUGH_DATA: Text = { vi: 'chưa đủ số liệu', en: 'not enough data' };

const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });
const dash = '–';
const n = (v: number | null) => (v === null ? dash : decimal.format(v));

interface Column {
  readonly label: Text;
  readonly cell: (r: EvaluationRow, lang: Lang) => string | number;
  /** The column's group in the two-row header. */
  readonly group: keyof typeof GROUPS;
}

const GROUPS = {
  rank: { vi: 'Xếp hạng', en: 'Ranking' },
  cases: { vi: 'Vụ việc', en: 'Cases' },
  time: { vi: 'Thời hạn trả lời', en: 'Answer time' },
  outcome: { vi: 'Kết quả xác minh', en: 'Outcome' },
  rating: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
  records: { vi: 'Đôn đốc, nhắc nhở, biểu dương', en: 'Reminders, reprimands, commendations' },
} as const satisfies Record<string, Text>;

const stars = (score: 1 | 2 | 3 | 4 | 5): Column => ({
  label: { vi: `${score} điểm`, en: `${score} of 5` },
  cell: (r) => r.ratingDistribution[score - 1] ?? 0,
  group: 'rating',
});

/** Every figure of the evaluation, in the order of the exports (the unit's name is the row's header). */
const COLUMNS: readonly Column[] = [
  { label: { vi: 'Hạng', en: 'Rank' }, cell: (r, lang) => r.rank ?? (r.enoughData ? dash : NOT_ENOUGH_DATA[lang]), group: 'rank' },
  { label: { vi: 'Điểm', en: 'Score' }, cell: (r) => n(r.score), group: 'rank' },
  { label: { vi: 'Tiếp nhận', en: 'Received' }, cell: (r) => r.received, group: 'cases' },
  { label: { vi: 'Thuộc thẩm quyền', en: 'In scope' }, cell: (r) => r.inScope, group: 'cases' },
  { label: { vi: 'Đã trả lời', en: 'Answered' }, cell: (r) => r.answered, group: 'cases' },
  { label: { vi: 'Đúng hạn', en: 'On time' }, cell: (r) => r.answeredOnTime, group: 'time' },
  { label: { vi: 'Tỷ lệ đúng hạn', en: 'On-time rate' }, cell: (r) => (r.onTimeRate === null ? dash : percent.format(r.onTimeRate)), group: 'time' },
  { label: { vi: 'Số ngày làm việc TB', en: 'Avg working days' }, cell: (r) => n(r.averageWorkingDaysToAnswer), group: 'time' },
  { label: { vi: 'Phân vị 90 (ngày)', en: '90th percentile (days)' }, cell: (r) => n(r.p90WorkingDaysToAnswer), group: 'time' },
  { label: { vi: 'Đang quá hạn', en: 'Overdue now' }, cell: (r) => r.overdueNow, group: 'time' },
  { label: { vi: 'Đúng', en: 'Substantiated' }, cell: (r) => r.substantiated, group: 'outcome' },
  { label: { vi: 'Đúng một phần', en: 'Partly' }, cell: (r) => r.partlySubstantiated, group: 'outcome' },
  { label: { vi: 'Không đúng', en: 'Not substantiated' }, cell: (r) => r.notSubstantiated, group: 'outcome' },
  { label: { vi: 'Điểm TB', en: 'Average' }, cell: (r) => n(r.averageRating), group: 'rating' },
  { label: { vi: 'Số lượt', en: 'Ratings' }, cell: (r) => r.ratings, group: 'rating' },
  stars(1),
  stars(2),
  stars(3),
  stars(4),
  stars(5),
  { label: { vi: 'Đề nghị xem xét lại', en: 'Reviews requested' }, cell: (r) => r.reviewsRequested, group: 'records' },
  { label: { vi: 'Đôn đốc', en: 'Reminders' }, cell: (r) => r.reminders, group: 'records' },
  { label: { vi: 'Báo cáo GĐ', en: 'Escalations' }, cell: (r) => r.escalations, group: 'records' },
  { label: { vi: 'Nhắc nhở', en: 'Reprimands' }, cell: (r) => r.reprimands, group: 'records' },
  { label: { vi: 'Chấn chỉnh', en: 'Corrections' }, cell: (r) => r.corrections, group: 'records' },
  { label: { vi: 'Biểu dương', en: 'Commendations' }, cell: (r) => r.commendations, group: 'records' },
];

/** The header's first row: each group once, spanning its columns (they are contiguous). */
function groupCells(lang: Lang): TemplateResult[] {
  const spans: { group: keyof typeof GROUPS; span: number }[] = [];
  for (const c of COLUMNS) {
    const last = spans.at(-1);
    if (last && last.group === c.group) last.span++;
    else spans.push({ group: c.group, span: 1 });
  }
  return spans.map((s) => html`<th scope="colgroup" colspan=${s.span}>${GROUPS[s.group][lang]}</th>`);
}

/** The table of every unit: all columns, scrolling sideways inside its frame with the unit's name kept in view. */
export function renderEvaluationTable(rows: readonly EvaluationRow[], lang: Lang, caption: string): TemplateResult {
  const unit: Text = { vi: 'Đơn vị', en: 'Unit' };
  return html`<div class="table-wrap evaluation-wrap">
    <table class="evaluation">
      <caption class="visually-hidden">
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col" rowspan="2" class="unit">${unit[lang]}</th>
          ${groupCells(lang)}
        </tr>
        <tr>
          ${COLUMNS.map((c) => html`<th scope="col" class="num">${c.label[lang]}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr data-unit=${r.unitId} data-ranked=${r.rank === null ? 'false' : 'true'}>
              <th scope="row" class="unit" lang="vi">${r.unitName}</th>
              ${COLUMNS.map((c) => html`<td class="num">${c.cell(r, lang)}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export const evaluationTableStyles = css`
  table.evaluation th,
  table.evaluation td {
    padding: 0.35rem 0.5rem;
  }
  .num {
    text-align: right;
    white-space: nowrap;
  }
  th[scope='colgroup'] {
    text-align: center;
    border-bottom: 1px solid var(--_border);
  }
  /* The unit's name stays in view while the figures scroll sideways. */
  .unit {
    position: sticky;
    left: 0;
    z-index: 1;
    min-width: 12rem;
    background: var(--_bg);
    box-shadow: 1px 0 0 var(--_border);
    text-align: left;
  }
  tr[data-ranked='false'] td:first-of-type {
    color: var(--_muted, inherit);
    font-style: italic;
  }
  @media print {
    /* Every column on paper: the table shrinks to the landscape page instead of scrolling. */
    .evaluation-wrap {
      overflow: visible;
      border: 0;
    }
    table.evaluation {
      font-size: 7pt;
    }
    table.evaluation th,
    table.evaluation td {
      padding: 0.1rem 0.2rem;
      white-space: normal;
    }
    .unit {
      position: static;
      min-width: 0;
      box-shadow: none;
    }
  }
`;
