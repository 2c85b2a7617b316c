import type { Executor } from './connection.ts';
import { num, onlyRow, str } from './rows.ts';

export interface NewAnswerAttachment {
  readonly id: string;
  readonly caseId: string;
  readonly uploadedBy: string;
  readonly name: string;
  readonly mime: string;
  readonly sha256: string;
  readonly content: Uint8Array;
}

export async function insertAnswerAttachment(tx: Executor, a: NewAnswerAttachment, now: Date): Promise<void> {
  await tx.execute({
    sql: `INSERT INTO answer_attachments (id, case_id, uploaded_by, name, mime, size, sha256, content, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [a.id, a.caseId, a.uploadedBy, a.name, a.mime, a.content.byteLength, a.sha256, a.content, now.toISOString()],
  });
}

/** Files a staff member uploaded for a case and has not linked yet, younger than `maxAgeMs`. */
export async function countPendingAnswerAttachments(db: Executor, caseId: string, staffId: string, now: Date, maxAgeMs: number): Promise<number> {
  const result = await db.execute({
    sql: `SELECT COUNT(*) AS n FROM answer_attachments
          WHERE case_id = ? AND uploaded_by = ? AND linked_at IS NULL AND created_at >= ?`,
    args: [caseId, staffId, new Date(now.getTime() - maxAgeMs).toISOString()],
  });
  return num(onlyRow(result), 'n');
}

/** The files of earlier answers stop being the answer's: a new answer brings its own. */
export async function supersedeAnswerAttachments(tx: Executor, caseId: string, now: Date): Promise<void> {
  await tx.execute({
    sql: 'UPDATE answer_attachments SET superseded_at = ? WHERE case_id = ? AND linked_at IS NOT NULL AND superseded_at IS NULL',
    args: [now.toISOString(), caseId],
  });
}

/**
 * Links one uploaded file to the case's answer. Only a file uploaded for this case, by this staff member, not
 * linked yet and younger than `maxAgeMs` qualifies; returns whether it did.
 */
export async function linkAnswerAttachment(
  tx: Executor,
  link: { id: string; caseId: string; staffId: string; internal: boolean },
  now: Date,
  maxAgeMs: number,
): Promise<boolean> {
  const result = await tx.execute({
    sql: `UPDATE answer_attachments SET linked_at = ?, internal = ?
          WHERE id = ? AND case_id = ? AND uploaded_by = ? AND linked_at IS NULL AND created_at >= ?`,
    args: [now.toISOString(), link.internal ? 1 : 0, link.id, link.caseId, link.staffId, new Date(now.getTime() - maxAgeMs).toISOString()],
  });
  return result.rowsAffected === 1;
}

/** Deletes an upload its own uploader no longer wants; linked files stay. Returns its case, or null. */
export async function deleteAnswerAttachment(tx: Executor, id: string, staffId: string): Promise<string | null> {
  const result = await tx.execute({
    sql: 'DELETE FROM answer_attachments WHERE id = ? AND uploaded_by = ? AND linked_at IS NULL RETURNING case_id',
    args: [id, staffId],
  });
  const row = result.rows[0];
  return row ? str(row, 'case_id') : null;
}

export interface AnswerAttachmentInfo {
  readonly id: string;
  readonly name: string;
  readonly mime: string;
  readonly size: number;
  readonly internal: boolean;
}

/** The files of the case's current answer (internal ones only when asked). */
export async function listAnswerAttachments(db: Executor, caseId: string, withInternal: boolean): Promise<AnswerAttachmentInfo[]> {
  const result = await db.execute({
    sql: `SELECT id, name, mime, size, internal FROM answer_attachments
          WHERE case_id = ? AND linked_at IS NOT NULL AND superseded_at IS NULL ${withInternal ? '' : 'AND internal = 0'}
          ORDER BY created_at, rowid`,
    args: [caseId],
  });
  return result.rows.map((row) => ({
    id: str(row, 'id'),
    name: str(row, 'name'),
    mime: str(row, 'mime'),
    size: num(row, 'size'),
    internal: num(row, 'internal') === 1,
  }));
}

export interface AnswerAttachmentContent {
  readonly caseId: string;
  readonly uploadedBy: string;
  /** Linked to an answer (the current one or an earlier one). */
  readonly linked: boolean;
  readonly name: string;
  readonly mime: string;
  readonly internal: boolean;
  /** Linked to the case's current answer (not a pending upload, not an earlier answer's file). */
  readonly current: boolean;
  readonly content: Uint8Array;
}

export async function getAnswerAttachmentContent(db: Executor, id: string): Promise<AnswerAttachmentContent | null> {
  const result = await db.execute({
    sql: 'SELECT case_id, uploaded_by, name, mime, internal, linked_at, superseded_at, content FROM answer_attachments WHERE id = ?',
    args: [id],
  });
  const row = result.rows[0];
  if (!row) return null;
  const content = row.content;
  return {
    caseId: str(row, 'case_id'),
    uploadedBy: str(row, 'uploaded_by'),
    linked: row.linked_at !== null,
    name: str(row, 'name'),
    mime: str(row, 'mime'),
    internal: row.internal === 1 || row.internal === 1n,
    current: row.linked_at !== null && row.superseded_at === null,
    content: content instanceof ArrayBuffer ? new Uint8Array(content) : (content as unknown as Uint8Array),
  };
}
