import { css, html, nothing, type TemplateResult } from 'lit';
import type { Lang, Text } from '@pakn/domain';

const STRINGS = {
  label: { vi: 'Chuyển trang danh sách', en: 'List pages' },
  first: { vi: '« Trang đầu', en: '« First page' },
  previous: { vi: '‹ Trang trước', en: '‹ Previous page' },
  next: { vi: 'Trang sau ›', en: 'Next page ›' },
} as const satisfies Record<string, Text>;

export interface PagerOptions {
  readonly lang: Lang;
  /** Names the pager (the list it pages), for assistive technology and tests. */
  readonly name: string;
  /** Whether the list shows a later page than its first. */
  readonly paged: boolean;
  /** Whether the page before is known (else the pager offers the first page). */
  readonly hasPrevious: boolean;
  /** The cursor of the next page (null on the last one). */
  readonly next: string | null;
  /** Shows the page of this cursor ('' for the first page), or the previous one. */
  readonly go: (to: { cursor: string } | 'previous') => void;
}

export const pagerStyles = css`
  .pager {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.75rem;
  }
`;

/**
 * The next/previous controls under a paged list (issue 11). The server pages by cursor, forwards only: the
 * element keeps the cursors it came through to go back, and a page opened by its link offers the first page.
 */
export function renderPager(o: PagerOptions): TemplateResult | typeof nothing {
  if (!o.paged && o.next === null) return nothing;
  const back = o.hasPrevious
    ? html`<button type="button" class="secondary" data-testid="page-previous" @click=${() => o.go('previous')}>${STRINGS.previous[o.lang]}</button>`
    : html`<button type="button" class="secondary" data-testid="page-first" @click=${() => o.go({ cursor: '' })}>${STRINGS.first[o.lang]}</button>`;
  const next = o.next;
  return html`<nav class="pager" aria-label=${STRINGS.label[o.lang]} data-testid="pager-${o.name}">
    ${o.paged ? back : nothing}
    ${next === null ? nothing : html`<button type="button" class="secondary" data-testid="page-next" @click=${() => o.go({ cursor: next })}>${STRINGS.next[o.lang]}</button>`}
  </nav>`;
}

/** The cursors a list came through, to go back: a page opened by its link has none (its "previous" is the first page). */
export class PageTrail {
  #trail: string[] = [];

  get hasPrevious(): boolean {
    return this.#trail.length > 0;
  }

  /** The cursor to show after a move from the page of `current` ('' for the first page). */
  move(current: string, to: { cursor: string } | 'previous'): string {
    if (to === 'previous') return this.#trail.pop() ?? '';
    if (to.cursor === '') this.#trail = [];
    else this.#trail.push(current);
    return to.cursor;
  }

  reset(): void {
    this.#trail = [];
  }
}
