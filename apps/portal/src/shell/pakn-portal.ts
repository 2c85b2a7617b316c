import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import { Task } from '@lit/task';
import { ROLE_LABELS, can, pickLang, type Lang, type StaffMember } from '@pakn/domain';
import { errorInfo, isSignedOut, paknClient } from '#shared/client.ts';
import { UnitsChangedEvent, staffContext, unitsContext } from '#shared/context.ts';
import { NavigateEvent, navigateOnClick, type SessionExpiredEvent } from '#shared/events.ts';
import { callFailed } from '#shared/failure.ts';
import { caseStatusLabel } from '#shared/i18n.ts';
import { loadErrorAlert } from '#shared/form-fields.ts';
import { PAGES, PAGE_LIST, navLabel, type Page, type PageName } from '#shared/pages.ts';
import { KeySequence, shortcutKey } from '#shared/shortcuts.ts';
import { base, tokens } from '#shared/styles.ts';
import { LiveFeedController } from './live-feed.ts';
import { LOADERS } from './loaders.ts';
import { pageElement } from './page-element.ts';
import { SignedInEvent } from './pakn-login.ts';
import { portalStyles } from './pakn-portal.styles.ts';
import './pakn-login.ts';
import './pakn-shortcuts.ts';
import { BASE_PATH, isPortalPath, parseRoute, routeAttributes, type Route } from './routes.ts';
import { STRINGS } from './strings.ts';
import { defineElement } from '#shared/pakn-element.ts';

type FeatureStatus = 'loading' | 'ready' | 'failed';

type Session =
  | { readonly kind: 'checking' }
  | { readonly kind: 'check-failed'; readonly message: string }
  | { readonly kind: 'signed-out'; readonly expired: boolean }
  | { readonly kind: 'signed-in'; readonly staff: StaffMember };

const LANG_STORAGE_KEY = 'pakn-portal-lang';

function storedLang(): Lang {
  try {
    return pickLang(localStorage.getItem(LANG_STORAGE_KEY));
  } catch {
    return 'vi';
  }
}

/** Whether the main navigation's link to `page` stands for the route's page. */
function navCurrent(page: PageName, route: Route): boolean {
  if (route.name === 'not-found') return false;
  const shown: Page = PAGES[route.name];
  return route.name === page || shown.navUnder === page;
}

/**
 * `<pakn-portal>`: the staff portal's shell. It checks the session, shows the login form or the header
 * and the page for the address (the page table, #shared/pages.ts), loads each page's feature element on
 * demand, and owns the address bar: features ask for navigation with `pakn-navigate` and report an expired
 * session with `pakn-session-expired`. It provides the signed-in staff member and the unit list to every
 * feature (`staffContext`, `unitsContext`), reading the units again on `pakn-units-changed`.
 */
class PaknPortal extends LitElement {
  static override properties = {
    language: { state: true },
    session: { state: true },
    route: { state: true },
    features: { state: true },
    signingOut: { state: true },
    signOutError: { state: true },
  };

  declare protected language: Lang;
  declare protected session: Session;
  declare protected route: Route;
  declare protected features: Readonly<Partial<Record<PageName, FeatureStatus>>>;
  declare protected signingOut: boolean;
  declare protected signOutError: string | null;

