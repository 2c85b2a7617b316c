import type { Executor } from './connection.ts';
import { str, strOrNull } from './rows.ts';

/** The texts admins edit, by key. */
export type TemplateKey = 'forwarding_letter';

export interface StoredTemplate {
  readonly key: TemplateKey;
  readonly body: string;
  readonly updatedAt: string;
  readonly updatedBy: string | null;
}

export async function getTemplate(db: Executor, key: TemplateKey): Promise<StoredTemplate | null> {
  const result = await db.execute({ sql: 'SELECT key, body, updated_at, updated_by FROM templates WHERE key = ?', args: [key] });
  const row = result.rows[0];
  return row ? { key, body: str(row, 'body'), updatedAt: str(row, 'updated_at'), updatedBy: strOrNull(row, 'updated_by') } : null;
}

export async function saveTemplate(tx: Executor, key: TemplateKey, body: string, staffId: string, now: Date): Promise<void> {
  await tx.execute({
    sql: `INSERT INTO templates (key, body, updated_at, updated_by) VALUES (?, ?, ?, ?)
          ON CONFLICT (key) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    args: [key, body, now.toISOString(), staffId],
  });
}
