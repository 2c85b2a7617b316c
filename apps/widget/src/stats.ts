/**
 * `<pakn-stats>`: the public statistics of one unit (or of the whole city) for ward websites (issue 12),
 * embedded with one classic script tag like the widget's loader (README, "The statistics element"):
 *
 *   <script src="https://PAKN/widget/v1/stats.js" data-unit="ward-hoan-kiem" async></script>
 *
 * The script defines the element and puts one where it stands (with its data-* as attributes); a page may also
 * write `<pakn-stats unit="…" period="year" lang="en">` tags itself. The figures come from
 * `/api/v1/statistics` of the script's origin (public aggregates, readable from any origin, no cookie).
 *
 * A good guest, like the widget: Shadow DOM, styles adopted (no <style>, no style attribute: strict CSPs pass),
 * the DOM built by calls (no HTML strings: Trusted Types pass without a policy), no global, no storage, and it
 * never throws into the host page: a failure is a visible line and a `pakn-error` event. No Lit, no client: a
 * small classic script of its own (budget in scripts/check-size.mjs).
 */
import type { PublicFigures } from '@pakn/domain';

/** A unit's or the city's figures, as /api/v1/statistics sends them (the type only: no code of the domain is bundled). */
type Figures = PublicFigures & { readonly name?: string };

interface Answer {
  readonly period: { readonly key: string; readonly from: string; readonly to: string; readonly name: { readonly vi: string; readonly en: string } };
  readonly unit?: Figures;
  readonly city?: Figures;
}

const TEXT = {
  vi: {
    city: 'Toàn thành phố',
    loading: 'Đang tải số liệu…',
    failed: 'Không tải được số liệu thống kê.',
    rows: ['Tiếp nhận', 'Đã trả lời', 'Trả lời đúng hạn', 'Số ngày làm việc trung bình', 'Mức độ hài lòng (1–5)'],
    ratings: 'lượt đánh giá',
    few: 'Số liệu ít, chưa đủ để đánh giá.',
    more: 'Xem thống kê đầy đủ',
    page: '/thong-ke',
    title: 'Giải quyết phản ánh, kiến nghị',
  },
  en: {
    city: 'Whole city',
    loading: 'Loading figures…',
    failed: 'Could not load the statistics.',
    rows: ['Received', 'Answered', 'Answered on time', 'Average working days to answer', 'Satisfaction (1–5)'],
    ratings: 'ratings',
    few: 'Too few cases to judge.',
    more: 'See all statistics',
    page: '/en/statistics',
    title: 'Complaints and recommendations answered',
  },
};

const STYLES = `.c{all:initial;display:block;box-sizing:border-box;max-width:26em;padding:1em 1.2em;border:1px solid #c8c8c8;border-radius:.5em;background:#fff;color:#1b1b1b;font:400 var(--pakn-font-size,16px)/1.45 system-ui,sans-serif;text-align:left}
p,dl,dd{margin:0}
.t{font-weight:700;font-size:1.1em}.s{color:#555;font-size:.9em;margin-bottom:.6em}
dl{display:grid;grid-template-columns:1fr auto;gap:.25em 1em;margin:.4em 0}dd{font-weight:700;text-align:right;font-variant-numeric:tabular-nums}
.f{color:#8a1c12;font-size:.9em;margin:.4em 0}a{color:#0b4f9c;text-decoration:underline}`;

const d = document;
const script = d.currentScript as HTMLScriptElement | null;
let scriptOrigin = '';
try {
  scriptOrigin = script ? new URL(script.src).origin : '';
} catch {
  // An inline copy of this file: the page names the origin with `api`.
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text: string): HTMLElementTagNameMap[K] => {
  const node = d.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
};

/** 2.5 → "2,5" in Vietnamese; a missing figure is a dash. */
const format = (n: number | null, vi: boolean, suffix = '') => (n === null ? '—' : `${vi ? String(n).replace('.', ',') : n}${suffix}`);

/** dd/mm/yyyy (string slices: a page may have replaced Array's methods). */
const day = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

// Fields are declared, set in the constructor, so that the es2020 build needs no class-field helpers.
class PaknStats extends HTMLElement {
  static get observedAttributes(): string[] {
    return ['unit', 'period', 'lang', 'api'];
  }
  declare private readonly card: HTMLDivElement;
  declare private loads: number;