  readonly #live = new LiveFeedController(this, {
    active: () => this.session.kind === 'signed-in',
    stopped: (error) => {
      // The server ends the feed when its session ends (logout in another tab, idle or absolute timeout,
      // account disabled or changed): find out which, and show the sign-in form if it is gone.
      if (isSignedOut(errorInfo(error, this.language))) void this.#recheckSession();
      else console.warn('[portal] live updates stopped', error);
    },
  });
  readonly #keys = new KeySequence(['g i']);
  readonly #staff = new ContextProvider(this, { context: staffContext });
  readonly #units = new ContextProvider(this, { context: unitsContext });
  /** The unit list, read after sign-in and on `pakn-units-changed`; nothing while signed out. */
  readonly #unitsTask = new Task(this, {
    args: () => [this.session.kind === 'signed-in' ? this.session.staff.id : null] as const,
    task: async ([staffId], { signal }) => (staffId ? await paknClient().unit.list.query(undefined, { signal }) : undefined),
    onComplete: (units) => this.#units.setValue(units),
    onError: (error) => {
      this.#units.setValue(undefined);
      console.warn('[portal] the unit list could not be read', callFailed(this, error, this.language).kind);
    },
  });

  constructor() {
    super();
    this.language = storedLang();
    this.session = { kind: 'checking' };
    this.route = parseRoute(location.pathname, location.search);
    this.features = {};
    this.signingOut = false;
    this.signOutError = null;
    this.addEventListener(NavigateEvent.type, this.#onNavigate);
    this.addEventListener('pakn-session-expired', this.#onSessionExpired);
    this.addEventListener(SignedInEvent.type, this.#onSignedIn);
    this.addEventListener(UnitsChangedEvent.type, () => void this.#unitsTask.run());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.#onPopState);
    window.addEventListener('keydown', this.#onKeyDown);
    void this.#checkSession();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this.#onPopState);
    window.removeEventListener('keydown', this.#onKeyDown);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues): void {
    // The page's language drives the API client's messages, screen readers and features' defaults.
    if (changed.has('language')) document.documentElement.lang = this.language;
    if (changed.has('session')) {
      const session = this.session;
      // Set before the page renders, so that its features read the new value when they connect.
      this.#staff.setValue(session.kind === 'signed-in' ? session.staff : session.kind === 'signed-out' ? null : undefined);
      if (session.kind !== 'signed-in') this.#units.setValue(undefined);
    }
    // Start fetching the page's feature before rendering, so that render only reads state.
    if (this.session.kind === 'signed-in' && this.route.name !== 'not-found') this.#ensureFeature(this.route.name);
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('session')) this.#live.sync();
    this.#applyTitle();
  }

  // ---- Keyboard --------------------------------------------------------------------------------

  #onKeyDown = (event: KeyboardEvent): void => {
    if (this.session.kind !== 'signed-in') return;
    const key = shortcutKey(event);
    if (key === null) return;
    if (key === '?') {
      event.preventDefault();
      this.#openShortcuts();
      return;
    }
    if (this.#keys.feed(key, Date.now()) === 'g i') {
      event.preventDefault();
      this.dispatchEvent(new NavigateEvent({ path: BASE_PATH }));
    }
  };

  #openShortcuts = (): void => {
    this.renderRoot.querySelector('pakn-shortcuts')?.show();
  };

  // ---- Session ---------------------------------------------------------------------------------

  /** Asks the server who is signed in (on start, and again after a failed check). */
  async #checkSession(): Promise<void> {
    this.session = { kind: 'checking' };
    try {
      const staff = await paknClient().auth.me.query();
      this.session = staff ? { kind: 'signed-in', staff } : { kind: 'signed-out', expired: false };
    } catch (error) {
      this.session = { kind: 'check-failed', message: errorInfo(error, this.language).message };
    }
  }

  /** After the live feed was refused: signed out (expired), or still signed in with a changed account. */
  async #recheckSession(): Promise<void> {
    if (this.session.kind !== 'signed-in') return;
    try {
      const staff = await paknClient().auth.me.query();
      if (this.session.kind !== 'signed-in') return;
      // A new session object restarts the live feed (see updated()).
      this.session = staff ? { kind: 'signed-in', staff } : { kind: 'signed-out', expired: true };
    } catch (error) {
      console.warn('[portal] session check failed', error);
    }
  }

  #onSignedIn = (event: SignedInEvent): void => {
    this.session = { kind: 'signed-in', staff: event.staff };
    void this.#focusMain();
  };

  async #signOut(): Promise<void> {
    if (this.signingOut) return;
    this.signingOut = true;
    this.signOutError = null;
    try {
      await paknClient().auth.logout.mutate();
      // The next person to sign in on this machine starts from the inbox, not from this case.
      if (location.pathname + location.search !== BASE_PATH) history.pushState(null, '', BASE_PATH);
      this.route = parseRoute(location.pathname, location.search);
      this.session = { kind: 'signed-out', expired: false };
      await this.#focusMain();
    } catch (error) {
      this.signOutError = errorInfo(error, this.language).message;
    } finally {
      this.signingOut = false;
    }
  }

  #onSessionExpired = (_event: SessionExpiredEvent): void => {
    if (this.session.kind !== 'signed-in') return;
    this.session = { kind: 'signed-out', expired: true };
  };

  // ---- Navigation ------------------------------------------------------------------------------

  #onNavigate = (event: NavigateEvent): void => {
    if (!isPortalPath(new URL(event.path, location.origin).pathname)) return;
    event.preventDefault();
    const current = location.pathname + location.search;
    if (event.path !== current) {
      if (event.replace) history.replaceState(null, '', event.path);
      else history.pushState(null, '', event.path);
    }
    const before = this.route;
    this.route = parseRoute(location.pathname, location.search);
    // A filter change stays on the same page; a new page takes focus to its start, as a page load would.
    if (!event.replace && (before.name !== this.route.name || event.path !== current)) {
      window.scrollTo(0, 0);
      void this.#focusMain();
    }
  };

  #onPopState = (): void => {
    this.route = parseRoute(location.pathname, location.search);
  };

  async #focusMain(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
  }

  #featureStatus(name: PageName): FeatureStatus {
    return this.features[name] ?? (customElements.get(PAGES[name].tag) ? 'ready' : 'loading');
  }

  #ensureFeature(name: PageName): void {
    if (this.features[name] || customElements.get(PAGES[name].tag)) return;
    this.features = { ...this.features, [name]: 'loading' };
    LOADERS[name]()
      .then(() => {
        this.features = { ...this.features, [name]: 'ready' };
      })
      .catch((error: unknown) => {
        console.error(`[portal] could not load the ${name} feature`, error);
        this.features = { ...this.features, [name]: 'failed' };
      });
  }

  // ---- Language --------------------------------------------------------------------------------

  #setLang(lang: Lang): void {
    if (lang === this.language) return;
    this.language = lang;
    try {
      localStorage.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // Private mode or storage disabled: the choice lasts for this page only.
    }
  }

  /** The title names the page shown (after each update: the session, the route or the language changed). */
  #applyTitle(): void {
    const lang = this.language;
    const name = this.route.name;
    const page = this.session.kind !== 'signed-in' ? STRINGS.signIn[lang] : name === 'not-found' ? STRINGS.notFoundHeading[lang] : PAGES[name].title[lang];
    document.title = `${page} – ${STRINGS.product[lang]}`;
  }

  // ---- Rendering -------------------------------------------------------------------------------

  protected override render() {
    const lang = this.language;
    return html`
      <div class="root" lang=${lang}>
        ${this.#renderHeader(lang)} ${this.#renderLiveNotice(lang)}
        <main id="main" tabindex="-1">
          <div class="container">${this.#renderMain(lang)}</div>
        </main>
        ${this.session.kind === 'signed-in' ? html`<pakn-shortcuts lang=${lang}></pakn-shortcuts>` : nothing}
      </div>
    `;
  }

  /** A button, not a `#main` link: fragment links do not reach into a shadow root. */
  #skipToMain = (): void => {
    void this.#focusMain();
  };

  #renderHeader(lang: Lang) {
    const session = this.session;
    const staff = session.kind === 'signed-in' ? session.staff : null;
    return html`
      <header class="header" part="header">
        <button type="button" class="secondary skip" @click=${this.#skipToMain}>${STRINGS.skipToContent[lang]}</button>
        <div class="container header-top">
          <a class="brand" href=${BASE_PATH} @click=${(e: MouseEvent) => navigateOnClick(e, this)}>
            <span class="brand-name">${STRINGS.product[lang]}</span>
            <span class="brand-sub">${STRINGS.productLong[lang]}</span>
          </a>
          <div class="lang-switch" role="group" aria-label="Ngôn ngữ / Language">
            <button type="button" lang="vi" aria-pressed=${lang === 'vi' ? 'true' : 'false'} @click=${() => this.#setLang('vi')}>Tiếng Việt</button>
            <button type="button" lang="en" aria-pressed=${lang === 'en' ? 'true' : 'false'} @click=${() => this.#setLang('en')}>English</button>
          </div>
        </div>
        ${staff ? this.#renderBar(staff, lang) : nothing}
      </header>
      ${this.signOutError ? html`<div class="container"><p class="alert" role="alert">${this.signOutError}</p></div>` : nothing}
    `;
  }

  /** The navigation (the table's pages with a link, that the role may open) and who is signed in. */
  #renderBar(staff: StaffMember, lang: Lang) {
    const links = PAGE_LIST.filter((page) => page.nav && (!page.permission || can(staff.role, page.permission)));
    return html`<div class="header-bar">
      <div class="container header-bar-inner">
        <nav aria-label=${STRINGS.mainNav[lang]}>
          <ul>
            ${links.map(
              (page) =>
                html`<li>
                  <a
                    href=${BASE_PATH + page.path}
                    aria-current=${navCurrent(page.name, this.route) ? 'page' : nothing}
                    @click=${(e: MouseEvent) => navigateOnClick(e, this)}
                    >${navLabel(page)?.[lang]}</a
                  >
                </li>`,
            )}
          </ul>
        </nav>
        <div class="who">
          <button type="button" class="help-button" aria-keyshortcuts="?" aria-haspopup="dialog" @click=${this.#openShortcuts}>
            ${STRINGS.shortcuts[lang]}
          </button>
          <span class="visually-hidden">${STRINGS.signedInAs[lang]}:</span>
          <span class="who-name">${staff.displayName}</span>
          <span class="who-role">${ROLE_LABELS[staff.role][lang]}</span>
          <button type="button" class="sign-out" ?disabled=${this.signingOut} @click=${() => void this.#signOut()}>${STRINGS.signOut[lang]}</button>
        </div>
      </div>
    </div>`;
  }

  #renderMain(lang: Lang) {
    const session = this.session;
    switch (session.kind) {
      case 'checking':
        return html`<p role="status">${STRINGS.checking[lang]}</p>`;
      case 'check-failed':
        return loadErrorAlert(session.message, lang, () => void this.#checkSession());
      case 'signed-out':
        return html`<pakn-login lang=${lang} ?expired=${session.expired}></pakn-login>`;
      case 'signed-in':
        return this.#renderPage(session.staff, lang);
    }
  }

  /** A page the shell cannot show: a heading, why, and the way home. */
  #renderRefusal(heading: string, body: string, lang: Lang) {
    return html`<h1>${heading}</h1>
      <p>${body}</p>
      <p><a href=${BASE_PATH} @click=${(e: MouseEvent) => navigateOnClick(e, this)}>${PAGES.inbox.nav[lang]}</a></p>`;
  }

  #renderPage(staff: StaffMember, lang: Lang) {
    const route = this.route;
    if (route.name === 'not-found') return this.#renderRefusal(STRINGS.notFoundHeading[lang], STRINGS.notFoundBody[lang], lang);
    const page: Page = PAGES[route.name];
    if (page.permission && !can(staff.role, page.permission)) return this.#renderRefusal(STRINGS.forbiddenHeading[lang], STRINGS.forbiddenBody[lang], lang);
    const status = this.#featureStatus(route.name);
    if (status === 'loading') return html`<p role="status">${STRINGS.loadingFeature[lang]}</p>`;
    if (status === 'failed') return loadErrorAlert(STRINGS.featureFailed[lang], lang, () => location.reload(), STRINGS.reloadPage[lang]);
    return pageElement(page.tag, { lang, ...routeAttributes(route) });
  }

  /** Always in the page (empty when there is nothing), so that screen readers hear what arrives. */
  #renderLiveNotice(lang: Lang) {
    const change = this.#live.notice;
    return html`<div class="live container" role="status" aria-live="polite" data-testid="live-notice">
      ${
        change
          ? html`<p class="live-notice">
              <span class="live-dot" aria-hidden="true"></span>
              <span>${STRINGS.liveUpdate[lang]}:</span>
              <a href="${BASE_PATH}cases/${encodeURIComponent(change.caseId)}" @click=${(e: MouseEvent) => navigateOnClick(e, this)}>${change.reference}</a
              ><span class="muted"> – ${caseStatusLabel(change.status, lang)}</span>
              <button type="button" class="secondary dismiss" @click=${() => this.#live.dismiss()}>${STRINGS.dismiss[lang]}</button>
            </p>`
          : nothing
      }
    </div>`;
  }

  static override styles = [tokens, base, portalStyles];
}

defineElement('pakn-portal', PaknPortal);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-portal': PaknPortal;
  }
}
