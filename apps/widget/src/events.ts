/**
 * Events the widget dispatches to the host page. All bubble and are composed, so a page can listen on
 * `document`. None carries personal data or the access key: the host page is a third party.
 */

/** A case was submitted. Carries the reference only, never the access key. */
export class CaseSubmittedEvent extends CustomEvent<{ readonly reference: string }> {
  static readonly type = 'pakn-case-submitted';
  constructor(reference: string) {
    super(CaseSubmittedEvent.type, { bubbles: true, composed: true, detail: { reference } });
  }
}

/** The dialog was opened. */
export class WidgetOpenedEvent extends Event {
  static readonly type = 'pakn-opened';
  constructor() {
    super(WidgetOpenedEvent.type, { bubbles: true, composed: true });
  }
}

/** The dialog was closed. */
export class WidgetClosedEvent extends Event {
  static readonly type = 'pakn-closed';
  constructor() {
    super(WidgetClosedEvent.type, { bubbles: true, composed: true });
  }
}

/** A call to the PAKN server failed; the widget shows the failure itself. `reason` is an error key. */
export class WidgetErrorEvent extends CustomEvent<{ readonly reason: string }> {
  static readonly type = 'pakn-error';
  constructor(reason: string) {
    super(WidgetErrorEvent.type, { bubbles: true, composed: true, detail: { reason } });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pakn-case-submitted': CaseSubmittedEvent;
    'pakn-opened': WidgetOpenedEvent;
    'pakn-closed': WidgetClosedEvent;
    'pakn-error': WidgetErrorEvent;
  }
}

/**
 * Internal: the receipt asks the widget to open the tracking view for the case just sent. It neither
 * bubbles nor is composed, so the access key it carries never reaches the host page's listeners.
 */
export class TrackRequestEvent extends Event {
  static readonly type = 'pakn-track-request';
  readonly reference: string;
  readonly accessKey: string;
  constructor(reference: string, accessKey: string) {
    super(TrackRequestEvent.type);
    this.reference = reference;
    this.accessKey = accessKey;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pakn-track-request': TrackRequestEvent;
  }
}
