/**
 * The module of the widget's own pages, served from the PAKN origin (see build/vite-plugins.ts):
 * - frame.html?site=KEY&lang=vi&view=report&accent=…&origin=… — the iframe of `data-isolation="iframe"`. It tells
 *   the embedding page (only `origin`, given by the loader) its height, that it wants to close, the reference
 *   of a submitted case (never the access key) and error reasons; the page may tell it which view to open.
 * - hosted.html, served as /c/KEY — a full page per site for QR codes on posters and old browsers.
 * Styles are adopted style sheets: the pages' CSP has no 'unsafe-inline'.
 */
import { pickLang } from '@pakn/domain';
import type { CaseSubmittedEvent, WidgetErrorEvent } from './events.ts';
import type { WidgetView } from './pakn-widget.ts';
import './pakn-widget.ts';

const root = document.documentElement;
const frame = root.dataset.page === 'frame';
const params = new URLSearchParams(location.search);
const lang = pickLang(params.get('lang'));
const widget = document.querySelector('pakn-widget');
// The build writes the element into both pages (build/vite-plugins.ts).
if (!widget) throw new Error('This page has no <pakn-widget>.');
const view: WidgetView = params.get('view') === 'track' ? 'track' : 'report';

root.lang = lang;
widget.lang = lang;
widget.site = frame ? (params.get('site') ?? '') : decodeURIComponent(/\/c\/([^/]+)/.exec(location.pathname)?.[1] ?? params.get('site') ?? '');
widget.accent = params.get('accent') ?? '';

const sheet = new CSSStyleSheet();
sheet.replaceSync(
  frame
    ? 'html,body{margin:0;background:#fff}'
    : 'html{font:medium/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f4f6f8}body{margin:0}main{max-width:42em;margin:0 auto;padding:1em 1em 3em}h1{font-size:1.5em;line-height:1.25;margin:.5em 0}p{margin:0 0 1em}',
);
document.adoptedStyleSheets = [sheet];

if (!frame) {
  if (lang === 'en') {
    document.title = 'Reports on administrative procedures';
    const heading = document.querySelector('h1');
    const intro = document.querySelector('main > p');
    if (heading) heading.textContent = document.title;
    if (intro)
      intro.textContent =
        "Hanoi's Public Administration Service Centre takes reports from citizens and businesses on how administrative procedures were handled.";
  }
  if (view === 'track') void widget.show(view);
} else {
  let parentOrigin: string | null = params.get('origin');
  try {
    if (new URL(parentOrigin ?? '').origin !== parentOrigin) parentOrigin = null;
  } catch {
    parentOrigin = null;
  }
  const post = (message: Record<string, unknown>) => {
    if (parentOrigin && parent !== window) parent.postMessage({ pakn: 1, ...message }, parentOrigin);
  };
  new ResizeObserver(() => post({ type: 'height', height: document.body.getBoundingClientRect().height })).observe(document.body);
  widget.addEventListener('pakn-closed', () => post({ type: 'close' }));
  widget.addEventListener('pakn-case-submitted', (event: CaseSubmittedEvent) => post({ type: 'submitted', reference: event.detail.reference }));
  widget.addEventListener('pakn-error', (event: WidgetErrorEvent) => post({ type: 'error', reason: event.detail.reason }));
  addEventListener('message', (event: MessageEvent<{ pakn?: number; type?: string; view?: WidgetView }>) => {
    if (event.source === parent && event.origin === parentOrigin && event.data?.pakn && event.data.type === 'open') {
      void widget.show(event.data.view === 'track' ? 'track' : 'report');
    }
  });
  void widget.show(view);
}
