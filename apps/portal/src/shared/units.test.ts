import { describe, expect, it } from 'vitest';
import type { Unit } from '@pakn/domain';
import { UNIT_KIND_HIERARCHY, groupUnits, unitName } from './units.ts';

const units: Unit[] = [
  { id: 'dept-justice', kind: 'department', name: 'Sở Tư pháp', parentId: null },
  { id: 'ward-2', kind: 'ward', name: 'UBND phường Ba Đình', parentId: null },
  { id: 'ward-1', kind: 'ward', name: 'UBND phường Hoàn Kiếm', parentId: null },
  { id: 'branch-10', kind: 'branch', name: 'Chi nhánh số 10', parentId: 'centre' },
  { id: 'branch-2', kind: 'branch', name: 'Chi nhánh số 2', parentId: 'centre' },
];

describe('groupUnits', () => {
  it('puts wards first and sorts names with numbers in natural order', () => {
    const groups = groupUnits(units);
    expect(groups.map((g) => g.kind)).toEqual(['ward', 'branch', 'department']);
    expect(groups[0]!.units.map((u) => u.id)).toEqual(['ward-2', 'ward-1']);
    expect(groups[1]!.units.map((u) => u.name)).toEqual(['Chi nhánh số 2', 'Chi nhánh số 10']);
  });

  it('follows another order when asked, e.g. the organisation from the Centre down', () => {
    expect(groupUnits(units, UNIT_KIND_HIERARCHY).map((g) => g.kind)).toEqual(['branch', 'department', 'ward']);
  });
});

describe('unitName', () => {
  it('names a unit, falls back to its id, and is null without one', () => {
    expect(unitName(units, 'dept-justice')).toBe('Sở Tư pháp');
    expect(unitName(units, 'gone')).toBe('gone');
    expect(unitName(units, null)).toBeNull();
  });
});
