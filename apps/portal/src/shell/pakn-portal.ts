import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import {
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  LoginInputSchema,
  ROLE_LABELS,
  can,
  fieldErrors,
  pickLang,
  type Lang,
  type StaffMember,
} from '@pakn/domain';
import { errorInfo, isSignedOut, paknClient } from '#shared/client.ts';
import {
  CaseChangedEvent,
  NavigateEvent,
  navigateOnClick,
  type CaseChange,
  type CaseUpdatedEvent,
  type SessionExpiredEvent,
} from '#shared/events.ts';
import { COMMON } from '#shared/i18n.ts';
import { KeySequence, shortcutKey } from '#shared/shortcuts.ts';
import { base, tokens } from '#shared/styles.ts';
import { BASE_PATH, PATHS, isPortalPath, parseRoute, type Route } from './routes.ts';
import { STRINGS } from './strings.ts';

/**
 * Features are separate chunks, fetched the first time their page is shown. The shell knows only their
 * tag and entry module; they know nothing of the shell.
 */
const FEATURES = {
  inbox: { tag: 'pakn-inbox', load: () => import('../features/inbox/pakn-inbox.ts') },
  case: { tag: 'pakn-case', load: () => import('../features/case/pakn-case.ts') },
  letter: { tag: 'pakn-letter', load: () => import('../features/letter/pakn-letter.ts') },
  intake: { tag: 'pakn-intake', load: () => import('../features/intake/pakn-intake.ts') },
  'follow-up': { tag: 'pakn-follow-up', load: () => import('../features/follow-up/pakn-follow-up.ts') },
  register: { tag: 'pakn-register', load: () => import('../features/register/pakn-register.ts') },
  calendar: { tag: 'pakn-calendar', load: () => import('../features/calendar/pakn-calendar.ts') },
  authorities: { tag: 'pakn-authorities', load: () => import('../features/authorities/pakn-authorities.ts') },
  admin: { tag: 'pakn-admin', load: () => import('../features/admin/pakn-admin.ts') },
  users: { tag: 'pakn-users', load: () => import('../features/admin/pakn-users.ts') },
  units: { tag: 'pakn-units', load: () => import('../features/admin/pakn-units.ts') },
  sites: { tag: 'pakn-sites', load: () => import('../features/admin/pakn-sites.ts') },
  // The case feature's audit element, without a case: the whole log.
  audit: { tag: 'pakn-case-audit', load: () => import('../features/case/pakn-case-audit.ts') },
  categories: { tag: 'pakn-categories', load: () => import('../features/categories/pakn-categories.ts') },
  'letter-template': { tag: 'pakn-letter-template', load: () => import('../features/letter-template/pakn-letter-template.ts') },
} as const;
type FeatureName = keyof typeof FEATURES;

/** Pages only some roles may open; the server refuses the rest anyway, the shell just says so plainly. */
const PAGE_PERMISSION: Partial<Record<FeatureName, Parameters<typeof can>[1]>> = {
  intake: 'logContact',
  authorities: 'manageAuthorities',
  admin: 'administer',
  users: 'administer',
  units: 'administer',
  sites: 'administer',
  audit: 'readAudit',
  categories: 'administer',
  'letter-template': 'administer',
};

/** The pages the nav's one "Administration" link stands for. */
const ADMIN_PAGES: readonly Route['name'][] = ['admin', 'users', 'units', 'sites', 'categories', 'letter-template', 'authorities'];

/** A change this page made itself is not "news": no notice for it within this many milliseconds. */
const OWN_CHANGE_MS = 10_000;
/** How long a change waits for this page's own request to report it, before it is announced. */
const OWN_CHANGE_GRACE_MS = 1_500;

function isCaseStatus(value: string): value is (typeof CASE_STATUSES)[number] {
  return (CASE_STATUSES as readonly string[]).includes(value);
}
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

/**
 * `<pakn-portal>`: the staff portal's shell. It checks the session, shows the login form or the header
 * and the page for the address, loads each page's feature element on demand, and owns the address bar:
 * features ask for navigation with `pakn-navigate` and report an expired session with
 * `pakn-session-expired`.
 */
export class PaknPortal extends LitElement {
  static override properties = {
    language: { state: true },
    session: { state: true },
    route: { state: true },
    features: { state: true },
    busy: { state: true },
    loginErrors: { state: true },
    loginError: { state: true },
    signOutError: { state: true },
    liveNotice: { state: true },
  };

