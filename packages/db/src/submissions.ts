import type { Executor } from './connection.ts';
import { num, str } from './rows.ts';

export async function findSubmission(db: Executor, idempotencyKeyHash: string): Promise<{ caseId: string; sealedReceipt: string } | null> {
  const result = await db.execute({
    sql: 'SELECT case_id, sealed_receipt FROM submissions WHERE idempotency_key_hash = ?',
    args: [idempotencyKeyHash],
  });
  const row = result.rows[0];
  return row ? { caseId: str(row, 'case_id'), sealedReceipt: str(row, 'sealed_receipt') } : null;
}

/**
 * Stores the sealed receipt of a new submission. Returns false, writing nothing, when a submission with the
 * same idempotency key is already stored (a copy of the same request that committed first).
 */
export async function insertSubmission(
  tx: Executor,
  submission: { idempotencyKeyHash: string; caseId: string; sealedReceipt: string },
  now: Date,
): Promise<boolean> {
  const result = await tx.execute({
    sql: `INSERT INTO submissions (idempotency_key_hash, case_id, sealed_receipt, created_at) VALUES (?, ?, ?, ?)
          ON CONFLICT (idempotency_key_hash) DO NOTHING`,
    args: [submission.idempotencyKeyHash, submission.caseId, submission.sealedReceipt, now.toISOString()],
  });
  return result.rowsAffected === 1;
}

/**
 * Records a spent proof of work. Returns false if it was spent before (a replay). Expired proofs are not
 * purged here: the proof's own check refuses an expired one, so a purge only has to keep the table small
 * (see purgeExpiredProofs), not run before every spend.
 */
export async function spendProof(tx: Executor, signature: string, expiresAt: Date): Promise<boolean> {
  const result = await tx.execute({
    sql: 'INSERT INTO used_proofs (signature, expires_at) VALUES (?, ?) ON CONFLICT (signature) DO NOTHING',
    args: [signature, expiresAt.toISOString()],
  });
  return result.rowsAffected === 1;
}

/** The purge of expired proofs, exported for its query-plan test: one bounded batch through the expiry index. */
export const PURGE_EXPIRED_PROOFS_SQL =
  'DELETE FROM used_proofs WHERE rowid IN (SELECT rowid FROM used_proofs WHERE expires_at < ? ORDER BY expires_at LIMIT ?)';

/**
 * Deletes at most `limit` proofs whose challenge expired before `now`, oldest first, reading only those rows
 * (index used_proofs_expires_at). Returns how many it deleted; `limit` of them means more may remain.
 */
export async function purgeExpiredProofs(tx: Executor, now: Date, limit: number): Promise<number> {
  const result = await tx.execute({ sql: PURGE_EXPIRED_PROOFS_SQL, args: [now.toISOString(), limit] });
  return result.rowsAffected;
}

export interface NewAttachment {
  readonly id: string;
  readonly siteKey: string;
  readonly name: string;
  readonly mime: string;
  readonly sha256: string;
  readonly content: Uint8Array;
}

export async function insertAttachment(tx: Executor, a: NewAttachment, now: Date): Promise<void> {
  await tx.execute({
    sql: `INSERT INTO attachments (id, case_id, site_key, name, mime, size, sha256, content, created_at)
          VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?)`,
    args: [a.id, a.siteKey, a.name, a.mime, a.content.byteLength, a.sha256, a.content, now.toISOString()],
  });
}

/**
 * Links uploaded files to a new case. Only files uploaded for the same site, not yet linked, and younger than
 * `maxAgeMs` qualify; returns how many were linked, so the caller can refuse a submission that names others.
 */
export async function linkAttachments(tx: Executor, caseId: string, siteKey: string, ids: readonly string[], now: Date, maxAgeMs: number): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await tx.execute({
    sql: `UPDATE attachments SET case_id = ?
          WHERE case_id IS NULL AND site_key = ? AND created_at >= ? AND id IN (${ids.map(() => '?').join(', ')})`,
    args: [caseId, siteKey, new Date(now.getTime() - maxAgeMs).toISOString(), ...ids],
  });
  return result.rowsAffected;
}

export interface AttachmentInfo {
  readonly id: string;
  readonly name: string;
  readonly mime: string;
  readonly size: number;
}

export async function listAttachments(db: Executor, caseId: string): Promise<AttachmentInfo[]> {
  const result = await db.execute({
    sql: 'SELECT id, name, mime, size FROM attachments WHERE case_id = ? ORDER BY created_at, id',
    args: [caseId],
  });
  return result.rows.map((row) => ({ id: str(row, 'id'), name: str(row, 'name'), mime: str(row, 'mime'), size: num(row, 'size') }));
}

export async function getAttachmentContent(
  db: Executor,
  id: string,
): Promise<{ caseId: string | null; name: string; mime: string; content: Uint8Array } | null> {
  const result = await db.execute({ sql: 'SELECT case_id, name, mime, content FROM attachments WHERE id = ?', args: [id] });
  const row = result.rows[0];
  if (!row) return null;
  const content = row.content;
  return {
    caseId: (row.case_id as string | null) ?? null,
    name: str(row, 'name'),
    mime: str(row, 'mime'),
    content: content instanceof ArrayBuffer ? new Uint8Array(content) : (content as unknown as Uint8Array),
  };
}
