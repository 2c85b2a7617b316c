import { describe, expect, it } from 'vitest';
import { unitTable } from './period-report.ts';

describe('unitTable (issue 12: the report shows whatever columns the evaluation returns)', () => {
  it('keeps every scalar field in the rows’ order, labels the known ones, and leaves out ids and lists', () => {
    const table = unitTable([
      { unitId: 'ward-a', unitName: 'UBND phường A', received: 3, onTimeRate: 0.5, ratingDistribution: [0, 1, 0, 0, 2], newFigure: 7 },
      { unitId: 'ward-b', unitName: 'UBND phường B', received: 0, onTimeRate: null, ratingDistribution: [0, 0, 0, 0, 0], newFigure: 0 },
    ]);
    expect(table.columns.map((c) => c.key)).toEqual(['unitName', 'received', 'onTimeRate', 'newFigure']);
    expect(table.columns.map((c) => c.label.vi)).toEqual(['Đơn vị', 'Tiếp nhận', 'Tỷ lệ đúng hạn', 'newFigure']);
    expect(table.rows).toEqual([
      ['UBND phường A', 3, 0.5, 7],
      ['UBND phường B', 0, null, 0],
    ]);
  });
});
