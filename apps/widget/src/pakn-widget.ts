import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { errorInfo } from '@pakn/api-client';
import { pickLang, type Lang } from '@pakn/domain';
import { WidgetClosedEvent, WidgetOpenedEvent, type TrackRequestEvent } from './events.ts';
import { PaknApi } from './pakn-api.ts';
import './pakn-report-form.ts';
import type { PaknTrackForm } from './pakn-track-form.ts';
import { widgetStyles } from './pakn-widget.styles.ts';
import { deepActiveElement, tabbableElements } from './tabbable-elements.ts';
import { WIDGET_TEXT } from './widget-text.ts';

export type WidgetView = 'report' | 'track';

/**
 * `<pakn-widget site="KEY">`: the citizen's form to report a problem and to follow a report.
 *
 * Inline by default (rendered in place). With `modal` (as the loader creates it) it is a modal dialog
 * opened with `show()`. `api` is the PAKN server's origin; by default the origin this module was loaded
 * from. `lang` is `vi` or `en`; by default the page's language, then Vietnamese.
 *
 * @fires pakn-opened - WidgetOpenedEvent
 * @fires pakn-closed - WidgetClosedEvent
 * @fires pakn-case-submitted - CaseSubmittedEvent (from the report form), with the reference only.
 * @fires pakn-error - WidgetErrorEvent
 * @csspart dialog - the dialog (modal mode)
 * @cssprop --pakn-accent - main colour (default #b3261e); also --pakn-on-accent, --pakn-text,
 *   --pakn-surface, --pakn-focus, --pakn-danger, --pakn-border, --pakn-font-size.
 */
export class PaknWidget extends LitElement {
  static override properties = {
    site: { type: String },
    api: { type: String },
    lang: { type: String },
    modal: { type: Boolean, reflect: true },
    open: { type: Boolean, reflect: true },
    view: { type: String },
    _trackState: { state: true },
  };

  static override styles = widgetStyles;

  declare site: string;
  declare api: string;
  declare modal: boolean;
  declare open: boolean;
  declare view: WidgetView;
  /** The tracking view's module: not asked for yet, loading or loaded, or failed to load. */
  declare private _trackState: 'none' | 'loading' | 'loaded' | 'failed';
  #client: PaknApi | undefined;
  #started = false;
  #opener: HTMLElement | null = null;
  #trackModule: Promise<unknown> | undefined;

  constructor() {
    super();
    this.site = '';
    this.api = '';
    this.modal = false;
    this.open = false;
    this.view = 'report';
    this._trackState = 'none';
  }

  get #lang(): Lang {
    return pickLang(this.lang || document.documentElement.lang);
  }

  get #apiClient(): PaknApi {
    this.#client ??= new PaknApi(this.api || new URL(import.meta.url).origin, () => this.#lang);
    return this.#client;
  }

  /** Opens the dialog on a view. Focus returns to `opener` (by default what had focus) when it closes. */
  show(view: WidgetView = 'report', opener?: HTMLElement | null): void {
    if (!this.open) this.#opener = opener ?? (deepActiveElement() as HTMLElement | null);
    this.#switchView(view);
    this.open = true;
  }

  close(): void {
    this.open = false;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if ((this.open || !this.modal) && !this.#started) {
      this.#started = true;
      // The first sign of intent: fetch the site's units while the citizen reads the form.
      this.#apiClient.siteConfig(this.site).catch(() => undefined);
    }
    if (changed.has('view') && this.view === 'track') this.#loadTrackView();
  }

  override updated(changed: PropertyValues<this>): void {
    if (!this.modal || !changed.has('open')) return;
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog) return;
    if (this.open && !dialog.open) {
      dialog.showModal();
      dialog.focus();
      this.dispatchEvent(new WidgetOpenedEvent());
    } else if (!this.open && changed.get('open') === true) {
      if (dialog.open) dialog.close();
      if (this.#opener?.isConnected) this.#opener.focus();
      this.#opener = null;
      this.dispatchEvent(new WidgetClosedEvent());
    }
  }

  #switchView(view: WidgetView): void {
    this.view = view === 'track' ? 'track' : 'report';
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
    this.#switchView('track');
    await this.#loadTrackView();
    await this.updateComplete;
    const form = this.renderRoot.querySelector<PaknTrackForm>('pakn-track-form');
    if (!form?.focusTrackButton) return;
    form.reference = event.reference;
    form.accessKey = event.accessKey;
    await form.updateComplete;
    form.focusTrackButton();
  }

  /** Keeps Tab and Shift+Tab inside the modal dialog, including inside the views' shadow roots. */
  #trapFocus(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const dialog = event.currentTarget as HTMLDialogElement;
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

  override render() {
    const lang = this.#lang;
    const t = WIDGET_TEXT[lang];
    const view = this.view;
    const started = this.#started;
    const body = html`
      <div class="head">
        <h2 id="title">${t.title}</h2>
        ${this.modal
          ? html`<button type="button" class="close" aria-label=${t.close} title=${t.close} @click=${this.close}>×</button>`
          : nothing}
      </div>
      <div class="tabs">
        <button type="button" aria-pressed=${view === 'report'} @click=${() => this.#switchView('report')}>${t.newReport}</button>
        <button type="button" aria-pressed=${view === 'track'} @click=${() => this.#switchView('track')}>${t.followReport}</button>
      </div>
      <div class="body">
        ${started
          ? html`<pakn-report-form
              lang=${lang}
              site=${this.site}
              .api=${this.#apiClient}
              ?hidden=${view !== 'report'}
              @pakn-track-request=${this.#onTrackRequest}
            ></pakn-report-form>`
          : nothing}
        ${started && this._trackState !== 'none'
          ? html`<pakn-track-form lang=${lang} .api=${this.#apiClient} ?hidden=${view !== 'track'}>${t.loading}</pakn-track-form>`
          : nothing}
        ${view === 'track' && this._trackState === 'failed'
          ? html`<div class="alert" role="alert">
              <p>${errorInfo(null, lang).message}</p>
              <button type="button" @click=${this.#loadTrackView}>${t.retry}</button>
            </div>`
          : nothing}
      </div>
    `;
    return this.modal
      ? html`<dialog
          class="root"
          part="dialog"
          role="dialog"
          aria-modal="true"
          aria-labelledby="title"
          tabindex="-1"
          lang=${lang}
          @cancel=${this.#onCancel}
          @close=${this.close}
          @keydown=${this.#trapFocus}
        >
          ${body}
        </dialog>`
      : html`<section class="root" aria-labelledby="title" lang=${lang}>${body}</section>`;
  }

  #onCancel(event: Event): void {
    // Escape: close through our own path, which returns focus and tells the page.
    event.preventDefault();
    this.close();
  }
}

if (!customElements.get('pakn-widget')) customElements.define('pakn-widget', PaknWidget);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-widget': PaknWidget;
  }
}
