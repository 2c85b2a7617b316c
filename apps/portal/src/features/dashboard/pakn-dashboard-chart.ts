import { css, html, nothing, unsafeCSS, type PropertyValues } from 'lit';
import uPlot from 'uplot';
import uPlotCss from 'uplot/dist/uPlot.min.css?inline';
import { toCsv, type Text } from '@pakn/domain';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import { base, dataTable, tokens } from '#shared/styles.ts';
import { dayLabels } from './time-labels.ts';

/** What a chart plots: x values (seconds for time, else indexes) and one series per label. */
export interface ChartPlot {
  readonly x: readonly number[];
  readonly series: readonly { readonly label: string; readonly values: readonly number[] }[];
  readonly time: boolean;
  readonly bars: boolean;
  /** The x axis' tick labels when it is not time (hours, weekdays). */
  readonly ticks?: readonly string[];
}

/** The same numbers as a table (and as the CSV download). */
export interface ChartTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

const STRINGS = {
  table: { vi: 'Bảng số liệu', en: 'Data table' },
  csv: { vi: 'Tải CSV', en: 'Download CSV' },
} as const satisfies Record<string, Text>;

const COLOURS = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#b45309', '#0e7490', '#be185d', '#4d7c0f'];

/**
 * `<pakn-dashboard-chart>`: one chart of the dashboard (uPlot, drawn on a canvas and hidden from assistive
 * technology) with the same numbers in a table below it and a CSV download of them. The CSV is written by the
 * shared writer (`toCsv`), which neutralises spreadsheet formulas.
 *
 * Properties: `heading`, `plot`, `table`, `file` (the CSV's name), `lang`.
 */
export class PaknDashboardChart extends PaknElement {
  static override properties = {
    heading: { type: String },
    file: { type: String },
    plot: { attribute: false },
    table: { attribute: false },
  };
  static override styles = [
    tokens,
    base,
    dataTable,
    unsafeCSS(uPlotCss),
    css`
      figure {
        margin: 0;
        display: grid;
        gap: 0.5rem;
      }
      figcaption {
        font-weight: 600;
      }
      .plot {
        min-height: 220px;
      }
      .actions {
        display: flex;
        gap: 0.75rem;
        align-items: center;
      }
      td.num,
      th.num {
        text-align: right;
      }
    `,
  ];

  declare heading: string;
  declare file: string;
  declare plot: ChartPlot | null;
  declare table: ChartTable | null;
  #chart: uPlot | null = null;
  #resize: ResizeObserver | null = null;

  constructor() {
    super();
    this.heading = '';
    this.file = 'chart.csv';
    this.plot = null;
    this.table = null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#chart?.destroy();
    this.#chart = null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('plot')) this.#draw();
  }

  #draw(): void {
    this.#chart?.destroy();
    this.#chart = null;
    const target = this.renderRoot.querySelector<HTMLElement>('.plot');
    const plot = this.plot;
    if (!target || !plot || plot.x.length === 0) return;
    const width = Math.max(280, target.clientWidth || 640);
    const ticks = plot.ticks;
    const single = plot.time && plot.x.length === 1 ? plot.x[0] : undefined;
    this.#chart = new uPlot(
      {
        width,
        height: 220,
        // One day alone would stretch the time axis over years: a fixed day either side of it.
        scales: { x: single === undefined ? { time: plot.time } : { time: plot.time, auto: false, range: [single - 86_400, single + 86_400] } },
        // The x values of a time chart are UTC midnights of Vietnamese days: split and label them in UTC, as dates
        // are written in Vietnam (dd/mm, mm/yyyy), never in the browser's own zone or 12-hour clock.
        ...(plot.time ? { tzDate: (ts: number) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC') } : {}),
        axes: [ticks ? { values: (_u, splits) => splits.map((v) => ticks[v] ?? '') } : plot.time ? { values: (_u, splits) => dayLabels(splits) } : {}, {}],
        series: [
          {},
          ...plot.series.map((s, i) => ({
            label: s.label,
            stroke: COLOURS[i % COLOURS.length] ?? '#1d4ed8',
            width: 2,
            ...(plot.bars ? { paths: uPlot.paths.bars?.({ size: [0.8, 40] }), fill: `${COLOURS[i % COLOURS.length] ?? '#1d4ed8'}88` } : {}),
          })),
        ],
      },
      [plot.x as number[], ...plot.series.map((s) => s.values as number[])],
      target,
    );
    this.#resize ??= new ResizeObserver(() => this.#chart?.setSize({ width: Math.max(280, target.clientWidth), height: 220 }));
    this.#resize.observe(target);
  }

  #download(): void {
    const table = this.table;
    if (!table) return;
    const url = URL.createObjectURL(new Blob([toCsv(table.columns, table.rows)], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = this.file;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  protected override render() {
    const lang = this.language.value;
    const table = this.table;
    return html`<figure lang=${lang}>
      <figcaption>${this.heading}</figcaption>
      <div class="plot" aria-hidden="true"></div>
      ${
        table
          ? html`<details>
                <summary>${STRINGS.table[lang]}: ${this.heading}</summary>
                <div class="table-wrap">
                  <table>
                    <caption class="visually-hidden">
                      ${this.heading}
                    </caption>
                    <thead>
                      <tr>
                        ${table.columns.map((c, i) => html`<th scope="col" class=${i > 0 ? 'num' : ''}>${c}</th>`)}
                      </tr>
                    </thead>
                    <tbody>
                      ${table.rows.map(
                        (row) =>
                          html`<tr>
                            ${row.map((cell, i) => (i === 0 ? html`<th scope="row">${cell}</th>` : html`<td class="num">${cell}</td>`))}
                          </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>
              </details>
              <div class="actions">
                <button type="button" class="secondary" data-testid="chart-csv" @click=${() => this.#download()}>${STRINGS.csv[lang]}</button>
              </div>`
          : nothing
      }
    </figure>`;
  }
}

defineElement('pakn-dashboard-chart', PaknDashboardChart);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-dashboard-chart': PaknDashboardChart;
  }
}
