import type { Migration } from './migration.ts';

/**
 * Issue 5, search: a full-text index of the cases. Text is folded in code before it is indexed (see
 * foldForSearch in the domain: unicode61 does not fold đ), so a migration cannot fill it; `migrate` then
 * indexes every case missing from it (indexMissingCases), which fills it for databases of 0001–0008 and
 * is a no-op afterwards.
 *
 * case_search_docs gives each case a stable integer row id in the index (the implicit rowid of `cases` may
 * change on VACUUM) and says which cases are indexed. The index's columns:
 * - body: reference, dossier code, category, description: what everyone who sees the case may search;
 * - notes: the Centre's notes of calls and messages about the case (Centre-internal);
 * - identity: the citizen's name, phone digits and email, when the citizen did not ask for confidentiality;
 * - hidden_identity: the same for a confidential case, which a unit's query never names in its column
 *   filter, so a unit cannot probe whether a named person complained.
 */
export const caseSearch: Migration = {
  version: 9,
  name: 'case-search',
  statements: [
    `CREATE TABLE case_search_docs (
      doc_id INTEGER PRIMARY KEY,
      case_id TEXT NOT NULL UNIQUE REFERENCES cases(id)
    ) STRICT`,
    `CREATE VIRTUAL TABLE case_search USING fts5(
      body, notes, identity, hidden_identity,
      tokenize = 'unicode61 remove_diacritics 2'
    )`,
    // Indexing a case reads the duplicates merged into it: without this, a scan of all cases per case.
    `CREATE INDEX cases_merged_into ON cases(merged_into) WHERE merged_into IS NOT NULL`,
  ],
};
