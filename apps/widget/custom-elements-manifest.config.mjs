/**
 * The Custom Elements Manifest of the widget's public tag, `<pakn-widget>` (apps/widget/custom-elements.json,
 * committed; regenerate with `pnpm --filter @pakn/widget manifest`). Editors, linters and documentation tools read
 * it to know the tag's attributes, properties, methods, events, CSS parts and custom properties.
 *
 * Only src/pakn-widget.ts: the report and tracking forms are inner elements of its shadow root, not for pages.
 * test/custom-elements-manifest.test.ts fails when this file is out of date with the source.
 */

/** Drops what a page cannot use: private fields and methods (`#x`), Lit's internal state (`_x`), events without a name. */
function publicApiOnly() {
  const isPublic = (name) => !name.startsWith('#') && !name.startsWith('_');
  return {
    name: 'pakn-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          declaration.members = declaration.members?.filter((m) => m.privacy !== 'private' && isPublic(m.name));
          declaration.attributes = declaration.attributes?.filter((a) => isPublic(a.fieldName ?? a.name));
          declaration.events = declaration.events?.filter((e) => e.name);
        }
      }
    },
  };
}

export default {
  globs: ['src/pakn-widget.ts'],
  outdir: '.',
  litelement: true,
  // package.json declares `customElements` itself: a run into another directory (the test's) must not rewrite it.
  packagejson: false,
  plugins: [publicApiOnly()],
};
