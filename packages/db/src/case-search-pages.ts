import type { CaseRecord, CaseStatus } from '@pakn/domain';
import type { Executor } from './connection.ts';
import { CASE_COLUMNS, toCase } from './case-rows.ts';

/**
 * The pages of a full-text search (case-search.ts builds the FTS5 phrases): matches read a window at a time,
 * newest first, ranked inside FTS5 within each window, filtered by narrow rows, and the whole cases read for
 * the page only; each page starts where the one before ended (SearchPosition). Issue 11.
 */

export interface CaseFilter {
  /** Only cases handled by this unit. */
  readonly unitId?: string | undefined;
  readonly statuses?: readonly CaseStatus[] | undefined;
  /** Only cases assigned to this staff member. */
  readonly assignedTo?: string | undefined;
  /** The page's size (200 unless set). */
  readonly limit?: number | undefined;
  /** Where the page starts: the previous page's `next` (the first page when unset). */
  readonly from?: SearchPosition | null | undefined;
}

/**
 * Where a page of results starts: the window of matches at or below `atMost` (see nextWindow), and how many of
 * its matches, best first and after the filter, earlier pages showed. A window is pinned by its newest index row,
 * so cases indexed after the first page (above it) neither shift the pages nor appear in them: a search's pages
 * are the list as it stood at its first page. Each page reads its own windows only, whatever its depth (issue
 * 11: paging by an offset re-read every earlier result, which made exporting a broad search quadratic).
 */
export interface SearchPosition {
  readonly atMost: number;
  readonly skip: number;
}

/** A page of results and where the next one starts (null: none). */
export interface SearchPage {
  readonly cases: CaseRecord[];
  readonly next: SearchPosition | null;
}

/** How the matches are read and ranked; tests set small values to see at a few dozen cases what happens at a million. */
export interface Ranking {
  /** Matches ranked together (RANK_WINDOW unless set). */
  readonly rankWindow?: number | undefined;
  /** A term ranks up to this many estimated documents (RANK_TERM_DOCS unless set). */
  readonly rankTermDocs?: number | undefined;
  /** The most rows a window with unranked terms is scored over (SPARSE_RANK_ROWS unless set). */
  readonly sparseRankRows?: number | undefined;
}

/** Weights of body, notes, identity, hidden identity in bm25: the case's own words count most. */
const BM25 = 'bm25(case_search, 10.0, 2.0, 5.0, 5.0)';

/**
 * The most matches ranked together. bm25 costs a little per match, so a broad term ("hồ sơ" matches nearly
 * every case) ranked over a million matches takes seconds; ranked over the newest RANK_WINDOW matches it takes
 * milliseconds. A search reads windows newest first and ranks within each: with fewer matches than a window
 * (any selective search) that is the whole ranking; with more, recent cases come first, best match first.
 */
const RANK_WINDOW = 5000;

/**
 * bm25 counts, for every term of a query, the documents holding it: a pass over the term's whole list of
 * documents at every query, whatever the LIMIT (0.1-0.5 s for a common term at a million cases). A term in more
 * than RANK_TERM_DOCS documents (estimated) therefore selects the matches without ranking them: the rarer terms
 * rank, and they are the ones bm25 weighs most (its idf falls with the share of documents holding a term, to
 * nothing from one half on). A query of common terms only ("hồ sơ") lists its matches newest first. Under
 * RANK_TERM_DOCS documents in all (the demo, a small city) every term ranks, as before issue 11.
 */
const RANK_TERM_DOCS = 50_000;

/** The most rows a window's ranking phrases may be scored over when some phrases do not rank (see rankedWindow). */
const SPARSE_RANK_ROWS = 20_000;

/** Unranked matches read at a time under a filter, which may drop most of them. */
const UNRANKED_CHUNK = 1000;

/** Matches of a term read to estimate how many documents hold it: the newest ones, lazily with prefix indexes. */
const PROBE = 1000;

interface RankedMatch {
  readonly docId: number;
  readonly rank: number;
}

/** A query: the phrases every match holds, and those of them that rank the matches (all, some or none). */
interface Query {
  readonly phrases: readonly string[];
  readonly ranking: readonly string[];
  /** With a single phrase, its newest matches the probe read: the first window, when it holds it. */
  readonly newest: readonly number[] | null;
  /** The probe found fewer matches than it read: `newest` holds them all. */
  readonly allNewest: boolean;
  /** The estimated documents of the rarest ranking phrase, and of the whole index (see sparse windows). */
  readonly rankingDocs: number;
  readonly top: number;
  readonly sparseRankRows: number;
}

