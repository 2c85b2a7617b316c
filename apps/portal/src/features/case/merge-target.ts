import type { PaknClient } from '@pakn/api-client';
import { errorInfo, paknClient } from '#shared/client.ts';

type FindByReference = PaknClient['case']['findByReference']['query'];
export type MergeTarget = Awaited<ReturnType<FindByReference>>;

/**
 * The case a duplicate is merged into, found by its reference on the server (issue 10: the inbox's list holds
 * at most 500 cases, so the browser never scans a list for it). The server normalises what was typed
 * (`pakn 2026 000123`) and answers only with a case this staff member may see. Null when there is none.
 */
export async function findMergeTarget(
  reference: string,
  signal?: AbortSignal,
  find: FindByReference = (input, options) => paknClient().case.findByReference.query(input, options),
): Promise<MergeTarget | null> {
  try {
    return await find({ reference }, { signal });
  } catch (error) {
    // Unknown, malformed and invisible references all answer "not found": for the form, there is no such case.
    if (errorInfo(error, 'vi').reason === 'not_found') return null;
    throw error;
  }
}
