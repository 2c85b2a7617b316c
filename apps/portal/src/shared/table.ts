import { css, html, nothing, type TemplateResult } from 'lit';

/** A column of a data table: its heading, a class (to hide it on narrow screens), or a heading only screen readers read. */
type Column = string | { readonly label: string; readonly className?: string; readonly hidden?: boolean };

export interface TableOptions {
  /** Read by screen readers only. */
  readonly caption: string;
  readonly columns: readonly Column[];
  readonly rows: unknown;
  readonly testId?: string;
  /** The table's own class, where its page styles it. */
  readonly className?: string;
  /** A `part` for the wrapper, where the host page styles it. */
  readonly part?: string;
}

function renderColumn(column: Column): TemplateResult {
  if (typeof column === 'string') return html`<th scope="col">${column}</th>`;
  const label = column.hidden ? html`<span class="visually-hidden">${column.label}</span>` : column.label;
  return html`<th scope="col" class=${column.className ?? nothing}>${label}</th>`;
}

/** A data table in its scrolling wrapper: caption, one heading row, the rows. */
export function renderTable(o: TableOptions): TemplateResult {
  return html`<div class="table-wrap" part=${o.part ?? nothing}>
    <table class=${o.className ?? nothing} data-testid=${o.testId ?? nothing}>
      <caption class="visually-hidden">
        ${o.caption}
      </caption>
      <thead>
        <tr>
          ${o.columns.map(renderColumn)}
        </tr>
      </thead>
      <tbody>
        ${o.rows}
      </tbody>
    </table>
  </div>`;
}

/** A list page's frame: the toolbar of filters above the list and its live summary line (the empty box is in `base`). */
export const listStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.5rem 1.5rem;
    margin-bottom: var(--_space);
  }
  .summary {
    margin: 0 0 0.5rem;
    min-height: 1.5em;
  }
`;
