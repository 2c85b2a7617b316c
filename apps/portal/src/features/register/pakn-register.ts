import { html } from 'lit';
import { letterNumber, vietnamDateOf, type Lang, type Text } from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { paknClient } from '#shared/client.ts';
import { followCaseChanges } from '#shared/controllers/case-changes.ts';
import { NavigateEvent, navigateOnClick } from '#shared/events.ts';
import { fill, formatDateTime } from '#shared/i18n.ts';
import { LiveList } from '#shared/live-list.ts';
import { pageStyles } from '#shared/form-fields.ts';
import { base, caseTable, dataTable, tokens } from '#shared/styles.ts';
import { registerStyles } from './pakn-register.styles.ts';
import { listStyles, renderTable } from '#shared/table.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';

type Letter = Awaited<ReturnType<PaknClient['letter']['register']['query']>>[number];

const STRINGS = {
  heading: { vi: 'Sổ văn bản chuyển xử lý', en: 'Forwarding register' },
  intro: {
    vi: 'Văn bản chuyển phản ánh, kiến nghị đến đơn vị có thẩm quyền, đánh số theo năm khi Giám đốc duyệt; các dự thảo đang chờ duyệt ở cuối sổ.',
    en: 'Letters forwarding cases to the competent units, numbered per year when the Director approves them; drafts awaiting approval come last.',
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

/**
 * `<pakn-register year="2026">`: the forwarding register of a year (`letter.register`): number, date, case,
 * unit, status and a link to the printable letter. Units see the letters sent to them.
 *
 * Attributes: `year` (default the current year in Hanoi), `lang`.
 * Events out: `pakn-navigate` (links; a year change, replacing the entry), `pakn-session-expired`.
 */
export class PaknRegister extends PaknElement {
  static override properties = {
    year: { type: String },
  };

  declare year: string;

  readonly #letters = new LiveList(this, {
    args: () => [this.shownYear] as const,
    run: ([year], signal) => paknClient().letter.register.query({ year }, { signal }),
    lang: () => this.language.value,
  });

  constructor() {
    super();
    followCaseChanges(this, (event) => {
      const kind = event.change.kind;
      if (kind === 'forwarding_drafted' || kind === 'forwarded' || kind === 'forwarding_returned') void this.#letters.reloadQuietly();
    });
    this.year = '';
  }

  get shownYear(): number {
    return parseYear(this.year) ?? currentYear();
  }

  #onYearChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.year = value;
    this.dispatchEvent(new NavigateEvent({ path: `${location.pathname}?year=${value}`, replace: true }));
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
        ${this.#letters.renderSummary((letters) => {
          const approved = letters.filter((l) => l.status === 'approved').length;
          return fill(STRINGS.count[lang], { approved, drafts: letters.length - approved });
        })}
      </div>
      ${this.#letters.render((letters) => this.#renderTable(letters, shown, lang))}
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

  static override styles = [tokens, base, dataTable, caseTable, pageStyles, listStyles, registerStyles];
}

defineElement('pakn-register', PaknRegister);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-register': PaknRegister;
  }
}
