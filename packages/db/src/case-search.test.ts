import fc from 'fast-check';
import { identitySearchTerms, searchTerms } from '@pakn/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Db, type Executor } from './connection.ts';
import { MIGRATIONS, migrate } from './migrate.ts';
import { insertCase, updateCase, type NewCase } from './cases.ts';
import {
  identityExpression,
  identitySearchTokens,
  indexMissingCases,
  searchCases,
  searchCasesByIdentity,
  searchExpression,
  type CaseSearch,
  type IdentityColumns,
  type SearchPage,
  type SearchPosition,
  type SearchScope,
} from './case-search.ts';
import { insertContact } from './intake.ts';

let db: Db;
const now = new Date('2026-03-02T02:00:00Z');

function newCase(id: string, overrides: Partial<NewCase> = {}): NewCase {
  return {
    id,
    reference: `PAKN-2026-${id.padStart(6, '0')}`,
    accessKeyHash: 'x',
    channel: 'hotline',
    siteKey: null,
    reportedCategory: null,
    concernedUnitId: null,
    description: 'Hồ sơ cấp giấy phép xây dựng trên đường Đinh Tiên Hoàng bị trả chậm.',
    contact: { name: 'Trần Thị Đào', phone: '0912345678' },
    confidential: false,
    consentAt: null,
    lang: 'vi',
    ...overrides,
  };
}

async function ids(query: string, scope: SearchScope = 'all'): Promise<string[]> {
  return (await searchCases(db, { terms: searchTerms(query), scope })).cases.map((c) => c.id);
}

/**
 * The ids of consecutive pages of a search, each page of the next size, starting where the previous one said
 * (`next`); the last size is repeated until no page follows.
 */
async function paged(search: Omit<CaseSearch, 'from' | 'limit'>, sizes: readonly number[]): Promise<string[]> {
  const found: string[] = [];
  let from: SearchPosition | null = null;
  for (let i = 0; i === 0 || from !== null; i++) {
    const page: SearchPage = await searchCases(db, { ...search, from, limit: sizes[Math.min(i, sizes.length - 1)] });
    found.push(...page.cases.map((c) => c.id));
    from = page.next;
  }
  return found;
}

async function idsByIdentity(query: string, columns: IdentityColumns = 'all'): Promise<string[]> {
  return (await searchCasesByIdentity(db, { tokens: identitySearchTokens(identitySearchTerms(query)), columns })).cases.map((c) => c.id);
}

afterEach(() => db.close());

