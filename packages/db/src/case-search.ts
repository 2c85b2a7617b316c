import { OUT_OF_SCOPE_LABELS, foldForSearch, phoneSearchForms, type CaseRecord, type CaseStatus, type OutOfScopeClass } from '@pakn/domain';
import type { Db, Executor } from './connection.ts';
import { CASE_COLUMNS, toCase } from './cases.ts';
import { str, strOrNull } from './rows.ts';

/**
 * Full-text search over cases (migration 0009). Every repository function that changes indexed text calls
 * `indexCase` in the same transaction, so the index is never behind a committed change.
 */

/** Which columns a query may match: `unit` never matches the Centre's notes nor a confidential identity. */
export type SearchScope = 'all' | 'unit';

const COLUMNS_BY_SCOPE: Readonly<Record<SearchScope, string | null>> = {
  all: null,
  unit: '{body identity}',
};

function joined(parts: readonly (string | null | undefined)[]): string {
  return foldForSearch(parts.filter((p): p is string => Boolean(p)).join(' \n '));
}

/** (Re)writes the index row of one case from the case, its contacts and the duplicates merged into it. */
/** After a category is renamed: its cases are found by the new words, not the old. */
export async function reindexCategory(tx: Executor, key: string): Promise<number> {
  const ids = await tx.execute({ sql: 'SELECT id FROM cases WHERE category = ? OR reported_category = ?', args: [key, key] });
  for (const row of ids.rows) await indexCase(tx, str(row, 'id'));
  return ids.rows.length;
}

export async function indexCase(tx: Executor, caseId: string): Promise<void> {
  const found = await tx.execute({
    sql: `SELECT reference, dossier_code, category, reported_category, out_of_scope_class, description,
            contact_name, contact_phone, contact_email, confidential FROM cases WHERE id = ?`,
    args: [caseId],
  });
  const row = found.rows[0];
  if (!row) return;
  const contacts = await tx.execute({ sql: 'SELECT summary, phone FROM contacts WHERE case_id = ? ORDER BY at', args: [caseId] });
  const merged = await tx.execute({ sql: 'SELECT reference, description FROM cases WHERE merged_into = ? ORDER BY created_at', args: [caseId] });

  // The categories' stored Vietnamese labels only: English ones make short Vietnamese prefixes match ("dat",
  // đất, finds "date").
  const categoryKeys = [strOrNull(row, 'category'), strOrNull(row, 'reported_category')].filter((k): k is string => Boolean(k));
  const labels: string[] = [];
  if (categoryKeys.length > 0) {
    const stored = await tx.execute({ sql: `SELECT label_vi FROM categories WHERE key IN (${categoryKeys.map(() => '?').join(', ')})`, args: categoryKeys });
    labels.push(...stored.rows.map((r) => str(r, 'label_vi')));
  }
  const outOfScope = strOrNull(row, 'out_of_scope_class') as OutOfScopeClass | null;
  if (outOfScope && OUT_OF_SCOPE_LABELS[outOfScope]) labels.push(OUT_OF_SCOPE_LABELS[outOfScope].vi);
  const body = joined([str(row, 'reference'), strOrNull(row, 'dossier_code'), ...labels, str(row, 'description')]);
  const notes = joined([
    ...contacts.rows.map((c) => strOrNull(c, 'summary')),
    ...merged.rows.flatMap((m) => [str(m, 'reference'), str(m, 'description')]),
  ]);
  const phones = [strOrNull(row, 'contact_phone'), ...contacts.rows.map((c) => strOrNull(c, 'phone'))]
    .filter((p): p is string => Boolean(p))
    .flatMap(phoneSearchForms);
  const identity = joined([strOrNull(row, 'contact_name'), strOrNull(row, 'contact_email'), ...new Set(phones)]);
  const confidential = Number(row.confidential) === 1;

  const doc = await tx.execute({
    sql: `INSERT INTO case_search_docs (case_id) VALUES (?)
          ON CONFLICT (case_id) DO UPDATE SET case_id = excluded.case_id RETURNING doc_id`,
    args: [caseId],
  });
  const docId = Number(doc.rows[0]!.doc_id);
  await tx.execute({ sql: 'DELETE FROM case_search WHERE rowid = ?', args: [docId] });
  await tx.execute({
    sql: 'INSERT INTO case_search (rowid, body, notes, identity, hidden_identity) VALUES (?, ?, ?, ?, ?)',
    args: [docId, body, notes, confidential ? '' : identity, confidential ? identity : ''],
  });
}

/**
 * Indexes the cases the index does not know yet, in batches: all of them on a database from before
 * migration 0009, none afterwards. Returns how many were indexed.
 */
export async function indexMissingCases(db: Db, batchSize = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const indexed = await db.write(async (tx) => {
      const missing = await tx.execute({
        sql: `SELECT c.id FROM cases AS c LEFT JOIN case_search_docs AS d ON d.case_id = c.id WHERE d.doc_id IS NULL LIMIT ?`,
        args: [batchSize],
      });
      for (const row of missing.rows) await indexCase(tx, str(row, 'id'));
      return missing.rows.length;
    });
    total += indexed;
    if (indexed < batchSize) return total;
  }
}

/**
 * The FTS5 expression for a list of folded terms (see searchTerms): each a quoted prefix term, all
 * required, restricted to the scope's columns. Terms are quoted with their quotes doubled, so no input
 * can be read as query syntax.
 */
export function searchExpression(terms: readonly string[], scope: SearchScope): string {
  const filter = COLUMNS_BY_SCOPE[scope];
  return terms.map((t) => `${filter ? `${filter} : ` : ''}"${t.replaceAll('"', '""')}"*`).join(' AND ');
}

export interface CaseSearch {
  readonly terms: readonly string[];
  readonly scope: SearchScope;
  /** Only cases handled by this unit. */
  readonly unitId?: string | undefined;
  readonly statuses?: readonly CaseStatus[] | undefined;
  /** Only cases assigned to this staff member. */
  readonly assignedTo?: string | undefined;
  readonly limit?: number | undefined;
}

/** Weights of body, notes, identity, hidden identity in bm25: the case's own words count most. */
const BM25 = 'bm25(case_search, 10.0, 2.0, 5.0, 5.0)';

/** Matching cases, best match first (bm25), then oldest first. No terms: no results. */
export async function searchCases(db: Executor, search: CaseSearch): Promise<CaseRecord[]> {
  if (search.terms.length === 0) return [];
  const where = ['case_search MATCH ?'];
  const args: (string | number)[] = [searchExpression(search.terms, search.scope)];
  if (search.unitId !== undefined) {
    where.push('cases.unit_id = ?');
    args.push(search.unitId);
  }
  if (search.statuses && search.statuses.length > 0) {
    where.push(`cases.status IN (${search.statuses.map(() => '?').join(', ')})`);
    args.push(...search.statuses);
  }
  if (search.assignedTo !== undefined) {
    where.push('cases.assigned_to = ?');
    args.push(search.assignedTo);
  }
  args.push(search.limit ?? 200);
  const result = await db.execute({
    sql: `SELECT ${CASE_COLUMNS}, ${BM25} AS search_rank
          FROM case_search JOIN case_search_docs AS d ON d.doc_id = case_search.rowid JOIN cases ON cases.id = d.case_id
          WHERE ${where.join(' AND ')} ORDER BY search_rank, cases.created_at LIMIT ?`,
    args,
  });
  return result.rows.map(toCase);
}
