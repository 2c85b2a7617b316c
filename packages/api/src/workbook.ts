import type ExcelJS from 'exceljs';

/**
 * A new XLSX workbook. exceljs, with the zip and XML libraries under it, is loaded with the first workbook, not
 * when the server starts: loaded eagerly it held about 50 MB of an idle server's memory (issue 11's goal is
 * 120 MB), for exports a few staff members ask for now and then.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  book.creator = 'PAKN';
  return book;
}
