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
    id: str(row, 'id'),
    caseId: str(row, 'case_id'),
    reference: str(row, 'reference'),
    unitId: str(row, 'unit_id'),
    unitName: str(row, 'unit_name'),
    status: str(row, 'status') as LetterStatus,
    year: row.year === null ? null : num(row, 'year'),
    number: row.number === null ? null : num(row, 'number'),
    body: str(row, 'body'),
    draftedBy: str(row, 'drafted_by'),
    draftedAt: str(row, 'drafted_at'),
    decidedBy: strOrNull(row, 'decided_by'),
    decidedAt: strOrNull(row, 'decided_at'),
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

/** The forwarding register of a year: approved letters by number, then drafts awaiting approval (for the Centre). */
export async function letterRegister(db: Executor, year: number, unitId?: string): Promise<Letter[]> {
  const result = await db.execute({
    // A unit's register holds only the letters it received: the Centre's drafts are not sent yet, and may
    // be returned or go elsewhere.
    sql: `${SELECT} WHERE ((l.year = ? AND l.status = 'approved') OR (l.status = 'draft' AND substr(l.drafted_at, 1, 4) = ?))
          ${unitId ? "AND l.unit_id = ? AND l.status = 'approved'" : ''}
          ORDER BY l.status = 'draft', l.number DESC, l.drafted_at DESC`,
    args: unitId ? [year, String(year), unitId] : [year, String(year)],
  });
  return result.rows.map(toLetter);
}
