import { createHash } from 'node:crypto';
import {
  OUT_OF_SCOPE_LABELS,
  emailSearchValue,
  foldForSearch,
  nameSearchWords,
  phoneSearchValue,
  type IdentitySearch,
  type OutOfScopeClass,
} from '@pakn/domain';
import type { Row } from '@libsql/client';
import type { Db, Executor } from './connection.ts';
import { matching, type CaseFilter, type Ranking, type SearchPage } from './case-search-pages.ts';
import { onlyRow, str, strOrNull } from './rows.ts';

/**
 * Full-text search over cases (migrations 0009, 0010). Every repository function that changes indexed text
 * calls `indexCase` in the same transaction, so the index is never behind a committed change.
 *
 * Two kinds of search, never mixed (ADR 0008, issue 9):
 * - text: the case's words (`body`) and the Centre's notes (`notes`), by word prefix;
 * - identity: names, phone numbers and emails, by whole value only. They are indexed as opaque tokens (a hash
 *   of the normalised value), so no prefix of a number, an address or a name can match them, whatever the
 *   query says. `identity` holds the citizens who did not ask for confidentiality, `hidden_identity` the rest.
 */

/** Which text columns a query may match: a unit never matches the Centre's notes. */
export type SearchScope = 'all' | 'unit';

const COLUMNS_BY_SCOPE: Readonly<Record<SearchScope, string>> = {
  all: '{body notes}',
  unit: '{body}',
};

function joined(parts: readonly (string | null | undefined)[]): string {
  return foldForSearch(parts.filter((p): p is string => Boolean(p)).join(' \n '));
}

type IdentityKind = 'phone' | 'email' | 'name';

/**
 * The index token of one whole identity value: a letter and 24 hex digits of a hash of the kind and the
 * normalised value. Opaque on purpose: the index holds no digit or letter of the value that a prefix or a
 * fuzzy query could find.
 */
export function identityToken(kind: IdentityKind, value: string): string {
  return `i${createHash('sha256').update(`pakn-identity\u0000${kind}\u0000${value}`).digest('hex').slice(0, 24)}`;
}

