/**
 * The server's structured log: one JSON object a line (pino), read by journald, Docker or any log shipper.
 * What a line may hold is decided where it is written: request lines carry the request id, method, route
 * pattern, status and duration, never a path's values, a query string, a header or a body, so no citizen's
 * name, phone, email or address, no tracking code or access key, no password or session token can reach it
 * (test/logs.test.ts drives such requests and searches the output).
 */
import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A logger at `level` writing to stdout, or to `destination` (tests capture lines there). */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    // The process id helps tell restarts apart; the host name is the log shipper's business.
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    // An error keeps its type, message, stack and code; nothing else of it is logged.
    serializers: { err: errorSerializer },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Only the fields that say what failed. Some libraries hang the request or the statement's arguments on their
 * errors (`args`, `config`, `response`): those may hold a citizen's words and stay out of the log.
 */
function errorSerializer(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const { type, message, stack } = stdSerializers.err(error);
  const code = (error as { code?: unknown }).code;
  return { type, message, stack, ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}) };
}
