import { defineConfig } from 'vite';

/**
 * The widget module and its lazily loaded chunks, as ES modules under dist/v1/assets/ with content-hashed
 * names (served immutable). Chunks import each other by relative URL, so they work from any origin.
 * The manifest (dist/.vite/manifest.json, not served) tells vite.loader.config.ts the entry's file name.
 */
export default defineConfig({
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    manifest: true,
    assetsDir: 'v1/assets',
    reportCompressedSize: true,
    rolldownOptions: {
      input: { 'pakn-widget': 'src/pakn-widget.ts' },
      output: {
        entryFileNames: 'v1/assets/[name]-[hash].js',
        chunkFileNames: 'v1/assets/[name]-[hash].js',
        assetFileNames: 'v1/assets/[name]-[hash][extname]',
      },
    },
  },
});