  declare protected language: Lang;
  declare protected session: Session;
  declare protected route: Route;
  declare protected features: Readonly<Partial<Record<FeatureName, FeatureStatus>>>;
  declare protected busy: boolean;
  declare protected loginErrors: Readonly<Record<string, string>>;
  declare protected loginError: string | null;
  declare protected signOutError: string | null;
  /** The latest change someone else made, shown discreetly until dismissed. */
  declare protected liveNotice: CaseChange | null;

  #stopLive: (() => void) | null = null;
  /** Cases this page changed itself, and when: their echo from the live feed is not announced. */
  readonly #ownChanges = new Map<string, number>();
  readonly #keys = new KeySequence(['g i']);

  constructor() {
    super();
    this.language = storedLang();
    this.session = { kind: 'checking' };
    this.route = parseRoute(location.pathname, location.search);
    this.features = {};
    this.busy = false;
    this.loginErrors = {};
    this.loginError = null;
    this.signOutError = null;
    this.liveNotice = null;
    this.addEventListener(NavigateEvent.type, this.#onNavigate);
    this.addEventListener('pakn-session-expired', this.#onSessionExpired);
    this.addEventListener('pakn-case-updated', this.#onOwnChange);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.#onPopState);
    window.addEventListener('keydown', this.#onKeyDown);
    this.#applyLang();
    void this.#checkSession();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this.#onPopState);
    window.removeEventListener('keydown', this.#onKeyDown);
    this.#stopLiveFeed();
    super.disconnectedCallback();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('session')) {
      if (this.session.kind === 'signed-in') void this.#startLiveFeed();
      else this.#stopLiveFeed();
    }
  }

  // ---- Live updates ----------------------------------------------------------------------------

  /** The feed's code is loaded after sign-in, so the login page does not pay for it. */
  async #startLiveFeed(): Promise<void> {
    if (this.#stopLive) return;
    this.#stopLive = () => undefined;
    try {
      const { watchCaseChanges } = await import('#shared/live.ts');
      if (this.session.kind !== 'signed-in') {
        this.#stopLive = null;
        return;
      }
      this.#stopLive = watchCaseChanges({
        onChange: (change) => this.#onLiveChange(change),
        onStopped: (error) => {
          this.#stopLive = null;
          // The server ends the feed when its session ends (logout in another tab, idle or absolute timeout,
          // account disabled or changed): find out which, and show the sign-in form if it is gone.
          if (isSignedOut(errorInfo(error, this.language))) void this.#recheckSession();
          else console.warn('[portal] live updates stopped', error);
        },
      });
    } catch (error) {
      console.warn('[portal] live updates unavailable', error);
      this.#stopLive = null;
    }
  }

  #stopLiveFeed(): void {
    this.#stopLive?.();
    this.#stopLive = null;
    this.liveNotice = null;
  }

  #onOwnChange = (event: CaseUpdatedEvent): void => {
    this.#ownChanges.set(event.caseId, Date.now());
  };