interface Identity {
  readonly name: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

function identityTokens(identity: Identity): string[] {
  const tokens: string[] = [];
  if (identity.name) tokens.push(...nameSearchWords(identity.name).map((w) => identityToken('name', w)));
  if (identity.phone) {
    const phone = phoneSearchValue(identity.phone) ?? identity.phone.replace(/\D/g, '');
    if (phone) tokens.push(identityToken('phone', phone));
  }
  if (identity.email) tokens.push(identityToken('email', emailSearchValue(identity.email)));
  return tokens;
}

const EMAIL_IN_TEXT = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const PHONE_IN_TEXT = /(?<![\p{N}])(?:\+\s?84|84|0)(?:[\s.-]?\d){8,10}(?![\p{N}])/gu;

/**
 * Free text (a description, an officer's note) without the phone numbers and emails typed into it, whose
 * tokens are added to `tokens`: a prefix of a number someone wrote down must not find it either (issue 9).
 */
function withoutContactValues(text: string, tokens: string[]): string {
  return text
    .replace(EMAIL_IN_TEXT, (email) => {
      tokens.push(identityToken('email', emailSearchValue(email)));
      return ' ';
    })
    .replace(PHONE_IN_TEXT, (typed) => {
      const phone = phoneSearchValue(typed);
      if (!phone) return typed;
      tokens.push(identityToken('phone', phone));
      return ' ';
    });
}

/** The tokens an identity search must all find. */
export function identitySearchTokens(search: IdentitySearch): string[] {
  return [
    ...search.phones.map((p) => identityToken('phone', p)),
    ...search.emails.map((e) => identityToken('email', e)),
    ...search.names.map((n) => identityToken('name', n)),
  ];
}

/** After a category is renamed: its cases are found by the new words, not the old. */
export async function reindexCategory(tx: Executor, key: string): Promise<number> {
  const ids = await tx.execute({ sql: 'SELECT id FROM cases WHERE category = ? OR reported_category = ?', args: [key, key] });
  for (const row of ids.rows) await indexCase(tx, str(row, 'id'));
  return ids.rows.length;
}

/** One citizen's identity as stored on a case or a contact, under its own confidentiality flag. */
export interface IndexedIdentity extends Identity {
  readonly confidential: boolean;
}

/** What a case's index row is made of: the case, its contacts and the duplicates merged into it. */
export interface SearchSource {
  readonly reference: string;
  readonly dossierCode: string | null;
  /** The stored Vietnamese labels of its categories and of its out-of-scope class. */
  readonly labels: readonly string[];
  readonly description: string;
  /** The case's own citizen; `confidential` is the case's flag, which hides every identity. */
  readonly citizen: IndexedIdentity;
  readonly contacts: readonly (IndexedIdentity & { readonly summary: string | null })[];
  readonly merged: readonly (IndexedIdentity & { readonly reference: string; readonly description: string })[];
}

/** The FTS row of a case: folded text columns and the identity tokens each column may hold. */
export interface SearchDocument {
  readonly body: string;
  readonly notes: string;
  readonly identity: string;
  readonly hiddenIdentity: string;
}

/**
 * Builds the index row of one case, without I/O: `indexCase` and the data generator (bench/generate) both
 * use it, so generated data is found exactly as real data is.
 */
export function searchDocument(source: SearchSource): SearchDocument {
  // Numbers and addresses typed into a description or a call note leave the prefix-searchable text.
  const written: string[] = [];
  const body = joined([source.reference, source.dossierCode, ...source.labels, withoutContactValues(source.description, written)]);
  const notes = joined([
    ...source.contacts.map((c) => withoutContactValues(c.summary ?? '', written)),
    ...source.merged.flatMap((m) => [m.reference, withoutContactValues(m.description, written)]),
  ]);

  // Each identity goes to the column its own confidentiality allows; a confidential case hides every one.
  const caseConfidential = source.citizen.confidential;
  const open = new Set<string>();
  const hidden = new Set<string>();
  const file = (tokens: readonly string[], confidential: boolean) => {
    for (const t of tokens) (confidential || caseConfidential ? hidden : open).add(t);
  };
  file(identityTokens(source.citizen), caseConfidential);
  for (const c of source.contacts) file(identityTokens(c), c.confidential);
  // The citizens of merged duplicates, each under their own case's flag: the Centre finds the primary by them.
  for (const m of source.merged) file(identityTokens(m), m.confidential);
  // Whose number a text holds is unknown: the Centre's revealing roles find it, by whole value.
  file(written, true);
  // A token both open and hidden (the same number, once open, once confidential) is searchable in the open one.
  for (const t of open) hidden.delete(t);
  return { body, notes, identity: [...open].join(' '), hiddenIdentity: [...hidden].join(' ') };
}

function storedIdentity(row: Row, confidential: boolean): IndexedIdentity {
  return { name: strOrNull(row, 'contact_name'), phone: strOrNull(row, 'contact_phone'), email: strOrNull(row, 'contact_email'), confidential };
}

/** (Re)writes the index row of one case from the case, its contacts and the duplicates merged into it. */
export async function indexCase(tx: Executor, caseId: string): Promise<void> {
  const found = await tx.execute({
    sql: `SELECT reference, dossier_code, category, reported_category, out_of_scope_class, description,
            contact_name, contact_phone, contact_email, confidential FROM cases WHERE id = ?`,
    args: [caseId],
  });
  const row = found.rows[0];
  if (!row) return;
  const contacts = await tx.execute({ sql: 'SELECT summary, phone, name, email, confidential FROM contacts WHERE case_id = ? ORDER BY at', args: [caseId] });
  const merged = await tx.execute({
    sql: 'SELECT reference, description, contact_name, contact_phone, contact_email, confidential FROM cases WHERE merged_into = ? ORDER BY created_at',
    args: [caseId],
  });

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
  const doc = searchDocument({
    reference: str(row, 'reference'),
    dossierCode: strOrNull(row, 'dossier_code'),
    labels,
    description: str(row, 'description'),
    citizen: storedIdentity(row, Number(row.confidential) === 1),
    contacts: contacts.rows.map((c) => ({
      name: strOrNull(c, 'name'),
      phone: strOrNull(c, 'phone'),
      email: strOrNull(c, 'email'),
      summary: strOrNull(c, 'summary'),
      confidential: Number(c.confidential) !== 0,
    })),
    merged: merged.rows.map((m) => ({
      ...storedIdentity(m, Number(m.confidential) !== 0),
      reference: str(m, 'reference'),
      description: str(m, 'description'),
    })),
  });

  const written = await tx.execute({
    sql: `INSERT INTO case_search_docs (case_id) VALUES (?)
          ON CONFLICT (case_id) DO UPDATE SET case_id = excluded.case_id RETURNING doc_id`,
    args: [caseId],
  });
  const docId = Number(onlyRow(written).doc_id);
  await tx.execute({ sql: 'DELETE FROM case_search WHERE rowid = ?', args: [docId] });
  await tx.execute({
    sql: 'INSERT INTO case_search (rowid, body, notes, identity, hidden_identity) VALUES (?, ?, ?, ?, ?)',
    args: [docId, doc.body, doc.notes, doc.identity, doc.hiddenIdentity],
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

/** One quoted prefix term per folded term (see searchTerms), restricted to the scope's text columns. */
function termPhrases(terms: readonly string[], scope: SearchScope): string[] {
  const filter = COLUMNS_BY_SCOPE[scope];
  return terms.map((t) => `${filter} : "${t.replaceAll('"', '""')}"*`);
}

/**
 * The FTS5 expression for a list of folded terms (see searchTerms): each a quoted prefix term, all
 * required, restricted to the scope's text columns (never an identity column). Terms are quoted with their
 * quotes doubled, so no input can be read as query syntax.
 */
export function searchExpression(terms: readonly string[], scope: SearchScope): string {
  return termPhrases(terms, scope).join(' AND ');
}

/** Which identity columns an identity search may match: the open ones, or the confidential ones too. */
export type IdentityColumns = 'open' | 'all';

function identityPhrases(tokens: readonly string[], columns: IdentityColumns): string[] {
  const filter = columns === 'all' ? '{identity hidden_identity}' : '{identity}';
  return tokens.map((t) => `${filter} : "${t.replaceAll('"', '""')}"`);
}

/** The FTS5 expression for identity tokens: whole tokens (no `*`), all required, in the allowed columns. */
export function identityExpression(tokens: readonly string[], columns: IdentityColumns): string {
  return identityPhrases(tokens, columns).join(' AND ');
}

export interface CaseSearch extends CaseFilter, Ranking {
  readonly terms: readonly string[];
  readonly scope: SearchScope;
  /** Cases an identity search with these tokens finds are left out: a list that showed them first (case-list.ts). */
  readonly excludeIdentity?: { readonly tokens: readonly string[]; readonly columns: IdentityColumns } | undefined;
}

export interface IdentityCaseSearch extends CaseFilter, Ranking {
  /** See identitySearchTokens. */
  readonly tokens: readonly string[];
  readonly columns: IdentityColumns;
}

/** Cases matching the words, best match first (bm25), then oldest first. No terms: no results. */
export async function searchCases(db: Executor, search: CaseSearch): Promise<SearchPage> {
  if (search.terms.length === 0) return { cases: [], next: null };
  const excluded = search.excludeIdentity;
  const exclude = excluded && excluded.tokens.length > 0 ? identityExpression(excluded.tokens, excluded.columns) : undefined;
  return matching(db, termPhrases(search.terms, search.scope), { ...search, exclude });
}

/**
 * Cases whose citizen (or a caller about them) has all these whole identity values. The caller decides who
 * may search which columns, and audits the search (packages/api case-list.ts).
 */
export async function searchCasesByIdentity(db: Executor, search: IdentityCaseSearch): Promise<SearchPage> {
  if (search.tokens.length === 0) return { cases: [], next: null };
  return matching(db, identityPhrases(search.tokens, search.columns), search);
}

export type { SearchPage, SearchPosition } from './case-search-pages.ts';
