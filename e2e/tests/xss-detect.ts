import { expect, type Frame, type Page } from '@playwright/test';
import { watchCsp } from './support.ts';
import type { Payload } from './xss-payloads.ts';
import { CASE_FIELDS, fieldMark, type CaseField } from './xss-fields.ts';
import type { Piece } from './xss-seed.ts';

/**
 * The XSS battery's detectors (xss.spec.ts): what shows that a payload ran (a call to `__xss`, a request to its
 * own URLs, a dialog, a CSP or Trusted Types report), markup injected into any DOM or shadow root, and whether a
 * view shows the payloads as text. Each detector is itself tested in xss.spec.ts, so that none passes blind.
 */

/** Everything that would show a payload ran, per page. */
export interface Guard {
  readonly executions: string[];
  readonly consoleCsp: string[];
  cspViolations(): Promise<string[]>;
}

/** A request only a payload makes: its own /xss… paths, `src=x` relative to any page, the xss.example host. */
function payloadRequest(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.hostname === 'xss.example' || /^\/xss([/.]|$)/.test(parsed.pathname) || /\/x(:x)?$/.test(parsed.pathname);
}

export async function guard(page: Page): Promise<Guard> {
  const executions: string[] = [];
  const consoleCsp: string[] = [];
  await page.exposeFunction('__xss', (id: unknown) => executions.push(`__xss(${String(id)}) ran on ${page.url()}`));
  page.on('dialog', (dialog) => {
    executions.push(`${dialog.type()} dialog "${dialog.message()}" on ${page.url()}`);
    void dialog.dismiss();
  });
  page.on('request', (r) => {
    if (payloadRequest(r.url())) executions.push(`payload request ${r.url()} from ${page.url()}`);
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Trusted Type/i.test(message.text())) consoleCsp.push(message.text());
  });
  const cspViolations = await watchCsp(page);
  return { executions, consoleCsp, cspViolations };
}

/**
 * Elements or attributes that only an injection would put in a DOM: any `on…` attribute (the apps bind
 * listeners, never attributes), script-bearing URLs, and active elements carrying a payload. Walks every shadow
 * root and template.
 */
export function injectedMarkup(frame: Frame): Promise<string[]> {
  return frame
    .evaluate(() => {
      const found: string[] = [];
      const active = new Set([
        'script',
        'iframe',
        'object',
        'embed',
        'base',
        'meta',
        'link',
        'style',
        'svg',
        'math',
        'portal',
        'img',
        'video',
        'audio',
        'details',
        'marquee',
        'form',
        'noscript',
        'xmp',
        'template',
      ]);
      // A URL a payload made: a script scheme, its host, its paths (a payload in a link's query string is data).
      const scriptable = (value: string) => {
        try {
          const url = new URL(value, location.href);
          // `data:,` is the hosted page's own empty icon; a payload's data: URL carries a document or a marker.
          const dataDocument = url.protocol === 'data:' && /xss|html|svg|javascript/i.test(value);
          return (
            /^(javascript|vbscript):$/i.test(url.protocol) ||
            dataDocument ||
            url.hostname === 'xss.example' ||
            /\/xss([/.]|$)|__xss|\/x(:x)?$/.test(url.pathname)
          );
        } catch {
          return /javascript:|vbscript:|__xss/i.test(value);
        }
      };
      const visit = (root: Document | ShadowRoot | DocumentFragment) => {
        for (const el of Array.from(root.querySelectorAll('*'))) {
          for (const name of el.getAttributeNames()) {
            const value = el.getAttribute(name) ?? '';
            if (name.startsWith('on')) found.push(`<${el.localName} ${name}="${value.slice(0, 60)}">`);
            if (/^(href|src|action|formaction|data|xlink:href|background|poster)$/.test(name) && scriptable(value))
              found.push(`<${el.localName} ${name}="${value.slice(0, 60)}">`);
            if ((name === 'srcdoc' || name === 'style') && /__xss|xss-\d|\/xss|javascript:|expression\(/i.test(value))
              found.push(`<${el.localName} ${name}="${value.slice(0, 60)}">`);
          }
          // The element's own tag (not its text, where an escaped payload belongs), and a script's or style's code.
          const tag = (el.cloneNode(false) as Element).outerHTML;
          const code = el.localName === 'script' || el.localName === 'style' ? (el.textContent ?? '') : '';
          if (active.has(el.localName) && /__xss|xss-\d|\/xss|xss\.example|src="x(:x)?"/i.test(tag + code)) found.push(tag.slice(0, 120));
          if (el.shadowRoot) visit(el.shadowRoot);
          if (el instanceof HTMLTemplateElement) visit(el.content);
        }
      };
      visit(document);
      return found;
    })
    .catch(() => []);
}

/** All text a person can see or edit in a frame, through shadow roots: text nodes and form controls' values. */
function deepText(frame: Frame): Promise<string> {
  return frame
    .evaluate(() => {
      const parts: string[] = [];
      const visit = (node: Node) => {
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.nodeValue ?? '');
        if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) parts.push(node.value);
        if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
        for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
      };
      visit(document);
      return parts.join('\n');
    })
    .catch(() => '');
}

