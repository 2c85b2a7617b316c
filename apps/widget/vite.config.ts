import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { domainModules, litGuest, noPreloadHelper, widgetPages } from './build/vite-plugins.ts';

/**
 * The widget module and its lazily loaded chunks, as ES modules under dist/v1/assets/ with content-hashed
 * names (served immutable). Chunks import each other by relative URL, so they work from any origin.
 * The manifest (dist/.vite/manifest.json, not served) tells vite.loader.config.ts the entry's file name and
 * scripts/check-size.mjs which chunk is which.
 *
 * Entries: `pakn-widget` (the element; the loader imports it) and `pakn-page` (the frame and hosted pages,
 * dist/v1/frame.html and dist/v1/hosted.html, which load it from /widget/v1/).
 */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  base: './',
  define: { __PAKN_VERSION__: JSON.stringify(version) },
  publicDir: false,
  plugins: [litGuest(), domainModules(), noPreloadHelper(), widgetPages({ entry: 'src/pakn-page.ts', publicPath: '/widget/v1/' })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    manifest: true,
    assetsDir: 'v1/assets',
    reportCompressedSize: true,
    rolldownOptions: {
      // pakn-frame-host is imported by the loader for its export.
      preserveEntrySignatures: 'allow-extension',
      input: { 'pakn-widget': 'src/pakn-widget.ts', 'pakn-frame-host': 'src/frame-host.ts', 'pakn-page': 'src/pakn-page.ts' },
      output: {
        entryFileNames: 'v1/assets/[name]-[hash].js',
        chunkFileNames: 'v1/assets/[name]-[hash].js',
        assetFileNames: 'v1/assets/[name]-[hash][extname]',
      },
    },
  },
});