describe('the case search index', () => {
  beforeEach(async () => {
    db = await Db.open({ url: ':memory:' });
    await migrate(db);
  });

  it('finds a case with or without diacritics, đ included, by any word prefix', async () => {
    await db.write((tx) => insertCase(tx, newCase('1'), now));
    for (const q of ['duong dinh tien hoang', 'Đường Đinh', 'ĐINH TIÊN', 'giay phep', 'tra cham', 'PAKN-2026-000001']) {
      expect(await ids(q), q).toEqual(['1']);
    }
    expect(await ids('duong lang')).toEqual([]);
  });

  it('issue 9: finds a citizen by whole values only, never by a prefix, and never through a text search', async () => {
    await db.write((tx) => insertCase(tx, newCase('1', { contact: { name: 'Trần Thị Đào', phone: '0912345678', email: 'dao.tran@example.vn' } }), now));
    for (const q of ['tran thi dao', 'Đào Trần', '0912 345 678', '+84 912 345 678', '84912345678', 'DAO.TRAN@example.vn'])
      expect(await idsByIdentity(q), q).toEqual(['1']);
    for (const q of ['tra thi', 'Đào', 'da', '0912', '091234567', '912345', 'dao.tran@example', 'tran@example.vn'])
      expect(await idsByIdentity(q), q).toEqual([]);
    for (const q of ['tran thi dao', '0912345678', '091', 'dao tran example']) expect(await ids(q), q).toEqual([]);
    // The index holds no digit of the number and no letter of the name: an expression of any kind finds nothing.
    for (const raw of ['"091"*', '"0912345678"', '"tran"*', 'identity : "0912"*', 'hidden_identity : "dao"*']) {
      const found = await db.execute({ sql: 'SELECT rowid FROM case_search WHERE case_search MATCH ?', args: [raw] });
      expect(found.rows, raw).toHaveLength(0);
    }
  });

  it('follows a corrected description and a classification', async () => {
    await db.write((tx) => insertCase(tx, newCase('1'), now));
    await db.write((tx) => updateCase(tx, '1', 1, { status: 'received', description: 'Nội dung đã sửa: thu phí ngoài quy định ở bộ phận một cửa.' }, now));
    expect(await ids('dinh tien hoang')).toEqual([]);
    expect(await ids('thu phi mot cua')).toEqual(['1']);
    expect(await ids('sach nhieu')).toEqual([]);
    await db.write((tx) => updateCase(tx, '1', 2, { status: 'accepted', category: 'harassment' }, now));
    expect(await ids('sach nhieu')).toEqual(['1']);
  });

  it('issue 9: takes numbers and emails typed into the text out of prefix search, for the Centre to find whole', async () => {
    const description = 'Tôi gọi số 0912.345.678 và gửi thư tới dao.tran@example.vn nhưng hồ sơ PAKN-2026-000001 vẫn chưa trả (ngày 2026-03-02).';
    await db.write((tx) => insertCase(tx, newCase('1', { description, contact: undefined }), now));
    for (const q of ['0912', '091234', 'dao tran', 'example']) expect(await ids(q), q).toEqual([]);
    expect(await ids('ho so chua tra 2026')).toEqual(['1']);
    expect(await idsByIdentity('0912345678', 'all')).toEqual(['1']);
    expect(await idsByIdentity('dao.tran@example.vn', 'all')).toEqual(['1']);
    expect(await idsByIdentity('0912345678', 'open')).toEqual([]);
  });

  it('indexes the notes of later calls about a case, and each caller under their own confidentiality', async () => {
    await db.write((tx) => insertCase(tx, newCase('1'), now));
    await db.write((tx) =>
      insertContact(tx, {
        id: 'k1',
        caseId: '1',
        channel: 'hotline',
        at: now,
        phone: '0987654321',
        name: 'Hoàng Văn Sơn',
        summary: 'Gọi lại hỏi tiến độ ở phường Láng',
        recordedBy: null,
        isFollowUp: true,
        confidential: true,
      }),
    );
    await db.write((tx) =>
      insertContact(tx, {
        id: 'k2',
        caseId: '1',
        channel: 'zalo',
        at: now,
        phone: '0977000111',
        summary: 'Nhắn Zalo hỏi tiến độ',
        recordedBy: null,
        isFollowUp: true,
        confidential: false,
      }),
    );
    expect(await ids('phuong lang')).toEqual(['1']);
    expect(await ids('phuong lang', 'unit')).toEqual([]);
    expect(await idsByIdentity('0987654321', 'all')).toEqual(['1']);
    expect(await idsByIdentity('hoang van son', 'all')).toEqual(['1']);
    // The case's citizen did not ask for confidentiality; this caller did.
    expect(await idsByIdentity('0987654321', 'open')).toEqual([]);
    expect(await idsByIdentity('hoang son', 'open')).toEqual([]);
    expect(await idsByIdentity('0977000111', 'open')).toEqual(['1']);
    expect(await idsByIdentity('0912345678', 'open')).toEqual(['1']);
  });

  it('never lets a unit match the identity of a confidential case, but its text yes', async () => {
    await db.write(async (tx) => {
      await insertCase(tx, newCase('1', { confidential: true }), now);
      await insertCase(
        tx,
        newCase('2', { contact: { name: 'Lê Văn Bình', phone: '0901111222' }, description: 'Cán bộ phường gây phiền hà khi chứng thực bản sao.' }),
        now,
      );
    });
    expect(await idsByIdentity('tran thi dao', 'open')).toEqual([]);
    expect(await idsByIdentity('0912345678', 'open')).toEqual([]);
    expect(await ids('dao giay phep', 'unit')).toEqual([]);
    expect(await ids('giay phep', 'unit')).toEqual(['1']);
    expect(await idsByIdentity('le van binh', 'open')).toEqual(['2']);
    expect(await idsByIdentity('tran thi dao', 'all')).toEqual(['1']);
  });

  it('never fails on any input, whatever syntax it carries', async () => {
    await db.write((tx) => insertCase(tx, newCase('1'), now));
    const hostile = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc
        .array(
          fc.constantFrom(
            '"',
            "'",
            '*',
            '-',
            '+',
            '(',
            ')',
            ':',
            '^',
            '{',
            '}',
            'NEAR',
            'AND',
            'OR',
            'NOT',
            'NEAR(',
            ',',
            ' ',
            'đ',
            'duong',
            '\\',
            ';',
            '%',
            '\u0000',
          ),
          { maxLength: 20 },
        )
        .map((parts) => parts.join('')),
    );
    await fc.assert(
      fc.asyncProperty(hostile, fc.constantFrom<SearchScope>('all', 'unit'), async (q, scope) => {
        await searchCases(db, { terms: searchTerms(q), scope });
        await searchCasesByIdentity(db, { tokens: identitySearchTokens(identitySearchTerms(q)), columns: scope === 'all' ? 'all' : 'open' });
      }),
      { numRuns: 300 },
    );
    // Even raw terms that were never cleaned are quoted into valid syntax.
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 5 }), async (terms) => {
        await db.execute({ sql: 'SELECT rowid FROM case_search WHERE case_search MATCH ?', args: [searchExpression(terms, 'unit')] });
        await db.execute({ sql: 'SELECT rowid FROM case_search WHERE case_search MATCH ?', args: [identityExpression(terms, 'all')] });
      }),
      { numRuns: 300 },
    );
  });
});

