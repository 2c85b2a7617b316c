import { defineConfig } from 'vite';

/**
 * dist/v1/stats.js: the `<pakn-stats>` element for ward websites (issue 12), one classic script (IIFE) with a
 * stable URL, like the loader. It imports nothing: no Lit, no client, no chunk to fetch after it.
 */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2020',
    modulePreload: false,
    rolldownOptions: {
      input: 'src/stats.ts',
      output: { format: 'iife', entryFileNames: 'v1/stats.js' },
    },
  },
});
