import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { appendAudit, approveLetter, insertCase, insertLetter, nextReference } from '@pakn/db';
import { formatError } from '../errors.ts';
import { createFixture, DESCRIPTION, type Fixture, type StaffKey } from '../test-fixture.ts';

/**
 * Issue 11: the forwarding register returned a whole year's letters at once, and the audit list the 500 oldest
 * entries of the log. Both now page by keyset (50 by default) with a total: following `next` reaches every
 * letter and entry exactly once, in order, even while new ones are written between pages; a unit never sees
 * another unit's letters on any page, whatever cursor it sends.
 */
describe('issue 11: the register and the audit list page through everything', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await createFixture();
  });
  afterEach(() => f.close());

  /** A letter written straight into the database: a case, its draft, and (unless `draft`) the Director's approval. */
  async function letter(unitId: string, at: Date, draft = false): Promise<string> {
    const id = randomUUID();
    await f.db.write(async (tx) => {
      const caseId = randomUUID();
      const base = { accessKeyHash: 'x', channel: 'hotline', siteKey: null, reportedCategory: null, concernedUnitId: null } as const;
      const more = { description: DESCRIPTION, contact: undefined, confidential: false, consentAt: null, lang: 'vi' } as const;
      await insertCase(tx, { id: caseId, reference: await nextReference(tx, at.getUTCFullYear()), ...base, ...more }, at);
      await insertLetter(tx, { id, caseId, unitId, body: 'Kính gửi đơn vị.', draftedBy: 's-intake' }, at);
      if (!draft) await approveLetter(tx, id, 's-director', at, at.getUTCFullYear());
    });
    return id;
  }

  /** Every page of the register as `who` sees it, `limit` a page, calling `between` after each page. */
  async function walkRegister(who: StaffKey, limit: number, between: () => Promise<void> = async () => undefined) {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await f.as(who).letter.register({ year: 2026, limit, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items.map((l) => l.id));
      if (!page.next) return seen;
      cursor = page.next;
      await between();
    }
    throw new Error('the register never ended');
  }

  const minute = (n: number) => new Date(Date.UTC(2026, 2, 2, 2, n));

  it('reaches every letter once, numbers first then drafts, while letters are written between pages', async () => {
    for (let i = 0; i < 9; i++) await letter(i % 2 ? 'ward-a' : 'ward-b', minute(i));
    for (let i = 0; i < 4; i++) await letter('ward-a', minute(20 + i), true);
    const before = await f.as('intake').letter.register({ year: 2026, limit: 200 });
    expect(before).toMatchObject({ total: 13, drafts: 4, next: null });
    expect(before.items.map((l) => l.number)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, null, null, null, null]);
    // A row carries what the register shows, not the letter's text.
    expect(before.items[0]).not.toHaveProperty('body');

    let written = 0;
    const walked = await walkRegister('intake', 4, async () => {
      written++;
      await letter('ward-a', minute(40 + written));
      await letter('ward-b', minute(40 + written), true);
    });
    expect(new Set(walked).size).toBe(walked.length);
    // Everything there at the start is reached, and the walk follows the register's order as it stands at the end.
    for (const l of before.items) expect(walked).toContain(l.id);
    const after = (await f.as('intake').letter.register({ year: 2026, limit: 200 })).items.map((l) => l.id);
    expect(after.filter((id) => walked.includes(id))).toEqual(walked);

    // The counters (migration 0018) follow approvals and letters written approved (as the generator writes them).
    const id = await letter('ward-b', minute(59), true);
    await f.db.execute({ sql: `UPDATE letters SET status = 'approved', year = 2026, number = 1000 WHERE id = ?`, args: [id] });
    await f.db.execute(`INSERT INTO letters (id, case_id, unit_id, status, year, number, body, drafted_by, drafted_at)
      SELECT 'bulk', case_id, 'ward-a', 'approved', 2026, 1001, body, drafted_by, drafted_at FROM letters WHERE id = '${id}'`);
    const counted = await f.db.execute(
      `SELECT status = 'draft' AS draft, COUNT(*) AS n FROM letters WHERE year = 2026 OR status = 'draft' GROUP BY 1 ORDER BY 1`,
    );
    const [approved, drafts] = counted.rows.map((r) => Number(r.n));
    expect(await f.as('intake').letter.register({ year: 2026 })).toMatchObject({ total: (approved ?? 0) + (drafts ?? 0), drafts });
    expect((await f.as('handlerA').letter.register({ year: 2026 })).total).toBe(
      Number((await f.db.execute(`SELECT COUNT(*) AS n FROM letters WHERE status = 'approved' AND unit_id = 'ward-a'`)).rows[0]?.n),
    );
  });

  it('shows a unit only the approved letters sent to it, on every page and with any cursor', async () => {
    for (let i = 0; i < 7; i++) await letter(i % 3 ? 'ward-a' : 'ward-b', minute(i));
    await letter('ward-a', minute(30), true);
    const mine = (await f.as('intake').letter.register({ year: 2026, limit: 200 })).items.filter((l) => l.unitId === 'ward-a' && l.status === 'approved');
    expect(await walkRegister('handlerA', 2)).toEqual(mine.map((l) => l.id));
    expect(await f.as('handlerA').letter.register({ year: 2026 })).toMatchObject({ total: mine.length, drafts: 0 });
    // The Centre's cursors, forged ones and the drafts' band give a unit nothing of another unit's.
    const centre = await f.as('intake').letter.register({ year: 2026, limit: 7 });
    const forged = [
      centre.next ?? '',
      Buffer.from(JSON.stringify({ k: 'r', b: 'a', n: 1000, i: '' })).toString('base64url'),
      Buffer.from(JSON.stringify({ k: 'r', b: 'd', a: '9999', i: '' })).toString('base64url'),
    ];
    for (const cursor of forged) {
      const page = await f.as('handlerB').letter.register({ year: 2026, cursor, limit: 200 });
      expect(page.items.every((l) => l.unitId === 'ward-b' && l.status === 'approved')).toBe(true);
    }
  });

  /** Every page of the audit list with these filters, `limit` a page, as `action:entityId`. */
  async function walkAudit(filters: { action?: string; entityType?: string }, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const p: Awaited<ReturnType<ReturnType<Fixture['as']>['audit']['list']>> = await f
        .as('inspector')
        .audit.list({ ...filters, limit, ...(next ? { cursor: next } : {}) });
      seen.push(...p.items.map((e) => `${e.action}:${e.entityId ?? ''}`));
      next = p.next;
    } while (next);
    return seen;
  }

  /** Audit entries written straight into the chain, a minute apart. */
  async function entries(count: number, from: number, action = 'case.classify'): Promise<void> {
    await f.db.write(async (tx) => {
      for (let i = 0; i < count; i++) {
        const entry = { actorKind: 'staff', actorId: 's-intake', action, entityType: 'case', entityId: `c${from + i}` } as const;
        await appendAudit(tx, entry, minute(from + i));
      }
    });
  }

  it('pages the audit list oldest first through every entry, with filters, while entries are written', async () => {
    await entries(23, 0);
    await entries(5, 30, 'case.forwarded');
    const first = await f.as('inspector').audit.list({ limit: 200 });
    expect(first.total).toBe(first.items.length);
    const seen: number[] = [];
    let cursor: string | undefined;
    let page = await f.as('inspector').audit.list({ limit: 5 });
    expect(page.total).toBe(first.total);
    for (;;) {
      seen.push(...page.items.map((e) => e.seq));
      if (!page.next) break;
      cursor = page.next;
      await entries(1, 100 + seen.length);
      page = await f.as('inspector').audit.list({ limit: 5, cursor });
      expect(page.total).toBeNull();
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const e of first.items) expect(seen).toContain(e.seq);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);

    // A filter pages the same way: every `case.forward…` entry once, in order, and nothing else.
    expect(await walkAudit({ action: 'case.forward' }, 2)).toEqual(['c30', 'c31', 'c32', 'c33', 'c34'].map((c) => `case.forwarded:${c}`));
  });

  it('pages through entries written in the same instant (the chain order breaks the tie)', async () => {
    await f.db.write(async (tx) => {
      for (let i = 0; i < 7; i++)
        await appendAudit(tx, { actorKind: 'system', actorId: null, action: 'test.same', entityType: 'test', entityId: `t${i}` }, minute(5));
    });
    expect(await walkAudit({ entityType: 'test' }, 2)).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6'].map((t) => `test.same:${t}`));
  });

  it('refuses a tampered cursor with the message in the user’s language', async () => {
    await entries(3, 0);
    await letter('ward-a', minute(1));
    const queueCursor = Buffer.from('{"k":"q","r":1,"a":"x","i":"y"}').toString('base64url');
    const calls: Promise<unknown>[] = [
      f.as('intake').letter.register({ year: 2026, cursor: 'not a cursor' }),
      f.as('intake').letter.register({ year: 2026, cursor: queueCursor }),
      f.as('intake').letter.register({ year: 2026, cursor: Buffer.from('{"k":"r","b":"a","n":"1","i":"x"}').toString('base64url') }),
      f.as('inspector').audit.list({ cursor: queueCursor }),
      f.as('inspector').audit.list({ cursor: Buffer.from('{"k":"a","a":"2026","n":1.5}').toString('base64url') }),
    ];
    const words = 'Liên kết tới trang danh sách này không hợp lệ hoặc đã cũ. Vui lòng mở lại trang đầu.';
    const refusals = await Promise.all(
      calls.map((call) =>
        call.then(
          () => null,
          (e: unknown) => (e instanceof TRPCError ? formatError(e, 'vi').data : e),
        ),
      ),
    );
    expect(refusals).toEqual(calls.map((): unknown => expect.objectContaining({ reason: 'cursor_invalid', fieldErrors: { cursor: words } })));
  });
});
