import { html, nothing } from 'lit';
import {
  fieldErrors,
  officialDate,
  PeriodReportInputSchema,
  periodReportDataLine,
  periodReportSections,
  periodReportTitle,
  REPORT_PERIOD_KINDS,
  reportPeriodName,
  type Lang,
  type PeriodReport,
  type PeriodReportInput,
  type ReportPeriodKind,
  type ReportSection,
} from '@pakn/domain';
import { paknClient } from '#shared/client.ts';
import { EditorController } from '#shared/controllers/editor.ts';
import { TaskStatus, loadTask, renderLoad } from '#shared/controllers/load.ts';
import { fill } from '#shared/i18n.ts';
import { letterDateLine, letterhead, officialDocumentStyles, signatureBlock } from '#shared/official-document.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import '#shared/pakn-export-button.ts';
import { printHidesControls } from '#shared/print.ts';
import { base, tokens } from '#shared/styles.ts';
import { reportStyles } from './pakn-reports.styles.ts';
import { STRINGS } from './strings.ts';

const KIND_LABEL = { month: STRINGS.month, quarter: STRINGS.quarter, half: STRINGS.half, year: STRINGS.yearly } as const;
const PERIODS_IN_YEAR: Readonly<Record<ReportPeriodKind, number>> = { month: 12, quarter: 4, half: 2, year: 1 };
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });

const isKind = (value: string): value is ReportPeriodKind => (REPORT_PERIOD_KINDS as readonly string[]).includes(value);

/** A cell as the printed report writes it: numbers in Vietnamese notation, a dash for nothing. */
function cell(value: string | number | null, format: ReportSection['columns'][number]['format']): string {
  if (value === null) return '–';
  if (typeof value === 'string') return value;
  if (format === 'percent') return percent.format(value);
  return format === 'decimal' ? decimal.format(value) : integer.format(value);
}

