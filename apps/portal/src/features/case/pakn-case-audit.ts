import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { AuditListInputSchema, ROLE_LABELS, fieldErrors, type CaseEventKind, type Lang, type Role, type Text } from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { errorInfo, isSignedOut, paknClient } from '#shared/client.ts';
import { SessionExpiredEvent, navigateOnClick } from '#shared/events.ts';
import { COMMON, elementLang, formatDateTime } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';
import { EVENT_LABELS } from './strings.ts';
import './pakn-audit-verify.ts';

type AuditEntry = Awaited<ReturnType<PaknClient['audit']['list']['query']>>[number];
type AuditQuery = Parameters<PaknClient['audit']['list']['query']>[0];

/** Entries per page of the whole log. */
const PAGE_SIZE = 50;

/** The whole log's filters, as typed in the form. */
interface Filters {
  action: string;
  actor: string;
  from: string;
  to: string;
  entityType: string;
  entityId: string;
}
const NO_FILTERS: Filters = { action: '', actor: '', from: '', to: '', entityType: '', entityId: '' };

const STRINGS = {
  heading: { vi: 'Nhật ký kiểm tra', en: 'Audit log' },
  intro: {
    vi: 'Mọi thao tác trên phản ánh và mọi lần xem danh tính người phản ánh, nối thành chuỗi băm không sửa được.',
    en: 'Every action on the case and every opening of the citizen’s identity, chained by hashes that cannot be edited unnoticed.',
  },
  caption: { vi: 'Nhật ký kiểm tra của phản ánh, cũ nhất trước', en: 'The case’s audit log, oldest first' },
  seq: { vi: 'Số', en: 'No.' },
  at: { vi: 'Thời điểm', en: 'When' },
  action: { vi: 'Thao tác', en: 'Action' },
  who: { vi: 'Người thực hiện', en: 'Who' },
  reason: { vi: 'Lý do, ghi chú', en: 'Reason, note' },
  staff: { vi: 'Cán bộ', en: 'Staff' },
  logHeading: { vi: 'Nhật ký kiểm tra toàn hệ thống', en: 'The whole audit log' },
  logIntro: {
    vi: 'Mọi thao tác của cán bộ và người dân, mọi lần xem danh tính và xuất dữ liệu, cũ nhất trước.',
    en: 'Every action of staff and citizens, every opening of an identity and every export, oldest first.',
  },
  logCaption: { vi: 'Nhật ký kiểm tra, cũ nhất trước', en: 'The audit log, oldest first' },
  filters: { vi: 'Lọc nhật ký', en: 'Filter the log' },
  filterAction: { vi: 'Thao tác (hoặc phần đầu, ví dụ case. hay export.)', en: 'Action (or its start, e.g. case. or export.)' },
  filterActor: { vi: 'Người thực hiện (tên đăng nhập, họ tên)', en: 'Who (username, name)' },
  filterFrom: { vi: 'Từ ngày', en: 'From' },
  filterTo: { vi: 'Đến ngày', en: 'To' },
  filterEntityType: { vi: 'Loại đối tượng', en: 'Entity type' },
  filterEntityId: { vi: 'Mã đối tượng', en: 'Entity id' },
  anyEntity: { vi: 'Tất cả', en: 'Any' },
  apply: { vi: 'Lọc', en: 'Filter' },
  clear: { vi: 'Bỏ lọc', en: 'Clear' },
  entity: { vi: 'Đối tượng', en: 'Entity' },
  previous: { vi: '← Trang trước', en: '← Previous page' },
  next: { vi: 'Trang sau →', en: 'Next page →' },
  page: { vi: 'Trang {n}', en: 'Page {n}' },
  citizen: { vi: 'Người dân', en: 'Citizen' },
  system: { vi: 'Hệ thống', en: 'System' },
  empty: { vi: 'Chưa có mục nào.', en: 'No entries yet.' },
} as const satisfies Record<string, Text>;

