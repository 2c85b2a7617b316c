import type { Row } from '@libsql/client';
import type { CategoryDefinition } from '@pakn/domain';
import type { Executor } from './connection.ts';
import { num, str, strOrNull } from './rows.ts';

const COLUMNS = 'key, label_vi, label_en, hint_vi, hint_en, position, active';

function toCategory(row: Row): CategoryDefinition {
  const hintVi = strOrNull(row, 'hint_vi');
  const hintEn = strOrNull(row, 'hint_en');
  return {
    key: str(row, 'key'),
    label: { vi: str(row, 'label_vi'), en: str(row, 'label_en') },
    hint: hintVi || hintEn ? { vi: hintVi ?? '', en: hintEn ?? '' } : null,
    position: num(row, 'position'),
    active: num(row, 'active') === 1,
  };
}

/** Every category in display order; inactive ones too unless `activeOnly`. */
export async function listCategories(db: Executor, options: { activeOnly?: boolean } = {}): Promise<CategoryDefinition[]> {
  const where = options.activeOnly ? 'WHERE active = 1' : '';
  const result = await db.execute(`SELECT ${COLUMNS} FROM categories ${where} ORDER BY position, key`);
  return result.rows.map(toCategory);
}

export async function getCategory(db: Executor, key: string): Promise<CategoryDefinition | null> {
  const result = await db.execute({ sql: `SELECT ${COLUMNS} FROM categories WHERE key = ?`, args: [key] });
  const row = result.rows[0];
  return row ? toCategory(row) : null;
}

export interface CategoryChange {
  readonly key: string;
  readonly label: { readonly vi: string; readonly en: string };
  readonly hint: { readonly vi: string; readonly en: string } | null;
  readonly active: boolean;
}

/** A new category goes last. */
export async function insertCategory(tx: Executor, category: CategoryChange, now: Date): Promise<void> {
  const at = now.toISOString();
  await tx.execute({
    sql: `INSERT INTO categories (key, label_vi, label_en, hint_vi, hint_en, position, active, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM categories), ?, ?, ?)`,
    args: [category.key, category.label.vi, category.label.en, category.hint?.vi || null, category.hint?.en || null, category.active ? 1 : 0, at, at],
  });
}

export async function updateCategory(tx: Executor, category: CategoryChange, now: Date): Promise<boolean> {
  const result = await tx.execute({
    sql: `UPDATE categories SET label_vi = ?, label_en = ?, hint_vi = ?, hint_en = ?, active = ?, updated_at = ? WHERE key = ?`,
    args: [
      category.label.vi,
      category.label.en,
      category.hint?.vi || null,
      category.hint?.en || null,
      category.active ? 1 : 0,
      now.toISOString(),
      category.key,
    ],
  });
  return result.rowsAffected === 1;
}

/** Swaps a category with its neighbour above or below; false when it is already first or last. */
export async function moveCategory(tx: Executor, key: string, direction: 'up' | 'down', now: Date): Promise<boolean> {
  const order = (await listCategories(tx)).map((c) => c.key);
  const index = order.indexOf(key);
  const target = direction === 'up' ? index - 1 : index + 1;
  if (index === -1 || target < 0 || target >= order.length) return false;
  // Neighbours swap: the key leaves its place and takes its neighbour's.
  order.splice(target, 0, ...order.splice(index, 1));
  // Renumbered from the list's order, so that ties or gaps left by earlier edits cannot survive a move.
  for (const [i, k] of order.entries()) {
    await tx.execute({
      sql: 'UPDATE categories SET position = ?, updated_at = ? WHERE key = ? AND position <> ?',
      args: [i + 1, now.toISOString(), k, i + 1],
    });
  }
  return true;
}
