import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { createWidgetClient, type WidgetClient } from '@pakn/api-client/widget';
import { pickLang, type Lang } from '@pakn/domain';
import { safeAccent } from './accent.ts';
import { WidgetClosedEvent, WidgetOpenedEvent, type TrackRequestEvent } from './events.ts';
import './pakn-report-form.ts';
import type { PaknTrackForm } from './pakn-track-form.ts';
import { widgetStyles } from './pakn-widget.styles.ts';
import { deepActiveElement, tabbableElements } from './tabbable-elements.ts';
import { loadText, textFor, type WidgetText } from './text/index.ts';

export type WidgetView = 'report' | 'track';

/** This build's version, for the warning when another version of the widget is already on the page. */
export const VERSION = __PAKN_VERSION__;

/**
 * `<pakn-widget site="KEY">`: the citizen's form to report a problem and to follow a report.
 *
 * Inline by default (rendered in place). With `modal` (as the loader creates it) it is a modal dialog opened
 * with `show()`. With `frame` it fills the PAKN iframe (`data-isolation="iframe"`) and has a close button.
 * `api` is the PAKN origin (by default the origin this module was loaded from); `lang` is `vi` or `en` (by
 * default the page's language, then Vietnamese); `accent` is any CSS colour, darkened if needed to keep 4.5:1
 * against white (the CSS custom property `--pakn-accent` works too).
 *
 * Events bubble and are composed, so a page can listen on `document`. None carries personal data or the access key.
 *
 * @attr {'vi' | 'en'} lang - The language, `vi` or `en`; by default the page's (`<html lang>`), then Vietnamese. The citizen can switch in the header.
 * @summary The citizen's form to report a problem with an administrative procedure, and to follow the report.
 * @fires {WidgetOpenedEvent} pakn-opened - The modal dialog was opened.
 * @fires {WidgetClosedEvent} pakn-closed - The dialog was closed (modal), or its close button pressed (frame).
 * @fires {CaseSubmittedEvent} pakn-case-submitted - A report was sent; `detail.reference` is its reference (never the access key).
 * @fires {WidgetErrorEvent} pakn-error - A call to the PAKN server failed; `detail.reason` is an error key. The widget shows the failure itself.
 * @csspart dialog - The dialog (modal mode): size, border, shadow.
 * @cssprop [--pakn-accent=#b3261e] - Accent colour of buttons, links and focus rings, kept at 4.5:1 against white.
 * @cssprop [--pakn-font-size=medium] - Base font size; every size in the widget follows it.
 */
export class PaknWidget extends LitElement {
  static readonly version = VERSION;

  static override properties = {
    site: { type: String },
    api: { type: String },
    lang: { type: String, reflect: true },
    accent: { type: String },
    modal: { type: Boolean, reflect: true },
    frame: { type: Boolean, reflect: true },
    open: { type: Boolean, reflect: true },
    view: { type: String },
    _text: { state: true },
    _trackState: { state: true },
  };

  static override styles = widgetStyles;

  /** The site key from PAKN's registry of partner sites (required). */
  declare site: string;
  /** The PAKN origin, e.g. `https://pakn.example.vn`; by default the origin this module was loaded from. */
  declare api: string;
  /** Accent colour, any CSS colour; darkened if needed to keep 4.5:1 against white. */
  declare accent: string;
  /** A modal dialog, opened with `show()` (as the loader creates it); without it, the form is inline. */
  declare modal: boolean;
  /** Fills the PAKN iframe (`data-isolation="iframe"`) and shows a close button. */
  declare frame: boolean;
  /** Whether the modal dialog is open; set by `show()` and `close()`. */
  declare open: boolean;
  /** The view shown: `report` (a new report) or `track` (follow a report). */
  declare view: WidgetView;
  declare private _text: WidgetText | undefined;
  /** The tracking view's module: not asked for yet, loading or loaded, or failed to load. */
  declare private _trackState: 'none' | 'loading' | 'loaded' | 'failed';
  #client: WidgetClient | undefined;
  #started = false;
  #opener: HTMLElement | null = null;
  #trackModule: Promise<unknown> | undefined;
  #accentSheet: CSSStyleSheet | undefined;