describe('indexing cases from before the index', () => {
  it('indexes at migration the cases written by schema 0001–0006, once', async () => {
    db = await Db.open({ url: ':memory:' });
    const before = MIGRATIONS.filter((m) => m.version < 9);
    await migrate(db, before);
    await db.execute({
      sql: `INSERT INTO cases (id, reference, access_key_hash, channel, status, description, contact_name, confidential, lang, created_at, updated_at)
            VALUES ('old', 'PAKN-2025-000007', 'x', 'hotline', 'received', 'Đường Đê La Thành ngập, hồ sơ trả chậm.', 'Đỗ Đức Dũng', 0, 'vi', ?, ?)`,
      args: [now.toISOString(), now.toISOString()],
    });
    await migrate(db);
    expect(await ids('de la thanh')).toEqual(['old']);
    expect(await idsByIdentity('do duc dung', 'open')).toEqual(['old']);
    expect(await indexMissingCases(db)).toBe(0);
  });

  it("issue 9: makes contacts from before 0010 confidential unless they are an open case's own first contact", async () => {
    db = await Db.open({ url: ':memory:' });
    await migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 10),
    );
    const at = now.toISOString();
    const later = new Date(now.getTime() + 60_000).toISOString();
    const insert = (id: string, confidential: number, phone: string, createdAt: string, mergedInto: string | null = null) =>
      db.execute({
        sql: `INSERT INTO cases (id, reference, access_key_hash, channel, status, description, contact_phone, confidential, lang, created_at, updated_at, merged_into)
              VALUES (?, ?, 'x', 'hotline', 'received', 'Hồ sơ trả chậm so với giấy hẹn.', ?, ?, 'vi', ?, ?, ?)`,
        args: [id, `PAKN-2025-00000${id}`, phone, confidential, createdAt, createdAt, mergedInto],
      });
    const contact = (id: string, caseId: string, phone: string, contactAt: string, followUp: number) =>
      db.execute({
        sql: `INSERT INTO contacts (id, case_id, channel, at, phone, is_follow_up) VALUES (?, ?, 'hotline', ?, ?, ?)`,
        args: [id, caseId, contactAt, phone, followUp],
      });
    await insert('1', 0, '0901000001', at);
    await insert('2', 1, '0901000002', later, '1');
    await contact('own', '1', '0901000001', at, 0);
    // Moved over from the confidential duplicate by a merge before 0010.
    await contact('moved', '1', '0901000002', later, 0);
    await contact('again', '1', '0901000003', later, 1);
    await insert('3', 1, '0901000004', at);
    await contact('secret', '3', '0901000004', at, 0);
    await migrate(db);
    const flags = await db.execute('SELECT id, confidential FROM contacts ORDER BY id');
    expect(Object.fromEntries(flags.rows.map((r) => [String(r.id), Number(r.confidential)]))).toEqual({ again: 1, moved: 1, own: 0, secret: 1 });
    expect(await idsByIdentity('0901000001', 'open')).toEqual(['1']);
    for (const phone of ['0901000002', '0901000003', '0901000004']) expect(await idsByIdentity(phone, 'open'), phone).toEqual([]);
    expect((await idsByIdentity('0901000002', 'all')).sort()).toEqual(['1', '2']);
  });
});