/** Audit actions that are not moves of the workflow (those read as the history's words). */
const ACTION_LABELS: Readonly<Record<string, Text>> = {
  'identity.reveal': { vi: 'Xem danh tính người phản ánh', en: 'Opened the citizen’s identity' },
  'identity.search': { vi: 'Tìm phản ánh theo danh tính người phản ánh', en: 'Searched cases by a citizen’s identity' },
  'case.submitted': { vi: 'Người dân gửi phản ánh qua cổng trực tuyến', en: 'Submitted by the citizen online' },
  'case.logged': { vi: 'Cán bộ ghi nhận phản ánh', en: 'Logged by an officer' },
  'contact.logged': { vi: 'Ghi nhận người dân liên hệ lại', en: 'Repeat contact logged' },
  'case.rated': { vi: 'Người dân đánh giá kết quả', en: 'Rated by the citizen' },
  'case.info_provided': { vi: 'Người dân bổ sung thông tin', en: 'Information provided by the citizen' },
  'case.review_requested': { vi: 'Người dân đề nghị xem xét lại', en: 'Review requested by the citizen' },
  'case.assigned': { vi: 'Giao cán bộ xử lý', en: 'Assigned to a member of the unit' },
  'attachment.download': { vi: 'Tải tệp đính kèm', en: 'Downloaded an attachment' },
  'export.cases': { vi: 'Xuất danh sách phản ánh (CSV)', en: 'Exported the case list (CSV)' },
  'export.unit_evaluation': { vi: 'Xuất bảng đánh giá đơn vị (CSV)', en: 'Exported the unit evaluation (CSV)' },
  'audit.key_changed': { vi: 'Bắt đầu ký nhật ký bằng khoá mới', en: 'The log is signed with a new key from here' },
};