  #onLiveChange(change: CaseChange): void {
    window.dispatchEvent(new CaseChangedEvent(change));
    // The feed often brings this page's own change before the page hears back from its request: decide a
    // little later whether it is news.
    setTimeout(() => {
      const own = this.#ownChanges.get(change.caseId);
      if (own !== undefined && Date.now() - own < OWN_CHANGE_MS) return;
      if (this.session.kind === 'signed-in') this.liveNotice = change;
    }, OWN_CHANGE_GRACE_MS);
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
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('#shortcuts');
    if (dialog && !dialog.open) dialog.showModal();
  };

  #closeShortcuts = (): void => {
    this.renderRoot.querySelector<HTMLDialogElement>('#shortcuts')?.close();
  };

  // ---- Session ---------------------------------------------------------------------------------

  async #checkSession(): Promise<void> {
    this.session = { kind: 'checking' };
    try {
      const staff = await paknClient().auth.me.query();
      this.session = staff ? { kind: 'signed-in', staff } : { kind: 'signed-out', expired: false };
    } catch (error) {
      this.session = { kind: 'check-failed', message: errorInfo(error, this.language).message };
    }
    this.#applyTitle();
  }

  /** After the live feed was refused: signed out (expired), or still signed in with a changed account. */
  async #recheckSession(): Promise<void> {
    if (this.session.kind !== 'signed-in') return;
    try {
      const staff = await paknClient().auth.me.query();
      if (this.session.kind !== 'signed-in') return;
      // A new session object restarts the live feed (see updated()).
      this.session = staff ? { kind: 'signed-in', staff } : { kind: 'signed-out', expired: true };
      this.#applyTitle();
    } catch (error) {
      console.warn('[portal] session check failed', error);
    }
  }

  async #signIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const input = { username: String(data.get('username') ?? ''), password: String(data.get('password') ?? '') };
    this.loginError = null;
    const parsed = LoginInputSchema.safeParse(input);
    if (!parsed.success) {
      this.loginErrors = fieldErrors(parsed.error.issues, this.language);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.loginErrors = {};
    this.busy = true;
    try {
      const staff = await paknClient().auth.login.mutate(parsed.data);
      this.session = { kind: 'signed-in', staff };
      this.#applyTitle();
      await this.#focusMain();
    } catch (error) {
      const info = errorInfo(error, this.language);
      this.loginErrors = info.fieldErrors;
      this.loginError = info.message;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#password')?.select();
    } finally {
      this.busy = false;
    }
  }

  async #signOut(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.signOutError = null;
    try {
      await paknClient().auth.logout.mutate();
      // The next person to sign in on this machine starts from the inbox, not from this case.
      if (location.pathname + location.search !== BASE_PATH) history.pushState(null, '', BASE_PATH);
      this.route = parseRoute(location.pathname, location.search);
      this.session = { kind: 'signed-out', expired: false };
      this.loginError = null;
      this.loginErrors = {};
      this.#applyTitle();
      await this.#focusMain();
    } catch (error) {
      this.signOutError = errorInfo(error, this.language).message;
    } finally {
      this.busy = false;
    }
  }

  #onSessionExpired = (_event: SessionExpiredEvent): void => {
    if (this.session.kind !== 'signed-in') return;
    this.session = { kind: 'signed-out', expired: true };
    this.#applyTitle();
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
    this.#applyTitle();
    // A filter change stays on the same page; a new page takes focus to its start, as a page load would.
    if (!event.replace && (before.name !== this.route.name || event.path !== current)) {
      window.scrollTo(0, 0);
      void this.#focusMain();
    }
  };

  #onPopState = (): void => {
    this.route = parseRoute(location.pathname, location.search);
    this.#applyTitle();
  };

  async #focusMain(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
  }

  protected override willUpdate(): void {
    // Start fetching the page's feature before rendering, so that render only reads state.
    if (this.session.kind === 'signed-in' && this.route.name !== 'not-found') this.#ensureFeature(this.route.name);
  }

  #featureStatus(name: FeatureName): FeatureStatus {
    return this.features[name] ?? (customElements.get(FEATURES[name].tag) ? 'ready' : 'loading');
  }

  #ensureFeature(name: FeatureName): void {
    if (this.features[name] || customElements.get(FEATURES[name].tag)) return;
    this.features = { ...this.features, [name]: 'loading' };
    FEATURES[name]
      .load()
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
    this.#applyLang();
  }

  /** The page's language drives the API client's messages, screen readers and features' defaults. */
  #applyLang(): void {
    document.documentElement.lang = this.language;
    this.#applyTitle();
  }

  #applyTitle(): void {
    const lang = this.language;
    const titles: Record<Route['name'], string> = {
      inbox: STRINGS.titleInbox[lang],
      case: STRINGS.titleCase[lang],
      letter: STRINGS.titleLetter[lang],
      intake: STRINGS.titleIntake[lang],
      'follow-up': STRINGS.titleFollowUp[lang],
      register: STRINGS.titleRegister[lang],
      calendar: STRINGS.titleCalendar[lang],
      authorities: STRINGS.titleAuthorities[lang],
      admin: STRINGS.titleAdmin[lang],
      users: STRINGS.titleUsers[lang],
      units: STRINGS.titleUnits[lang],
      sites: STRINGS.titleSites[lang],
      audit: STRINGS.titleAudit[lang],
      categories: STRINGS.titleCategories[lang],
      'letter-template': STRINGS.titleLetterTemplate[lang],
      'not-found': STRINGS.notFoundHeading[lang],
    };
    const page = this.session.kind !== 'signed-in' ? STRINGS.titleSignIn[lang] : titles[this.route.name];
    document.title = `${page} – ${STRINGS.product[lang]}`;
  }

  // ---- Rendering -------------------------------------------------------------------------------

  protected override render() {
    const lang = this.language;
    return html`
      <div class="root" lang=${lang}>
        ${this.#renderHeader(lang)}
        ${this.#renderLiveNotice(lang)}
        <main id="main" tabindex="-1">
          <div class="container">${this.#renderMain(lang)}</div>
        </main>
        ${this.session.kind === 'signed-in' ? this.#renderShortcuts(lang) : nothing}
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
        <button type="button" class="skip" @click=${this.#skipToMain}>${STRINGS.skipToContent[lang]}</button>
        <div class="container header-top">
          <a class="brand" href=${BASE_PATH} @click=${(e: MouseEvent) => navigateOnClick(e, this)}>
            <span class="brand-name">${STRINGS.product[lang]}</span>
            <span class="brand-sub">${STRINGS.productLong[lang]}</span>
          </a>
          <div class="lang-switch" role="group" aria-label="Ngôn ngữ / Language">
            <button type="button" lang="vi" aria-pressed=${lang === 'vi' ? 'true' : 'false'} @click=${() => this.#setLang('vi')}>
              Tiếng Việt
            </button>
            <button type="button" lang="en" aria-pressed=${lang === 'en' ? 'true' : 'false'} @click=${() => this.#setLang('en')}>
              English
            </button>
          </div>
        </div>
        ${staff
          ? html`<div class="header-bar">
              <div class="container header-bar-inner">
                <nav aria-label=${STRINGS.mainNav[lang]}>
                  <ul>
                    ${this.#navLink(PATHS.inbox, 'inbox', STRINGS.inbox[lang])}
                    ${can(staff.role, 'logContact') ? this.#navLink(PATHS.intake, 'intake', STRINGS.intake[lang]) : nothing}
                    ${this.#navLink(PATHS.followUp, 'follow-up', STRINGS.followUp[lang])}
                    ${this.#navLink(PATHS.register, 'register', STRINGS.register[lang])}
                    ${this.#navLink(PATHS.calendar, 'calendar', STRINGS.calendar[lang])}
                    ${can(staff.role, 'administer') ? this.#navLink(PATHS.admin, ADMIN_PAGES, STRINGS.admin[lang]) : nothing}
                    ${can(staff.role, 'readAudit') ? this.#navLink(PATHS.audit, 'audit', STRINGS.audit[lang]) : nothing}
                  </ul>
                </nav>
                <div class="who">
                  <button type="button" class="help-button" aria-keyshortcuts="?" aria-haspopup="dialog" @click=${this.#openShortcuts}>
                    ${STRINGS.shortcuts[lang]}
                  </button>
                  <span class="visually-hidden">${STRINGS.signedInAs[lang]}:</span>
                  <span class="who-name">${staff.displayName}</span>
                  <span class="who-role">${ROLE_LABELS[staff.role][lang]}</span>
                  <button type="button" class="sign-out" ?disabled=${this.busy} @click=${() => void this.#signOut()}>
                    ${STRINGS.signOut[lang]}
                  </button>
                </div>
              </div>
            </div>`
          : nothing}
      </header>
      ${this.signOutError
        ? html`<div class="container"><p class="alert" role="alert">${this.signOutError}</p></div>`
        : nothing}
    `;
  }

  #navLink(href: string, page: Route['name'] | readonly Route['name'][], label: string) {
    const current = typeof page === 'string' ? this.route.name === page : page.includes(this.route.name);
    return html`<li>
      <a href=${href} aria-current=${current ? 'page' : nothing} @click=${(e: MouseEvent) => navigateOnClick(e, this)}
        >${label}</a
      >
    </li>`;
  }

  #renderMain(lang: Lang) {
    const session = this.session;
    switch (session.kind) {
      case 'checking':
        return html`<p role="status">${STRINGS.checking[lang]}</p>`;
      case 'check-failed':
        return html`<div class="alert" role="alert">
          <p>${session.message}</p>
          <button type="button" class="secondary" @click=${() => void this.#checkSession()}>${COMMON.retry[lang]}</button>
        </div>`;
      case 'signed-out':
        return this.#renderLogin(lang, session.expired);
      case 'signed-in':
        return this.#renderPage(lang);
    }
  }

  #renderPage(lang: Lang) {
    const route = this.route;
    if (route.name === 'not-found') {
      return html`<h1>${STRINGS.notFoundHeading[lang]}</h1>
        <p>${STRINGS.notFoundBody[lang]}</p>
        <p><a href=${BASE_PATH} @click=${(e: MouseEvent) => navigateOnClick(e, this)}>${STRINGS.inbox[lang]}</a></p>`;
    }
    const permission = PAGE_PERMISSION[route.name];
    if (permission && this.session.kind === 'signed-in' && !can(this.session.staff.role, permission)) {
      return html`<h1>${STRINGS.forbiddenHeading[lang]}</h1>
        <p>${STRINGS.forbiddenBody[lang]}</p>
        <p><a href=${BASE_PATH} @click=${(e: MouseEvent) => navigateOnClick(e, this)}>${STRINGS.inbox[lang]}</a></p>`;
    }
    const status = this.#featureStatus(route.name);
    if (status === 'loading') return html`<p role="status">${STRINGS.loadingFeature[lang]}</p>`;
    if (status === 'failed') {
      return html`<div class="alert" role="alert">
        <p>${STRINGS.featureFailed[lang]}</p>
        <button type="button" class="secondary" @click=${() => location.reload()}>${STRINGS.reloadPage[lang]}</button>
      </div>`;
    }
    switch (route.name) {
      case 'inbox':
        return html`<pakn-inbox lang=${lang} status=${route.status} q=${route.q ?? ''}></pakn-inbox>`;
      case 'case':
        return html`<pakn-case lang=${lang} case-id=${route.caseId}></pakn-case>`;
      case 'letter':
        return html`<pakn-letter lang=${lang} letter-id=${route.letterId}></pakn-letter>`;
      case 'intake':
        return html`<pakn-intake lang=${lang}></pakn-intake>`;
      case 'follow-up':
        return html`<pakn-follow-up lang=${lang}></pakn-follow-up>`;
      case 'register':
        return html`<pakn-register lang=${lang} year=${route.year}></pakn-register>`;
      case 'calendar':
        return html`<pakn-calendar lang=${lang} year=${route.year}></pakn-calendar>`;
      case 'authorities':
        return html`<pakn-authorities lang=${lang}></pakn-authorities>`;
      case 'admin':
        return html`<pakn-admin lang=${lang}></pakn-admin>`;
      case 'users':
        return html`<pakn-users lang=${lang}></pakn-users>`;
      case 'units':
        return html`<pakn-units lang=${lang}></pakn-units>`;
      case 'sites':
        return html`<pakn-sites lang=${lang}></pakn-sites>`;
      case 'audit':
        return html`<pakn-case-audit lang=${lang}></pakn-case-audit>`;
      case 'categories':
        return html`<pakn-categories lang=${lang}></pakn-categories>`;
      case 'letter-template':
        return html`<pakn-letter-template lang=${lang}></pakn-letter-template>`;
    }
  }

  /** Always in the page (empty when there is nothing), so that screen readers hear what arrives. */
  #renderLiveNotice(lang: Lang) {
    const change = this.session.kind === 'signed-in' ? this.liveNotice : null;
    const status = change && isCaseStatus(change.status) ? CASE_STATUS_LABELS[change.status][lang] : null;
    return html`<div class="live container" role="status" aria-live="polite" data-testid="live-notice">
      ${change
        ? html`<p class="live-notice">
            <span class="live-dot" aria-hidden="true"></span>
            <span>${STRINGS.liveUpdate[lang]}:</span>
            <a href="${BASE_PATH}cases/${encodeURIComponent(change.caseId)}" @click=${(e: MouseEvent) => navigateOnClick(e, this)}
              >${change.reference}</a
            >${status ? html`<span class="muted"> – ${status}</span>` : nothing}
            <button type="button" class="secondary dismiss" @click=${() => (this.liveNotice = null)}>
              ${STRINGS.dismiss[lang]}
            </button>
          </p>`
        : nothing}
    </div>`;
  }

  #renderShortcuts(lang: Lang) {
    const row = (keys: readonly string[], what: string) =>
      html`<tr>
        <th scope="row">${keys.map((k, i) => html`${i > 0 ? html` ${STRINGS.then[lang]} ` : nothing}<kbd>${k}</kbd>`)}</th>
        <td>${what}</td>
      </tr>`;
    return html`<dialog id="shortcuts" class="help-dialog" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">${STRINGS.shortcutsHeading[lang]}</h2>
      <p class="muted">${STRINGS.shortcutsIntro[lang]}</p>
      <table>
        <caption class="visually-hidden">${STRINGS.shortcutsHeading[lang]}</caption>
        <tbody>
          <tr><th colspan="2" scope="rowgroup" class="group">${STRINGS.everywhere[lang]}</th></tr>
          ${row(['?'], STRINGS.keyHelp[lang])} ${row(['g', 'i'], STRINGS.keyInbox[lang])}
          <tr><th colspan="2" scope="rowgroup" class="group">${STRINGS.inInbox[lang]}</th></tr>
          ${row(['j'], STRINGS.keyNext[lang])} ${row(['k'], STRINGS.keyPrevious[lang])} ${row(['Enter'], STRINGS.keyOpen[lang])}
          ${row(['/'], STRINGS.keyFilter[lang])}
          <tr><th colspan="2" scope="rowgroup" class="group">${STRINGS.onCase[lang]}</th></tr>
          ${row(['c'], STRINGS.keyClassify[lang])} ${row(['f'], STRINGS.keyForward[lang])}
        </tbody>
      </table>
      <button type="button" @click=${this.#closeShortcuts}>${STRINGS.close[lang]}</button>
    </dialog>`;
  }

  #renderLogin(lang: Lang, expired: boolean) {
    const errors = this.loginErrors;
    const invalid = (field: string) => (errors[field] ? 'true' : 'false');
    const describedBy = (field: string) => (errors[field] ? `${field}-error` : nothing);
    return html`
      <div class="login">
        <h1>${STRINGS.signInHeading[lang]}</h1>
        <p class="muted">${STRINGS.signInIntro[lang]}</p>
        ${expired && !this.loginError ? html`<p class="notice" role="status">${STRINGS.sessionExpired[lang]}</p>` : nothing}
        ${this.loginError ? html`<p class="alert" role="alert">${this.loginError}</p>` : nothing}
        <form @submit=${(e: SubmitEvent) => void this.#signIn(e)} novalidate>
          <div class="field">
            <label for="username">${STRINGS.username[lang]}</label>
            <input
              id="username"
              name="username"
              type="text"
              autocomplete="username"
              autocapitalize="none"
              spellcheck="false"
              required
              aria-invalid=${invalid('username')}
              aria-describedby=${describedBy('username')}
            />
            ${errors.username ? html`<span id="username-error" class="field-error">${errors.username}</span>` : nothing}
          </div>
          <div class="field">
            <label for="password">${STRINGS.password[lang]}</label>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
              aria-invalid=${invalid('password')}
              aria-describedby=${describedBy('password')}
            />
            ${errors.password ? html`<span id="password-error" class="field-error">${errors.password}</span>` : nothing}
          </div>
          <button type="submit" ?disabled=${this.busy}>${this.busy ? STRINGS.signingIn[lang] : STRINGS.signIn[lang]}</button>
        </form>
      </div>
    `;
  }

  static override styles = [
    tokens,
    base,
    css`
      .root {
        min-height: 100vh;
        display: flex;
        flex-direction: column;
        background: var(--_bg);
      }
      .container {
        width: 100%;
        max-width: 80rem;
        margin: 0 auto;
        padding: 0 1.5rem;
      }
      .skip {
        position: absolute;
        left: 0.5rem;
        top: -4rem;
        z-index: 10;
        background: var(--_bg);
        color: var(--_primary);
      }
      .skip:focus {
        top: 0.5rem;
      }
      .skip:hover:not(:disabled) {
        background: var(--_surface);
      }
      .header {
        background: var(--_primary);
        color: var(--_on-primary);
        border-bottom: 4px solid #b8860b;
      }
      .header a,
      .header a:hover {
        color: var(--_on-primary);
      }
      .header :focus-visible {
        outline-color: var(--_focus);
      }
      .header-top {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem 1rem;
        padding-top: 0.75rem;
        padding-bottom: 0.75rem;
      }
      .brand {
        display: flex;
        flex-direction: column;
        text-decoration: none;
      }
      .brand-name {
        font-size: 1.3rem;
        font-weight: 700;
      }
      .brand-sub {
        font-size: 0.9rem;
        opacity: 0.9;
      }
      .lang-switch {
        display: flex;
        gap: 0.25rem;
      }
      .lang-switch button {
        background: transparent;
        border-color: rgb(255 255 255 / 0.6);
        color: var(--_on-primary);
        min-height: 2.25rem;
        padding: 0.25rem 0.75rem;
        font-weight: 400;
      }
      .lang-switch button:hover:not(:disabled) {
        background: rgb(255 255 255 / 0.12);
      }
      .lang-switch button[aria-pressed='true'],
      .lang-switch button[aria-pressed='true']:hover:not(:disabled) {
        background: var(--_on-primary);
        color: var(--_primary);
        font-weight: 600;
      }
      .header-bar {
        background: rgb(0 0 0 / 0.18);
      }
      .header-bar-inner {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem 1rem;
        min-height: 3rem;
        padding-top: 0.25rem;
        padding-bottom: 0.25rem;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1.25rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      nav a {
        display: inline-block;
        padding: 0.4rem 0.25rem;
        font-weight: 600;
        text-decoration: none;
        border-bottom: 3px solid transparent;
      }
      nav a[aria-current='page'] {
        border-bottom-color: var(--_on-primary);
      }
      nav a:hover {
        text-decoration: underline;
      }
      .who {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.75rem;
      }
      .who-name {
        font-weight: 600;
      }
      .who-role {
        font-size: 0.9rem;
        padding: 0.05rem 0.5rem;
        border: 1px solid rgb(255 255 255 / 0.6);
        border-radius: 999px;
      }
      .sign-out {
        background: var(--_on-primary);
        color: var(--_primary);
        border-color: var(--_on-primary);
        min-height: 2.25rem;
        padding: 0.25rem 0.9rem;
      }
      .sign-out:hover:not(:disabled) {
        background: #e6edf4;
      }
      main {
        flex: 1;
        padding: 1.5rem 0 3rem;
      }
      main:focus {
        outline: none;
      }
      .login {
        max-width: 26rem;
        margin: 1rem auto;
        padding: 1.5rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .login input {
        max-width: none;
      }
      .help-button {
        background: transparent;
        border-color: rgb(255 255 255 / 0.6);
        color: var(--_on-primary);
        min-height: 2.25rem;
        padding: 0.25rem 0.75rem;
        font-weight: 400;
      }
      .help-button:hover:not(:disabled) {
        background: rgb(255 255 255 / 0.12);
      }
      .live {
        min-height: 0;
      }
      .live-notice {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.5rem;
        margin: 0.75rem 0 0;
        padding: 0.35rem 0.75rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        font-size: 0.95rem;
      }
      .live-dot {
        width: 0.6rem;
        height: 0.6rem;
        border-radius: 50%;
        background: var(--_success);
      }
      .live-notice .dismiss {
        margin-left: auto;
        min-height: 2rem;
        padding: 0.1rem 0.6rem;
        font-size: 0.9rem;
      }
      .help-dialog {
        max-width: min(36rem, calc(100vw - 2rem));
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 1.25rem 1.5rem;
        color: var(--_text);
        font-family: var(--_font);
      }
      .help-dialog::backdrop {
        background: rgb(0 0 0 / 0.4);
      }
      .help-dialog table {
        border-collapse: collapse;
        width: 100%;
        margin-bottom: 1rem;
      }
      .help-dialog th,
      .help-dialog td {
        text-align: left;
        padding: 0.35rem 0.5rem;
        border-bottom: 1px solid var(--_border);
        vertical-align: top;
      }
      .help-dialog th {
        white-space: nowrap;
        font-weight: 400;
      }
      .help-dialog th.group {
        font-weight: 700;
        padding-top: 0.75rem;
        background: var(--_surface);
      }
      kbd {
        display: inline-block;
        min-width: 1.6em;
        padding: 0.05rem 0.4rem;
        border: 1px solid var(--_muted);
        border-bottom-width: 2px;
        border-radius: 3px;
        background: var(--_bg);
        font-family: ui-monospace, 'Cascadia Mono', Consolas, monospace;
        font-size: 0.9rem;
        text-align: center;
      }
      /* Printing (a letter, a list): the page's content only, without the portal's chrome. */
      @media print {
        .header,
        .skip,
        .live,
        .help-dialog {
          display: none !important;
        }
        .root {
          min-height: 0;
        }
        main {
          padding: 0;
        }
        .container {
          max-width: none;
          padding: 0;
        }
      }
      .notice {
        border-left: 4px solid var(--_primary);
        background: #eaf1f8;
        padding: 0.75rem var(--_space);
        border-radius: var(--_radius);
      }
    `,
  ];
}

if (!customElements.get('pakn-portal')) customElements.define('pakn-portal', PaknPortal);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-portal': PaknPortal;
  }
}
