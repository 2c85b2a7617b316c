import { css, html, nothing, type TemplateResult } from 'lit';
import { CALENDAR_PERIOD_KINDS, UNIT_GROUP_KEYS, can, change, percent, total, type Lang, type Text } from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { paknClient } from '#shared/client.ts';
import { CategoriesController } from '#shared/categories.ts';
import { StaffController, UnitsController } from '#shared/context.ts';
import { loadTask, renderLoad } from '#shared/controllers/load.ts';
import { NavigateEvent, navigateOnClick } from '#shared/events.ts';
import { fill, formatDate } from '#shared/i18n.ts';
import { hanoiToday } from '#shared/intake-stats.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import { BASE_PATH } from '#shared/pages.ts';
import { base, dataTable, tokens } from '#shared/styles.ts';
import { UNIT_KIND_LABELS, groupUnits, unitName } from '#shared/units.ts';
import { GRAINS, casesUrl, readState, stateInput, stateUrl, type CasesFilter, type DashboardState } from './dashboard-state.ts';
import { channelLabel, clockChart, ranked, timeChart } from './dashboard-figures.ts';
import { GRAIN_LABELS, GROUP_LABELS, PERIOD_LABELS, STRINGS } from './strings.ts';
import './pakn-dashboard-chart.ts';

type Figures = Awaited<ReturnType<PaknClient['dashboard']['figures']['query']>>;
type Period = Figures['current'];

const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const show = (n: number | null, suffix = '') => (n === null ? '—' : `${decimal.format(n)}${suffix}`);

/** One summary figure: its value now and in the previous period, and where its cases are listed. */
interface Tile {
  readonly label: Text;
  readonly now: number | null;
  readonly before: number | null;
  readonly suffix?: string;
  readonly link?: string;
  readonly note?: string;
}

const onTimeRate = (p: Period) => percent(p.answers.onTime, p.answers.timed);
const answerDays = (p: Period) => (p.answers.count > 0 ? p.answers.days / p.answers.count : null);
const satisfaction = (p: Period) => (p.ratings.count > 0 ? p.ratings.sum / p.ratings.count : null);

/**
 * `<pakn-dashboard>`: the Centre's numbers for a period and the whole city, a group of units or one unit, each
 * beside the previous period's, with charts (and their tables and CSV) and links to the cases behind each figure.
 * The filters live in the address (see dashboard-state.ts): a view is shared by its link, Back returns.
 *
 * Attributes: `period`, `date`, `from`, `to`, `group`, `unit`, `grain` (from the address), `lang`.
 * Events out: `pakn-navigate` (a filter change, a figure's cases), `pakn-session-expired`.
 */
export class PaknDashboard extends PaknElement {
  static override properties = {
    period: { type: String },
    date: { type: String },
    from: { type: String },
    to: { type: String },
    group: { type: String },
    unit: { type: String },
    grain: { type: String },
  };
  static override styles = [tokens, base, dataTable, dashboardStyles()];

  declare period: string;
  declare date: string;
  declare from: string;
  declare to: string;
  declare group: string;
  declare unit: string;
  declare grain: string;

  readonly #staff = new StaffController(this);
  readonly #units = new UnitsController(this);
  readonly #categories = new CategoriesController(this);
  readonly #figures = loadTask(this, {
    args: () => [this.#state().from, this.#state().to, this.#state().group, this.#state().unit] as const,
    run: ([from, to, group, unit], signal) => {
      const input = stateInput({ ...this.#state(), from, to, group, unit });
      if (!input.success) return Promise.resolve(null);
      return paknClient().dashboard.figures.query(input.data, { signal });
    },
    lang: () => this.language.value,
  });

  constructor() {
    super();
    this.period = '';
    this.date = '';
    this.from = '';
    this.to = '';
    this.group = '';
    this.unit = '';
    this.grain = '';
  }

  #state(): DashboardState {
    return readState(this, hanoiToday());
  }

