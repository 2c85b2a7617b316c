/**
 * The PAKN loader, embedded by partner sites with one classic script tag (see README for the options):
 *
 *   <script src="https://PAKN/widget/v1/loader.js" data-site="KEY" async></script>
 *
 * It only draws the launcher button. Nothing else is fetched, and nothing is stored, until the citizen
 * shows intent (hover, focus or click on the launcher, a link to #pakn, the #pakn hash, a PAKN() call, or a
 * <pakn-widget> already on the page); then the widget module is imported from the same directory (with
 * data-isolation="iframe", a small module that opens the form in an iframe of the PAKN origin). Without custom
 * elements, the launcher is a plain link to the site's hosted page. It must never throw into the host page;
 * `PAKN` is its only global, and a second copy of it does nothing.
 */
import { safeAccent } from './accent.ts';
import type { FrameHostOptions } from './frame-host.ts';

/** Paths relative to this file of the widget module and of the iframe host, content-hashed (Vite's manifest). */
declare const __PAKN_ENTRY__: string;
declare const __PAKN_FRAME_HOST__: string;

type View = 'report' | 'track';

/** What the loader opens: the widget element, or the iframe host. */
interface Opener {
  show(view: View, opener?: Element | null): unknown;
  close(): void;
}

/** `window.PAKN`: a command function; before the loader runs, a page may queue calls in `PAKN.q`. */
interface PaknCommand {
  (command: string): void;
  q?: ArrayLike<unknown>[];
  v?: number;
}

const w: Window & { PAKN?: PaknCommand } = window;
const d = document;
const create = (tag: string) => d.createElement(tag);

// The page's settings, read from this script's tag below (while it is document.currentScript).
let src: string;
let nonce: string | undefined;
let data: DOMStringMap;
let origin: string;
let site: string;
let lang: string;
let vi: boolean;
let title: string;
let hostedPage: string;
let launcher: boolean;

let open = (_view: View, _opener?: Element | null) => void w.open(hostedPage, '_blank', 'noopener');
let close = () => {};
let mount = () => {
  // An old browser without custom elements: the hosted page does everything, in a tab of its own.
  if (launcher) {
    const link = create('a') as HTMLAnchorElement;
    link.href = hostedPage;
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = vi ? 'Gửi phản ánh, kiến nghị' : title;
    d.body.append(link);
  }
};

