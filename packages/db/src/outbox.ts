import type { Executor } from './connection.ts';
import { num, str, strOrNull } from './rows.ts';

export interface OutgoingMessage {
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
  readonly caseId: string | null;
}

export interface QueuedMessage extends OutgoingMessage {
  readonly id: number;
  readonly attempts: number;
}

/** Queues a notification inside the transaction of the change it announces: both happen, or neither. */
export async function enqueueMessage(tx: Executor, message: OutgoingMessage, now: Date): Promise<void> {
  await tx.execute({
    sql: `INSERT INTO outbox (created_at, channel, recipient, subject, body, case_id, next_attempt_at)
          VALUES (?, 'email', ?, ?, ?, ?, ?)`,
    args: [now.toISOString(), message.recipient, message.subject, message.body, message.caseId, now.toISOString()],
  });
}

export async function dueMessages(db: Executor, now: Date, limit: number, maxAttempts: number): Promise<QueuedMessage[]> {
  const result = await db.execute({
    sql: `SELECT id, recipient, subject, body, case_id, attempts FROM outbox
          WHERE sent_at IS NULL AND next_attempt_at <= ? AND attempts < ? ORDER BY id LIMIT ?`,
    args: [now.toISOString(), maxAttempts, limit],
  });
  return result.rows.map((row) => ({
    id: num(row, 'id'),
    recipient: str(row, 'recipient'),
    subject: str(row, 'subject'),
    body: str(row, 'body'),
    caseId: strOrNull(row, 'case_id'),
    attempts: num(row, 'attempts'),
  }));
}

export async function markSent(db: Executor, id: number, now: Date): Promise<void> {
  await db.execute({ sql: 'UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?', args: [now.toISOString(), id] });
}

export async function markFailed(db: Executor, id: number, error: string, nextAttemptAt: Date): Promise<void> {
  await db.execute({
    sql: 'UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?',
    args: [error.slice(0, 500), nextAttemptAt.toISOString(), id],
  });
}

export async function outboxStats(db: Executor): Promise<{ pending: number; sent: number; failing: number }> {
  const result = await db.execute(`SELECT
      SUM(sent_at IS NULL AND attempts = 0) AS pending,
      SUM(sent_at IS NOT NULL) AS sent,
      SUM(sent_at IS NULL AND attempts > 0) AS failing
    FROM outbox`);
  const row = result.rows[0];
  return { pending: Number(row?.pending ?? 0), sent: Number(row?.sent ?? 0), failing: Number(row?.failing ?? 0) };
}