  constructor() {
    super();
    this.site = '';
    this.api = '';
    this.accent = '';
    this.modal = false;
    this.frame = false;
    this.open = false;
    this.view = 'report';
    this._trackState = 'none';
  }

  get #lang(): Lang {
    return pickLang(this.lang || document.documentElement.lang);
  }

  get #apiClient(): WidgetClient {
    this.#client ??= createWidgetClient({ origin: this.api || new URL(import.meta.url).origin, lang: () => this.#lang });
    return this.#client;
  }

  /**
   * Opens the dialog on a view (inline: switches the view). Focus returns to `opener` (by default what had
   * focus) when it closes. Resolves once the dialog is shown, after its language has loaded.
   */
  async show(view: WidgetView = 'report', opener?: HTMLElement | null): Promise<void> {
    if (!this.open) this.#opener = opener ?? (deepActiveElement() as HTMLElement | null);
    this.view = view === 'track' ? 'track' : 'report';
    this.open = true;
    await this.#textReady();
    await this.updateComplete;
    if (!this.modal) this.renderRoot.querySelector<HTMLElement>('.root')?.focus();
  }

  close(): void {
    if (this.frame) this.dispatchEvent(new WidgetClosedEvent());
    this.open = false;
  }

  async #textReady(): Promise<void> {
    const lang = this.#lang;
    if (this._text?.lang === lang) return;
    const text = await loadText(lang).catch(() => textFor('vi'));
    if (this.#lang === lang) this._text = text;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang') || !this._text) {
      this._text = textFor(this.#lang) ?? this._text;
      if (this._text?.lang !== this.#lang) void this.#textReady();
    }
    if (changed.has('accent')) this.#applyAccent();
    if ((this.open || !this.modal) && !this.#started) this.#started = true;
    if (changed.has('view') && this.view === 'track') void this.#loadTrackView();
  }

  /** The accent after the contrast check, in a style sheet of this shadow root (no style attribute: CSP). */
  #applyAccent(): void {
    try {
      const color = this.accent || getComputedStyle(this).getPropertyValue('--pakn-accent').trim();
      if (!color && !this.#accentSheet) return;
      if (!this.#accentSheet) {
        this.#accentSheet = new CSSStyleSheet();
        const root = this.renderRoot as ShadowRoot;
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#accentSheet];
      }
      this.#accentSheet.replaceSync(`.root{--pakn-a:${safeAccent(color)}}`);
    } catch {
      // A browser without constructable style sheets keeps the default accent.
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#applyAccent();
  }

  override updated(changed: PropertyValues<this>): void {
    if (!this.modal) return;
    const dialog = this.renderRoot.querySelector('dialog');
    if (this.open && dialog && !dialog.open) {
      dialog.showModal();
      dialog.focus();
      this.dispatchEvent(new WidgetOpenedEvent());
    } else if (!this.open && changed.get('open') === true) {
      if (dialog?.open) dialog.close();
      if (this.#opener?.isConnected) this.#opener.focus();
      this.#opener = null;
      this.dispatchEvent(new WidgetClosedEvent());
    }
  }

  #loadTrackView(): Promise<unknown> {
    if (!this.#trackModule) {
      this._trackState = 'loading';
      this.#trackModule = import('./pakn-track-form.ts').then(
        () => (this._trackState = 'loaded'),
        () => {
          this._trackState = 'failed';
          this.#trackModule = undefined;
        },
      );
    }
    return this.#trackModule;
  }

  async #onTrackRequest(event: TrackRequestEvent): Promise<void> {
    this.view = 'track';
    await this.#loadTrackView();
    await this.updateComplete;
    const form = this.renderRoot.querySelector<PaknTrackForm>('pakn-track-form');
    if (!form?.fill) return;
    await form.fill(event.reference, event.accessKey);
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.frame) this.close();
    if (event.key !== 'Tab' || !this.modal) return;
    // Keeps Tab and Shift+Tab inside the modal dialog, including inside the views' shadow roots.
    const dialog = event.currentTarget as HTMLElement;
    const items = tabbableElements(dialog);
    const first = items[0];
    const last = items[items.length - 1];
    const active = deepActiveElement();
    if (!first || !last) {
      event.preventDefault();
    } else if (event.shiftKey && (active === first || active === dialog)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  /**
   * Phones: once the keyboard has opened, bring the field being typed into view inside the full-screen dialog
   * (modal only: inline, the page is the host's to scroll).
   */
  #onFocusIn(event: FocusEvent): void {
    const target = event.composedPath()[0] as HTMLElement;
    if (this.modal && matchMedia('(max-width: 640px)').matches && target.matches?.('input,select,textarea')) {
      setTimeout(() => target.scrollIntoView({ block: 'center' }), 300);
    }
  }

  #onCancel(event: Event): void {
    // Escape: close through our own path, which returns focus and tells the page.
    event.preventDefault();
    this.close();
  }

  override render() {
    const t = this._text;
    if (!t) return nothing;
    const view = this.view;
    const started = this.#started;
    const body = html`
      <div class="head">
        <h2 id="title">${t.title}</h2>
        <button type="button" class="lang" lang=${t.switchTo.lang} @click=${() => (this.lang = t.switchTo.lang)}>${t.switchTo.label}</button>
        ${this.modal || this.frame ? html`<button type="button" class="close" aria-label=${t.close} title=${t.close} @click=${this.close}>×</button>` : nothing}
      </div>
      <div class="tabs">
        <button type="button" aria-pressed=${view === 'report'} @click=${() => (this.view = 'report')}>${t.newReport}</button>
        <button type="button" aria-pressed=${view === 'track'} @click=${() => (this.view = 'track')}>${t.followReport}</button>
      </div>
      <div class="body">
        ${
          started
            ? html`<pakn-report-form
                .text=${t}
                site=${this.site}
                .api=${this.#apiClient}
                ?hidden=${view !== 'report'}
                @pakn-track-request=${this.#onTrackRequest}
              ></pakn-report-form>`
            : nothing
        }
        ${
          started && this._trackState !== 'none'
            ? html`<pakn-track-form site=${this.site} .text=${t} .api=${this.#apiClient} ?hidden=${view !== 'track'}>${t.loading}</pakn-track-form>`
            : nothing
        }
        ${
          view === 'track' && this._trackState === 'failed'
            ? html`<div class="alert" role="alert">
                <p>${t.network}</p>
                <button type="button" @click=${this.#loadTrackView}>${t.retry}</button>
              </div>`
            : nothing
        }
      </div>
    `;
    return this.modal
      ? html`<dialog
          class="root"
          part="dialog"
          aria-labelledby="title"
          tabindex="-1"
          lang=${t.lang}
          @cancel=${this.#onCancel}
          @close=${this.close}
          @keydown=${this.#onKeydown}
          @focusin=${this.#onFocusIn}
        >
          ${body}
        </dialog>`
      : html`<section class="root" aria-labelledby="title" tabindex="-1" lang=${t.lang} @keydown=${this.#onKeydown}>${body}</section>`;
  }
}

/** Defines the element once per page; a second copy (another embed or version) only warns. */
const defined: (CustomElementConstructor & { version?: string }) | undefined = customElements.get('pakn-widget');
if (!defined) customElements.define('pakn-widget', PaknWidget);
else if (defined.version !== VERSION) {
  console.warn(`PAKN: <pakn-widget> ${defined.version ?? '(unknown version)'} is already defined on this page; version ${VERSION} is not used.`);
}

declare global {
  interface HTMLElementTagNameMap {
    'pakn-widget': PaknWidget;
  }
}
