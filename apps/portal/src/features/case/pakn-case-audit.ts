import { html, nothing, type TemplateResult } from 'lit';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import { AuditListInputSchema, ROLE_LABELS, fieldErrors, type Lang, type Role } from '@pakn/domain';
import type { PaknClient } from '@pakn/api-client';
import { paknClient } from '#shared/client.ts';
import { loadTask, renderLoad } from '#shared/controllers/load.ts';
import { navigateOnClick } from '#shared/events.ts';
import { formText } from '#shared/form-fields.ts';
import { PageTrail, pagerStyles, renderPager } from '#shared/pager.ts';
import { fill, formatDateTime } from '#shared/i18n.ts';
import { base, caseTable, dataTable, tokens } from '#shared/styles.ts';
import { renderTable } from '#shared/table.ts';
import { AUDIT_STRINGS as STRINGS, ENTITY_TYPES, actionLabel } from './audit-strings.ts';
import { auditStyles } from './pakn-case-audit.styles.ts';
import { panelStyles } from './pakn-case.styles.ts';
import './pakn-audit-verify.ts';

type AuditPage = Awaited<ReturnType<PaknClient['audit']['list']['query']>>;
type AuditEntry = AuditPage['items'][number];
type AuditQuery = Parameters<PaknClient['audit']['list']['query']>[0];

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
const FILTER_KEYS = Object.keys(NO_FILTERS) as (keyof Filters)[];

/**
 * `<pakn-case-audit case-id>`: the audit entries of one case and a check of the whole chain. For the roles
 * that read the audit log (inspector, director, admin); part of the case feature. Set `revision` to a new
 * value to re-read the entries (after an action, or a live change).
 *
 * Without `case-id` it is the portal's audit page (/portal/audit): the whole log, filtered by action, actor,
 * dates and entity. Both page by the server's cursor, 50 entries a page (issue 11). One element for both, so
 * that both read the same way; the shell loads this module as the page's feature.
 */
export class PaknCaseAudit extends PaknElement {
  static override properties = {
    caseId: { type: String, attribute: 'case-id' },
    revision: { type: Number },
    filters: { state: true },
    filterErrors: { state: true },
    cursor: { state: true },
  };

  declare caseId: string;
  declare revision: number;
  declare protected filters: Filters;
  declare protected filterErrors: Readonly<Record<string, string>>;
  /** The cursor of the page shown ('' for the first). */
  declare protected cursor: string;
  readonly #trail = new PageTrail();
  /** What the filters select, as the first page counted it (later pages carry no count). */
  #total: number | null = null;

