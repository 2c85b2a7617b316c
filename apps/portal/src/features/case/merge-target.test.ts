import { describe, expect, it } from 'vitest';
import type { InboxEntry } from './case-types.ts';
import { findMergeTarget } from './merge-target.ts';

type Inbox = NonNullable<Parameters<typeof findMergeTarget>[2]>;

function entry(id: string, reference: string): InboxEntry {
  return { id, reference } as InboxEntry;
}

describe('findMergeTarget', () => {
  it('issue 10: asks the server for the reference, never for the whole list, and takes only the exact reference', async () => {
    const asked: unknown[] = [];
    const inbox = ((input: unknown) => {
      asked.push(input);
      // The search matches by words: a case that merely mentions the reference comes back too, even first.
      return Promise.resolve([entry('mentions', 'PAKN-2026-000777'), entry('target', 'PAKN-2026-000123')]);
    }) as unknown as Inbox;
    const found = await findMergeTarget('PAKN-2026-000123', undefined, inbox);
    expect(found?.id).toBe('target');
    expect(asked).toEqual([{ status: 'all', q: 'PAKN-2026-000123' }]);
  });

  it('finds nothing when no answer has exactly that reference', async () => {
    const inbox = (() => Promise.resolve([entry('other', 'PAKN-2026-0001234')])) as unknown as Inbox;
    expect(await findMergeTarget('PAKN-2026-000123', undefined, inbox)).toBeNull();
  });

  it('passes the signal on, so that a superseded lookup is cancelled', async () => {
    const controller = new AbortController();
    let options: unknown;
    const inbox = ((_: unknown, o: unknown) => {
      options = o;
      return Promise.resolve([]);
    }) as unknown as Inbox;
    await findMergeTarget('PAKN-2026-000123', controller.signal, inbox);
    expect(options).toEqual({ signal: controller.signal });
  });
});
