import { describe, expect, it } from 'vitest';
import { filterUnits, foldForSearch, unitMatches } from './unit-search.ts';

const units = [
  { id: 'ward-hoan-kiem', name: 'UBND phường Hoàn Kiếm' },
  { id: 'ward-dong-da', name: 'UBND phường Đống Đa' },
  { id: 'commune-soc-son', name: 'UBND xã Sóc Sơn' },
  { id: 'dept-justice', name: 'Sở Tư pháp' },
];

describe('foldForSearch', () => {
  it('drops tone marks, folds đ and case, and collapses spaces', () => {
    expect(foldForSearch('  Đống   Đa ')).toBe('dong da');
    expect(foldForSearch('Hoàn Kiếm')).toBe('hoan kiem');
  });
});

describe('unitMatches', () => {
  it('finds a unit by words of its name typed with or without marks, in any order, or by its id', () => {
    expect(unitMatches(units[0]!, 'hoan kiem')).toBe(true);
    expect(unitMatches(units[0]!, 'Kiếm hoàn')).toBe(true);
    expect(unitMatches(units[1]!, 'dong da')).toBe(true);
    expect(unitMatches(units[3]!, 'dept-justice')).toBe(true);
    expect(unitMatches(units[0]!, 'hoan mai')).toBe(false);
  });

  it('matches everything for an empty query', () => {
    expect(units.every((u) => unitMatches(u, '   '))).toBe(true);
  });
});

describe('filterUnits', () => {
  it('narrows the list but keeps the unit already chosen', () => {
    expect(filterUnits(units, 'soc son').map((u) => u.id)).toEqual(['commune-soc-son']);
    expect(filterUnits(units, 'soc son', 'dept-justice').map((u) => u.id)).toEqual(['commune-soc-son', 'dept-justice']);
  });
});
