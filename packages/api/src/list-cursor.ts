import type { AuditPosition, QueuePosition, RegisterPosition, SearchPosition } from '@pakn/db';
import { DomainError } from '@pakn/domain';

/**
 * The opaque cursors of paged lists (issue 11): base64url JSON, the last row's place in the list's order (`q`
 * the case lists, `r` the forwarding register, `a` the audit log) or, for search results, how many results the
 * previous pages showed (`s`). Nothing in one is a
 * secret or a permission: the server re-applies the caller's filters and scope to every page, so a forged
 * cursor can only skip ahead in what the caller may see anyway. Anything that does not decode is a clear
 * error in the user's language (`cursor_invalid`), never a silent first page.
 */
type Cursor =
  | { readonly k: 'q'; readonly r: number; readonly a: string; readonly i: string }
  | { readonly k: 's'; readonly p: 'i' | 't'; readonly a: number; readonly n: number }
  | { readonly k: 'r'; readonly b: 'a'; readonly n: number; readonly i: string }
  | { readonly k: 'r'; readonly b: 'd'; readonly a: string; readonly i: string }
  | { readonly k: 'a'; readonly a: string; readonly n: number };

function encode(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function invalid(): DomainError {
  return new DomainError('invalid', 'Invalid list cursor', { reason: 'cursor_invalid', fields: { cursor: 'cursor_invalid' } });
}

function decode(text: string): Record<string, unknown> {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw invalid();
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Not JSON: the same refusal as any other malformed cursor.
  }
  throw invalid();
}

export function encodeQueueCursor(position: QueuePosition): string {
  return encode({ k: 'q', r: position.rank, a: position.at, i: position.id });
}

/** The place after which a list page starts; null for the first page. */
export function decodeQueueCursor(text: string | undefined): QueuePosition | null {
  if (text === undefined || text === '') return null;
  const c = decode(text);
  if (c.k !== 'q' || !Number.isInteger(c.r) || typeof c.a !== 'string' || typeof c.i !== 'string') throw invalid();
  return { rank: Number(c.r), at: c.a, id: c.i };
}

/** Where a search's next page starts: in its identity matches or in its words (case-list.ts), and where there. */
export interface SearchCursor {
  readonly part: 'identity' | 'text';
  readonly from: SearchPosition | null;
}

export function encodeSearchCursor(cursor: { part: 'identity' | 'text'; from: SearchPosition }): string {
  return encode({ k: 's', p: cursor.part === 'identity' ? 'i' : 't', a: cursor.from.atMost, n: cursor.from.skip });
}

/** Where a search page starts; the first page (identity matches first, from the top) without a cursor. */
export function decodeSearchCursor(text: string | undefined): SearchCursor {
  if (text === undefined || text === '') return { part: 'identity', from: null };
  const c = decode(text);
  const count = (v: unknown) => Number.isSafeInteger(v) && Number(v) >= 0;
  if (c.k !== 's' || (c.p !== 'i' && c.p !== 't') || !count(c.a) || !count(c.n)) throw invalid();
  return { part: c.p === 'i' ? 'identity' : 'text', from: { atMost: Number(c.a), skip: Number(c.n) } };
}

export function encodeRegisterCursor(position: RegisterPosition): string {
  return encode(
    position.band === 'approved' ? { k: 'r', b: 'a', n: position.number, i: position.id } : { k: 'r', b: 'd', a: position.draftedAt, i: position.id },
  );
}

/** The register's place after which a page starts; null for the first page. */
export function decodeRegisterCursor(text: string | undefined): RegisterPosition | null {
  if (text === undefined || text === '') return null;
  const c = decode(text);
  if (c.k !== 'r' || typeof c.i !== 'string') throw invalid();
  if (c.b === 'a' && Number.isSafeInteger(c.n)) return { band: 'approved', number: Number(c.n), id: c.i };
  if (c.b === 'd' && typeof c.a === 'string') return { band: 'drafts', draftedAt: c.a, id: c.i };
  throw invalid();
}

export function encodeAuditCursor(position: AuditPosition): string {
  return encode({ k: 'a', a: position.at, n: position.seq });
}

/** The audit log's place after which a page starts; null for the first page. */
export function decodeAuditCursor(text: string | undefined): AuditPosition | null {
  if (text === undefined || text === '') return null;
  const c = decode(text);
  if (c.k !== 'a' || typeof c.a !== 'string' || !Number.isSafeInteger(c.n)) throw invalid();
  return { at: c.a, seq: Number(c.n) };
}