  constructor() {
    super();
    this.loads = 0;
    const root = this.attachShadow({ mode: 'open' });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLES);
      root.adoptedStyleSheets = [sheet];
    } catch {
      const style = d.createElement('style');
      style.nonce = script?.nonce ?? '';
      style.textContent = STYLES;
      root.append(style);
    }
    this.card = d.createElement('div');
    this.card.className = 'c';
    this.card.setAttribute('part', 'card');
    root.append(this.card);
  }

  connectedCallback(): void {
    void this.load();
  }

  attributeChangedCallback(): void {
    if (this.isConnected) void this.load();
  }

  private async load(): Promise<void> {
    const load = ++this.loads;
    const vi = this.getAttribute('lang') !== 'en';
    const t = vi ? TEXT.vi : TEXT.en;
    const api = this.getAttribute('api') || scriptOrigin;
    this.card.lang = vi ? 'vi' : 'en';
    this.card.setAttribute('role', 'status');
    this.card.replaceChildren(el('p', 's', t.loading));
    try {
      const query = new URLSearchParams({ period: this.getAttribute('period') || 'month' });
      const unit = this.getAttribute('unit');
      if (unit) query.set('unit', unit);
      const response = await fetch(`${api}/api/v1/statistics?${query.toString()}`, { credentials: 'omit' });
      if (!response.ok) throw new Error(`statistics answered ${response.status}`);
      const answer = (await response.json()) as Answer;
      if (load === this.loads) this.show(answer, vi, api);
    } catch {
      if (load !== this.loads) return;
      this.card.replaceChildren(el('p', 'f', t.failed));
      this.dispatchEvent(new CustomEvent('pakn-error', { bubbles: true, composed: true, detail: { reason: 'statistics_unavailable' } }));
    }
  }

  private show(answer: Answer, vi: boolean, api: string): void {
    const t = vi ? TEXT.vi : TEXT.en;
    const f = answer.unit ?? answer.city;
    if (!f) throw new Error('no figures');
    const { period } = answer;
    const list = d.createElement('dl');
    const values = [
      String(f.received),
      String(f.answered),
      `${f.answeredOnTime} (${format(f.onTimeRate, vi, '%')})`,
      format(f.averageWorkingDays, vi),
      `${format(f.satisfaction, vi)} (${f.ratings} ${t.ratings})`,
    ];
    for (let i = 0; i < t.rows.length; i++) list.append(el('dt', '', t.rows[i] ?? ''), el('dd', '', values[i] ?? ''));
    const link = el('a', '', t.more);
    link.href = `${api}${t.page}?period=${encodeURIComponent(period.key)}`;
    link.target = '_blank';
    link.rel = 'noopener';
    this.card.removeAttribute('role');
    this.card.replaceChildren(
      el('p', 't', `${t.title}: ${answer.unit ? (f.name ?? '') : t.city}`),
      el('p', 's', `${vi ? period.name.vi : period.name.en} (${day(period.from)}–${day(period.to)})`),
      list,
      ...(f.fewCases ? [el('p', 'f', t.few)] : []),
      link,
    );
  }
}

try {
  const w = window;
  if (w.customElements && 'attachShadow' in Element.prototype) {
    if (!w.customElements.get('pakn-stats')) w.customElements.define('pakn-stats', PaknStats);
  }
  // One element where the script stands (in the body), with the script's data-* as its attributes.
  if (script && script.dataset.place !== 'none' && script.parentElement && script.parentElement !== d.head) {
    const data = script.dataset;
    const host = d.createElement('pakn-stats');
    for (const name of ['unit', 'period', 'lang', 'api'] as const) {
      const value = data[name];
      if (value) host.setAttribute(name, value);
    }
    if (!w.customElements) {
      // An old browser: the page itself, in a tab of its own.
      const link = el('a', '', data.lang === 'en' ? TEXT.en.title : TEXT.vi.title);
      link.href = `${scriptOrigin}${data.lang === 'en' ? TEXT.en.page : TEXT.vi.page}`;
      host.append(link);
    }
    script.after(host);
  }
} catch {
  // Never break the host page.
}
