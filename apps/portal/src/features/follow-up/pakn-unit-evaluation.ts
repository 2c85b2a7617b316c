import { css, html, nothing } from 'lit';
import { EvaluationPeriodInputSchema, fieldErrors, type Lang, type Text } from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { paknClient } from '#shared/client.ts';
import { EditorController } from '#shared/controllers/editor.ts';
import { TaskStatus, loadTask, renderLoad } from '#shared/controllers/load.ts';
import { hanoiToday } from '#shared/intake-stats.ts';
import { base, dataTable, tokens } from '#shared/styles.ts';
import '#shared/pakn-export-button.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import { printHidesControls } from '#shared/print.ts';

type Row = Awaited<ReturnType<PaknClient['unit']['evaluation']['query']>>[number];

const STRINGS = {
  heading: { vi: 'Đánh giá đơn vị theo kỳ', en: 'Unit evaluation for a period' },
  intro: {
    vi: 'Số liệu để đánh giá việc phục vụ người dân của từng đơn vị. Đúng hạn tính theo ngày làm việc của đơn vị (trừ thời gian chờ người dân bổ sung, cộng thời gian gia hạn đã duyệt); "đang quá hạn" tính đến thời điểm hiện tại.',
    en: 'The numbers that judge how each unit serves people. On time is counted in the unit’s working days (waiting for the citizen left out, an approved extension added); "overdue now" is as of now.',
  },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  show: { vi: 'Xem', en: 'Show' },
  csv: { vi: 'Xuất CSV', en: 'Export CSV' },
  empty: { vi: 'Không có số liệu trong kỳ này.', en: 'Nothing to show for this period.' },
  caption: { vi: 'Đánh giá đơn vị, theo tên đơn vị', en: 'Unit evaluation, by unit name' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  received: { vi: 'Tiếp nhận', en: 'Received' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  onTime: { vi: 'Đúng hạn', en: 'On time' },
  overdueNow: { vi: 'Đang quá hạn', en: 'Overdue now' },
  averageDays: { vi: 'Số ngày làm việc TB để trả lời', en: 'Avg working days to answer' },
  reminders: { vi: 'Đôn đốc', en: 'Reminders' },
  escalations: { vi: 'Báo cáo GĐ', en: 'Escalations' },
  reprimands: { vi: 'Nhắc nhở', en: 'Reprimands' },
  corrections: { vi: 'Chấn chỉnh', en: 'Corrections' },
  commendations: { vi: 'Biểu dương', en: 'Commendations' },
  rating: { vi: 'Điểm hài lòng TB', en: 'Avg rating' },
  reviews: { vi: 'Đề nghị xem xét lại', en: 'Reviews requested' },
} as const satisfies Record<string, Text>;

const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/**
 * `<pakn-unit-evaluation>`: the per-unit evaluation for a period (the Centre and inspectors), with a button for
 * the same numbers as CSV. The period defaults to the current year up to today.
 *
 * Events out: `pakn-session-expired`.
 */
export class PaknUnitEvaluation extends PaknElement {
  static override properties = {
    from: { state: true },
    to: { state: true },
    period: { state: true },
  };

  /** The period as typed. */
  declare protected from: string;
  declare protected to: string;
  /** The period shown: the one last asked for that passed the checks. */
  declare protected period: { readonly from: string; readonly to: string };

  readonly #form = new EditorController<object>(this, { lang: () => this.language.value });
  readonly #rows = loadTask(this, {
    args: () => [this.period] as const,
    run: ([period], signal) => paknClient().unit.evaluation.query(period, { signal }),
    lang: () => this.language.value,
  });

  constructor() {
    super();
    const today = hanoiToday();
    this.from = `${today.slice(0, 4)}-01-01`;
    this.to = today;
    this.period = { from: this.from, to: this.to };
  }

  #show(event: SubmitEvent): void {
    event.preventDefault();
    const parsed = EvaluationPeriodInputSchema.safeParse({ from: this.from, to: this.to });
    if (!parsed.success) {
      void this.#form.showErrors(fieldErrors(parsed.error.issues, this.language.value));
      return;
    }
    this.#form.clearErrors();
    if (parsed.data.from === this.period.from && parsed.data.to === this.period.to) void this.#rows.run();
    else this.period = parsed.data;
  }

  protected override render() {
    const lang = this.language.value;
    const errors = this.#form.errors;
    const date = (name: 'from' | 'to') =>
      html`<div class="field">
        <label for="eval-${name}">${STRINGS[name][lang]}</label>
        <input
          id="eval-${name}"
          type="date"
          .value=${this[name]}
          aria-invalid=${errors[name] ? 'true' : 'false'}
          aria-describedby=${errors[name] ? `eval-${name}-error` : nothing}
          @change=${(e: Event) => (this[name] = (e.target as HTMLInputElement).value)}
        />
        ${errors[name] ? html`<span id="eval-${name}-error" class="field-error">${errors[name]}</span>` : nothing}
      </div>`;
    return html`<section class="root" lang=${lang} aria-labelledby="evaluation-heading" data-testid="unit-evaluation">
      <h2 id="evaluation-heading">${STRINGS.heading[lang]}</h2>
      <p class="muted">${STRINGS.intro[lang]}</p>
      <form class="period" novalidate @submit=${(e: SubmitEvent) => this.#show(e)}>
        ${date('from')} ${date('to')}
        <div class="buttons">
          <button type="submit" ?disabled=${this.#rows.status === TaskStatus.PENDING}>${STRINGS.show[lang]}</button>
          <pakn-export-button
            file="unit-evaluation.csv"
            .filter=${{ from: this.from, to: this.to }}
            label=${STRINGS.csv[lang]}
            lang=${lang}
            data-testid="evaluation-csv"
          ></pakn-export-button>
        </div>
      </form>
      ${renderLoad(this.#rows, lang, {
        complete: (rows) => (rows.length === 0 ? html`<p class="muted">${STRINGS.empty[lang]}</p>` : this.#renderTable(rows, lang)),
      })}
    </section>`;
  }

  #renderTable(rows: readonly Row[], lang: Lang) {
    const n = (v: number | null) => (v === null ? '–' : decimal.format(v));
    const columns = [
      'received',
      'answered',
      'onTime',
      'overdueNow',
      'averageDays',
      'reminders',
      'escalations',
      'reprimands',
      'corrections',
      'commendations',
      'rating',
      'reviews',
    ] as const;
    return html`<div class="table-wrap">
      <table>
        <caption class="visually-hidden">
          ${STRINGS.caption[lang]}
        </caption>
        <thead>
          <tr>
            <th scope="col">${STRINGS.unit[lang]}</th>
            ${columns.map((c) => html`<th scope="col" class="num">${STRINGS[c][lang]}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr data-unit=${r.unitId}>
                <th scope="row" lang="vi">${r.unitName}</th>
                <td class="num">${r.received}</td>
                <td class="num">${r.answered}</td>
                <td class="num">${r.answeredOnTime}</td>
                <td class="num" data-overdue=${r.overdueNow > 0 ? 'true' : 'false'}>${r.overdueNow}</td>
                <td class="num">${n(r.averageWorkingDaysToAnswer)}</td>
                <td class="num">${r.reminders}</td>
                <td class="num">${r.escalations}</td>
                <td class="num">${r.reprimands}</td>
                <td class="num">${r.corrections}</td>
                <td class="num">${r.commendations}</td>
                <td class="num">${n(r.averageRating)}</td>
                <td class="num">${r.reviewsRequested}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  static override styles = [
    tokens,
    base,
    dataTable,
    printHidesControls,
    css`
      .root {
        margin-top: calc(var(--_space) * 2);
      }
      /* The unit's name reads on one or two lines; the numbers scroll sideways instead. */
      th[scope='row'] {
        min-width: 12rem;
      }
      .period {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: 0 1rem;
      }
      .buttons {
        display: flex;
        gap: 0.5rem;
        margin-bottom: 1rem;
      }
      .num {
        text-align: right;
        white-space: nowrap;
      }
      td[data-overdue='true'] {
        color: var(--_danger);
        font-weight: 600;
      }
    `,
  ];
}

defineElement('pakn-unit-evaluation', PaknUnitEvaluation);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-unit-evaluation': PaknUnitEvaluation;
  }
}
