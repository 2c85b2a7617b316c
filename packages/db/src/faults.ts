/**
 * Storage faults: the disk is full, the file or its filesystem became read-only, the device fails, or the file
 * cannot be opened. None is the request's fault, and each can clear without a restart (space freed, filesystem
 * remounted), so callers answer "try again later" (503) instead of "internal error" (500), and never an
 * acknowledgement: the transaction that hit the fault was rolled back.
 */
const STORAGE_FAULT_CODES: ReadonlySet<string> = new Set(['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_IOERR', 'SQLITE_CANTOPEN']);

/** libsql errors carry the base code (`SQLITE_IOERR`) in `code` and the extended one (`SQLITE_IOERR_WRITE`) in `extendedCode`. */
function baseCode(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^SQLITE_[A-Z]+/.exec(value);
  return match ? match[0] : null;
}

/** The storage fault code in an error or its causes (a wrapped libsql error), or null. */
export function storageFaultCode(error: unknown): string | null {
  let current: unknown = error;
  // Causes are followed a few levels deep only: a cycle must not hang the error path.
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    for (const key of ['code', 'extendedCode'] as const) {
      const code = baseCode((current as Record<string, unknown>)[key]);
      if (code && STORAGE_FAULT_CODES.has(code)) return code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

export function isStorageFault(error: unknown): boolean {
  return storageFaultCode(error) !== null;
}
