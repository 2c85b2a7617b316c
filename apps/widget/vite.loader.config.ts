import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
}

/** An entry's hashed path relative to dist/v1/ (where loader.js lives), from the first build's manifest. */
function entryPath(source: string): string {
  const manifestUrl = new URL('./dist/.vite/manifest.json', import.meta.url);
  let manifest: Record<string, ManifestChunk>;
  try {
    manifest = JSON.parse(readFileSync(manifestUrl, 'utf8')) as Record<string, ManifestChunk>;
  } catch (cause) {
    throw new Error('Build the widget module first (vite build), then the loader.', { cause });
  }
  const entry = manifest[source];
  if (!entry?.isEntry || !entry.file.startsWith('v1/assets/')) {
    throw new Error(`dist/.vite/manifest.json has no ${source} entry under v1/assets/.`);
  }
  return entry.file.slice('v1/'.length);
}

/**
 * dist/v1/loader.js: a classic script (IIFE, no import.meta), the one stable URL partners embed. It is built
 * after the widget module so that it can point at the module's content-hashed files.
 */
export default defineConfig({
  publicDir: false,
  define: {
    __PAKN_ENTRY__: JSON.stringify(entryPath('src/pakn-widget.ts')),
    __PAKN_FRAME_HOST__: JSON.stringify(entryPath('src/frame-host.ts')),
  },
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
