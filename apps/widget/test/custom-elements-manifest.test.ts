import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The committed Custom Elements Manifest (apps/widget/custom-elements.json) describes `<pakn-widget>` as the
 * source does: regenerated here into a temporary directory with the same analyzer and configuration, it must be
 * identical (as JSON: a formatter may
 * lay the committed file out its own way). When this fails, run `pnpm --filter @pakn/widget manifest` and commit the result.
 */

const widgetDir = fileURLToPath(new URL('..', import.meta.url));
const cem = createRequire(import.meta.url).resolve('@custom-elements-manifest/analyzer/cem.js');
const out = mkdtempSync(join(tmpdir(), 'pakn-cem-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Named {
  readonly name: string;
  readonly description?: string;
}
interface Declaration extends Named {
  readonly kind: string;
  readonly tagName?: string;
  readonly attributes?: readonly (Named & { readonly fieldName?: string })[];
  readonly events?: readonly Named[];
  readonly members?: readonly Named[];
  readonly cssParts?: readonly Named[];
  readonly cssProperties?: readonly Named[];
}
interface Manifest {
  readonly modules: readonly { readonly path: string; readonly declarations?: readonly Declaration[] }[];
}

const read = (path: string) => readFileSync(path, 'utf8');
const committed = JSON.parse(read(join(widgetDir, 'custom-elements.json'))) as Manifest;

describe('issue 10: the Custom Elements Manifest of the public tag', () => {
  // The analyzer parses with its own TypeScript: seconds, more on a busy machine.
  it('is up to date with the source (regenerated into a temporary directory)', { timeout: 60_000 }, () => {
    // The analyzer joins --outdir to its working directory: pass the temporary directory relative to it.
    execFileSync(process.execPath, [cem, 'analyze', '--quiet', '--outdir', relative(widgetDir, out)], { cwd: widgetDir, stdio: 'pipe' });
    const fresh: unknown = JSON.parse(read(join(out, 'custom-elements.json')));
    expect(fresh, 'run `pnpm --filter @pakn/widget manifest` and commit custom-elements.json').toEqual(committed);
  });

  it('is the one package.json declares', () => {
    const pkg = JSON.parse(read(join(widgetDir, 'package.json'))) as { customElements?: string };
    expect(pkg.customElements).toBe('custom-elements.json');
  });

  const widget = committed.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'pakn-widget');

  it('lists <pakn-widget> with every attribute a page sets, each described', () => {
    expect(widget?.kind).toBe('class');
    const attributes = widget?.attributes ?? [];
    expect(attributes.map((a) => a.name).sort()).toEqual(['accent', 'api', 'frame', 'lang', 'modal', 'open', 'site', 'view']);
    expect(attributes.filter((a) => !a.description).map((a) => a.name)).toEqual([]);
  });

  it('lists the events the host page can listen to, each described, and no inner event', () => {
    const events = widget?.events ?? [];
    expect(events.map((e) => e.name).sort()).toEqual(['pakn-case-submitted', 'pakn-closed', 'pakn-error', 'pakn-opened']);
    expect(events.filter((e) => !e.description).map((e) => e.name)).toEqual([]);
  });

  it('lists the CSS part and custom properties, and nothing private', () => {
    expect(widget?.cssParts?.map((p) => p.name)).toEqual(['dialog']);
    expect(widget?.cssProperties?.map((p) => p.name).sort()).toEqual(['--pakn-accent', '--pakn-font-size']);
    const members = (widget?.members ?? []).map((m) => m.name);
    expect(members).toEqual(expect.arrayContaining(['show', 'close', 'site']));
    expect(members.filter((name) => name.startsWith('#') || name.startsWith('_'))).toEqual([]);
  });
});
