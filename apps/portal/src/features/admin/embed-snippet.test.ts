import { describe, expect, it } from 'vitest';
import { embedSnippet, hostedPageUrl } from './embed-snippet.ts';

describe('embedSnippet', () => {
  it('is the loader script tag of the README, on this PAKN origin, with the site key', () => {
    expect(embedSnippet('https://pakn.hanoi.gov.vn', 'phuong-hoan-kiem')).toBe(
      '<script src="https://pakn.hanoi.gov.vn/widget/v1/loader.js" data-site="phuong-hoan-kiem" async></script>',
    );
  });

  it('cannot be broken out of by a key with quotes', () => {
    expect(embedSnippet('https://p.vn', 'a"b<')).toContain('data-site="a&quot;b&lt;"');
  });
});

describe('hostedPageUrl', () => {
  it('is /c/KEY on the PAKN origin', () => {
    expect(hostedPageUrl('http://127.0.0.1:8080', 'so-tu-phap')).toBe('http://127.0.0.1:8080/c/so-tu-phap');
  });
});
