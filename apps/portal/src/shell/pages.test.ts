import { describe, expect, it } from 'vitest';
import config from '../../vite.config.ts';
import { PAGE_LIST } from '#shared/pages.ts';
import { LOADERS } from './loaders.ts';
import loadersSource from './loaders.ts?raw';

/** Every feature module's source, by path relative to src/ ('features/x/y.ts'). */
const FEATURE_SOURCES = Object.fromEntries(
  Object.entries(import.meta.glob<string>('../features/*/*.ts', { query: '?raw', import: 'default', eager: true })).map(([path, source]) => [
    path.replace(/^\.\.\//, ''),
    source,
  ]),
);

describe('the page table drives the build and the loaders', () => {
  it('gives Vite the portal page plus each page’s feature module, and nothing else', () => {
    const expected = { portal: 'index.html', ...Object.fromEntries(PAGE_LIST.map((p) => [p.tag, `src/features/${p.module}`])) };
    expect(config.build?.rolldownOptions?.input).toEqual(expected);
    expect(Object.keys(expected)).toHaveLength(PAGE_LIST.length + 1);
  });

  it('defines each page’s element in the module the table names', () => {
    for (const page of PAGE_LIST) {
      const source = FEATURE_SOURCES[`features/${page.module}`];
      // defineElement (PaknElement's module) or a direct define: either registers the tag.
      expect(
        [`defineElement('${page.tag}'`, `customElements.define('${page.tag}'`].some((call) => source?.includes(call)),
        page.module,
      ).toBe(true);
    }
  });

  it('has one loader per page, importing the module the table names', () => {
    expect(Object.keys(LOADERS).sort()).toEqual(PAGE_LIST.map((p) => p.name).sort());
    for (const page of PAGE_LIST) {
      const key = /^[a-z]+$/.test(page.name) ? page.name : `'${page.name}'`;
      const line = loadersSource.split('\n').find((l) => l.trimStart().startsWith(`${key}:`));
      expect(line, page.name).toContain(`import('../features/${page.module}')`);
    }
  });
});