const and = (phrases: readonly string[]) => phrases.join(' AND ');
/** The phrases bm25 may weigh: those in at most `rankTermDocs` documents, estimated from their newest matches' span. */
async function planQuery(db: Executor, phrases: readonly string[], rankTermDocs: number, sparseRankRows: number): Promise<Query> {
  const latest = await db.execute('SELECT MAX(doc_id) AS top FROM case_search_docs');
  const top = Number(latest.rows[0]?.top ?? 0);
  if (top <= rankTermDocs) return { phrases, ranking: phrases, newest: null, allNewest: false, rankingDocs: 0, top, sparseRankRows };
  const probe = Math.min(PROBE, rankTermDocs);
  const ranking: string[] = [];
  let newest: number[] | null = null;
  let rankingDocs = top;
  for (const phrase of phrases) {
    const found = await db.execute({ sql: 'SELECT rowid FROM case_search WHERE case_search MATCH ? ORDER BY rowid DESC LIMIT ?', args: [phrase, probe] });
    const rows = found.rows.map((r) => Number(r.rowid));
    const oldest = rows[probe - 1];
    const estimated = oldest === undefined ? rows.length : (probe / (top - oldest + 1)) * top;
    if (estimated <= rankTermDocs) {
      ranking.push(phrase);
      rankingDocs = Math.min(rankingDocs, estimated);
    }
    if (phrases.length === 1) newest = rows;
  }
  return { phrases, ranking, newest, allNewest: newest !== null && newest.length < probe, rankingDocs, top, sparseRankRows };
}

/**
 * The next window of matches, newest first: up to `size` index rows at or below `atMost` (from the newest when
 * null). A LIMIT read lazily from the top of the lists; a range with a lower bound made FTS5 read several times more.
 */
async function nextWindow(db: Executor, query: Query, atMost: number | null, size: number): Promise<number[]> {
  // The probe read the newest matches of a single phrase already: all of them when it found fewer than it read.
  if (atMost === null && query.newest !== null && (size <= query.newest.length || query.allNewest)) {
    return query.newest.slice(0, size);
  }
  const expression = and(query.phrases);
  const result = await db.execute({
    sql: `SELECT rowid FROM case_search WHERE case_search MATCH ? ${atMost === null ? '' : 'AND rowid <= ?'} ORDER BY rowid DESC LIMIT ?`,
    args: atMost === null ? [expression, size] : [expression, atMost, size],
  });
  return result.rows.map((r) => Number(r.rowid));
}

/**
 * A window's matches (newest first) best first: by bm25 over the ranking phrases, inside FTS5, ties oldest
 * first; newest first when no phrase ranks (every term broad).
 */
async function rankedWindow(db: Executor, query: Query, window: readonly number[]): Promise<RankedMatch[]> {
  const newest = window[0];
  const oldest = window[window.length - 1];
  if (query.ranking.length === 0 || newest === undefined || oldest === undefined) return window.map((docId, i) => ({ docId, rank: i }));
  // Scoring reads the ranking phrases over the window's span: few matches spread widely (0.5 s at 1M) come newest first.
  const partial = query.ranking.length < query.phrases.length;
  if (partial && (query.rankingDocs * (newest - oldest + 1)) / Math.max(query.top, 1) > query.sparseRankRows) {
    return window.map((docId, i) => ({ docId, rank: i }));
  }
  // Every match holds the ranking phrases: their bm25 over the window's rows (exactly them when all phrases rank).
  const scored = await db.execute({
    sql: `SELECT rowid AS doc_id, ${BM25} AS search_rank FROM case_search WHERE case_search MATCH ? AND rowid >= ? AND rowid <= ?`,
    args: [and(query.ranking), oldest, newest],
  });
  const score = new Map(scored.rows.map((r) => [Number(r.doc_id), Number(r.search_rank)]));
  return window.map((docId) => ({ docId, rank: score.get(docId) ?? 0 })).sort((a, b) => a.rank - b.rank || a.docId - b.docId);
}

/**
 * The index rows of `docIds` (a JSON array) joined to their cases, in that order of tables: CROSS JOIN keeps
 * SQLite from starting at every open case, or every case of a unit, instead of at the page's rows.
 */
const PAGE_JOIN = `FROM (SELECT value AS page_doc FROM json_each(?)) AS page
  CROSS JOIN case_search_docs AS d ON d.doc_id = page.page_doc CROSS JOIN cases ON cases.id = d.case_id`;

function filterClause(filter: CaseFilter): { where: string; args: string[] } {
  const where: string[] = [];
  const args: string[] = [];
  if (filter.unitId !== undefined) {
    where.push('cases.unit_id = ?');
    args.push(filter.unitId);
  }
  if (filter.statuses && filter.statuses.length > 0) {
    where.push(`cases.status IN (${filter.statuses.map(() => '?').join(', ')})`);
    args.push(...filter.statuses);
  }
  if (filter.assignedTo !== undefined) {
    where.push('cases.assigned_to = ?');
    args.push(filter.assignedTo);
  }
  return { where: where.length > 0 ? where.join(' AND ') : '1', args };
}

