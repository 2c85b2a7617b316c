import { css } from 'lit';

/** The calendar page (after the shared `listStyles` toolbar, summary and empty box, and `dataTable`): the layout beside the editor, the month grids and the list of special days. */
export const calendarStyles = css`
  .year-field {
    flex: 0 1 10rem;
    margin: 0;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1.5rem;
    align-items: start;
  }
  @media (min-width: 1100px) {
    .layout[data-editing='true'] {
      grid-template-columns: minmax(0, 1fr) minmax(22rem, 27rem);
    }
    .layout[data-editing='true'] .editor {
      grid-column: 2;
      grid-row: 1;
    }
    .layout[data-editing='true'] .view {
      grid-column: 1;
      grid-row: 1;
    }
  }
  .view {
    min-width: 0;
  }

  /* Month view */
  .months-section {
    margin-bottom: 2rem;
  }
  .months-section[data-preview='true'] .months {
    outline: 3px dashed var(--_warning);
    outline-offset: 0.5rem;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.25rem;
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
  }
  .swatch {
    display: inline-block;
    width: 1.5rem;
    height: 1.5rem;
    border-radius: 3px;
    vertical-align: middle;
    margin-right: 0.4rem;
  }
  .legend .swatch {
    margin-right: 0;
  }
  .months {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(13.5rem, 1fr));
    gap: 1rem 1.25rem;
  }
  .month {
    width: 100%;
    table-layout: fixed;
    font-size: 0.9rem;
  }
  .month caption {
    text-align: left;
    font-weight: 600;
    padding-bottom: 0.25rem;
  }
  /* The month grids are tables too: without the data tables' rules. */
  .month th,
  .month td {
    border: 0;
    background: none;
    vertical-align: middle;
  }
  .month th {
    font-weight: 600;
    font-size: 0.8rem;
    color: var(--_muted);
    padding: 0.15rem 0;
    text-align: center;
  }
  .month abbr {
    text-decoration: none;
  }
  .month td {
    padding: 2px;
    text-align: center;
  }
  .day-number {
    display: block;
  }
  /* Each kind has its own border style as well as its colour, so the grid reads without colour too. */
  .day {
    --_day-bg: transparent;
    --_day-border: transparent;
    --_day-border-style: solid;
    --_day-border-width: 2px;
  }
  td.day .day-number,
  .swatch.day {
    background: var(--_day-bg);
    border: var(--_day-border-width) var(--_day-border-style) var(--_day-border);
    border-radius: 3px;
  }
  td.day .day-number {
    line-height: 1.6rem;
  }
  .day[data-kind='weekly_day_off'] {
    --_day-bg: var(--_surface);
    color: var(--_muted);
  }
  .swatch.day[data-kind='weekly_day_off'] {
    border-color: var(--_border);
  }
  /* The days off and the swapped working day stand out in bold; a weekly day off does not. */
  .day[data-kind='public_holiday'],
  .day[data-kind='compensatory_day_off'],
  .day[data-kind='extra_day_off'],
  .day[data-kind='swap_working_day'] {
    font-weight: 700;
  }
  .day[data-kind='public_holiday'] {
    --_day-bg: #fde8e8;
    --_day-border: var(--_danger);
    color: #7d1a1f;
  }
  .day[data-kind='compensatory_day_off'] {
    --_day-bg: #fff0e0;
    --_day-border: #a04a00;
    --_day-border-style: dashed;
    color: #6b3200;
  }
  .day[data-kind='extra_day_off'] {
    --_day-bg: #ebe2f8;
    --_day-border: #5b3a99;
    --_day-border-style: dotted;
    color: #3f2470;
  }
  .day[data-kind='swap_working_day'] {
    --_day-bg: #e5f3ea;
    --_day-border: var(--_success);
    --_day-border-style: double;
    --_day-border-width: 4px;
    color: #14512b;
  }
  td.day[data-kind='swap_working_day'] .day-number {
    line-height: 1.35rem;
  }
  td.day[data-today='true'] .day-number {
    outline: 2px solid var(--_primary);
    outline-offset: 1px;
    text-decoration: underline;
  }

  /* Special days list (a shared data table) */
  .special-days tbody th {
    font-weight: 600;
  }
  .special-days tbody tr:last-child > * {
    border-bottom: 0;
  }
  .special-days .swatch {
    width: 1rem;
    height: 1rem;
  }
  .nowrap {
    white-space: nowrap;
  }
`;
