import type { Executor } from './connection.ts';
import { num, onlyRow, str, strOrNull } from './rows.ts';

export type LetterStatus = 'draft' | 'approved' | 'returned';

export interface Letter {
  readonly id: string;
  readonly caseId: string;
  readonly reference: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly status: LetterStatus;
  /** Register number of the year, given when the Director approves. */
  readonly year: number | null;
  readonly number: number | null;
  readonly body: string;
  readonly draftedBy: string;
  readonly draftedAt: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly decisionComment: string | null;
}

const SELECT = `SELECT l.id, l.case_id, c.reference, l.unit_id, u.name AS unit_name, l.status, l.year, l.number, l.body,
  l.drafted_by, l.drafted_at, l.decided_by, l.decided_at, l.decision_comment
  FROM letters AS l JOIN cases AS c ON c.id = l.case_id JOIN units AS u ON u.id = l.unit_id`;

function toLetter(row: Parameters<typeof str>[0]): Letter {
  return {
    ...toRegisterLetter(row),
    body: str(row, 'body'),
    draftedBy: str(row, 'drafted_by'),
    decidedBy: strOrNull(row, 'decided_by'),
    decisionComment: strOrNull(row, 'decision_comment'),
  };
}

export async function insertLetter(tx: Executor, l: { id: string; caseId: string; unitId: string; body: string; draftedBy: string }, now: Date): Promise<void> {
  await tx.execute({
    sql: `INSERT INTO letters (id, case_id, unit_id, status, body, drafted_by, drafted_at) VALUES (?, ?, ?, 'draft', ?, ?, ?)`,
    args: [l.id, l.caseId, l.unitId, l.body, l.draftedBy, now.toISOString()],
  });
}

export async function currentDraft(db: Executor, caseId: string): Promise<Letter | null> {
  const result = await db.execute({ sql: `${SELECT} WHERE l.case_id = ? AND l.status = 'draft' ORDER BY l.drafted_at DESC LIMIT 1`, args: [caseId] });
  const row = result.rows[0];
  return row ? toLetter(row) : null;
}

/** Approves a draft and gives it the next number of the year's register. */
export async function approveLetter(tx: Executor, id: string, staffId: string, now: Date, year: number): Promise<number> {
  const next = await tx.execute({ sql: 'SELECT COALESCE(MAX(number), 0) + 1 AS n FROM letters WHERE year = ?', args: [year] });
  const number = num(onlyRow(next), 'n');
  await tx.execute({
    sql: `UPDATE letters SET status = 'approved', year = ?, number = ?, decided_by = ?, decided_at = ? WHERE id = ? AND status = 'draft'`,
    args: [year, number, staffId, now.toISOString(), id],
  });
  return number;
}

export async function returnLetter(tx: Executor, id: string, staffId: string, comment: string, now: Date): Promise<void> {
  await tx.execute({
    sql: `UPDATE letters SET status = 'returned', decided_by = ?, decided_at = ?, decision_comment = ? WHERE id = ? AND status = 'draft'`,
    args: [staffId, now.toISOString(), comment, id],
  });
}

export async function getLetter(db: Executor, id: string): Promise<Letter | null> {
  const result = await db.execute({ sql: `${SELECT} WHERE l.id = ?`, args: [id] });
  const row = result.rows[0];
  return row ? toLetter(row) : null;
}

export async function lettersOfCase(db: Executor, caseId: string): Promise<Letter[]> {
  const result = await db.execute({ sql: `${SELECT} WHERE l.case_id = ? ORDER BY l.drafted_at`, args: [caseId] });
  return result.rows.map(toLetter);
}

/** A letter as a row of the register shows it: no body, no decision's comment (the letter's page reads them). */
export type RegisterLetter = Pick<Letter, 'id' | 'caseId' | 'reference' | 'unitId' | 'unitName' | 'status' | 'year' | 'number' | 'draftedAt' | 'decidedAt'>;

/**
 * A place in the register: the approved letters come first by number (highest first), then the drafts by the
 * time they were written (newest first, the id breaking ties).
 */
export type RegisterPosition =
  { readonly band: 'approved'; readonly number: number; readonly id: string } | { readonly band: 'drafts'; readonly draftedAt: string; readonly id: string };

export interface RegisteredLetter {
  readonly letter: RegisterLetter;
  readonly position: RegisterPosition;
}

/** Whose register: the Centre's (every letter, drafts included) or one unit's (the approved letters sent to it). */
export interface RegisterFilter {
  readonly year: number;
  readonly unitId?: string | undefined;
}

