import { getCaseForTracking, type Executor } from '@pakn/db';
import { DomainError, normalizeAccessKey, normalizeReference, type CaseRecord } from '@pakn/domain';
import { constantTimeEqualHex, sha256Hex } from './secrets.ts';

/** The hash of a key nobody holds: compared against when the reference is unknown, to take the same time. */
const UNKNOWN_CASE_HASH = sha256Hex('pakn:unknown-case');

function caseNotFound(): DomainError {
  return new DomainError('not_found', 'No case with this reference and key', { reason: 'case_not_found' });
}

/**
 * The case a reference and access key open, or the same "not found" for a wrong key and an unknown case.
 * Shared by the citizen procedures and the citizen's answer-file downloads, below both.
 */
export async function findTrackedCase(db: Executor, input: { reference: string; accessKey: string }): Promise<CaseRecord> {
  const reference = normalizeReference(input.reference);
  const key = normalizeAccessKey(input.accessKey);
  const found = reference ? await getCaseForTracking(db, reference) : null;
  const matches = constantTimeEqualHex(found?.accessKeyHash ?? UNKNOWN_CASE_HASH, sha256Hex(key ?? input.accessKey));
  if (!found || !key || !matches) throw caseNotFound();
  return found.record;
}