  readonly #entries = loadTask(this, {
    args: () => [this.caseId, this.revision, this.filters, this.cursor] as const,
    run: async ([caseId, , filters, cursor], signal) => {
      const page = await paknClient().audit.list.query(this.#query(caseId, filters, cursor), { signal });
      if (page.total !== null) this.#total = page.total;
      return page;
    },
    lang: () => this.language.value,
  });

  constructor() {
    super();
    this.caseId = '';
    this.revision = 0;
    this.filters = NO_FILTERS;
    this.filterErrors = {};
    this.cursor = '';
  }

  /** The query of the page shown: the case's entries, or the filtered whole log. */
  #query(caseId: string, f: Filters, cursor: string): AuditQuery {
    const query: AuditQuery = caseId ? { entityType: 'case', entityId: caseId } : {};
    if (!caseId) for (const key of FILTER_KEYS) if (f[key].trim()) query[key] = f[key].trim();
    if (cursor) query.cursor = cursor;
    return query;
  }

  /** Another page of the same list, or (`{ cursor: '' }`) the first one. */
  #goTo(to: { cursor: string } | 'previous'): void {
    this.cursor = this.#trail.move(this.cursor, to);
  }

  /** New filters, or none: the list starts again at its first page. */
  #restart(filters: Filters): void {
    this.filterErrors = {};
    this.filters = filters;
    this.cursor = '';
    this.#trail.reset();
  }

  #applyFilters(event: SubmitEvent): void {
    event.preventDefault();
    const lang = this.language.value;
    const data = new FormData(event.target as HTMLFormElement);
    const filters = { ...NO_FILTERS };
    for (const key of FILTER_KEYS) filters[key] = formText(data, key);
    const candidate = Object.fromEntries(FILTER_KEYS.filter((k) => filters[k].trim() !== '').map((k) => [k, filters[k].trim()]));
    const parsed = AuditListInputSchema.safeParse(candidate);
    if (!parsed.success) {
      this.filterErrors = fieldErrors(parsed.error.issues, lang);
      return;
    }
    if (filters.from && filters.to && filters.from > filters.to) {
      this.filterErrors = { to: lang === 'vi' ? 'Ngày kết thúc không thể trước ngày bắt đầu.' : 'The end date cannot be before the start date.' };
      return;
    }
    this.#restart(filters);
  }

  #clearFilters(): void {
    this.#restart(NO_FILTERS);
    this.renderRoot.querySelector<HTMLFormElement>('form.filters')?.reset();
  }

  #renderFilters(lang: Lang) {
    const f = this.filters;
    const err = this.filterErrors;
    const field = (name: keyof Filters, label: string, type = 'text') =>
      html`<div class="field">
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
      ${field('action', STRINGS.filterAction[lang])} ${field('actor', STRINGS.filterActor[lang])} ${field('from', STRINGS.filterFrom[lang], 'date')}
      ${field('to', STRINGS.filterTo[lang], 'date')}
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

  protected override render(): TemplateResult {
    const lang = this.language.value;
    const whole = !this.caseId;
    return html`<section class="root panel" lang=${lang} aria-labelledby="audit-heading" data-testid=${whole ? 'audit-log' : 'case-audit'}>
      ${whole ? html`<h1 id="audit-heading">${STRINGS.logHeading[lang]}</h1>` : html`<h2 id="audit-heading">${STRINGS.heading[lang]}</h2>`}
      <p class="muted">${whole ? STRINGS.logIntro[lang] : STRINGS.intro[lang]}</p>
      ${whole ? this.#renderFilters(lang) : nothing}
      <pakn-audit-verify lang=${lang}></pakn-audit-verify>
      ${renderLoad(this.#entries, lang, {
        complete: (page) =>
          page.items.length === 0
            ? html`<p class="muted">${STRINGS.empty[lang]}</p>`
            : html`${this.#total === null ? nothing : html`<p class="muted" data-testid="audit-total">${fill(STRINGS.total[lang], { n: this.#total })}</p>`}
              ${this.#renderTable(page.items, lang)}
              ${renderPager({ lang, name: 'audit', paged: this.cursor !== '', hasPrevious: this.#trail.hasPrevious, next: page.next, go: (to) => this.#goTo(to) })}`,
        firstPage: () => this.#goTo({ cursor: '' }),
      })}
    </section>`;
  }

  #who(entry: AuditEntry, lang: Lang) {
    if (entry.actorKind === 'citizen') return STRINGS.citizen[lang];
    if (entry.actorKind === 'system' || !entry.actorId) return STRINGS.system[lang];
    // The chain keeps the id; the name and role are read beside it (the id stays in the tooltip).
    if (!entry.actorName) return html`${STRINGS.staff[lang]} <code title=${entry.actorId}>${entry.actorId.slice(0, 8)}</code>`;
    return html`<span class="actor" title=${entry.actorId} data-actor-id=${entry.actorId}>${entry.actorName}</span>${
        entry.actorRole ? html`<br /><span class="muted">${ROLE_LABELS[entry.actorRole as Role]?.[lang] ?? entry.actorRole}</span>` : nothing
      }`;
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
    const whole = !this.caseId;
    const columns = whole ? (['seq', 'at', 'action', 'who', 'entity', 'reason'] as const) : (['seq', 'at', 'action', 'who', 'reason'] as const);
    return renderTable({
      caption: whole ? STRINGS.logCaption[lang] : STRINGS.caption[lang],
      columns: columns.map((key) => STRINGS[key][lang]),
      rows: entries.map(
        (entry) =>
          html`<tr data-action=${entry.action}>
            <td class="nowrap">${entry.seq}</td>
            <td class="nowrap"><time datetime=${entry.at}>${formatDateTime(entry.at)}</time></td>
            <td>${actionLabel(entry.action, lang) ?? html`<code>${entry.action}</code>`}</td>
            <td>${this.#who(entry, lang)}</td>
            ${whole ? html`<td>${this.#entity(entry, lang)}</td>` : nothing}
            <td class="reason">${entry.reason ?? ''}</td>
          </tr>`,
      ),
    });
  }

  static override styles = [tokens, base, panelStyles, dataTable, caseTable, auditStyles, pagerStyles];
}

defineElement('pakn-case-audit', PaknCaseAudit);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-case-audit': PaknCaseAudit;
  }
}
