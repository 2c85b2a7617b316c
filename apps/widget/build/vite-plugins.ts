import { fileURLToPath } from 'node:url';
import { runnerImport, type Plugin } from 'vite';
import type * as Domain from '@pakn/domain';
import { domainRules, domainRulesSource, domainText, domainTrackText } from './domain-text.ts';

const widgetRoot = fileURLToPath(new URL('..', import.meta.url));

interface Rewrite {
  readonly file: RegExp;
  readonly find: RegExp;
  readonly replace: string;
}

/**
 * Lit, made a good guest on partner pages:
 * - its Trusted Types policy is named `pakn-widget`, not `lit-html`, so a partner enforcing Trusted Types allows
 *   exactly `trusted-types pakn-widget` (and a page with its own Lit keeps its `lit-html` policy);
 * - it writes no globals: the version lists (`litHtmlVersions`, …) and the decorator metadata map
 *   (`litPropertyMetadata`, `Symbol.metadata`) are dropped; the widget uses `static properties`, never
 *   decorators, so nothing reads them. PAKN stays the only global name.
 * Each rewrite must apply exactly once: a Lit upgrade that changes this code fails the build instead of quietly
 * bringing the globals back.
 */
export function litGuest(): Plugin {
  const rewrites: Rewrite[] = [
    { file: /\/lit-html\/lit-html\.js$/, find: /createPolicy\("lit-html"/g, replace: 'createPolicy("pakn-widget"' },
    { file: /\/lit-html\/lit-html\.js$/, find: /\(\w+\.litHtmlVersions\?\?=\[\]\)\.push\("[^"]*"\)/g, replace: '0' },
    { file: /\/reactive-element\/reactive-element\.js$/, find: /\(\w+\.reactiveElementVersions\?\?=\[\]\)\.push\("[^"]*"\)/g, replace: '0' },
    {
      file: /\/reactive-element\/reactive-element\.js$/,
      find: /Symbol\.metadata\?\?=Symbol\("metadata"\),\w+\.litPropertyMetadata\?\?=new WeakMap/g,
      replace: '0',
    },
    { file: /\/reactive-element\/reactive-element\.js$/, find: /litPropertyMetadata\.get\(\w+\)/g, replace: 'void 0' },
    { file: /\/lit-element\/lit-element\.js$/, find: /\(\w+\.litElementVersions\?\?=\[\]\)\.push\("[^"]*"\)/g, replace: '0' },
  ];
  const applied = new Map<Rewrite, number>();
  return {
    name: 'pakn:lit-guest',
    apply: 'build',
    transform(code, id) {
      let out = code;
      for (const rewrite of rewrites) {
        if (!rewrite.file.test(id)) continue;
        const count = out.match(rewrite.find)?.length ?? 0;
        applied.set(rewrite, (applied.get(rewrite) ?? 0) + count);
        out = out.replace(rewrite.find, rewrite.replace);
      }
      return out === code ? null : { code: out, map: null };
    },
    buildEnd(error) {
      if (error) return;
      for (const rewrite of rewrites) {
        if (applied.get(rewrite) !== 1) {
          this.error(`Lit rewrite ${rewrite.find} applied ${applied.get(rewrite) ?? 0} times instead of once: check Lit's build output.`);
        }
      }
    },
  };
}

const DOMAIN_TEXT = 'virtual:pakn-domain-text/';
const DOMAIN_RULES = 'virtual:pakn-domain-rules';

/**
 * `virtual:pakn-domain-text/form/<lang>` and `virtual:pakn-domain-text/track/<lang>`: the domain's labels and
 * messages for one language and view; `virtual:pakn-domain-rules`: the limits the widget checks (see
 * domain-text.ts). Computed from @pakn/domain itself, loaded at build time.
 */
export function domainModules(): Plugin {
  let domain: Promise<typeof Domain> | undefined;
  return {
    name: 'pakn:domain-modules',
    resolveId(id) {
      return id.startsWith(DOMAIN_TEXT) || id === DOMAIN_RULES ? `\0${id}` : null;
    },
    async load(id) {
      if (!id.startsWith('\0virtual:pakn-domain-')) return null;
      domain ??= runnerImport<typeof Domain>('@pakn/domain', { configFile: false, root: widgetRoot, logLevel: 'silent' }).then((result) => result.module);
      if (id === `\0${DOMAIN_RULES}`) return domainRulesSource(domainRules(await domain));
      const [part, lang] = id.slice(DOMAIN_TEXT.length + 1).split('/');
      if ((lang !== 'vi' && lang !== 'en') || (part !== 'form' && part !== 'track')) return this.error(`Unknown module ${id}`);
      const text = part === 'form' ? domainText(await domain, lang) : domainTrackText(await domain, lang);
      return `export default ${JSON.stringify(text)};`;
    },
  };
}

/**
 * Vite wraps every dynamic import in `__vitePreload`, a 1 KB helper that preloads CSS and dependencies (the
 * widget has neither: modulePreload is off and styles are in JavaScript) and dispatches `vite:preloadError` on
 * the host page's window. This replaces the helper with one that just calls the import.
 */
export function noPreloadHelper(): Plugin {
  const helperId = '\0vite/preload-helper.js';
  return {
    name: 'pakn:no-preload-helper',
    apply: 'build',
    enforce: 'pre',
    resolveId: (id) => (id === helperId ? id : null),
    load: (id) => (id === helperId ? 'export const __vitePreload = (load) => load();' : null),
    generateBundle(_options, bundle) {
      for (const item of Object.values(bundle)) {
        if (item.type === 'chunk' && item.code.includes('vite:preloadError')) this.error(`${item.fileName} still has Vite's preload helper.`);
      }
    },
  };
}

interface PageOptions {
  /** The page module's source, whose built file the pages load. */
  readonly entry: string;
  /** Where the server serves dist/v1/ (absolute, because /c/KEY serves hosted.html from another path). */
  readonly publicPath: string;
}

/**
 * dist/v1/frame.html (the iframe of `data-isolation="iframe"`) and dist/v1/hosted.html (the page per site, /c/KEY,
 * for QR codes and browsers without custom elements). No inline script or style: the server sends them with a
 * CSP of `script-src 'self'` and the page module adopts its styles as constructed style sheets.
 */
export function widgetPages(options: PageOptions): Plugin {
  const page = (kind: 'frame' | 'hosted', script: string) => `<!doctype html>
<html lang="vi" data-page="${kind}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${kind === 'hosted' ? 'Phản ánh, kiến nghị về thủ tục hành chính' : 'Phản ánh, kiến nghị'}</title>
<script type="module" src="${script}"></script>
</head>
<body>
${
  kind === 'hosted'
    ? `<main>
<h1>Phản ánh, kiến nghị về thủ tục hành chính</h1>
<p>Trung tâm Phục vụ hành chính công thành phố Hà Nội tiếp nhận phản ánh, kiến nghị của người dân, doanh nghiệp về việc giải quyết thủ tục hành chính.</p>
<pakn-widget></pakn-widget>
<noscript><p>Vui lòng bật JavaScript để gửi phản ánh, kiến nghị. / Please enable JavaScript to send a report.</p></noscript>
</main>`
    : `<pakn-widget frame></pakn-widget>`
}
</body>
</html>
`;
  return {
    name: 'pakn:pages',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunk = Object.values(bundle).find((item) => item.type === 'chunk' && item.isEntry && item.facadeModuleId?.endsWith(options.entry));
      if (!chunk) this.error(`No entry chunk for ${options.entry}`);
      const script = `${options.publicPath}${chunk.fileName.replace(/^v1\//, '')}`;
      this.emitFile({ type: 'asset', fileName: 'v1/frame.html', source: page('frame', script) });
      this.emitFile({ type: 'asset', fileName: 'v1/hosted.html', source: page('hosted', script) });
    },
  };
}
