import { describe, expect, it } from 'vitest';
import { dispositionFileName } from './download.ts';

describe('dispositionFileName', () => {
  it('prefers the UTF-8 name, as the server sends it for Vietnamese names', () => {
    expect(dispositionFileName(`attachment; filename*=UTF-8''${encodeURIComponent('kết quả.pdf')}`, 'x')).toBe('kết quả.pdf');
    expect(dispositionFileName(`attachment; filename="pakn.csv"; filename*=UTF-8''${encodeURIComponent('pakn-phản-ánh.csv')}`, 'x')).toBe('pakn-phản-ánh.csv');
  });

  it('falls back to the plain name, then to the given one, when the header has none or a broken one', () => {
    expect(dispositionFileName(`attachment; filename="pakn.csv"; filename*=UTF-8''%E0%A4%A`, 'x')).toBe('pakn.csv');
    expect(dispositionFileName('attachment', 'giay-hen.png')).toBe('giay-hen.png');
    expect(dispositionFileName(null, 'cases.csv')).toBe('cases.csv');
  });
});
