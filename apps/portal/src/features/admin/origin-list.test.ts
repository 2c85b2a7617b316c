import { describe, expect, it } from 'vitest';
import { MAX_ORIGINS, parseOriginList } from './origin-list.ts';

describe('parseOriginList', () => {
  it('reads one origin a line, ignoring blank lines, a trailing slash, case of the host and duplicates', () => {
    const parsed = parseOriginList('https://hoankiem.hanoi.gov.vn\n\n  http://127.0.0.1:8081/  \r\nHTTPS://HoanKiem.hanoi.gov.vn\n');
    expect(parsed.errors).toEqual([]);
    expect(parsed.origins).toEqual(['https://hoankiem.hanoi.gov.vn', 'http://127.0.0.1:8081']);
  });

  it('names the line and the problem of each bad entry', () => {
    const parsed = parseOriginList('hoankiem.hanoi.gov.vn\nftp://files.hanoi.gov.vn\nhttps://a.vn/gop-y\nhttps://b.vn?x=1\nhttps://c.vn');
    expect(parsed.origins).toEqual(['https://c.vn']);
    expect(parsed.errors).toEqual([
      { line: 1, value: 'hoankiem.hanoi.gov.vn', problem: 'not_url' },
      { line: 2, value: 'ftp://files.hanoi.gov.vn', problem: 'not_web' },
      { line: 3, value: 'https://a.vn/gop-y', problem: 'has_path' },
      { line: 4, value: 'https://b.vn?x=1', problem: 'has_path' },
    ]);
  });

  it('refuses more origins than a site may have', () => {
    const text = Array.from({ length: MAX_ORIGINS + 1 }, (_, i) => `https://s${i}.vn`).join('\n');
    expect(parseOriginList(text).errors).toEqual([{ line: 0, value: '', problem: 'too_many' }]);
    expect(parseOriginList(text.split('\n').slice(1).join('\n')).errors).toEqual([]);
  });

  it('accepts an empty box: a site may be registered before its pages exist', () => {
    expect(parseOriginList('  \n')).toEqual({ origins: [], errors: [] });
  });
});