describe('ranked search at volume (issue 11)', () => {
  beforeEach(async () => {
    db = await Db.open({ url: ':memory:' });
    await migrate(db);
  });

  it('fills a filtered page from matches ranked past the first batch, best first', async () => {
    // 1,100 answered cases that match better (a short text) than the three open ones (a long text).
    await db.write(async (tx) => {
      for (let i = 0; i < 1100; i++) {
        await insertCase(tx, newCase(`a${i}`, { description: 'Hồ sơ trả chậm.' }), now);
        await updateCase(tx, `a${i}`, 1, { status: 'answered' }, now);
      }
      for (const [i, extra] of ['một', 'hai hai', 'ba ba ba'].entries()) {
        const text = `Hồ sơ đăng ký khai sinh của tôi ở phường bên cạnh trả chậm nhiều ngày so với giấy hẹn ${extra}.`;
        await insertCase(tx, newCase(`open${i}`, { description: text }), now);
      }
    });
    const open = (await searchCases(db, { terms: searchTerms('ho so'), scope: 'all', statuses: ['received'], limit: 50 })).cases;
    expect(open.map((c) => c.id)).toEqual(['open0', 'open1', 'open2']);
    const all = (await searchCases(db, { terms: searchTerms('ho so'), scope: 'all', limit: 2000 })).cases;
    expect(all).toHaveLength(1103);
    expect(all.slice(-3).map((c) => c.id)).toEqual(['open0', 'open1', 'open2']);
  });

  it('pages through the ranked matches: consecutive pages are the whole list in order', async () => {
    await db.write(async (tx) => {
      for (let i = 0; i < 30; i++) await insertCase(tx, newCase(String(i), { description: `Hồ sơ trả chậm ${'lần nữa '.repeat(i % 7)}` }), now);
    });
    const search = { terms: searchTerms('ho so'), scope: 'all' } as const;
    const whole = await paged(search, [30]);
    expect(whole).toHaveLength(30);
    expect(await paged(search, [10])).toEqual(whole);
    expect(await paged({ ...search, statuses: ['received'] }, [10, 20])).toEqual(whole);
    // The last page says so: no position after it.
    expect((await searchCases(db, { ...search, limit: 30 })).next).toBeNull();
    expect((await searchCases(db, { ...search, limit: 29 })).next).not.toBeNull();
  });

  it('issue 11: a term in many documents selects without ranking; the rarer terms rank as bm25 ranks them all', async () => {
    // 30 cases with "hồ sơ" (every one: bm25 floors its weight), every sixth one about a birth certificate, more
    // or less often; a third of them open. A term ranks up to 5 documents here (50,000 in the application).
    await db.write(async (tx) => {
      for (let i = 0; i < 30; i++) {
        const birth = i % 6 === 0 ? ' khai sinh'.repeat(1 + ((i / 6) % 4)) : ' xây dựng';
        await insertCase(tx, newCase(String(i), { description: `Hồ sơ trả chậm${birth}.` }), now);
        if (i % 3 !== 1) await updateCase(tx, String(i), 1, { status: 'answered' }, now);
      }
    });
    const options = (q: string, rankTermDocs: number | undefined, statuses?: ['received']) =>
      ({ terms: searchTerms(q), scope: 'all', statuses, rankWindow: 10, rankTermDocs }) as const;
    const search = (q: string, rankTermDocs: number | undefined, statuses?: ['received']) => paged(options(q, rankTermDocs, statuses), [50]);
    // Broad terms only: the newest matches first, window after window, every match reached by paging.
    const broad = await search('ho so', 5);
    expect(broad).toEqual(Array.from({ length: 30 }, (_, i) => String(29 - i)));
    expect(await paged(options('ho so', 5), [7, 7, 20])).toEqual(broad);
    // One term: the first window is the newest matches its estimate read.
    expect(await paged(options('ho', 5), [3, 30])).toEqual(broad);
    const open = await search('ho so', 5, ['received']);
    expect(open).toEqual(broad.filter((id) => Number(id) % 3 === 1));
    expect(await paged(options('ho so', 5, ['received']), [4, 50])).toEqual(open);
    expect(await paged(options('ho so', 5, ['received']), [1])).toEqual(open);
    // With a selective term, the order is bm25's over all the terms (the broad ones weigh 1e-6 in it).
    const ranked = await search('ho so khai sinh', 5);
    expect(ranked).toEqual(await search('ho so khai sinh', undefined));
    expect(ranked).toHaveLength(5);
    // The one that says "khai sinh" four times comes first.
    expect(ranked[0]).toBe('18');
  });

  it('issue 11: ranks a few matches spread over the whole index by their rarer terms, unless that reads too many rows', async () => {
    await db.write(async (tx) => {
      for (let i = 0; i < 40; i++) {
        const street = i === 0 ? ' Láng Láng Láng' : i === 39 ? ' Láng' : '';
        await insertCase(tx, newCase(String(i), { description: `Hồ sơ trả chậm${street}.` }), now);
      }
    });
    const search = (sparseRankRows: number | undefined) =>
      searchCases(db, { terms: searchTerms('ho so lang'), scope: 'all', rankTermDocs: 5, sparseRankRows }).then((page) => page.cases.map((c) => c.id));
    // "hồ sơ" is in every case and does not rank; "Láng" ranks: the case that says it three times first.
    expect(await search(undefined)).toEqual(['0', '39']);
    // Scoring "Láng" over the 40 rows the two matches span is more than allowed: newest first.
    expect(await search(1)).toEqual(['39', '0']);
  });

  it('ranks a broad term window by window, newest matches first, and fills a filtered page from older windows', async () => {
    await db.write(async (tx) => {
      for (let i = 0; i < 3; i++) await insertCase(tx, newCase(`open${i}`, { description: `Hồ sơ trả chậm ${'lần nữa '.repeat(i)}` }), now);
      for (let i = 0; i < 25; i++) {
        await insertCase(tx, newCase(`a${i}`, { description: `Hồ sơ trả chậm ${'lần nữa '.repeat(i % 4)}` }), now);
        await updateCase(tx, `a${i}`, 1, { status: 'answered' }, now);
      }
    });
    const search = (statuses?: ['received']) =>
      searchCases(db, { terms: searchTerms('ho so'), scope: 'all', limit: 50, rankWindow: 10, statuses }).then((page) => page.cases.map((c) => c.id));
    expect(await search(['received'])).toEqual(['open0', 'open1', 'open2']);
    const all = await search();
    expect(all).toHaveLength(28);
    expect(new Set(all.slice(0, 10))).toEqual(new Set(Array.from({ length: 10 }, (_, i) => `a${15 + i}`)));
    expect(new Set(all.slice(-8))).toEqual(new Set(['open0', 'open1', 'open2', 'a0', 'a1', 'a2', 'a3', 'a4']));
  });

  it('issue 11: pages through ranked windows from where the last page ended, and later cases do not shift them', async () => {
    await db.write(async (tx) => {
      for (let i = 0; i < 28; i++) await insertCase(tx, newCase(String(i), { description: `Hồ sơ trả chậm ${'lần nữa '.repeat(i % 5)}` }), now);
    });
    const search = { terms: searchTerms('ho so'), scope: 'all', rankWindow: 10 } as const;
    const whole = (await searchCases(db, { ...search, limit: 100 })).cases.map((c) => c.id);
    expect(whole).toHaveLength(28);
    // Pages that end inside a window, at its end, and span windows: the same list in the same order.
    for (const sizes of [[3], [10], [7, 13], [1]]) expect(await paged(search, sizes)).toEqual(whole);
    // A case indexed between two pages lies above the first window: the next pages go on as they stood.
    const first = await searchCases(db, { ...search, limit: 12 });
    await db.write((tx) => insertCase(tx, newCase('late', { description: 'Hồ sơ trả chậm lần nữa lần nữa.' }), now));
    const rest: string[] = [];
    for (let from = first.next; from !== null;) {
      const page = await searchCases(db, { ...search, from, limit: 5 });
      rest.push(...page.cases.map((c) => c.id));
      from = page.next;
    }
    expect([...first.cases.map((c) => c.id), ...rest]).toEqual(whole);
    // A new search sees it.
    expect(await paged(search, [50])).toContain('late');
  });

  it('issue 11: a deep page reads its own windows only, at most one window more than the first page', async () => {
    await db.write(async (tx) => {
      for (let i = 0; i < 60; i++) await insertCase(tx, newCase(String(i), { description: `Hồ sơ trả chậm ${'lần nữa '.repeat(i % 5)}` }), now);
    });
    let statements = 0;
    const counting: Executor = { execute: (stmt) => (statements++, db.execute(stmt)) };
    const search = { terms: searchTerms('ho so'), scope: 'all', rankWindow: 10, limit: 5 } as const;
    const cost = async (from: SearchPosition | null) => {
      statements = 0;
      const page = await searchCases(counting, { ...search, from });
      return { statements, next: page.next };
    };
    const first = await cost(null);
    let from = first.next;
    for (let i = 0; i < 8 && from; i++) from = (await searchCases(db, { ...search, from })).next;
    expect(from).not.toBeNull();
    // Page ten: its window and, for its last result and the one after, the next (a window read and ranked: two
    // statements). Reading the nine pages before it again would be five windows more.
    expect((await cost(from)).statements).toBeLessThanOrEqual(first.statements + 2);
  });

  it('leaves out of a text search the cases an identity search with the given tokens finds', async () => {
    await db.write(async (tx) => {
      await insertCase(tx, newCase('named', { description: 'Hồ sơ Lan trả chậm.', contact: { name: 'Lê Thị Lan', phone: '0911111111' } }), now);
      await insertCase(tx, newCase('words', { description: 'Hồ sơ Lan trả chậm.', contact: { name: 'Trần Văn Bình', phone: '0922222222' } }), now);
    });
    const tokens = identitySearchTokens(identitySearchTerms('le thi lan'));
    expect(await idsByIdentity('le thi lan')).toEqual(['named']);
    const search = { terms: searchTerms('Lan'), scope: 'all' } as const;
    expect(new Set(await paged(search, [10]))).toEqual(new Set(['named', 'words']));
    expect(await paged({ ...search, excludeIdentity: { tokens, columns: 'all' } }, [10])).toEqual(['words']);
    expect(await paged({ ...search, excludeIdentity: { tokens: [], columns: 'all' } }, [10])).toHaveLength(2);
  });
});
