import { css, html, nothing } from 'lit';
import {
  can,
  EvaluationPeriodInputSchema,
  fieldErrors,
  previousReportPeriod,
  DECREE_09_CUT_OFF_DAY,
  REPORT_PERIOD_KINDS,
  reportPeriodName,
  reportPeriodOf,
  reportRange,
  SaveEvaluationInputSchema,
  SCORING_CRITERIA,
  SCORING_CRITERION_LABELS,
  type Lang,
  type Text,
} from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { paknClient } from '#shared/client.ts';
import { StaffController } from '#shared/context.ts';
import { EditorController } from '#shared/controllers/editor.ts';
import { TaskStatus, loadTask, renderLoad } from '#shared/controllers/load.ts';
import { formErrorAlert, statusLine } from '#shared/form-fields.ts';
import { hanoiToday } from '#shared/intake-stats.ts';
import { base, dataTable, tokens } from '#shared/styles.ts';
import '#shared/pakn-export-button.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import { evaluationTableStyles, renderEvaluationTable } from './evaluation-table.ts';

type Evaluation = Awaited<ReturnType<PaknClient['unit']['evaluation']['query']>>;
type Saved = Awaited<ReturnType<PaknClient['unit']['savedEvaluations']['query']>>[number];

const STRINGS = {
  heading: { vi: 'Đánh giá đơn vị theo kỳ', en: 'Unit evaluation for a period' },
  intro: {
    vi: 'Số liệu để đánh giá việc phục vụ người dân của từng đơn vị. Đúng hạn tính theo ngày làm việc của đơn vị (trừ thời gian chờ người dân bổ sung, cộng thời gian gia hạn đã duyệt); "đang quá hạn" tính đến thời điểm hiện tại.',
    en: 'The numbers that judge how each unit serves people. On time is counted in the unit’s working days (waiting for the citizen left out, an approved extension added); "overdue now" is as of now.',
  },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  preset: { vi: 'Kỳ báo cáo (Nghị định 09/2019/NĐ-CP)', en: 'Reporting period (Decree 09/2019)' },
  presetNone: { vi: '— Chọn kỳ —', en: '— Choose a period —' },
  show: { vi: 'Xem', en: 'Show' },
  csv: { vi: 'Xuất CSV', en: 'Export CSV' },
  xlsx: { vi: 'Xuất Excel (XLSX)', en: 'Export Excel (XLSX)' },
  caption: { vi: 'Đánh giá đơn vị, theo tên đơn vị', en: 'Unit evaluation, by unit name' },
  scoring: { vi: 'Cách tính điểm', en: 'Scoring' },
  weight: { vi: 'trọng số', en: 'weight' },
  minimum: { vi: 'Số vụ việc tối thiểu để xếp hạng', en: 'Minimum cases to be ranked' },
  title: { vi: 'Tên bản đánh giá', en: 'Title of the evaluation' },
  save: { vi: 'Ký, lưu bản đánh giá', en: 'Sign and save the evaluation' },
  savedNotice: { vi: 'Đã lưu bản đánh giá.', en: 'The evaluation was saved.' },
  savedHeading: { vi: 'Các bản đánh giá đã lưu', en: 'Saved evaluations' },
  open: { vi: 'Xem', en: 'Open' },
  back: { vi: 'Quay lại đánh giá theo kỳ', en: 'Back to the live evaluation' },
  signed: { vi: 'Ký bởi', en: 'Signed by' },
  none: { vi: 'Chưa có bản đánh giá nào được lưu.', en: 'No evaluation saved yet.' },
} as const satisfies Record<string, Text>;