const REGISTER_SELECT = `SELECT l.id, l.case_id, c.reference, l.unit_id, u.name AS unit_name, l.status, l.year, l.number, l.drafted_at, l.decided_at
  FROM letters AS l JOIN cases AS c ON c.id = l.case_id JOIN units AS u ON u.id = l.unit_id`;

/** A register row, in the order the register shows it: number, dates, case, unit, status. */
function toRegisterLetter(row: Parameters<typeof str>[0]): RegisterLetter {
  return {
    year: row.year === null ? null : num(row, 'year'),
    number: row.number === null ? null : num(row, 'number'),
    draftedAt: str(row, 'drafted_at'),
    decidedAt: strOrNull(row, 'decided_at'),
    caseId: str(row, 'case_id'),
    reference: str(row, 'reference'),
    unitId: str(row, 'unit_id'),
    unitName: str(row, 'unit_name'),
    status: str(row, 'status') as LetterStatus,
    id: str(row, 'id'),
  };
}

/** The drafts of a year: written in it (ISO instants compare as text). */
function yearRange(year: number): [string, string] {
  return [String(year).padStart(4, '0'), String(year + 1).padStart(4, '0')];
}

/**
 * One page of the forwarding register of a year after `after` (the last row of the page before): the approved
 * letters by number, highest first, then (for the Centre) the drafts awaiting approval, newest first. Each band
 * is a range of its own index (migration 0018), so a page costs the same at any depth. A unit's register holds
 * only the letters it received: the Centre's drafts are not sent yet, and may be returned or go elsewhere.
 */
export async function letterRegisterPage(db: Executor, filter: RegisterFilter, after: RegisterPosition | null, limit: number): Promise<RegisteredLetter[]> {
  const found: RegisteredLetter[] = [];
  if (after === null || after.band === 'approved') {
    const unit = filter.unitId === undefined ? '' : 'AND l.unit_id = ?';
    const from = after === null ? '' : 'AND l.number < ?';
    const result = await db.execute({
      sql: `${REGISTER_SELECT} WHERE l.status = 'approved' AND l.year = ? ${unit} ${from} ORDER BY l.number DESC LIMIT ?`,
      args: [filter.year, ...(filter.unitId === undefined ? [] : [filter.unitId]), ...(after === null ? [] : [after.number]), limit],
    });
    for (const row of result.rows) {
      const letter = toRegisterLetter(row);
      found.push({ letter, position: { band: 'approved', number: letter.number ?? 0, id: letter.id } });
    }
  }
  if (filter.unitId !== undefined || found.length >= limit) return found;
  const [from, until] = yearRange(filter.year);
  const afterDraft = after?.band === 'drafts' ? after : null;
  const result = await db.execute({
    sql: `${REGISTER_SELECT} WHERE l.status = 'draft' AND l.drafted_at >= ? AND l.drafted_at < ? ${afterDraft ? 'AND (l.drafted_at, l.id) < (?, ?)' : ''}
          ORDER BY l.drafted_at DESC, l.id DESC LIMIT ?`,
    args: [from, until, ...(afterDraft ? [afterDraft.draftedAt, afterDraft.id] : []), limit - found.length],
  });
  for (const row of result.rows) {
    const letter = toRegisterLetter(row);
    found.push({ letter, position: { band: 'drafts', draftedAt: letter.draftedAt, id: letter.id } });
  }
  return found;
}

/**
 * How many letters the register of a year holds, and how many of them are drafts: the approved ones from the
 * counters (migration 0018), the drafts (a few awaiting the Director) in their index.
 */
export async function countLetterRegister(db: Executor, filter: RegisterFilter): Promise<{ total: number; drafts: number }> {
  const approved = await db.execute({
    sql: `SELECT IFNULL(SUM(n), 0) AS n FROM letter_counts WHERE year = ? ${filter.unitId === undefined ? '' : 'AND unit_id = ?'}`,
    args: filter.unitId === undefined ? [filter.year] : [filter.year, filter.unitId],
  });
  const approvedCount = Number(approved.rows[0]?.n ?? 0);
  if (filter.unitId !== undefined) return { total: approvedCount, drafts: 0 };
  const drafts = await db.execute({
    sql: `SELECT COUNT(*) AS n FROM letters WHERE status = 'draft' AND drafted_at >= ? AND drafted_at < ?`,
    args: yearRange(filter.year),
  });
  const draftCount = Number(drafts.rows[0]?.n ?? 0);
  return { total: approvedCount + draftCount, drafts: draftCount };
}