export async function pageText(page: Page): Promise<string> {
  const texts = await Promise.all(page.frames().map(deepText));
  return texts.join('\n').normalize('NFC');
}

/** Payload texts as the API stores them (trimmed, like every text field) and as they must show. */
export function shown(payload: Payload): string {
  return payload.text.trim().normalize('NFC');
}

/** The ids of the payloads a view does not show as text. */
export function missing(text: string, payloads: readonly Payload[]): number[] {
  return payloads.filter((p) => !text.includes(shown(p))).map((p) => p.id);
}

export const all = (...groups: (Piece | readonly Piece[] | null)[]): Payload[] =>
  groups.flatMap((g) => (g === null ? [] : 'payloads' in g ? [...g.payloads] : g.flatMap((p) => [...p.payloads])));

/** Checks a loaded view: the payloads show as text, nothing ran, nothing was injected, no policy was violated. */
export async function expectSafeView(page: Page, g: Guard, view: string, expected: readonly Payload[]) {
  // Let handlers of anything injected fire (onload, onerror, autofocus, animations) before judging.
  await page.waitForLoadState('load');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  // Views load their data after the page: wait until the payloads show (or fail with the ones that never did).
  await expect.poll(async () => missing(await pageText(page), expected), { message: `${view}: payloads not shown as text`, timeout: 10_000 }).toEqual([]);
  const injected = (await Promise.all(page.frames().map(injectedMarkup))).flat();
  expect(injected, `${view}: markup injected into the DOM`).toEqual([]);
  expect(g.executions, `${view}: payloads executed`).toEqual([]);
  expect(await g.cspViolations(), `${view}: CSP violations`).toEqual([]);
  expect(g.consoleCsp, `${view}: CSP or Trusted Types messages`).toEqual([]);
}

/** Each case field ends with its mark: a view must show the marks of the fields it claims to show. */
export async function expectFieldsShown(page: Page, view: string, fields: readonly string[], k: number) {
  await expect
    .poll(
      async () => {
        const text = await pageText(page);
        return fields.filter((f) => !text.includes(fieldMark(f, k)));
      },
      { message: `${view}: fields not shown`, timeout: 10_000 },
    )
    .toEqual([]);
}

/** What the Centre's case page shows of a case's fields (the letters are on their own page). */
export const CASE_PAGE_FIELDS: readonly CaseField[] = CASE_FIELDS.filter((f) => f !== 'forwarding letter');
/** What the letters of a case show: the officer's own text, and the Centre's summary through the template. */
export const LETTER_FIELDS: readonly CaseField[] = ['forwarding letter', 'summary edit'];
/**
 * What the citizen sees when tracking an answered case: the answer (the history lists steps, not staff notes; the
 * unit's question shows only while it waits for a reply).
 */
export const TRACKING_FIELDS: readonly CaseField[] = ['answer'];
