import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { CaseEventKind, Lang, Text } from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { errorInfo, isSignedOut, paknClient } from '#shared/client.ts';
import { SessionExpiredEvent } from '#shared/events.ts';
import { COMMON, elementLang, formatDateTime } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';
import { EVENT_LABELS } from './strings.ts';

type AuditEntry = Awaited<ReturnType<PaknClient['audit']['list']['query']>>[number];
type VerifyResult = Awaited<ReturnType<PaknClient['audit']['verify']['query']>>;

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
  citizen: { vi: 'Người dân', en: 'Citizen' },
  system: { vi: 'Hệ thống', en: 'System' },
  empty: { vi: 'Chưa có mục nào.', en: 'No entries yet.' },
  verify: { vi: 'Kiểm tra tính toàn vẹn', en: 'Verify integrity' },
  verifying: { vi: 'Đang kiểm tra…', en: 'Verifying…' },
  verifiedOk: {
    vi: 'Nhật ký toàn vẹn: đã kiểm tra {n} mục, không có sai lệch.',
    en: 'The log is intact: {n} entries checked, none altered.',
  },
  verifiedBroken: {
    vi: 'Nhật ký đã bị thay đổi: chuỗi băm sai lệch từ mục số {seq} ({n} mục đã kiểm tra).',
    en: 'The log was altered: the hash chain breaks at entry {seq} ({n} entries checked).',
  },
} as const satisfies Record<string, Text>;

/** Audit actions that are not moves of the workflow (those read as the history's words). */
const ACTION_LABELS: Readonly<Record<string, Text>> = {
  'identity.reveal': { vi: 'Xem danh tính người phản ánh', en: 'Opened the citizen’s identity' },
  'case.submitted': { vi: 'Người dân gửi phản ánh qua cổng trực tuyến', en: 'Submitted by the citizen online' },
  'case.logged': { vi: 'Cán bộ ghi nhận phản ánh', en: 'Logged by an officer' },
  'contact.logged': { vi: 'Ghi nhận người dân liên hệ lại', en: 'Repeat contact logged' },
  'case.rated': { vi: 'Người dân đánh giá kết quả', en: 'Rated by the citizen' },
  'case.info_provided': { vi: 'Người dân bổ sung thông tin', en: 'Information provided by the citizen' },
  'case.review_requested': { vi: 'Người dân đề nghị xem xét lại', en: 'Review requested by the citizen' },
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
 */
export class PaknCaseAudit extends LitElement {
  static override properties = {
    caseId: { type: String, attribute: 'case-id' },
    revision: { type: Number },
    lang: { type: String },
    entries: { state: true },
    error: { state: true },
    verifying: { state: true },
    verifyResult: { state: true },
  };

  declare caseId: string;
  declare revision: number;
  declare lang: string;
  declare protected entries: readonly AuditEntry[] | null;
  declare protected error: string | null;
  declare protected verifying: boolean;
  declare protected verifyResult: VerifyResult | null;
  #seq = 0;

  constructor() {
    super();
    this.caseId = '';
    this.revision = 0;
    this.lang = '';
    this.entries = null;
    this.error = null;
    this.verifying = false;
    this.verifyResult = null;
  }

  get language(): Lang {
    return elementLang(this.lang);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('caseId') || changed.has('revision')) void this.load();
  }

  async load(): Promise<void> {
    if (!this.caseId) return;
    const seq = ++this.#seq;
    try {
      const entries = await paknClient().audit.list.query({ entityType: 'case', entityId: this.caseId });
      if (seq !== this.#seq) return;
      this.entries = entries;
      this.error = null;
    } catch (error) {
      if (seq !== this.#seq) return;
      const info = errorInfo(error, this.language);
      if (isSignedOut(info)) this.dispatchEvent(new SessionExpiredEvent());
      this.error = info.message;
    }
  }

  async #verify(): Promise<void> {
    this.verifying = true;
    this.verifyResult = null;
    try {
      this.verifyResult = await paknClient().audit.verify.query();
      this.error = null;
    } catch (error) {
      this.error = errorInfo(error, this.language).message;
    } finally {
      this.verifying = false;
    }
  }

  protected override render() {
    const lang = this.language;
    const result = this.verifyResult;
    return html`<section class="root panel" lang=${lang} aria-labelledby="audit-heading" data-testid="case-audit">
      <h2 id="audit-heading">${STRINGS.heading[lang]}</h2>
      <p class="muted">${STRINGS.intro[lang]}</p>
      <div class="verify">
        <button type="button" class="secondary" ?disabled=${this.verifying} @click=${() => void this.#verify()}>
          ${this.verifying ? STRINGS.verifying[lang] : STRINGS.verify[lang]}
        </button>
        <p role="status" class="verify-result" data-testid="audit-verify-result" data-ok=${result ? String(result.ok) : nothing}>
          ${result
            ? result.ok
              ? STRINGS.verifiedOk[lang].replace('{n}', String(result.checked))
              : STRINGS.verifiedBroken[lang].replace('{seq}', String(result.brokenAtSeq)).replace('{n}', String(result.checked))
            : nothing}
        </p>
      </div>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      ${this.entries === null
        ? html`<p class="muted">${COMMON.loading[lang]}</p>`
        : this.entries.length === 0
          ? html`<p class="muted">${STRINGS.empty[lang]}</p>`
          : this.#renderTable(this.entries, lang)}
    </section>`;
  }

  #who(entry: AuditEntry, lang: Lang) {
    if (entry.actorKind === 'citizen') return STRINGS.citizen[lang];
    if (entry.actorKind === 'system' || !entry.actorId) return STRINGS.system[lang];
    // The audit log keeps staff ids; the portal has no directory of names for every role.
    return html`${STRINGS.staff[lang]} <code title=${entry.actorId}>${entry.actorId.slice(0, 8)}</code>`;
  }

  #renderTable(entries: readonly AuditEntry[], lang: Lang) {
    return html`<div class="table-wrap">
      <table>
        <caption class="visually-hidden">${STRINGS.caption[lang]}</caption>
        <thead>
          <tr>
            <th scope="col">${STRINGS.seq[lang]}</th>
            <th scope="col">${STRINGS.at[lang]}</th>
            <th scope="col">${STRINGS.action[lang]}</th>
            <th scope="col">${STRINGS.who[lang]}</th>
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
      .verify {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        margin-bottom: var(--_space);
      }
      .verify-result {
        margin: 0;
        font-weight: 600;
      }
      .verify-result[data-ok='true'] {
        color: var(--_success);
      }
      .verify-result[data-ok='false'] {
        color: var(--_danger);
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
    `,
  ];
}

if (!customElements.get('pakn-case-audit')) customElements.define('pakn-case-audit', PaknCaseAudit);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-case-audit': PaknCaseAudit;
  }
}
