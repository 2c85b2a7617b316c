/**
 * Bundles the server (and the workspace packages it runs, which are TypeScript sources) into dist/cli.js, so
 * that it starts under plain node: no TypeScript loader in the running process (tsx held about 37 MB of an
 * idle server's memory, issue 11). The server's own npm dependencies stay outside the bundle and load from
 * node_modules as usual: the native database driver cannot be bundled, pino's worker transports load by path,
 * and exceljs is loaded only with the first workbook (packages/api workbook.ts), not parsed at every start.
 * Everything else the workspace packages import is bundled.
 *
 * The database's read workers (packages/db/src/read-worker.ts, issue 11) are a second entry point:
 * dist/read-worker.js, which the bundle starts from beside itself (see workerEntry in read-pool.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const here = new URL('.', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', here), 'utf8'));
const external = Object.keys(manifest.dependencies).filter((name) => !name.startsWith('@pakn/'));

const outdir = new URL('dist/', here).pathname;
const outfile = new URL('dist/cli.js', here).pathname;
await build({
  entryPoints: {
    cli: new URL('src/cli.ts', here).pathname,
    'read-worker': new URL('../../packages/db/src/read-worker.ts', here).pathname,
  },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Deep imports of an external package (`@hono/node-server/serve-static`) stay external too.
  external: external.flatMap((name) => [name, `${name}/*`]),
  // Bundled CommonJS code may call require(): give the ESM bundle one.
  banner: { js: "import { createRequire as __paknCreateRequire } from 'node:module'; const require = __paknCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  logLevel: 'warning',
});

// The source's hashbang runs it under tsx; the bundle is plain JavaScript.
writeFileSync(outfile, readFileSync(outfile, 'utf8').replace(/^#!.*\n/, '#!/usr/bin/env node\n'));
