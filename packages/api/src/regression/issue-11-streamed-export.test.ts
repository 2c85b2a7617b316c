import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { insertCase, listAudit, loadWorkingCalendars, nextReference, recountCaseQueues } from '@pakn/db';
import { exportCases } from '../exports.ts';
import { createCaller } from '../router.ts';
import { createFixture, DESCRIPTION, exportText, PASSWORD, STAFF, type Fixture } from '../test-fixture.ts';

/**
 * Issue 11: the case export stopped at 10,000 cases and built the whole file in memory. It now walks the inbox's
 * keyset pages and hands the file over a page at a time: every case, in the inbox's order, one page in memory;
 * a failure halfway ends the text with a record that says the file is incomplete, and throws.
 */
describe('issue 11: the case export streams every case, a page at a time', () => {
  const CASES = 2_500;
  let f: Fixture;
  let execute: Fixture['db']['execute'];
  beforeAll(async () => {
    f = await createFixture();
    execute = f.db.execute.bind(f.db);
    const at = new Date('2026-03-02T02:00:00Z');
    await f.db.write(async (tx) => {
      for (let i = 0; i < CASES; i++) {
        const base = { accessKeyHash: 'x', channel: 'hotline', siteKey: null, reportedCategory: null, concernedUnitId: null } as const;
        const more = { description: `${DESCRIPTION} (${i})`, contact: undefined, confidential: false, consentAt: null, lang: 'vi' } as const;
        await insertCase(tx, { id: randomUUID(), reference: await nextReference(tx, 2026), ...base, ...more }, new Date(at.getTime() + i * 1000));
      }
    });
    await recountCaseQueues(f.db, await loadWorkingCalendars(f.db), 'missing');
  }, 120_000);
  // The tests below count or break the database's reads by wrapping `execute`: put it back.
  afterEach(() => {
    f.db.execute = execute;
  });
  afterAll(() => f.close());

  async function intakeSession() {
    const request = f.request();
    await createCaller({ services: f.services, request, staff: null }).auth.login({ username: STAFF.intake.username, password: PASSWORD });
    return f.request({ sessionToken: request.cookies[0] ?? null });
  }

  /** The inbox's order, read page by page as the portal does. */
  async function inboxReferences(): Promise<string[]> {
    const references: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await f.as('intake').case.inbox({ status: 'all', limit: 200, ...(cursor ? { cursor } : {}) });
      references.push(...page.items.map((c) => c.reference));
      cursor = page.next ?? undefined;
    } while (cursor);
    return references;
  }

  it('sends every case once, in the inbox order, a page per piece, audited before the first record', async () => {
    const file = await exportCases(f.services, await intakeSession(), { status: 'all' });
    // Audited before anything is read for the file, with the count the list held.
    expect((await listAudit(f.db, { action: 'export.cases' })).map((e) => e.after)).toEqual([{ filter: { status: 'all' }, rows: CASES }]);
    const pieces: string[] = [];
    for await (const piece of file.chunks) pieces.push(piece);
    const records = pieces.join('').split('\r\n').slice(1, -1);
    expect(records).toHaveLength(CASES);
    expect(records.map((r) => r.split(',')[0])).toEqual(await inboxReferences());
    // The head, then one piece per page of 200: the file is never held whole.
    expect(pieces).toHaveLength(1 + Math.ceil(CASES / 200));
    for (const piece of pieces.slice(1)) expect(piece.split('\r\n').length - 1).toBeLessThanOrEqual(200);
  });

  it('reads the database only as the reader asks for more', async () => {
    const file = await exportCases(f.services, await intakeSession(), { status: 'all' });
    let pageReads = 0;
    f.db.execute = (stmt) => {
      if (typeof stmt !== 'string' && /FROM cases\s/.test(stmt.sql) && /ORDER BY queue_rank/.test(stmt.sql)) pageReads++;
      return execute(stmt);
    };
    const pieces = file.chunks[Symbol.asyncIterator]();
    await pieces.next(); // the head
    await pieces.next(); // the first page
    await pieces.next(); // the second page
    expect(pageReads).toBe(2);
    await pieces.return?.(undefined);
  });

  it('ends a file that fails halfway with a record saying it is incomplete, then fails', async () => {
    const file = await exportCases(f.services, await intakeSession(), { status: 'all' });
    let pageReads = 0;
    f.db.execute = (stmt) => {
      if (typeof stmt !== 'string' && /ORDER BY queue_rank/.test(stmt.sql) && ++pageReads === 3) return Promise.reject(new Error('disk I/O error'));
      return execute(stmt);
    };
    await expect(exportText(file)).rejects.toThrow('disk I/O error');
    const again = await exportCases(f.services, await intakeSession(), { status: 'all' });
    pageReads = 0;
    let text = '';
    try {
      for await (const piece of again.chunks) text += piece;
    } catch {
      // The failure itself is the previous assertion's; here, what the file says before it.
    }
    const records = text.split('\r\n').slice(1, -1);
    expect(records).toHaveLength(400 + 1);
    expect(records.at(-1)).toBe('"LỖI: việc xuất dữ liệu bị gián đoạn, tệp này KHÔNG đầy đủ. Vui lòng xuất lại."');
  });
});
