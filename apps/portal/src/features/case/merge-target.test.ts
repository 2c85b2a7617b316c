import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { findMergeTarget } from './merge-target.ts';

type Find = NonNullable<Parameters<typeof findMergeTarget>[2]>;

function notFound(): TRPCClientError<never> {
  return new TRPCClientError('Không tìm thấy.', {
    result: { error: { message: 'Không tìm thấy.', code: -32004, data: { reason: 'not_found', httpStatus: 404 } } },
  } as never);
}

describe('findMergeTarget', () => {
  it('issue 10: asks the server for that one reference (never for a list) and takes its answer', async () => {
    const asked: unknown[] = [];
    const find = ((input: unknown) => {
      asked.push(input);
      return Promise.resolve({ id: 'target', reference: 'PAKN-2026-000123', status: 'received' });
    }) as unknown as Find;
    const found = await findMergeTarget('pakn 2026 000123', undefined, find);
    expect(found?.id).toBe('target');
    expect(asked).toEqual([{ reference: 'pakn 2026 000123' }]);
  });

  it('a reference the server does not know (or this user may not see) is no target', async () => {
    const find = (() => Promise.reject(notFound())) as unknown as Find;
    expect(await findMergeTarget('PAKN-2026-000999', undefined, find)).toBeNull();
  });

  it('other failures are not hidden as "not found"', async () => {
    const find = (() => Promise.reject(new TRPCClientError('offline'))) as unknown as Find;
    await expect(findMergeTarget('PAKN-2026-000123', undefined, find)).rejects.toThrow('offline');
  });

  it('passes the signal on, so that a superseded lookup is cancelled', async () => {
    const controller = new AbortController();
    let options: unknown;
    const find = ((_: unknown, o: unknown) => {
      options = o;
      return Promise.resolve({ id: 'x', reference: 'PAKN-2026-000123', status: 'received' });
    }) as unknown as Find;
    await findMergeTarget('PAKN-2026-000123', controller.signal, find);
    expect(options).toEqual({ signal: controller.signal });
  });
});
