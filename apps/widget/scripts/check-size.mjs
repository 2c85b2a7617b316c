#!/usr/bin/env node
/**
 * The widget's size budgets (issue 3), measured as gzip -9 of the built files. Builds nothing: run it after
 * `pnpm --filter @pakn/widget build`. Prints every figure and exits 1 when a budget is exceeded.
 *
 *   loader.js                                           ≤ 2 KB
 *   form chunk: the widget entry and its static imports ≤ 20 KB  (Lit, API client, validation, form, Vietnamese)
 *   everything: every module under v1/assets/          ≤ 30 KB  (tracking, languages, pages, fallbacks too)
 *   each chunk of a further language (src/text/*)       ≤ 2 KB   (fetched only when that language is chosen)
 *   stats.js: the <pakn-stats> element (issue 12)       ≤ 2.5 KB (one classic script, nothing else fetched)
 *
 * Which chunk is which comes from Vite's manifest (dist/.vite/manifest.json), not from file names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const dist = new URL('../dist/', import.meta.url).pathname;
const v1 = join(dist, 'v1');

function gz(file) {
  try {
    return gzipSync(readFileSync(join(v1, file)), { level: 9 }).length;
  } catch {
    console.error(`check-size: dist/v1/${file} is missing. Run \`pnpm --filter @pakn/widget build\` first.`);
    process.exit(1);
  }
}

let manifest;
try {
  manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
} catch {
  console.error('check-size: apps/widget/dist is missing or incomplete. Run `pnpm --filter @pakn/widget build` first.');
  process.exit(1);
}
/** Manifest files are relative to dist/, e.g. v1/assets/x.js; sizes are read relative to dist/v1/. */
const inV1 = (file) => file.replace(/^v1\//, '');

const entry = manifest['src/pakn-widget.ts'];
if (!entry?.isEntry) {
  console.error('check-size: the manifest has no src/pakn-widget.ts entry.');
  process.exit(1);
}

/** A chunk and everything it imports statically: what must arrive before it runs. */
function staticClosure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(imported, seen);
  return seen;
}

const results = [];
const check = (name, bytes, limit, detail = '') => results.push({ name, bytes, limit, detail });

check('loader.js', gz('loader.js'), 2 * KB);
check('stats.js', gz('stats.js'), 2.5 * KB);

const formKeys = [...staticClosure('src/pakn-widget.ts')];
const formFiles = formKeys.map((key) => inV1(manifest[key].file));
check(
  'form chunk',
  formFiles.reduce((sum, file) => sum + gz(file), 0),
  20 * KB,
  formFiles.join(' + '),
);

const assets = readdirSync(join(v1, 'assets')).filter((file) => file.endsWith('.js'));
check(
  'everything',
  assets.reduce((sum, file) => sum + gz(join('assets', file)), 0),
  30 * KB,
  `${assets.length} modules`,
);

const languageChunks = Object.entries(manifest).filter(([key]) => /^src\/text\/(?!vi\b|track-vi\b|index\b)[\w-]+\.ts$/.test(key));
if (languageChunks.length === 0) {
  console.error('check-size: no language chunk (src/text/en.ts) in the manifest: English must be split from the main chunk.');
  process.exit(1);
}
for (const [key, chunk] of languageChunks) check(`language ${key.slice('src/text/'.length, -3)}`, gz(inV1(chunk.file)), 2 * KB);

// Not budgets of their own, printed so that regressions are visible.
const info = [];
for (const [key, chunk] of Object.entries(manifest)) {
  if (chunk.isDynamicEntry && !key.startsWith('src/text/')) info.push([`(lazy) ${key.slice(4)}`, gz(inV1(chunk.file))]);
}

let failed = 0;
for (const { name, bytes, limit, detail } of results) {
  const ok = bytes <= limit;
  if (!ok) failed++;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${name.padEnd(22)} ${String(bytes).padStart(6)} B  budget ${String(limit).padStart(6)} B${detail ? `  (${detail})` : ''}`,
  );
}
for (const [name, bytes] of info) console.log(`     ${name.padEnd(22)} ${String(bytes).padStart(6)} B`);

if (failed) {
  console.error(`\ncheck-size: ${failed} widget size budget(s) exceeded (gzip -9). Make the code smaller or move it to a lazily loaded chunk.`);
  process.exit(1);
}
