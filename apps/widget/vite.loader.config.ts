import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
}

/** The widget entry's hashed path relative to dist/v1/ (where loader.js lives), from the first build. */
function widgetEntryPath(): string {
  const manifestUrl = new URL('./dist/.vite/manifest.json', import.meta.url);
  let manifest: Record<string, ManifestChunk>;
  try {
    manifest = JSON.parse(readFileSync(manifestUrl, 'utf8')) as Record<string, ManifestChunk>;
  } catch (cause) {
    throw new Error('Build the widget module first (vite build), then the loader.', { cause });
  }
  const entry = manifest['src/pakn-widget.ts'];
  if (!entry?.isEntry || !entry.file.startsWith('v1/assets/')) {
    throw new Error('dist/.vite/manifest.json has no src/pakn-widget.ts entry under v1/assets/.');
  }
  return entry.file.slice('v1/'.length);
}

/**
 * dist/v1/loader.js: a classic script (IIFE, no import.meta), the one stable URL partners embed. It is built
 * after the widget module so that it can point at the module's content-hashed file.
 */
export default defineConfig({
  publicDir: false,
  define: { __PAKN_ENTRY__: JSON.stringify(widgetEntryPath()) },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2020',
    modulePreload: false,
    rolldownOptions: {
      input: 'src/loader.ts',
      output: { format: 'iife', entryFileNames: 'v1/loader.js' },
    },
  },
});
