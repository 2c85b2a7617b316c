import { html } from 'lit';
import { letterNumber, vietnamDateOf, type Lang, type Text } from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { paknClient } from '#shared/client.ts';
import { followCaseChanges } from '#shared/controllers/case-changes.ts';
import { NavigateEvent, navigateOnClick } from '#shared/events.ts';
import { fill, formatDateTime } from '#shared/i18n.ts';
import { LiveList } from '#shared/live-list.ts';
import { pageStyles } from '#shared/form-fields.ts';
import { PageTrail, pagerStyles, renderPager } from '#shared/pager.ts';
import { base, caseTable, dataTable, tokens } from '#shared/styles.ts';
import { registerStyles } from './pakn-register.styles.ts';
import { listStyles, renderTable } from '#shared/table.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import { printHidesControls } from '#shared/print.ts';

type Letter = Awaited<ReturnType<PaknClient['letter']['register']['query']>>['items'][number];

const STRINGS = {
  heading: { vi: 'Sổ văn bản chuyển xử lý', en: 'Forwarding register' },
  intro: {
    vi: 'Văn bản chuyển phản ánh, kiến nghị đến đơn vị có thẩm quyền, đánh số theo năm khi Giám đốc duyệt, số mới nhất trước; các dự thảo đang chờ duyệt ở cuối sổ. Mỗi trang 50 văn bản.',
    en: 'Letters forwarding cases to the competent units, numbered per year when the Director approves them, newest number first; drafts awaiting approval come last. 50 letters a page.',
  },
  year: { vi: 'Năm', en: 'Year' },
  caption: { vi: 'Sổ văn bản chuyển xử lý năm {year}', en: 'Forwarding register, {year}' },
  number: { vi: 'Số văn bản', en: 'Number' },
  date: { vi: 'Ngày', en: 'Date' },
  reference: { vi: 'Mã phản ánh', en: 'Case' },
  unit: { vi: 'Đơn vị nhận', en: 'Unit' },
  status: { vi: 'Tình trạng', en: 'Status' },
  print: { vi: 'In văn bản', en: 'Print' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  draft: { vi: 'Dự thảo, chờ duyệt', en: 'Draft, awaiting approval' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  noNumber: { vi: 'Chưa cấp số', en: 'No number yet' },
  empty: { vi: 'Chưa có văn bản nào trong năm này.', en: 'No letters this year.' },
  count: { vi: '{approved} văn bản đã duyệt, {drafts} dự thảo', en: '{approved} approved, {drafts} drafts' },
} as const satisfies Record<string, Text>;

const STATUS_TEXT = { approved: STRINGS.approved, draft: STRINGS.draft, returned: STRINGS.returned } as const;

function currentYear(): number {
  return Number(vietnamDateOf(new Date()).slice(0, 4));
}

function parseYear(value: string | null | undefined): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  const year = Number(value);
  return year >= 2000 && year <= 2100 ? year : null;
}

/** The register's address: the year and the page, so that Back, reload and a shared link come back to them. */
function registerPath(year: string, page: string): string {
  const params = new URLSearchParams();
  if (year) params.set('year', year);
  if (page) params.set('page', page);
  return params.size ? `${location.pathname}?${params}` : location.pathname;
}

/**
 * `<pakn-register year="2026">`: the forwarding register of a year (`letter.register`), 50 letters a page:
 * number, date, case, unit, status and a link to the printable letter. Units see the letters sent to them.
 *
 * Attributes: `year` (default the current year in Hanoi), `page` (the cursor of the page shown; none for the
 * first), `lang`.
 * Events out: `pakn-navigate` (links; a year change, replacing the entry; another page), `pakn-session-expired`.
 */
export class PaknRegister extends PaknElement {
  static override properties = {
    year: { type: String },
    page: { type: String },
  };

  declare year: string;
  declare page: string;
  readonly #trail = new PageTrail();

  readonly #letters = new LiveList(this, {
    args: () => [this.shownYear, this.page] as const,
    run: ([year, cursor], signal) => paknClient().letter.register.query({ year, ...(cursor ? { cursor } : {}) }, { signal }),
    lang: () => this.language.value,
  });

  constructor() {
    super();
    followCaseChanges(this, (event) => {
      const kind = event.change.kind;
      if (kind === 'forwarding_drafted' || kind === 'forwarded' || kind === 'forwarding_returned') void this.#letters.reloadQuietly();
    });
    this.year = '';
    this.page = '';
  }

  get shownYear(): number {
    return parseYear(this.year) ?? currentYear();
  }

  #onYearChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.year = value;
    this.page = '';
    this.#trail.reset();
    this.dispatchEvent(new NavigateEvent({ path: registerPath(value, ''), replace: true }));
  }

  /** Another page of the same year: its cursor goes in the address (a link to it opens it), Back returns. */
  #goTo(to: { cursor: string } | 'previous'): void {
    this.page = this.#trail.move(this.page, to);
    this.dispatchEvent(new NavigateEvent({ path: registerPath(this.year, this.page) }));
    this.renderRoot.querySelector<HTMLElement>('h1')?.scrollIntoView({ block: 'start' });
  }

  protected override render() {
    const lang = this.language.value;
    const shown = this.shownYear;
    const now = currentYear();
    const years = Array.from({ length: Math.max(now, shown) - 2019 }, (_, i) => Math.max(now, shown) - i);
    return html`<div class="root" lang=${lang}>
      <h1>${STRINGS.heading[lang]}</h1>
      <p class="intro">${STRINGS.intro[lang]}</p>
      <div class="toolbar">
        <div class="field year">
          <label for="year">${STRINGS.year[lang]}</label>
          <select id="year" @change=${this.#onYearChange}>
            ${years.map((y) => html`<option value=${y} ?selected=${y === shown}>${y}</option>`)}
          </select>
        </div>
        ${this.#letters.renderSummary((register) => fill(STRINGS.count[lang], { approved: register.total - register.drafts, drafts: register.drafts }))}
      </div>
      ${this.#letters.render(
        (register) =>
          html`${this.#renderTable(register.items, shown, lang)}
          ${renderPager({ lang, name: 'register', paged: this.page !== '', hasPrevious: this.#trail.hasPrevious, next: register.next, go: (to) => this.#goTo(to) })}`,
        () => this.#goTo({ cursor: '' }),
      )}
    </div>`;
  }

  #renderTable(letters: readonly Letter[], year: number, lang: Lang) {
    if (letters.length === 0) return html`<p class="empty">${STRINGS.empty[lang]}</p>`;
    return html`${renderTable({
      caption: fill(STRINGS.caption[lang], { year }),
      columns: [
        STRINGS.number[lang],
        STRINGS.date[lang],
        STRINGS.reference[lang],
        STRINGS.unit[lang],
        STRINGS.status[lang],
        { label: STRINGS.print[lang], hidden: true },
      ],
      testId: 'register-table',
      rows: letters.map((letter) => {
        const approved = letter.status === 'approved';
        const date = approved ? (letter.decidedAt ?? letter.draftedAt) : letter.draftedAt;
        return html`<tr data-status=${letter.status} data-reference=${letter.reference}>
          <th scope="row" class="nowrap">${approved ? letterNumber(letter.number) : html`<span class="muted">${STRINGS.noNumber[lang]}</span>`}</th>
          <td class="nowrap"><time datetime=${date}>${formatDateTime(date)}</time></td>
          <td class="nowrap">
            <a href="/portal/cases/${encodeURIComponent(letter.caseId)}" @click=${(e: MouseEvent) => navigateOnClick(e, this)}>${letter.reference}</a>
          </td>
          <td lang="vi">${letter.unitName}</td>
          <td><span class="badge" data-letter-status=${letter.status}>${STATUS_TEXT[letter.status][lang]}</span></td>
          <td class="nowrap">
            <a href="/portal/letters/${encodeURIComponent(letter.id)}" @click=${(e: MouseEvent) => navigateOnClick(e, this)}
              >${STRINGS.print[lang]}<span class="visually-hidden"> ${approved ? letterNumber(letter.number) : letter.reference}</span></a
            >
          </td>
        </tr>`;
      }),
    })}`;
  }

  static override styles = [tokens, base, dataTable, caseTable, pageStyles, listStyles, registerStyles, pagerStyles, printHidesControls];
}

defineElement('pakn-register', PaknRegister);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-register': PaknRegister;
  }
}
