/**
 * Events that portal features send out. Features never import each other or the shell: they ask for
 * things (present tense) and report facts (past tense) with bubbling, composed DOM events.
 */

export interface NavigateRequest {
  /** A path under /portal/, with an optional query string. */
  readonly path: string;
  /** Replace the current history entry instead of adding one (e.g. a filter change). */
  readonly replace?: boolean;
}

/**
 * A request to show another portal page. The shell handles it and calls `preventDefault()`; when nobody
 * does (a feature mounted on another page), the feature lets the link's default navigation happen.
 */
export class NavigateEvent extends Event {
  static readonly type = 'pakn-navigate';
  readonly path: string;
  readonly replace: boolean;
  constructor(request: NavigateRequest) {
    super(NavigateEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.path = request.path;
    this.replace = request.replace ?? false;
  }
}

/** A call failed because the staff member is not signed in (any more). */
export class SessionExpiredEvent extends Event {
  static readonly type = 'pakn-session-expired';
  constructor() {
    super(SessionExpiredEvent.type, { bubbles: true, composed: true });
  }
}

/** This page changed a case (classified, forwarded, answered, logged…); `status` is its new status. */
export class CaseUpdatedEvent extends Event {
  static readonly type = 'pakn-case-updated';
  readonly caseId: string;
  readonly status: string;
  constructor(caseId: string, status: string) {
    super(CaseUpdatedEvent.type, { bubbles: true, composed: true });
    this.caseId = caseId;
    this.status = status;
  }
}

/** What the server's live feed says about a change (`case.onChange`): enough to decide what to re-read. */
export interface CaseChange {
  readonly caseId: string;
  readonly reference: string;
  readonly status: string;
  readonly unitId: string | null;
  /** The event that changed it: a move of the workflow, `submitted`, `contact_logged`, `merged`… */
  readonly kind: string;
  readonly at: string;
}

/**
 * A case changed on the server (anyone's action, this user's included). The shell dispatches it on `window`
 * from the live feed; features listen there while connected and re-read what they show, through the usual
 * authorization. A feature mounted on another page receives it only if that page runs the feed.
 */
export class CaseChangedEvent extends Event {
  static readonly type = 'pakn-case-changed';
  readonly change: CaseChange;
  constructor(change: CaseChange) {
    super(CaseChangedEvent.type);
    this.change = change;
  }
}

/** A reminder, escalation, reprimand, correction or commendation was recorded against a unit. */
export class UnitRecordedEvent extends Event {
  static readonly type = 'pakn-unit-recorded';
  readonly unitId: string;
  readonly caseId: string | null;
  readonly kind: string;
  constructor(unitId: string, caseId: string | null, kind: string) {
    super(UnitRecordedEvent.type, { bubbles: true, composed: true });
    this.unitId = unitId;
    this.caseId = caseId;
    this.kind = kind;
  }
}

/**
 * Follows a same-page link through the shell when there is one. Call from an `<a>`'s click handler:
 * plain left clicks become a NavigateEvent; modified clicks (new tab, download) keep their default.
 */
export function navigateOnClick(event: MouseEvent, from: EventTarget, options: { replace?: boolean } = {}): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event.currentTarget;
  if (!(anchor instanceof HTMLAnchorElement) || anchor.target || anchor.hasAttribute('download')) return;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin) return;
  const request = new NavigateEvent({ path: url.pathname + url.search, replace: options.replace ?? false });
  from.dispatchEvent(request);
  if (request.defaultPrevented) event.preventDefault();
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pakn-navigate': NavigateEvent;
    'pakn-session-expired': SessionExpiredEvent;
    'pakn-case-updated': CaseUpdatedEvent;
    'pakn-case-changed': CaseChangedEvent;
    'pakn-unit-recorded': UnitRecordedEvent;
  }
}
