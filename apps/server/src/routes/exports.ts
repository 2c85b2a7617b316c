/**
 * /api/v1/exports: staff exports as CSV (and the evaluation as XLSX) with the session cookie and the screens' visibility, each one audited
 * (packages/api/src/exports.ts). An audited export is a write: a POST with a JSON filter from the portal's own
 * origin with the anti-CSRF header (issue 9), so that no link, image or form of any page can run one.
 */
import { Hono } from 'hono';
import { exportCases, exportPeriodReportCsv, exportPeriodReportXlsx, exportUnitEvaluation, exportUnitEvaluationXlsx } from '@pakn/api';
import type { SurfaceContext } from '../app-context.ts';
import type { Logger } from '../logger.ts';
import { downloadResponse, linkRefused, refusedFile, smallBodyLimit } from './file-responses.ts';
import { jsonBodiesOnly, noStore, type AppEnv } from '../middleware.ts';
import { ownPageHeaders } from '../security-headers.ts';

/**
 * A streamed export as the response body: each piece is produced when the connection has taken the one before
 * (pull), so memory stays at one page whatever the export's size, and a client that goes away stops the reading.
 * A failure after the headers are sent cannot become an error status any more: the stream is errored, which makes
 * the server destroy the connection before the last chunk of the chunked body, so the download FAILS instead of
 * leaving a file that looks complete (the text's last record says so too: see CsvExport). The failure is logged once.
 */
function csvBody(chunks: AsyncIterable<string>, logger: Logger, requestId: string | undefined): ReadableStream<Uint8Array> {
  const pieces = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await pieces.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        logger.error({ reqId: requestId, err: error }, 'export: failed while streaming; the response was aborted');
        controller.error(error);
      }
    },
    async cancel() {
      await pieces.return?.();
    },
  });
}

const CSV_EXPORTS: ReadonlyMap<string, typeof exportCases> = new Map([
  ['cases.csv', exportCases],
  ['unit-evaluation.csv', exportUnitEvaluation],
  ['period-report.csv', exportPeriodReportCsv],
]);

/** Exports written whole (workbooks of a few hundred rows: well under a second, issue 12). */
const BINARY_EXPORTS: ReadonlyMap<string, typeof exportPeriodReportXlsx> = new Map([
  ['unit-evaluation.xlsx', exportUnitEvaluationXlsx],
  ['period-report.xlsx', exportPeriodReportXlsx],
]);

/** An export's JSON filter as the string fields a query string would have had; anything else is dropped. */
function exportFilter(body: unknown): Record<string, string | undefined> {
  const filter: Record<string, string | undefined> = Object.create(null) as Record<string, string | undefined>;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return filter;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') filter[key] = String(value);
  }
  return filter;
}

export function exportRoutes({ services, requestInfo, logger }: SurfaceContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', ownPageHeaders, noStore);
  app.on(['GET', 'HEAD'], '/:file', linkRefused('csrf'));
  app.post('/:file', jsonBodiesOnly(), smallBodyLimit, async (c) => {
    const binary = BINARY_EXPORTS.get(c.req.param('file'));
    if (binary) {
      try {
        const file = await binary(services, requestInfo(c), exportFilter(await c.req.json().catch(() => null)));
        return downloadResponse(file.bytes, file.contentType, file.filename, file.filename);
      } catch (error) {
        return refusedFile(c, error);
      }
    }
    const build = CSV_EXPORTS.get(c.req.param('file'));
    if (!build) return c.notFound();
    try {
      const filter = exportFilter(await c.req.json().catch(() => null));
      const file = await build(services, requestInfo(c), filter);
      return downloadResponse(csvBody(file.chunks, logger, c.get('requestId')), 'text/csv; charset=utf-8', file.filename, file.filename);
    } catch (error) {
      return refusedFile(c, error);
    }
  });
  return app;
}