const dateTime = new Intl.DateTimeFormat('vi-VN', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' });

/** The reporting periods around today, cut off on the admin's day (Decree 09's 15th): this one and the one before, of each kind. */
function presets(today: string, lang: Lang, cutOffDay: number) {
  return REPORT_PERIOD_KINDS.flatMap((kind) => {
    const current = reportPeriodOf(kind, today, cutOffDay);
    return [current, previousReportPeriod(current)].map((p) => {
      const range = reportRange(p, cutOffDay);
      return { value: `${range.from}_${range.to}`, label: `${reportPeriodName(p, lang)} (${range.from} – ${range.to})` };
    });
  });
}

/**
 * `<pakn-unit-evaluation>`: the per-unit evaluation for a period (the Centre and inspectors), scored and ranked
 * with the administrator's weights, with every column on screen (scrolling sideways with the unit kept in view)
 * and on paper (landscape, without the forms), the same numbers as CSV and XLSX, and the evaluations the
 * Director signed, each opened exactly as it was saved. The period defaults to the current year up to today.
 *
 * Events out: `pakn-session-expired`.
 */
export class PaknUnitEvaluation extends PaknElement {
  static override properties = {
    from: { state: true },
    to: { state: true },
    period: { state: true },
    saveTitle: { state: true },
    openId: { state: true },
  };

  /** The period as typed. */
  declare protected from: string;
  declare protected to: string;
  /** The period shown: the one last asked for that passed the checks. */
  declare protected period: { readonly from: string; readonly to: string };
  /** The title typed for the evaluation to sign. */
  declare protected saveTitle: string;
  /** The saved evaluation shown instead of the live one. */
  declare protected openId: string | null;

  readonly #staff = new StaffController(this);
  readonly #form = new EditorController<object>(this, { lang: () => this.language.value });
  readonly #rows = loadTask(this, {
    args: () => [this.period] as const,
    run: ([period], signal) => paknClient().unit.evaluation.query(period, { signal }),
    lang: () => this.language.value,
  });
  readonly #saved = loadTask(this, {
    args: () => [this.openId] as const,
    run: async ([openId], signal) => {
      const client = paknClient();
      const [list, open] = await Promise.all([
        client.unit.savedEvaluations.query(undefined, { signal }),
        openId ? client.unit.savedEvaluation.query({ id: openId }, { signal }) : Promise.resolve(null),
      ]);
      return { list, open };
    },
    lang: () => this.language.value,
  });

  constructor() {
    super();
    const today = hanoiToday();
    this.from = `${today.slice(0, 4)}-01-01`;
    this.to = today;
    this.period = { from: this.from, to: this.to };
    this.saveTitle = '';
    this.openId = null;
  }

  #show(event: SubmitEvent): void {
    event.preventDefault();
    const parsed = EvaluationPeriodInputSchema.safeParse({ from: this.from, to: this.to });
    if (!parsed.success) {
      void this.#form.showErrors(fieldErrors(parsed.error.issues, this.language.value));
      return;
    }
    this.#form.clearErrors();
    this.openId = null;
    if (parsed.data.from === this.period.from && parsed.data.to === this.period.to) void this.#rows.run();
    else this.period = parsed.data;
  }

  #choose(value: string): void {
    const [from, to] = value.split('_');
    if (!from || !to) return;
    this.from = from;
    this.to = to;
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const lang = this.language.value;
    await this.#form.submit({
      form: 'save',
      schema: SaveEvaluationInputSchema,
      input: { period: this.period, title: this.saveTitle },
      send: (input) => paknClient().unit.saveEvaluation.mutate(input),
      done: ({ id }) => {
        this.saveTitle = '';
        this.#form.notice = STRINGS.savedNotice[lang];
        this.openId = id;
      },
    });
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
      <form class="period no-print" novalidate @submit=${(e: SubmitEvent) => this.#show(e)}>
        <div class="field">
          <label for="eval-preset">${STRINGS.preset[lang]}</label>
          <select id="eval-preset" @change=${(e: Event) => this.#choose((e.target as HTMLSelectElement).value)}>
            <option value="">${STRINGS.presetNone[lang]}</option>
            ${presets(hanoiToday(), lang, this.#rows.value?.cutOffDay ?? DECREE_09_CUT_OFF_DAY).map((p) => html`<option value=${p.value}>${p.label}</option>`)}
          </select>
        </div>
        ${date('from')} ${date('to')}
        <div class="buttons">
          <button type="submit" ?disabled=${this.#rows.status === TaskStatus.PENDING}>${STRINGS.show[lang]}</button>
          ${this.#exportButtons(lang)}
        </div>
      </form>
      ${this.openId ? this.#renderSavedOne(lang) : this.#renderLive(lang)} ${this.#renderSavedList(lang)}
    </section>`;
  }

  #exportButtons(lang: Lang) {
    const filter = this.openId ? { id: this.openId } : { from: this.from, to: this.to };
    return html`<pakn-export-button
        file="unit-evaluation.csv"
        .filter=${filter}
        label=${STRINGS.csv[lang]}
        lang=${lang}
        data-testid="evaluation-csv"
      ></pakn-export-button>
      <pakn-export-button
        file="unit-evaluation.xlsx"
        .filter=${filter}
        label=${STRINGS.xlsx[lang]}
        lang=${lang}
        data-testid="evaluation-xlsx"
      ></pakn-export-button>`;
  }

  #renderLive(lang: Lang) {
    return renderLoad(this.#rows, lang, {
      complete: (evaluation) =>
        html`${this.#renderScoring(evaluation.scoring, lang)} ${renderEvaluationTable(evaluation.rows, lang, STRINGS.caption[lang])}
        ${this.#renderSaveForm(lang)}`,
    });
  }

  #renderScoring(scoring: Evaluation['scoring'], lang: Lang) {
    return html`<p class="scoring" data-testid="evaluation-scoring">
      <strong>${STRINGS.scoring[lang]}:</strong>
      ${SCORING_CRITERIA.map((c) => `${SCORING_CRITERION_LABELS[c][lang]} (${STRINGS.weight[lang]} ${scoring.weights[c]})`).join('; ')}.
      ${STRINGS.minimum[lang]}: ${scoring.minimumCases}.
    </p>`;
  }

  #renderSaveForm(lang: Lang) {
    const viewer = this.#staff.value;
    if (!viewer || !can(viewer.role, 'judgeUnit')) return statusLine(this.#form.notice);
    const error = this.#form.errorsOf('save').title;
    return html`<form class="save no-print" novalidate @submit=${(e: SubmitEvent) => void this.#save(e)}>
        <div class="field">
          <label for="eval-title">${STRINGS.title[lang]}</label>
          <input
            id="eval-title"
            .value=${this.saveTitle}
            maxlength="200"
            aria-invalid=${error ? 'true' : 'false'}
            @input=${(e: Event) => (this.saveTitle = (e.target as HTMLInputElement).value)}
          />
          ${error ? html`<span class="field-error">${error}</span>` : nothing}
        </div>
        <button type="submit" ?disabled=${this.#form.busy}>${STRINGS.save[lang]}</button>
        ${formErrorAlert(this.#form.formErrorOf('save'))}
      </form>
      ${statusLine(this.#form.notice)}`;
  }

  #renderSavedOne(lang: Lang) {
    return renderLoad(this.#saved, lang, {
      complete: ({ open }) =>
        open
          ? html`<div class="saved-one" data-testid="saved-evaluation">
              <h3>${open.title}</h3>
              <p>${open.period.from} – ${open.period.to}. ${STRINGS.signed[lang]}: ${open.signedBy}, ${dateTime.format(new Date(open.signedAt))}.</p>
              ${this.#renderScoring(open.scoring, lang)} ${renderEvaluationTable(open.rows, lang, open.title)}
              <button type="button" class="secondary no-print" @click=${() => (this.openId = null)}>${STRINGS.back[lang]}</button>
            </div>`
          : nothing,
    });
  }

  #renderSavedList(lang: Lang) {
    const list = this.#saved.value?.list;
    if (!list) return nothing;
    const item = (s: Saved) =>
      html`<li>
        <button type="button" class="link" data-saved=${s.id} @click=${() => (this.openId = s.id)}>${s.title}</button>
        — ${s.period.from} – ${s.period.to}, ${STRINGS.signed[lang]} ${s.signedBy}
      </li>`;
    return html`<div class="saved-list no-print">
      <h3>${STRINGS.savedHeading[lang]}</h3>
      ${
        list.length === 0
          ? html`<p class="muted">${STRINGS.none[lang]}</p>`
          : html`<ul>
              ${list.map(item)}
            </ul>`
      }
    </div>`;
  }

  static override styles = [
    tokens,
    base,
    dataTable,
    evaluationTableStyles,
    css`
      .root {
        margin-top: calc(var(--_space) * 2);
      }
      .period,
      .save {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: 0 1rem;
      }
      .save {
        margin-top: 1rem;
      }
      .save input {
        min-width: 20rem;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-bottom: 1rem;
      }
      button.link {
        background: none;
        border: 0;
        padding: 0;
        color: var(--_link, inherit);
        text-decoration: underline;
        cursor: pointer;
      }
      @media print {
        /* Landscape (the page named \`wide\` in page.css, as #shared/print.ts's printLandscape), figures only. */
        .root {
          page: wide;
        }
        .no-print {
          display: none;
        }
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
