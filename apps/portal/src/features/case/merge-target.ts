import type { PaknClient } from '@pakn/api-client';
import { paknClient } from '#shared/client.ts';
import type { InboxEntry } from './case-types.ts';

type InboxQuery = PaknClient['case']['inbox']['query'];

/**
 * The case a duplicate is merged into, found by its reference on the server (issue 10): the inbox's list
 * holds at most 500 cases, so the browser never scans a list for it. The search matches references by
 * their words; only the case whose reference is exactly the one typed counts. Null when there is none
 * this staff member may see.
 */
export async function findMergeTarget(reference: string, signal?: AbortSignal, inbox: InboxQuery = (input, options) => paknClient().case.inbox.query(input, options)): Promise<InboxEntry | null> {
  const found = await inbox({ status: 'all', q: reference }, { signal });
  return found.find((c) => c.reference === reference) ?? null;
}