/** The cases of these index rows, in the order of `ranked`. */
async function casesOfMatches(db: Executor, ranked: readonly RankedMatch[]): Promise<CaseRecord[]> {
  if (ranked.length === 0) return [];
  const result = await db.execute({ sql: `SELECT ${CASE_COLUMNS}, d.doc_id ${PAGE_JOIN}`, args: [JSON.stringify(ranked.map((r) => r.docId))] });
  const byDoc = new Map(result.rows.map((row) => [Number(row.doc_id), toCase(row)]));
  return ranked.flatMap((r) => byDoc.get(r.docId) ?? []);
}

/** Those of these ranked matches whose case passes the filter, in their order. */
async function passing(db: Executor, ranked: readonly RankedMatch[], filter: CaseFilter): Promise<RankedMatch[]> {
  if (ranked.length === 0) return [];
  const { where, args } = filterClause(filter);
  const result = await db.execute({ sql: `SELECT d.doc_id ${PAGE_JOIN} WHERE ${where}`, args: [JSON.stringify(ranked.map((r) => r.docId)), ...args] });
  const ok = new Set(result.rows.map((row) => Number(row.doc_id)));
  return ranked.filter((r) => ok.has(r.docId));
}

/** Those of these matches (newest first) that the `exclude` expression does not also match, in their order. */
async function notExcluded(db: Executor, ranked: readonly RankedMatch[], window: readonly number[], exclude: string | undefined): Promise<RankedMatch[]> {
  const newest = window[0];
  const oldest = window[window.length - 1];
  if (exclude === undefined || newest === undefined || oldest === undefined) return [...ranked];
  const found = await db.execute({
    sql: 'SELECT rowid FROM case_search WHERE case_search MATCH ? AND rowid >= ? AND rowid <= ?',
    args: [exclude, oldest, newest],
  });
  const left = new Set(found.rows.map((r) => Number(r.rowid)));
  return ranked.filter((r) => !left.has(r.docId));
}

export interface Paging extends CaseFilter, Ranking {
  /** Matches of this FTS5 expression are left out (the results an earlier list already showed). */
  readonly exclude?: string | undefined;
}

/**
 * Ranks inside FTS5, a window of matches at a time (see RANK_WINDOW), and reads whole cases for the page only
 * (issue 11: ranking and joining every match first took 6-9 s for a broad term at a million cases). A filter
 * (a unit, statuses, an assignee) is checked on each window's matches by narrow rows until the page is full.
 * A page starts where the previous one ended (SearchPosition) and reads one result more than it shows, to know
 * whether another page follows.
 */
export async function matching(db: Executor, phrases: readonly string[], filter: Paging): Promise<SearchPage> {
  const limit = filter.limit ?? 200;
  const filtered = filter.unitId !== undefined || (filter.statuses?.length ?? 0) > 0 || filter.assignedTo !== undefined;
  const query = await planQuery(db, phrases, filter.rankTermDocs ?? RANK_TERM_DOCS, filter.sparseRankRows ?? SPARSE_RANK_ROWS);
  // Unranked matches come newest first: a page needs no more than its own rows (more when a filter drops some).
  const unranked = query.ranking.length === 0;
  const size = filter.rankWindow ?? (unranked ? (filtered ? Math.max(limit + 1, UNRANKED_CHUNK) : limit + 1) : RANK_WINDOW);
  // Each result kept, with where it stands: its window's top and its place among the window's shown matches.
  const kept: { match: RankedMatch; at: SearchPosition }[] = [];
  let atMost = filter.from?.atMost ?? null;
  let skip = filter.from?.skip ?? 0;
  while (kept.length <= limit) {
    const window = await nextWindow(db, query, atMost, size);
    const top = atMost ?? window[0];
    if (top === undefined) break;
    let shown = await rankedWindow(db, query, window);
    if (filtered) shown = await passing(db, shown, filter);
    shown = await notExcluded(db, shown, window, filter.exclude);
    for (let i = skip; i < shown.length && kept.length <= limit; i++) {
      const match = shown[i];
      // Unranked matches are in index order: the next page starts at the match itself, whatever the window size.
      if (match) kept.push({ match, at: unranked ? { atMost: match.docId, skip: 0 } : { atMost: top, skip: i } });
    }
    const oldest = window[window.length - 1];
    if (window.length < size || oldest === undefined) break;
    atMost = oldest - 1;
    skip = 0;
  }
  const page = kept.slice(0, limit);
  return {
    cases: await casesOfMatches(
      db,
      page.map((k) => k.match),
    ),
    next: kept[limit]?.at ?? null,
  };
}
