import { describe, expect, it } from 'vitest';
import { isStorageFault, storageFaultCode } from './faults.ts';

describe('issue 9: storage faults', () => {
  it('recognises a full disk, a read-only file, an I/O error and an unopenable file, also when wrapped', () => {
    expect(storageFaultCode({ code: 'SQLITE_FULL' })).toBe('SQLITE_FULL');
    expect(storageFaultCode({ code: 'SQLITE_UNKNOWN', extendedCode: 'SQLITE_IOERR_WRITE' })).toBe('SQLITE_IOERR');
    expect(storageFaultCode(new Error('wrapped', { cause: { code: 'SQLITE_READONLY_DBMOVED' } }))).toBe('SQLITE_READONLY');
    expect(isStorageFault({ code: 'SQLITE_CANTOPEN' })).toBe(true);
  });

  it('leaves every other error to the internal-error path', () => {
    expect(isStorageFault({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBe(false);
    expect(isStorageFault({ code: 'CLIENT_CLOSED' })).toBe(false);
    expect(isStorageFault(new Error('boom'))).toBe(false);
    const cyclic: { code: string; cause?: unknown } = { code: 'X' };
    cyclic.cause = cyclic;
    expect(isStorageFault(cyclic)).toBe(false);
  });
});
