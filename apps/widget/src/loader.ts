/**
 * The PAKN loader, embedded by partner sites with one classic script tag:
 *
 *   <script src="https://PAKN/widget/v1/loader.js" data-site="KEY" data-lang="vi" async></script>
 *
 * It only draws the launcher button. Nothing else is fetched, and nothing is stored, until the citizen
 * shows intent (hover, focus or click on the launcher, a link to #pakn, the #pakn hash, a PAKN() call, or a
 * <pakn-widget> already on the page); then the widget module is imported from the same directory.
 * It must never throw into the host page, and a second copy of it does nothing.
 */

/** The widget module's path relative to this file, content-hashed; set at build time from Vite's manifest. */
declare const __PAKN_ENTRY__: string;

type View = 'report' | 'track';

interface Widget extends HTMLElement {
  show(view: View, opener?: HTMLElement | null): void;
  close(): void;
}

/** `window.PAKN`: a command function; before the loader runs, a page may queue calls in `PAKN.q`. */
interface PaknCommand {
  (command: string): void;
  q?: ArrayLike<unknown>[];
  v?: number;
}

const STYLES = `button{position:fixed;right:1em;bottom:1em;z-index:2147483646;display:flex;align-items:center;gap:.5em;margin:0;padding:.75em 1.2em;border:0;border-radius:2em;background:var(--pakn-accent,#b3261e);color:var(--pakn-on-accent,#fff);font:600 medium/1.2 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;letter-spacing:normal;text-transform:none;box-shadow:0 .25em .75em rgba(0,0,0,.35);cursor:pointer}button:focus-visible{outline:.2em solid var(--pakn-focus,#1a5fb4);outline-offset:.2em}svg{width:1.25em;height:1.25em;fill:currentColor}p{position:fixed;right:1em;bottom:4.5em;z-index:2147483646;max-width:20em;margin:0;padding:.6em .8em;background:#fff;color:#b00020;border:1px solid;font:medium/1.4 system-ui,sans-serif}p:empty{display:none}@media print{button,p{display:none}}`;

((w: Window & { PAKN?: PaknCommand }, d: Document) => {
  try {
    if (w.PAKN?.v) return;
    const script = (d.currentScript ?? d.querySelector('script[src*="/widget/v1/loader.js"]')) as HTMLScriptElement | null;
    if (!script) return;
    const src = script.src;
    const vi = !/^en/i.test(script.dataset.lang || d.documentElement.lang);
    const site = script.dataset.site ?? '';

    // The launcher, in its own shadow root, styled without <style> or style attributes (CSP-safe).
    const host = d.createElement('pakn-launcher');
    const root = host.attachShadow({ mode: 'open' });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLES);
      root.adoptedStyleSheets = [sheet];
    } catch {
      const style = d.createElement('style');
      style.textContent = STYLES;
      root.append(style);
    }
    const button = d.createElement('button');
    button.type = 'button';
    button.setAttribute('part', 'launcher');
    button.setAttribute('aria-expanded', 'false');
    const svg = d.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    const path = d.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm7 3v6h2V6zm0 8v2h2v-2z');
    svg.append(path);
    button.append(svg, vi ? 'Phản ánh, kiến nghị' : 'Report a problem');
    const note = d.createElement('p');
    note.setAttribute('role', 'status');
    root.append(button, note);

    let loading: Promise<unknown> | undefined;
    let widget: Widget | undefined;
    const load = () =>
      (loading ??= import(/* @vite-ignore */ new URL(__PAKN_ENTRY__, src).href).catch((error: unknown) => {
        loading = undefined;
        throw error;
      }));
    const preload = () => void load().catch(() => undefined);
    const open = (view: View, opener?: HTMLElement) =>
      void load()
        .then(() => {
          if (!widget) {
            widget = d.createElement('pakn-widget') as Widget;
            widget.setAttribute('site', site);
            widget.setAttribute('lang', vi ? 'vi' : 'en');
            widget.setAttribute('api', new URL(src).origin);
            widget.setAttribute('modal', '');
            widget.addEventListener('pakn-opened', () => button.setAttribute('aria-expanded', 'true'));
            widget.addEventListener('pakn-closed', () => button.setAttribute('aria-expanded', 'false'));
            d.body.append(widget);
          }
          note.textContent = '';
          widget.show(view, opener ?? button);
        })
        .catch(() => {
          note.textContent = vi
            ? 'Không tải được biểu mẫu phản ánh. Vui lòng thử lại.'
            : 'The form could not be loaded. Please try again.';
        });

    button.addEventListener('click', () => open('report'));
    button.addEventListener('pointerenter', preload);
    button.addEventListener('focus', preload);
    d.addEventListener('click', (event) => {
      const link = (event.target as Element | null)?.closest?.('a[href="#pakn"]');
      if (link && !event.defaultPrevented) {
        event.preventDefault();
        open('report', link as HTMLElement);
      }
    });
    const fromHash = () => {
      if (location.hash === '#pakn') open('report');
    };
    w.addEventListener('hashchange', fromHash);

    const queued = w.PAKN?.q ?? [];
    const command: PaknCommand = (name) => {
      if (name === 'open' || name === 'track') open(name === 'open' ? 'report' : 'track');
      else if (name === 'close') widget?.close();
    };
    command.v = 1;
    w.PAKN = command;

    const mount = () => {
      d.body.append(host);
      for (const args of Array.from(queued)) command(String(args[0]));
      fromHash();
      // A page that places <pakn-widget> itself (inline mode) needs the module at once.
      if (d.querySelector('pakn-widget')) preload();
    };
    if (d.body) mount();
    else d.addEventListener('DOMContentLoaded', mount);
  } catch {
    // Never break the host page; without the launcher, the page's own content still works.
  }
})(window, document);