const ENTITY_TYPES: Readonly<Record<string, Text>> = {
  case: { vi: 'Phản ánh', en: 'Case' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  export: { vi: 'Xuất dữ liệu', en: 'Export' },
  search: { vi: 'Tìm kiếm', en: 'Search' },
  staff: { vi: 'Tài khoản', en: 'Account' },
  authority: { vi: 'Cơ quan có thẩm quyền', en: 'Authority' },
  calendar: { vi: 'Lịch làm việc', en: 'Calendar' },
  audit: { vi: 'Nhật ký kiểm tra', en: 'Audit log' },
};

function actionLabel(action: string, lang: Lang): string | null {
  const own = ACTION_LABELS[action];
  if (own) return own[lang];
  const kind = action.startsWith('case.') ? action.slice('case.'.length) : '';
  return kind in EVENT_LABELS ? EVENT_LABELS[kind as CaseEventKind][lang] : null;
}

/**
 * `<pakn-case-audit case-id>`: the audit entries of one case and a check of the whole chain. For the roles
 * that read the audit log (inspector, director, admin); part of the case feature. Set `revision` to a new
 * value to re-read the entries (after an action, or a live change).
 *
 * Without `case-id` it is the portal's audit page (/portal/audit): the whole log, filtered by action, actor,
 * dates and entity, a page at a time. One element for both, so that both read the same way; the shell loads
 * this module as the page's feature.
 */
export class PaknCaseAudit extends LitElement {
  static override properties = {
    caseId: { type: String, attribute: 'case-id' },
    revision: { type: Number },
    lang: { type: String },
    entries: { state: true },
    error: { state: true },
    filters: { state: true },
    filterErrors: { state: true },
    pages: { state: true },
    hasMore: { state: true },
  };

  declare caseId: string;
  declare revision: number;
  declare lang: string;
  declare protected entries: readonly AuditEntry[] | null;
  declare protected error: string | null;
  declare protected filters: Filters;
  declare protected filterErrors: Readonly<Record<string, string>>;
  /** The `afterSeq` of each page seen so far: the last one is the page shown. */
  declare protected pages: readonly number[];
  declare protected hasMore: boolean;
  #seq = 0;

  constructor() {
    super();
    this.caseId = '';
    this.revision = 0;
    this.lang = '';
    this.entries = null;
    this.error = null;
    this.filters = NO_FILTERS;
    this.filterErrors = {};
    this.pages = [0];
    this.hasMore = false;
  }

  get language(): Lang {
    return elementLang(this.lang);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('caseId') || changed.has('revision')) void this.load();
  }

  /** The query of the page shown: the case's entries, or a page of the filtered whole log. */
  #query(): AuditQuery {
    if (this.caseId) return { entityType: 'case', entityId: this.caseId };
    const f = this.filters;
    const query: AuditQuery = { afterSeq: this.pages.at(-1) ?? 0, limit: PAGE_SIZE + 1 };
    for (const key of ['action', 'actor', 'from', 'to', 'entityType', 'entityId'] as const) if (f[key].trim()) query[key] = f[key].trim();
    return query;
  }

  async load(): Promise<void> {
    const seq = ++this.#seq;
    try {
      const entries = await paknClient().audit.list.query(this.#query());
      if (seq !== this.#seq) return;
      // One more than a page is asked for: its presence says there is a next page.
      this.hasMore = !this.caseId && entries.length > PAGE_SIZE;
      this.entries = this.caseId ? entries : entries.slice(0, PAGE_SIZE);
      this.error = null;
    } catch (error) {
      if (seq !== this.#seq) return;
      const info = errorInfo(error, this.language);
      if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
      this.error = info.message;
    }
  }

  #applyFilters(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const filters = Object.fromEntries(Object.keys(NO_FILTERS).map((k) => [k, String(data.get(k) ?? '')])) as unknown as Filters;
    const candidate = Object.fromEntries(Object.entries(filters).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
    const parsed = AuditListInputSchema.safeParse(candidate);
    if (!parsed.success) {
      this.filterErrors = fieldErrors(parsed.error.issues, this.language);
      return;
    }
    if (filters.from && filters.to && filters.from > filters.to) {
      this.filterErrors = { to: this.language === 'vi' ? 'Ngày kết thúc không thể trước ngày bắt đầu.' : 'The end date cannot be before the start date.' };
      return;
    }
    this.filterErrors = {};
    this.filters = filters;
    this.#showPage([0]);
  }

  #showPage(pages: readonly number[]): void {
    this.pages = pages;
    void this.load();
  }

  #clearFilters(): void {
    this.filterErrors = {};
    this.filters = NO_FILTERS;
    this.#showPage([0]);
    this.renderRoot.querySelector<HTMLFormElement>('form.filters')?.reset();
  }

  #renderFilters(lang: Lang) {
    const f = this.filters;
    const err = this.filterErrors;
    const field = (name: keyof Filters, label: string, type = 'text') => html`<div class="field">
      <label for="filter-${name}">${label}</label>
      <input
        id="filter-${name}"
        name=${name}
        type=${type}
        .value=${f[name]}
        aria-invalid=${err[name] ? 'true' : 'false'}
        aria-describedby=${err[name] ? `filter-${name}-error` : nothing}
      />
      ${err[name] ? html`<span id="filter-${name}-error" class="field-error">${err[name]}</span>` : nothing}
    </div>`;
    return html`<form class="filters" role="search" aria-label=${STRINGS.filters[lang]} @submit=${(e: SubmitEvent) => this.#applyFilters(e)} novalidate>
      ${field('action', STRINGS.filterAction[lang])} ${field('actor', STRINGS.filterActor[lang])}
      ${field('from', STRINGS.filterFrom[lang], 'date')} ${field('to', STRINGS.filterTo[lang], 'date')}
      <div class="field">
        <label for="filter-entityType">${STRINGS.filterEntityType[lang]}</label>
        <select id="filter-entityType" name="entityType" .value=${f.entityType}>
          <option value="">${STRINGS.anyEntity[lang]}</option>
          ${Object.entries(ENTITY_TYPES).map(([value, label]) => html`<option value=${value} ?selected=${value === f.entityType}>${label[lang]}</option>`)}
        </select>
      </div>
      ${field('entityId', STRINGS.filterEntityId[lang])}
      <div class="filter-buttons">
        <button type="submit">${STRINGS.apply[lang]}</button>
        <button type="button" class="secondary" @click=${() => this.#clearFilters()}>${STRINGS.clear[lang]}</button>
      </div>
    </form>`;
  }

  #renderPager(lang: Lang) {
    const page = this.pages.length;
    const last = this.entries?.at(-1);
    return html`<nav class="pager" aria-label=${STRINGS.page[lang].replace('{n}', String(page))}>
      <button type="button" class="secondary" ?disabled=${page <= 1} @click=${() => this.#showPage(this.pages.slice(0, -1))}>
        ${STRINGS.previous[lang]}
      </button>
      <span>${STRINGS.page[lang].replace('{n}', String(page))}</span>
      <button type="button" class="secondary" ?disabled=${!this.hasMore || !last} @click=${() => last && this.#showPage([...this.pages, last.seq])}>
        ${STRINGS.next[lang]}
      </button>
    </nav>`;
  }

  protected override render() {
    const lang = this.language;
    const whole = !this.caseId;
    return html`<section class="root panel" lang=${lang} aria-labelledby="audit-heading" data-testid=${whole ? 'audit-log' : 'case-audit'}>
      ${whole ? html`<h1 id="audit-heading">${STRINGS.logHeading[lang]}</h1>` : html`<h2 id="audit-heading">${STRINGS.heading[lang]}</h2>`}
      <p class="muted">${whole ? STRINGS.logIntro[lang] : STRINGS.intro[lang]}</p>
      ${whole ? this.#renderFilters(lang) : nothing}
      <pakn-audit-verify lang=${lang}></pakn-audit-verify>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      ${this.entries === null
        ? html`<p class="muted">${COMMON.loading[lang]}</p>`
        : this.entries.length === 0
          ? html`<p class="muted">${STRINGS.empty[lang]}</p>`
          : this.#renderTable(this.entries, lang)}
      ${whole ? this.#renderPager(lang) : nothing}
    </section>`;
  }

  #who(entry: AuditEntry, lang: Lang) {
    if (entry.actorKind === 'citizen') return STRINGS.citizen[lang];
    if (entry.actorKind === 'system' || !entry.actorId) return STRINGS.system[lang];
    // The chain keeps the id; the name and role are read beside it (the id stays in the tooltip).
    if (!entry.actorName) return html`${STRINGS.staff[lang]} <code title=${entry.actorId}>${entry.actorId.slice(0, 8)}</code>`;
    return html`<span class="actor" title=${entry.actorId} data-actor-id=${entry.actorId}>${entry.actorName}</span>${entry.actorRole
        ? html`<br /><span class="muted">${ROLE_LABELS[entry.actorRole as Role]?.[lang] ?? entry.actorRole}</span>`
        : nothing}`;
  }

  #entity(entry: AuditEntry, lang: Lang) {
    const type = ENTITY_TYPES[entry.entityType]?.[lang] ?? entry.entityType;
    if (entry.entityType === 'case' && entry.entityId) {
      return html`${type}
        <a href="/portal/cases/${encodeURIComponent(entry.entityId)}" title=${entry.entityId} @click=${(e: MouseEvent) => navigateOnClick(e, this)}
          ><code>${entry.entityId.slice(0, 8)}</code></a
        >`;
    }
    return html`${type}${entry.entityId ? html` <code title=${entry.entityId}>${entry.entityId.slice(0, 12)}</code>` : nothing}`;
  }

  #renderTable(entries: readonly AuditEntry[], lang: Lang) {
    return html`<div class="table-wrap">
      <table>
        <caption class="visually-hidden">${this.caseId ? STRINGS.caption[lang] : STRINGS.logCaption[lang]}</caption>
        <thead>
          <tr>
            <th scope="col">${STRINGS.seq[lang]}</th>
            <th scope="col">${STRINGS.at[lang]}</th>
            <th scope="col">${STRINGS.action[lang]}</th>
            <th scope="col">${STRINGS.who[lang]}</th>
            ${this.caseId ? nothing : html`<th scope="col">${STRINGS.entity[lang]}</th>`}
            <th scope="col">${STRINGS.reason[lang]}</th>
          </tr>
        </thead>
        <tbody>
          ${entries.map((entry) => {
            const label = actionLabel(entry.action, lang);
            return html`<tr data-action=${entry.action}>
              <td class="nowrap">${entry.seq}</td>
              <td class="nowrap"><time datetime=${entry.at}>${formatDateTime(entry.at)}</time></td>
              <td>${label ?? html`<code>${entry.action}</code>`}</td>
              <td>${this.#who(entry, lang)}</td>
              ${this.caseId ? nothing : html`<td>${this.#entity(entry, lang)}</td>`}
              <td class="reason">${entry.reason ?? ''}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  static override styles = [
    tokens,
    base,
    css`
      .panel {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        background: var(--_bg);
      }
      pakn-audit-verify {
        display: block;
        margin-bottom: var(--_space);
      }
      .table-wrap {
        overflow-x: auto;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 0.92rem;
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: 0.4rem 0.5rem;
        border-bottom: 1px solid var(--_border);
      }
      thead th {
        background: var(--_surface);
      }
      tr[data-action='identity.reveal'] {
        background: var(--_warning-bg);
      }
      .nowrap {
        white-space: nowrap;
      }
      .reason {
        overflow-wrap: anywhere;
        min-width: 10rem;
      }
      code {
        font-size: 0.85rem;
      }
      .filters {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
        gap: 0 1rem;
        align-items: end;
        margin-bottom: var(--_space);
      }
      .filter-buttons {
        display: flex;
        gap: 0.5rem;
        margin-bottom: 1rem;
      }
      .pager {
        display: flex;
        align-items: center;
        gap: 1rem;
        margin-top: var(--_space);
      }
    `,
  ];
}

if (!customElements.get('pakn-case-audit')) customElements.define('pakn-case-audit', PaknCaseAudit);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-case-audit': PaknCaseAudit;
  }
}
