import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { FIXTURE_PORT, PAKN_PORT } from './ports.ts';

/**
 * Partner pages of every kind the widget must survive (issue 3, "Isolation on real pages"), served by a real
 * HTTP server on a third origin. A real server, not `page.route()`: Chromium's Local Network Access blocks
 * requests from intercepted (faked) pages to loopback addresses, and CSP, COEP and quirks mode must come
 * from real responses. The origin must be registered for the demo site (EXTRA_SITE_ORIGINS, see
 * playwright.config.ts).
 */

export const FIXTURE_ORIGIN = `http://127.0.0.1:${FIXTURE_PORT}`;
const PAKN_ORIGIN = `http://127.0.0.1:${PAKN_PORT}`;
const SITE_KEY = 'phuong-hoan-kiem';
/** The strict-CSP page's nonce. A fixed value is fine for a fixture; real pages draw one per response. */
const FIXTURE_NONCE = 'R4nd0m';

const FIXTURES_DIR = resolve(import.meta.dirname, 'fixtures');

const LOADER_ONLY_SCRIPT_SRC = `script-src 'self' ${PAKN_ORIGIN}`;

/** Each page's response headers: the page's kind is in its headers as much as in its markup. */
const FIXTURE_PAGES = {
  /** The control: a standards-mode page with nothing special. */
  plain: {},
  /** Google's recommended strict CSP: nonce plus strict-dynamic; the loader must pass the trust on. */
  'strict-csp-nonce': {
    'Content-Security-Policy': `script-src 'nonce-${FIXTURE_NONCE}' 'strict-dynamic'; object-src 'none'; base-uri 'none'`,
  },
  /** The allowlist a partner adds for us (two origins at most), with no 'unsafe-inline' styles. */
  'allowlist-csp': {
    'Content-Security-Policy': [
      "default-src 'self'",
      LOADER_ONLY_SCRIPT_SRC,
      `connect-src 'self' ${PAKN_ORIGIN}`,
      "style-src 'self'",
      "img-src 'self' data:",
    ].join('; '),
  },
  /** Trusted Types enforced; the widget may create one policy, of its own name. */
  'trusted-types': {
    'Content-Security-Policy': `${LOADER_ONLY_SCRIPT_SRC}; require-trusted-types-for 'script'; trusted-types pakn-widget`,
  },
  /** Trusted Types enforced on a page that is itself built with Lit: the `lit-html` policy is taken. */
  'trusted-types-lit-host': {
    'Content-Security-Policy': `${LOADER_ONLY_SCRIPT_SRC}; require-trusted-types-for 'script'; trusted-types lit-html pakn-widget`,
  },
  /** No doctype. */
  quirks: {},
  /** The loader in <head>, without async, before <body> exists. */
  'script-in-head': {},
  /** CSS that resets and overrides everything it can reach. */
  'hostile-css': {},
  /** A cross-origin-isolated page: every subresource needs CORP or CORS. */
  coep: {
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Opener-Policy': 'same-origin',
  },
  /** The loader twice (two teams embed it) and an inline <pakn-widget> as well. */
  'two-embeds': {},
  /** <pakn-widget site="KEY"> placed in the page's content. */
  inline: {},
  /** data-isolation="iframe": the form comes from the PAKN origin in an iframe. */
  'iframe-isolation': {},
  /** Every embed option set: language, position, accent colour, z-index. */
  options: {},
  /** data-launcher="hidden": the page opens the widget with its own link and button. */
  'launcher-hidden': {},
  /** PAKN('track') queued by the page before the loader has arrived. */
  'command-queue': {},
} as const satisfies Record<string, Record<string, string>>;

type FixturePage = keyof typeof FIXTURE_PAGES;

const SCRIPTS = new Set(['host.js', 'host-lit-policy.js']);

/** The unit the statistics element shows on a fixture page (issue 12). */
export const STATS_UNIT = 'ward-hoan-kiem';

/**
 * `?embed=stats` (issue 12): the same hostile page with the `<pakn-stats>` script where the widget's loader
 * stood (its nonce kept), `&lang=en` passed on as `data-lang`.
 */
function embedStats(text: string, query: URLSearchParams): string {
  if (query.get('embed') !== 'stats') return text;
  const lang = query.get('lang') === 'en' ? ' data-lang="en"' : '';
  return text.replace(/<script src="%PAKN%\/widget\/v1\/loader\.js"([^>]*)><\/script>/g, (_tag, attributes: string) => {
    const nonce = /nonce="[^"]*"/.exec(attributes)?.[0] ?? '';
    return `<script src="%PAKN%/widget/v1/stats.js" data-unit="${STATS_UNIT}"${lang} ${nonce} async></script>`;
  });
}

function fill(text: string, query = new URLSearchParams()): string {
  return embedStats(text, query).replaceAll('%PAKN%', PAKN_ORIGIN).replaceAll('%SITE%', SITE_KEY).replaceAll('%NONCE%', FIXTURE_NONCE);
}

function isFixturePage(name: string): name is FixturePage {
  return Object.hasOwn(FIXTURE_PAGES, name);
}

export function startFixtureServer(port = FIXTURE_PORT): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', FIXTURE_ORIGIN);
      const name = url.pathname.slice(1);
      // Same-origin subresources must pass the COEP page's checks too.
      const common = { 'Cache-Control': 'no-store', 'Cross-Origin-Resource-Policy': 'same-origin' };
      if (req.method !== 'GET') {
        res.writeHead(405, common).end();
      } else if (name === 'favicon.ico') {
        res.writeHead(204, common).end();
      } else if (SCRIPTS.has(name)) {
        const body = await readFile(resolve(FIXTURES_DIR, name), 'utf8');
        res.writeHead(200, { ...common, 'Content-Type': 'text/javascript; charset=utf-8' }).end(body);
      } else if (isFixturePage(name)) {
        const body = fill(await readFile(resolve(FIXTURES_DIR, `${name}.html`), 'utf8'), url.searchParams);
        res.writeHead(200, { ...common, ...FIXTURE_PAGES[name], 'Content-Type': 'text/html; charset=utf-8' }).end(body);
      } else {
        res.writeHead(404, { ...common, 'Content-Type': 'text/plain; charset=utf-8' }).end('No such fixture page');
      }
    })().catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(String(error));
    });
  });
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen(server));
  });
}
