import { foldForSearch } from '@pakn/domain';
import { describe, expect, it } from 'vitest';
import { demoUnits } from '../src/seed.ts';
import { HANOI_COMMUNES, HANOI_WARDS, hanoiCommuneLevelUnits, slug } from '../src/seed-units.ts';

describe("Hanoi's commune-level units since 1 July 2025", () => {
  const units = hanoiCommuneLevelUnits();

  it('are 51 wards and 75 communes', () => {
    expect(units.filter((u) => u.kind === 'ward')).toHaveLength(51);
    expect(units.filter((u) => u.kind === 'commune')).toHaveLength(75);
  });

  it('have no duplicate ids or names, not even once folded', () => {
    expect(new Set(units.map((u) => u.id)).size).toBe(126);
    expect(new Set(units.map((u) => u.name)).size).toBe(126);
    expect(new Set(HANOI_WARDS.map(foldForSearch)).size).toBe(HANOI_WARDS.length);
    expect(new Set(HANOI_COMMUNES.map(foldForSearch)).size).toBe(HANOI_COMMUNES.length);
  });

  it('derive each id from the folded name', () => {
    for (const unit of units) {
      const bare = unit.name.replace(/^UBND (phường|xã) /, '');
      expect(unit.id).toBe(
        `${unit.kind}-${foldForSearch(bare)
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')}`,
      );
      expect(unit.id).toMatch(/^(ward|commune)-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(bare.normalize('NFC')).toBe(bare);
    }
    expect(slug('Văn Miếu - Quốc Tử Giám')).toBe('van-mieu-quoc-tu-giam');
    expect(slug('Ô Chợ Dừa')).toBe('o-cho-dua');
  });

  it('keep every unit the demo had before, with its id and name', () => {
    const ids = new Map(demoUnits().map((u) => [u.id, u.name]));
    const before: [string, string][] = [
      ['ward-hoan-kiem', 'UBND phường Hoàn Kiếm'],
      ['ward-cua-nam', 'UBND phường Cửa Nam'],
      ['ward-van-mieu-quoc-tu-giam', 'UBND phường Văn Miếu - Quốc Tử Giám'],
      ['ward-ha-dong', 'UBND phường Hà Đông'],
      ['commune-soc-son', 'UBND xã Sóc Sơn'],
      ['commune-dong-anh', 'UBND xã Đông Anh'],
      ['commune-gia-lam', 'UBND xã Gia Lâm'],
      ['commune-thanh-tri', 'UBND xã Thanh Trì'],
      ['commune-ba-vi', 'UBND xã Ba Vì'],
      ['commune-thuong-tin', 'UBND xã Thường Tín'],
    ];
    for (const [id, name] of before) expect(ids.get(id), id).toBe(name);
    for (const name of [
      'Ba Đình',
      'Ngọc Hà',
      'Giảng Võ',
      'Hai Bà Trưng',
      'Vĩnh Tuy',
      'Bạch Mai',
      'Đống Đa',
      'Kim Liên',
      'Láng',
      'Hồng Hà',
      'Tây Hồ',
      'Cầu Giấy',
      'Thanh Xuân',
      'Hoàng Mai',
      'Long Biên',
    ]) {
      expect(ids.get(`ward-${slug(name)}`), name).toBe(`UBND phường ${name}`);
    }
  });

  it('sit beside the Centre, its 30 branches and the departments in the demo organisation', () => {
    const all = demoUnits();
    expect(all.filter((u) => u.kind === 'branch').map((u) => u.id)).toEqual(Array.from({ length: 30 }, (_, i) => `branch-${String(i + 1).padStart(2, '0')}`));
    expect(all.filter((u) => u.kind === 'branch').every((u) => u.parentId === 'centre')).toBe(true);
    expect(new Set(all.map((u) => u.id)).size).toBe(all.length);
    expect(all).toHaveLength(1 + 30 + 6 + 126);
  });
});
