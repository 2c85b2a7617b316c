/**
 * `data-isolation="iframe"`: the form lives in a page of the PAKN origin (frame.html), shown in a modal dialog
 * in the launcher's shadow root. Loaded by the loader on the citizen's first sign of intent; no Lit.
 *
 * The frame says how tall it is, that it wants to close, the reference of a submitted case and the reason of an
 * error (re-dispatched as the widget's events, on the launcher's host element); messages are
 * accepted only from that frame and the PAKN origin, through addEventListener (never window.onmessage).
 */
export interface FrameHostOptions {
  /** The launcher's shadow root, where the dialog goes (styles are adopted there). */
  readonly root: ShadowRoot;
  /** Where `pakn-case-submitted` is dispatched (bubbling, composed). */
  readonly host: HTMLElement;
  /** loader.js's URL: frame.html is beside it. */
  readonly src: string;
  readonly site: string;
  readonly lang: string;
  readonly accent: string;
  readonly title: string;
  readonly expanded: (open: boolean) => void;
}

interface FrameMessage {
  pakn?: number;
  type?: string;
  height?: number;
  reference?: string;
  reason?: string;
}

const STYLES =
  'dialog{font-size:medium;width:38em;max-width:calc(100% - 2em);max-height:calc(100dvh - 2em);padding:0;border:0;border-radius:.6em;overflow:hidden;box-shadow:0 .5em 2em rgba(0,0,0,.35)}dialog::backdrop{background:rgba(0,0,0,.5)}iframe{display:block;width:100%;border:0;max-height:calc(100dvh - 2em)}@media(max-width:640px){dialog{width:100%;max-width:none;height:100dvh;max-height:none;margin:0;border-radius:0}iframe{height:100dvh;max-height:none}}';

export function createFrameHost(options: FrameHostOptions) {
  const { root, host, src, title, expanded } = options;
  const origin = new URL(src).origin;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(STYLES);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];

  const dialog = document.createElement('dialog');
  dialog.setAttribute('aria-label', title);
  const frame = document.createElement('iframe');
  frame.title = title;
  frame.allow = 'clipboard-write';
  // The height attribute, not a style: pages without style-src 'unsafe-inline' refuse style attributes.
  frame.height = '640';
  dialog.append(frame);
  root.append(dialog);
  const tell = (type: string, detail?: object) => host.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  dialog.addEventListener('close', () => {
    expanded(false);
    tell('pakn-closed');
  });

  addEventListener('message', (event: MessageEvent<FrameMessage>) => {
    const message = event.data;
    if (event.origin !== origin || event.source !== frame.contentWindow || !message?.pakn) return;
    if (message.type === 'height') frame.height = String(Math.ceil(Number(message.height) || 0));
    else if (message.type === 'close') dialog.close();
    else if (message.type === 'submitted') tell('pakn-case-submitted', { reference: String(message.reference) });
    else if (message.type === 'error') tell('pakn-error', { reason: String(message.reason) });
  });

  return {
    show(view: string): void {
      if (!frame.src) {
        const params = new URLSearchParams({ site: options.site, lang: options.lang, view, accent: options.accent, origin: location.origin });
        frame.src = `${new URL('frame.html', src).href}?${params}`;
      } else frame.contentWindow?.postMessage({ pakn: 1, type: 'open', view }, origin);
      if (!dialog.open) {
        dialog.showModal();
        tell('pakn-opened');
      }
      expanded(true);
    },
    close: () => dialog.close(),
  };
}

export type FrameHost = ReturnType<typeof createFrameHost>;