  /** A filter change: a new entry in the history (Back shows the previous view). A new period takes the grain that suits it. */
  #change(patch: Partial<DashboardState>): void {
    const today = hanoiToday();
    const next = { ...this.#state(), ...patch };
    const newPeriod = patch.period !== undefined || patch.date !== undefined || patch.from !== undefined || patch.to !== undefined;
    const state = newPeriod ? readState({ ...next, grain: '' }, today) : next;
    this.dispatchEvent(new NavigateEvent({ path: stateUrl(state, today) }));
  }

  #link(url: string, content: TemplateResult | string, testId?: string) {
    return html`<a href=${url} data-testid=${testId ?? nothing} @click=${(e: MouseEvent) => navigateOnClick(e, this)}>${content}</a>`;
  }

  protected override render() {
    const lang = this.language.value;
    const state = this.#state();
    return html`<section class="root" lang=${lang} aria-labelledby="dashboard-heading">
      <h1 id="dashboard-heading">${STRINGS.heading[lang]}</h1>
      <p class="muted">${STRINGS.intro[lang]}</p>
      ${this.#filters(state, lang)} ${renderLoad(this.#figures, lang, { complete: (figures) => (figures ? this.#body(figures, state, lang) : nothing) })}
    </section>`;
  }

  #filters(state: DashboardState, lang: Lang) {
    const viewer = this.#staff.value;
    const choosesUnit = viewer ? can(viewer.role, 'readEvaluation') : false;
    const holder = state.unit ? `unit:${state.unit}` : state.group ? `group:${state.group}` : '';
    const onHolder = (value: string) => {
      const [kind, key = ''] = value.split(':');
      this.#change({ group: kind === 'group' ? (key as DashboardState['group']) : '', unit: kind === 'unit' ? key : '' });
    };
    const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
    return html`<form class="filters" @submit=${(e: Event) => e.preventDefault()} data-testid="dashboard-filters">
      <div class="field">
        <label for="dash-period">${STRINGS.period[lang]}</label>
        <select id="dash-period" @change=${(e: Event) => this.#change({ period: value(e) as DashboardState['period'] })}>
          ${[...CALENDAR_PERIOD_KINDS, 'range' as const].map((k) => html`<option value=${k} ?selected=${state.period === k}>${PERIOD_LABELS[k][lang]}</option>`)}
        </select>
      </div>
      ${
        state.period === 'range'
          ? html`<div class="field">
                <label for="dash-from">${STRINGS.from[lang]}</label>
                <input id="dash-from" type="date" .value=${state.from} @change=${(e: Event) => this.#change({ from: value(e) })} />
              </div>
              <div class="field">
                <label for="dash-to">${STRINGS.to[lang]}</label>
                <input id="dash-to" type="date" .value=${state.to} @change=${(e: Event) => this.#change({ to: value(e) })} />
              </div>`
          : html`<div class="field">
              <label for="dash-date">${STRINGS.date[lang]}</label>
              <input
                id="dash-date"
                type="date"
                .value=${state.date}
                @change=${(e: Event) => value(e) && this.#change({ date: value(e), period: state.period })}
              />
            </div>`
      }
      ${
        choosesUnit
          ? html`<div class="field">
              <label for="dash-holder">${STRINGS.holder[lang]}</label>
              <select id="dash-holder" @change=${(e: Event) => onHolder(value(e))}>
                <option value="" ?selected=${holder === ''}>${STRINGS.city[lang]}</option>
                ${UNIT_GROUP_KEYS.map((g) => html`<option value="group:${g}" ?selected=${holder === `group:${g}`}>${GROUP_LABELS[g][lang]}</option>`)}
                ${groupUnits(this.#units.value ?? []).map(
                  (g) =>
                    html`<optgroup label=${UNIT_KIND_LABELS[g.kind][lang]}>
                      ${g.units.map((u) => html`<option value="unit:${u.id}" ?selected=${u.id === state.unit}>${u.name}</option>`)}
                    </optgroup>`,
                )}
              </select>
            </div>`
          : nothing
      }
      <div class="field">
        <label for="dash-grain">${STRINGS.grain[lang]}</label>
        <select id="dash-grain" @change=${(e: Event) => this.#change({ grain: value(e) as DashboardState['grain'] })}>
          ${GRAINS.map((g) => html`<option value=${g} ?selected=${state.grain === g}>${GRAIN_LABELS[g][lang]}</option>`)}
        </select>
      </div>
    </form>`;
  }

  #body(figures: Figures, state: DashboardState, lang: Lang) {
    const { current: now, before } = figures;
    const received = total(now.channels);
    const time = timeChart(now.days, state.grain, lang);
    const hours = clockChart(now.weekdayHours, 'hour', lang);
    const weekdays = clockChart(now.weekdayHours, 'weekday', lang);
    const previous = figures.previous;
    const wide = figures.holder.kind !== 'unit';
    return html`<p class="muted" data-testid="dashboard-period">
        ${formatDate(figures.period.from)} – ${formatDate(figures.period.to)} ·
        ${fill(STRINGS.compared[lang], { from: formatDate(previous.from), to: formatDate(previous.to) })}
      </p>
      ${received === 0 ? html`<p class="muted">${STRINGS.empty[lang]}</p>` : nothing} ${this.#tiles(figures, state, lang)}
      <div class="charts">
        <pakn-dashboard-chart
          lang=${lang}
          heading=${STRINGS.byTime[lang]}
          file="${STRINGS.csvName[lang]}-kenh.csv"
          .plot=${time.plot}
          .table=${time.table}
        ></pakn-dashboard-chart>
        ${
          wide
            ? html`<pakn-dashboard-chart
                  lang=${lang}
                  heading=${STRINGS.byHour[lang]}
                  file="${STRINGS.csvName[lang]}-gio.csv"
                  .plot=${hours.plot}
                  .table=${hours.table}
                ></pakn-dashboard-chart>
                <pakn-dashboard-chart
                  lang=${lang}
                  heading=${STRINGS.byWeekday[lang]}
                  file="${STRINGS.csvName[lang]}-thu.csv"
                  .plot=${weekdays.plot}
                  .table=${weekdays.table}
                ></pakn-dashboard-chart>`
            : nothing
        }
      </div>
      ${this.#breakdown('channel', STRINGS.byChannel[lang], STRINGS.channel[lang], now.channels, before.channels, state, lang, now.contacts)}
      ${this.#breakdown('category', STRINGS.byCategory[lang], STRINGS.category[lang], now.categories, before.categories, state, lang)}
      ${wide ? this.#breakdown('unit', STRINGS.byUnit[lang], STRINGS.unit[lang], now.units, before.units, state, lang) : nothing}`;
  }

  #tiles(figures: Figures, state: DashboardState, lang: Lang) {
    const { current: now, before, overdueNow } = figures;
    const tiles: Tile[] = [
      { label: STRINGS.received, now: total(now.channels), before: total(before.channels), link: casesUrl(state, {}) },
      { label: STRINGS.contacts, now: total(now.contacts), before: total(before.contacts) },
      { label: STRINGS.inScope, now: now.scope.in ?? 0, before: before.scope.in ?? 0, link: casesUrl(state, { scope: 'in' }) },
      { label: STRINGS.outOfScope, now: now.scope.out ?? 0, before: before.scope.out ?? 0, link: casesUrl(state, { scope: 'out' }) },
      { label: STRINGS.pending, now: now.scope.pending ?? 0, before: before.scope.pending ?? 0, link: casesUrl(state, { scope: 'pending' }) },
      { label: STRINGS.onTime, now: onTimeRate(now), before: onTimeRate(before), suffix: ' %' },
      { label: STRINGS.answerDays, now: answerDays(now), before: answerDays(before) },
      { label: STRINGS.overdueNow, now: overdueNow, before: null, link: `${BASE_PATH}follow-up` },
      { label: STRINGS.satisfaction, now: satisfaction(now), before: satisfaction(before), note: fill(STRINGS.ratings[lang], { n: now.ratings.count }) },
      { label: STRINGS.reprimands, now: now.reprimands, before: before.reprimands },
      { label: STRINGS.commendations, now: now.commendations, before: before.commendations },
    ];
    return html`<dl class="tiles" data-testid="dashboard-tiles">
      ${tiles.map((t) => {
        const delta = t.now !== null && t.before !== null ? change(t.now, t.before) : null;
        const value = show(t.now, t.suffix);
        return html`<div class="tile">
          <dt>${t.label[lang]}</dt>
          <dd class="value">${t.link ? this.#link(t.link, value) : value}</dd>
          <dd class="muted">
            ${t.before === null ? nothing : html`${STRINGS.previous[lang]}: ${show(t.before, t.suffix)}${delta === null ? nothing : html` (${delta > 0 ? '+' : ''}${decimal.format(delta)} %)`}`}
            ${t.note ? html`<br />${t.note}` : nothing}
          </dd>
        </div>`;
      })}
    </dl>`;
  }

  #label(kind: 'channel' | 'category' | 'unit', key: string, lang: Lang): string {
    if (kind === 'channel') return channelLabel(key, lang);
    if (kind === 'category') return key === '' ? STRINGS.noCategory[lang] : this.#categories.label(key, lang);
    return key === '' ? STRINGS.noUnit[lang] : (unitName(this.#units.value ?? [], key) ?? key);
  }

  #breakdown(
    kind: 'channel' | 'category' | 'unit',
    heading: string,
    column: string,
    now: Record<string, number>,
    before: Record<string, number>,
    state: DashboardState,
    lang: Lang,
    contacts?: Record<string, number>,
  ) {
    const rows = ranked({ ...Object.fromEntries(Object.keys(before).map((k) => [k, 0])), ...now }).concat(
      Object.keys(before)
        .filter((k) => !(k in now) && (before[k] ?? 0) > 0)
        .map((k) => [k, 0] as [string, number]),
    );
    const unique = [...new Map(rows).entries()];
    const filterOf = (key: string): CasesFilter | null =>
      kind === 'unit' ? (key ? { unit: key } : null) : kind === 'channel' ? { channel: key } : { category: key };
    return html`<div class="table-wrap breakdown">
      <table data-testid="dashboard-by-${kind}">
        <caption>
          ${heading}
        </caption>
        <thead>
          <tr>
            <th scope="col">${column}</th>
            <th scope="col" class="num">${STRINGS.cases[lang]}</th>
            ${contacts ? html`<th scope="col" class="num">${STRINGS.contacts[lang]}</th>` : nothing}
            <th scope="col" class="num">${STRINGS.previous[lang]}</th>
            <th scope="col" class="num">${STRINGS.change[lang]}</th>
          </tr>
        </thead>
        <tbody>
          ${unique.map(([key, n]) => {
            const filter = filterOf(key);
            const delta = change(n, before[key] ?? 0);
            return html`<tr>
              <th scope="row">${this.#label(kind, key, lang)}</th>
              <td class="num">${filter && n > 0 ? this.#link(casesUrl(state, filter), decimal.format(n), `cases-${kind}-${key}`) : decimal.format(n)}</td>
              ${contacts ? html`<td class="num">${decimal.format(contacts[key] ?? 0)}</td>` : nothing}
              <td class="num">${decimal.format(before[key] ?? 0)}</td>
              <td class="num">${delta === null ? '—' : `${delta > 0 ? '+' : ''}${decimal.format(delta)} %`}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }
}

function dashboardStyles() {
  return css`
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1rem;
      align-items: end;
      margin-bottom: 1rem;
    }
    .tiles {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
      gap: 0.75rem;
      margin: 0 0 1.5rem;
    }
    .tile {
      padding: 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .tile dt {
      font-size: 0.9rem;
    }
    .tile dd {
      margin: 0.25rem 0 0;
    }
    .tile .value {
      font-size: 1.5rem;
      font-weight: 600;
    }
    .charts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 28rem), 1fr));
      gap: 1.5rem;
      margin-bottom: 1.5rem;
    }
    .breakdown {
      margin-bottom: 1.5rem;
    }
    caption {
      text-align: left;
      font-weight: 600;
      padding: 0.5rem 0.75rem;
    }
    .num {
      text-align: right;
    }
  `;
}

defineElement('pakn-dashboard', PaknDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-dashboard': PaknDashboard;
  }
}
