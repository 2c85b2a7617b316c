import { describe, expect, it } from 'vitest';
import { foldForSearch, identitySearchTerms, maskIdentitySearch, maskSearchText, phoneSearchValue, SEARCH_MAX_TERMS, searchTerms } from './search.ts';

describe('foldForSearch', () => {
  it('turns đ and Đ into d, which Unicode does not decompose', () => {
    expect(foldForSearch('Đường')).toBe('duong');
    expect(foldForSearch('đất đai')).toBe('dat dai');
    expect(foldForSearch('ĐỐNG ĐA')).toBe('dong da');
    expect(foldForSearch('\u00D0ống \u00D0a')).toBe('dong da');
  });

  it('strips every tone and vowel mark', () => {
    expect(foldForSearch('Hoàn Kiếm')).toBe('hoan kiem');
    expect(foldForSearch('Cửa Nam, Ô Chợ Dừa, Ngọc Hà')).toBe('cua nam, o cho dua, ngoc ha');
    expect(foldForSearch('Sơn Tây, Ứng Hòa, Mỹ Đức, Thượng Phúc')).toBe('son tay, ung hoa, my duc, thuong phuc');
  });

  it('gives the same result for precomposed (NFC) and decomposed (NFD) input', () => {
    const nfc = 'Nguyễn Thị Hồng Đào'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(foldForSearch(nfc)).toBe('nguyen thi hong dao');
    expect(foldForSearch(nfd)).toBe('nguyen thi hong dao');
  });

  it('leaves plain ASCII as lower case and keeps digits and punctuation', () => {
    expect(foldForSearch('PAKN-2026-000012 0912.345.678')).toBe('pakn-2026-000012 0912.345.678');
  });
});

describe('searchTerms', () => {
  it('splits on anything that is not a letter or a digit, so no query syntax survives', () => {
    expect(searchTerms('"Hoàn" NEAR(Kiếm*) -đường OR x:y')).toEqual(['hoan', 'near', 'kiem', 'duong', 'or', 'x', 'y']);
    expect(searchTerms('PAKN-2026-000012')).toEqual(['pakn', '2026', '000012']);
  });

  it('reads a phone number typed in groups as one term', () => {
    expect(searchTerms('0912 345 678')).toEqual(['0912345678']);
    expect(searchTerms('+84 912.345.678')).toEqual(['84912345678']);
    expect(searchTerms('2026 12')).toEqual(['2026', '12']);
  });

  it('has no terms for empty or punctuation-only input, and drops repeats', () => {
    expect(searchTerms('')).toEqual([]);
    expect(searchTerms('  "*" () - ')).toEqual([]);
    expect(searchTerms('đường Duong DƯỜNG')).toEqual(['duong']);
  });

  it('bounds the number and length of terms', () => {
    expect(searchTerms('a b c d e f g h i j k')).toHaveLength(SEARCH_MAX_TERMS);
    expect(searchTerms('x'.repeat(100))[0]).toHaveLength(40);
  });
});

describe('phoneSearchValue', () => {
  it('reads every usual form of a whole number as one', () => {
    for (const typed of ['0912345678', '0912 345 678', '+84 912 345 678', '84912345678', '912345678', '0912.345.678']) {
      expect(phoneSearchValue(typed), typed).toBe('0912345678');
    }
  });

  it('is null for a part of a number or for words', () => {
    for (const typed of ['0912', '091234', '12345', 'abc', '', '0912 345 678 9999']) expect(phoneSearchValue(typed), typed).toBeNull();
  });
});

describe('identitySearchTerms (issue 9)', () => {
  it('reads a whole number, whole emails, and otherwise the whole words of a name', () => {
    expect(identitySearchTerms('+84 912 345 678')).toEqual({ phones: ['0912345678'], emails: [], names: [] });
    expect(identitySearchTerms(' Dan.Nguyen@Example.VN ')).toEqual({ phones: [], emails: ['dan.nguyen@example.vn'], names: [] });
    expect(identitySearchTerms('Nguyễn Văn Đạt 0912345678')).toEqual({ phones: ['0912345678'], emails: [], names: ['nguyen', 'van', 'dat'] });
  });

  it('reads one word alone as a word, not a name', () => {
    expect(identitySearchTerms('Dương')).toEqual({ phones: [], emails: [], names: [] });
    expect(identitySearchTerms('Dương Hà')).toEqual({ phones: [], emails: [], names: ['duong', 'ha'] });
  });

  it('drops parts of numbers: a prefix is never an identity term', () => {
    expect(identitySearchTerms('0912 345')).toEqual({ phones: [], emails: [], names: [] });
    expect(identitySearchTerms('091234')).toEqual({ phones: [], emails: [], names: [] });
  });

  it('masks the terms for the audit log', () => {
    expect(maskIdentitySearch(identitySearchTerms('0912345678'))).toEqual(['0912 *** 678']);
    expect(maskIdentitySearch(identitySearchTerms('dan@example.vn Bình'))).toEqual(['d***@example.vn', 'b***']);
    expect(maskSearchText('Phạm Quốc Đạt')).toBe('p*** q*** d***');
  });
});