function renderTable(section: ReportSection) {
  const numeric = section.columns.map((c) => c.format !== 'text');
  const row = (values: readonly (string | number | null)[]) =>
    values.map((v, i) =>
      i === 0
        ? html`<th scope="row">${cell(v, 'text')}</th>`
        : html`<td class=${numeric[i] ? 'num' : ''}>${cell(v, section.columns[i]?.format ?? 'text')}</td>`,
    );
  return html`<table class="report-table" data-section=${section.key}>
    <thead>
      <tr>
        ${section.columns.map((c) => html`<th scope="col">${c.label.vi}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${section.rows.map(
        (r) =>
          html`<tr>
            ${row(r)}
          </tr>`,
      )}
      ${
        section.total
          ? html`<tr class="total">
              ${row(section.total)}
            </tr>`
          : nothing
      }
    </tbody>
  </table>`;
}

/**
 * `<pakn-reports kind="quarter" year="2026" index="1">`: a monthly, quarterly, six-monthly or yearly report as an
 * A4 document in the Centre's administrative style (letterhead, title, data period, a section per table,
 * signature block), printable and saved as PDF from the browser's print dialog, and downloadable as XLSX and CSV
 * (audited). Without a year and index, the current reporting period of the kind.
 *
 * Attributes: `kind` (month | quarter | half | year; default quarter), `year`, `index`, `lang`.
 * Events out: `pakn-session-expired`.
 */
export class PaknReports extends PaknElement {
  static override properties = {
    kind: { type: String },
    year: { type: String },
    index: { type: String },
    formKind: { state: true },
    formYear: { state: true },
    formIndex: { state: true },
    asked: { state: true },
  };

  declare kind: string;
  declare year: string;
  declare index: string;
  /** The form, as typed: it changes the report only when submitted. */
  declare protected formKind: string;
  declare protected formYear: string;
  declare protected formIndex: string;
  /** The report shown: the attributes', then the one last asked for that passed the checks. */
  declare protected asked: PeriodReportInput;

  readonly #form = new EditorController<object>(this, { lang: () => this.language.value });
  readonly #report = loadTask(this, {
    args: () => [this.asked] as const,
    run: ([input], signal) => paknClient().report.period.query(input, { signal }),
    lang: () => this.language.value,
  });

  constructor() {
    super();
    this.kind = 'quarter';
    this.year = '';
    this.index = '';
    this.formKind = 'quarter';
    this.formYear = '';
    this.formIndex = '';
    this.asked = { kind: 'quarter' };
  }

  /** The address (attributes) chooses the report; one that does not parse gives the current quarter. */
  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('kind') && !changed.has('year') && !changed.has('index')) return;
    this.formKind = isKind(this.kind) ? this.kind : 'quarter';
    this.formYear = this.year;
    this.formIndex = this.index;
    const parsed = PeriodReportInputSchema.safeParse(this.#typed());
    this.asked = parsed.success ? parsed.data : { kind: 'quarter' };
  }

  /** What the form says now, as the procedure's input (year and index together, or neither). */
  #typed(): Record<string, unknown> {
    const kind = isKind(this.formKind) ? this.formKind : 'quarter';
    const year = this.formYear.trim();
    if (!year || !this.formIndex) return { kind };
    return { kind, year: Number(year), index: Number(this.formIndex) };
  }

  #show(event: SubmitEvent): void {
    event.preventDefault();
    const parsed = PeriodReportInputSchema.safeParse(this.#typed());
    if (!parsed.success) {
      void this.#form.showErrors(fieldErrors(parsed.error.issues, this.language.value));
      return;
    }
    this.#form.clearErrors();
    this.asked = parsed.data;
  }

  /** The filter of an export: the report on screen, so the file is what the page shows. */
  #filter(report: PeriodReport | undefined): Record<string, string> {
    const p = report?.period;
    return p ? { kind: p.kind, year: String(p.year), index: String(p.index) } : { kind: this.asked.kind };
  }

  protected override render() {
    const lang = this.language.value;
    const report = this.#report.value;
    return html`<div class="root" lang=${lang}>
      <div class="controls">
        <h1>${STRINGS.heading[lang]}</h1>
        <p class="muted">${STRINGS.intro[lang]}</p>
        ${this.#renderForm(lang)}
        <div class="actions">
          <button type="button" @click=${() => window.print()} ?disabled=${!report}>${STRINGS.print[lang]}</button>
          <button type="button" class="secondary" data-testid="report-pdf" aria-describedby="pdf-hint" @click=${() => window.print()} ?disabled=${!report}>
            ${STRINGS.pdf[lang]}
          </button>
          <pakn-export-button
            file="period-report.xlsx"
            .filter=${this.#filter(report)}
            label=${STRINGS.xlsx[lang]}
            lang=${lang}
            data-testid="report-xlsx"
          ></pakn-export-button>
          <pakn-export-button
            file="period-report.csv"
            .filter=${this.#filter(report)}
            label=${STRINGS.csv[lang]}
            lang=${lang}
            data-testid="report-csv"
          ></pakn-export-button>
        </div>
        <p id="pdf-hint" class="muted">${STRINGS.pdfHint[lang]}</p>
        ${
          report
            ? html`<p class="muted" role="status">
                ${fill(STRINGS.shown[lang], {
                  period: reportPeriodName(report.period, lang),
                  from: officialDate(report.range.from),
                  to: officialDate(report.range.to),
                })}
              </p>`
            : nothing
        }
      </div>
      ${renderLoad(this.#report, lang, { complete: (r) => this.#renderSheet(r) })}
    </div>`;
  }

  #renderForm(lang: Lang) {
    const errors = this.#form.errors;
    const kind = isKind(this.formKind) ? this.formKind : 'quarter';
    const periods = Array.from({ length: PERIODS_IN_YEAR[kind] }, (_, i) => i + 1);
    const indexLabel = (i: number) =>
      kind === 'quarter' ? `${STRINGS.quarter[lang]} ${ROMAN[i - 1] ?? i}` : kind === 'month' ? `${STRINGS.month[lang]} ${i}` : String(i);
    return html`<form class="choose" novalidate @submit=${(e: SubmitEvent) => this.#show(e)}>
      <div class="field">
        <label for="report-kind">${STRINGS.kind[lang]}</label>
        <select id="report-kind" @change=${(e: Event) => ((this.formKind = (e.target as HTMLSelectElement).value), (this.formIndex = ''))}>
          ${REPORT_PERIOD_KINDS.map((k) => html`<option value=${k} ?selected=${k === kind}>${KIND_LABEL[k][lang]}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="report-year">${STRINGS.year[lang]}</label>
        <input
          id="report-year"
          inputmode="numeric"
          .value=${this.formYear}
          aria-invalid=${errors.year ? 'true' : 'false'}
          @change=${(e: Event) => (this.formYear = (e.target as HTMLInputElement).value)}
        />
        ${errors.year ? html`<span class="field-error">${errors.year}</span>` : nothing}
      </div>
      <div class="field">
        <label for="report-index">${STRINGS.index[lang]}</label>
        <select
          id="report-index"
          aria-invalid=${errors.index ? 'true' : 'false'}
          @change=${(e: Event) => (this.formIndex = (e.target as HTMLSelectElement).value)}
        >
          <option value="" ?selected=${this.formIndex === ''}>${STRINGS.current[lang]}</option>
          ${periods.map((i) => html`<option value=${String(i)} ?selected=${this.formIndex === String(i)}>${indexLabel(i)}</option>`)}
        </select>
        ${errors.index ? html`<span class="field-error">${errors.index}</span>` : nothing}
      </div>
      <div class="field">
        <button type="submit" ?disabled=${this.#report.status === TaskStatus.PENDING}>${STRINGS.show[lang]}</button>
      </div>
    </form>`;
  }

  #renderSheet(report: PeriodReport) {
    const sections = periodReportSections(report, 'vi');
    return html`<article class="sheet" lang="vi" aria-label=${STRINGS.documentLabel[this.language.value]} data-testid="report-sheet">
      ${letterhead({ number: `${'\u00a0'.repeat(6)}/BC-TTPVHCC`, dateLine: letterDateLine(report.drawnAt) })}
      <div class="title">
        <p class="title-kind">BÁO CÁO</p>
        <p class="title-text" data-testid="report-title">${periodReportTitle(report, 'vi')}</p>
      </div>
      <p class="data-line" data-testid="report-data-line">(${periodReportDataLine(report, 'vi')})</p>
      ${sections.map(
        (s, i) =>
          html`<section class="report-section" aria-labelledby="report-section-${s.key}">
            <h2 id="report-section-${s.key}">${ROMAN[i]}. ${s.title.vi}</h2>
            ${s.rows.length === 0 && !s.total ? html`<p class="report-empty">Không có số liệu trong kỳ.</p>` : renderTable(s)}
          </section>`,
      )}
      ${signatureBlock({ recipients: ['UBND Thành phố (để báo cáo);', 'Ban Giám đốc Trung tâm;', 'Lưu: VT, TTGS.'], title: 'GIÁM ĐỐC', name: report.signerName })}
    </article>`;
  }

  static override styles = [tokens, base, officialDocumentStyles, reportStyles, printHidesControls];
}

defineElement('pakn-reports', PaknReports);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-reports': PaknReports;
  }
}
