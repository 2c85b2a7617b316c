import fc from 'fast-check';
import { searchTerms } from '@pakn/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Db } from './connection.ts';
import { MIGRATIONS, migrate } from './migrate.ts';
import { insertCase, updateCase, type NewCase } from './cases.ts';
import { indexMissingCases, searchCases, searchExpression, type SearchScope } from './case-search.ts';
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
  return (await searchCases(db, { terms: searchTerms(query), scope })).map((c) => c.id);
}

afterEach(() => db.close());

describe('the case search index', () => {
  beforeEach(async () => {
    db = await Db.open({ url: ':memory:' });
    await migrate(db);
  });

  it('finds a case with or without diacritics, đ included, by any word prefix', async () => {
    await db.write((tx) => insertCase(tx, newCase('1'), now));
    for (const q of ['duong dinh tien hoang', 'Đường Đinh', 'ĐINH TIÊN', 'giay phep', 'tra cham', 'PAKN-2026-000001', 'tran thi dao', '0912 345 678', '912345']) {
      expect(await ids(q), q).toEqual(['1']);
    }
    expect(await ids('duong lang')).toEqual([]);
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

  it('indexes the notes of later calls about a case', async () => {
    await db.write((tx) => insertCase(tx, newCase('1'), now));
    await db.write((tx) => insertContact(tx, { id: 'k1', caseId: '1', channel: 'hotline', at: now, phone: '0987654321', summary: 'Gọi lại hỏi tiến độ ở phường Láng', recordedBy: null, isFollowUp: true }));
    expect(await ids('phuong lang')).toEqual(['1']);
    expect(await ids('0987654321')).toEqual(['1']);
    expect(await ids('phuong lang', 'unit')).toEqual([]);
  });

  it('never lets a unit match the identity of a confidential case, but its text yes', async () => {
    await db.write(async (tx) => {
      await insertCase(tx, newCase('1', { confidential: true }), now);
      await insertCase(tx, newCase('2', { contact: { name: 'Lê Văn Bình', phone: '0901111222' }, description: 'Cán bộ phường gây phiền hà khi chứng thực bản sao.' }), now);
    });
    expect(await ids('tran thi dao', 'unit')).toEqual([]);
    expect(await ids('0912345678', 'unit')).toEqual([]);
    expect(await ids('dao giay phep', 'unit')).toEqual([]);
    expect(await ids('giay phep', 'unit')).toEqual(['1']);
    expect(await ids('le van binh', 'unit')).toEqual(['2']);
    expect(await ids('tran thi dao', 'all')).toEqual(['1']);
  });

  it('never fails on any input, whatever syntax it carries', async () => {
    await db.write((tx) => insertCase(tx, newCase('1'), now));
    const hostile = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.array(fc.constantFrom('"', "'", '*', '-', '+', '(', ')', ':', '^', '{', '}', 'NEAR', 'AND', 'OR', 'NOT', 'NEAR(', ',', ' ', 'đ', 'duong', '\\', ';', '%', '\u0000'), { maxLength: 20 }).map((parts) => parts.join('')),
    );
    await fc.assert(
      fc.asyncProperty(hostile, fc.constantFrom<SearchScope>('all', 'unit'), async (q, scope) => {
        await searchCases(db, { terms: searchTerms(q), scope });
      }),
      { numRuns: 300 },
    );
    // Even raw terms that were never cleaned are quoted into valid syntax.
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 5 }), async (terms) => {
        await db.execute({ sql: 'SELECT rowid FROM case_search WHERE case_search MATCH ?', args: [searchExpression(terms, 'unit')] });
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
    expect(await ids('do duc dung')).toEqual(['old']);
    expect(await indexMissingCases(db)).toBe(0);
  });
});
