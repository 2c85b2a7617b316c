import { html, type LitElement } from 'lit';
import type { CaseReceipt, WidgetClient } from '@pakn/api-client/widget';
import { TrackRequestEvent } from './events.ts';
import { hanoiTime } from './format.ts';
import type { WidgetText } from './text/index.ts';

/**
 * The receipt of `<pakn-report-form>`: the reference and the access key, with copy, print and download, since
 * the access key is shown only once.
 */

/** What the receipt needs from the form that shows it. */
export interface ReceiptHost extends LitElement {
  readonly site: string;
  readonly text: WidgetText;
  readonly api: WidgetClient | undefined;
}

/** What the receipt's buttons ask of the form. */
export interface ReceiptActions {
  notice(notice: 'copied' | 'copyFailed'): void;
  another(): void;
}

function receiptLines(host: ReceiptHost, receipt: CaseReceipt): string[] {
  const t = host.text;
  return [
    t.receiptTitle,
    `${t.reference}: ${receipt.reference}`,
    `${t.accessKey}: ${receipt.accessKey}`,
    `${t.sentAt}: ${hanoiTime(receipt.createdAt, t)}`,
    `${t.trackAt}: ${host.api?.origin}/c/${encodeURIComponent(host.site)}`,
    t.keyOnce,
  ];
}

async function copyReceipt(host: ReceiptHost, receipt: CaseReceipt): Promise<'copied' | 'copyFailed'> {
  try {
    await navigator.clipboard.writeText(receiptLines(host, receipt).slice(1, 3).join('\n'));
    return 'copied';
  } catch {
    return 'copyFailed';
  }
}

/** Prints the receipt alone: from a blank frame of its own, since window.print() would print the host page. */
function printReceipt(host: ReceiptHost, receipt: CaseReceipt): void {
  // Browsers that never fire afterprint would otherwise keep one frame per press.
  host.renderRoot.querySelector('iframe')?.remove();
  const frame = document.createElement('iframe');
  frame.className = 'offscreen';
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  host.renderRoot.append(frame);
  // A connected frame always has a window; the check keeps the types honest.
  const win = frame.contentWindow;
  if (!win) return;
  const doc = win.document;
  const [title = '', ...lines] = receiptLines(host, receipt);
  doc.documentElement.lang = host.text.lang;
  doc.title = title;
  const heading = doc.createElement('h1');
  heading.textContent = title;
  doc.body.append(heading, ...lines.map((line) => Object.assign(doc.createElement('p'), { textContent: line })));
  try {
    const sheet = new (win as Window & typeof globalThis).CSSStyleSheet();
    sheet.replaceSync('body{font:13pt/1.5 system-ui,sans-serif;margin:1.5cm}h1{font-size:16pt}p:nth-of-type(-n+2){font:700 15pt monospace}');
    doc.adoptedStyleSheets = [sheet];
  } catch {
    // Unstyled is still legible.
  }
  win.addEventListener('afterprint', () => frame.remove());
  win.print();
}

function downloadReceipt(host: ReceiptHost, receipt: CaseReceipt): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob(['\ufeff', receiptLines(host, receipt).join('\r\n')], { type: 'text/plain;charset=utf-8' }));
  link.download = `${receipt.reference}.txt`;
  host.renderRoot.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

/** The receipt section; `notice` is the status line's text. */
export function renderReceipt(host: ReceiptHost, receipt: CaseReceipt, notice: string, actions: ReceiptActions) {
  const t = host.text;
  return html`
    <section class="receipt" aria-labelledby="receipt-title">
      <h3 id="receipt-title" tabindex="-1">${t.sent}</h3>
      <dl>
        <div>
          <dt>${t.reference}</dt>
          <dd class="code" data-testid="receipt-reference">${receipt.reference}</dd>
        </div>
        <div>
          <dt>${t.accessKey}</dt>
          <dd class="code" data-testid="receipt-access-key">${receipt.accessKey}</dd>
        </div>
      </dl>
      <p class="note">${t.keyOnce}</p>
      <div class="actions">
        <button type="button" class="primary" @click=${async () => actions.notice(await copyReceipt(host, receipt))}>${t.copy}</button>
        <button type="button" @click=${() => printReceipt(host, receipt)}>${t.print}</button>
        <button type="button" @click=${() => downloadReceipt(host, receipt)}>${t.download}</button>
        <button type="button" @click=${() => host.dispatchEvent(new TrackRequestEvent(receipt.reference, receipt.accessKey))}>${t.checkStatus}</button>
        <button type="button" @click=${() => actions.another()}>${t.anotherReport}</button>
      </div>
      <p role="status">${notice}</p>
    </section>
  `;
}
