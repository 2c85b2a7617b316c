import { css } from 'lit';

/**
 * What a page leaves out on paper (issue 12): forms, filters, buttons, pagers and the elements that are controls.
 * A rule does not reach into another shadow root, so each element that shows controls adds these styles to its
 * own; the controls that are elements of their own (export buttons, the record form) are hidden by their host.
 */
export const printHidesControls = css`
  @media print {
    form,
    button,
    input,
    select,
    textarea,
    .pager,
    .toolbar,
    [data-print='hide'],
    pakn-export-button,
    pakn-download-link,
    pakn-unit-record {
      display: none !important;
    }
    table {
      break-inside: auto;
    }
    /* A table's header repeats on every printed page; a row is never cut between two pages. */
    thead {
      display: table-header-group;
    }
    tr {
      break-inside: avoid;
    }
    .table-wrap {
      overflow: visible !important;
      border: 0;
    }
  }
`;

/** A wide list prints on landscape A4: the page named `wide` in page.css (an @page rule cannot live in a shadow root). */
export const printLandscape = css`
  @media print {
    :host {
      page: wide;
    }
  }
`;