/** The launcher in its own shadow root, and the widget module (or the iframe host) imported on intent. */
function enhance(): void {
  const framed = data.isolation === 'iframe';
  const accent = safeAccent(data.accent);
  const side = data.position === 'bottom-left' ? 'left' : 'right';
  const z = parseInt(data.zIndex ?? '') || 2 ** 31 - 2; // a number, whatever the page wrote (it goes into a style sheet)
  const styles = `button,p{position:fixed;${side}:1em;z-index:${z};margin:0;font:600 medium/1.3 system-ui,sans-serif;letter-spacing:normal;text-transform:none;text-shadow:none}button{bottom:1em;display:flex;align-items:center;gap:.5em;padding:.75em 1.2em;border:0;border-radius:2em;background:${accent};color:#fff;box-shadow:0 .25em .75em #0006;cursor:pointer}svg{width:1.25em;height:1.25em;fill:currentColor}p{bottom:4.5em;max-width:20em;padding:.6em .8em;background:#fff;color:#b00020;border:1px solid}p:empty{display:none}@media print{button,p{display:none}}`;

  // The launcher, in its own shadow root, styled without style attributes (CSP-safe).
  const host = create('pakn-launcher');
  const root = host.attachShadow({ mode: 'open' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(styles);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = create('style');
    style.nonce = nonce;
    style.textContent = styles;
    root.append(style);
  }
  const note = create('p');
  note.setAttribute('role', 'status');
  root.append(note);
  const button = create('button') as HTMLButtonElement;
  const expanded = (value: boolean) => button.setAttribute('aria-expanded', String(value));

  let loading: Promise<Opener> | undefined;
  // import() keeps this script's nonce (strict-dynamic CSP), and the module gets it for its own imports.
  const load = () =>
    (loading ??= import(/* @vite-ignore */ new URL(framed ? __PAKN_FRAME_HOST__ : __PAKN_ENTRY__, src).href).then(
      (module: { createFrameHost?: (options: FrameHostOptions) => Opener }) => {
        if (module.createFrameHost) return module.createFrameHost({ root, host, src, site, lang, accent, title, expanded });
        const widget = create('pakn-widget') as HTMLElement & Opener;
        for (const [name, value] of Object.entries({ site, lang, accent, api: origin, modal: '' })) widget.setAttribute(name, value);
        widget.addEventListener('pakn-opened', () => expanded(true));
        widget.addEventListener('pakn-closed', () => expanded(false));
        d.body.append(widget);
        return widget;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  const preload = () => void load().catch(() => {});
  open = (view, opener) =>
    void load()
      .then((target) => {
        note.textContent = '';
        return target.show(view, opener);
      })
      .catch(() => {
        note.textContent = vi ? 'Không tải được biểu mẫu. Vui lòng thử lại.' : 'Could not load the form. Please retry.';
      });
  close = () => void loading?.then((target) => target.close());

  mount = () => {
    d.body.append(host);
    // A page that places <pakn-widget> itself (inline mode) needs the module at once.
    if (!framed && d.querySelector('pakn-widget')) preload();
  };
  if (launcher) {
    button.setAttribute('part', 'launcher');
    expanded(false);
    // DOM calls, not innerHTML: pages enforcing Trusted Types refuse string HTML.
    const svgNs = 'http://www.w3.org/2000/svg';
    const svg = d.createElementNS(svgNs, 'svg');
    const path = d.createElementNS(svgNs, 'path');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    path.setAttribute('d', 'M3 3h18v14H9l-5 4v-4H3zm8 3v6h2V6zm0 8v2h2v-2z');
    svg.append(path);
    button.append(svg, title);
    button.addEventListener('click', () => open('report', button));
    // Hover or focus may fetch the module ahead of the click.
    button.addEventListener('pointerenter', preload);
    button.addEventListener('focus', preload);
    root.append(button);
  }
}

try {
  // A second copy of the loader does nothing.
  if (!w.PAKN?.v) {
    ({ src, nonce, dataset: data } = d.currentScript as HTMLScriptElement);
    origin = new URL(src).origin;
    site = data.site ?? '';
    vi = !/^en/i.test(data.lang || d.documentElement.lang);
    lang = vi ? 'vi' : 'en';
    title = vi ? 'Phản ánh, kiến nghị' : 'Report a problem';
    hostedPage = `${origin}/c/${encodeURIComponent(site)}`;
    launcher = data.launcher !== 'hidden';
    if (w.customElements && 'attachShadow' in Element.prototype) enhance();

    // `PAKN(...)` commands (queued ones too), links to #pakn and the #pakn hash.
    const queued = w.PAKN?.q ?? [];
    const command: PaknCommand = (name) => {
      if (name === 'open' || name === 'track') open(name === 'open' ? 'report' : 'track');
      else if (name === 'close') close();
    };
    command.v = 1;
    w.PAKN = command;

    d.addEventListener('click', (event) => {
      const link = (event.target as Element | null)?.closest?.('a[href="#pakn"]');
      if (link && !event.defaultPrevented) {
        event.preventDefault();
        open('report', link);
      }
    });
    const fromHash = () => location.hash === '#pakn' && open('report');
    w.addEventListener('hashchange', fromHash);

    const start = () => {
      mount();
      for (const args of queued) command(String(args[0]));
      fromHash();
    };
    if (d.body) start();
    else d.addEventListener('DOMContentLoaded', start);
  }
} catch {
  // Never break the host page; without the launcher, the page's own content still works.
}
