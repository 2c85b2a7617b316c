import type { Text } from '@pakn/domain';
import type { CaseView } from './case-types.ts';

/**
 * An action form moved the case (or changed it): `view` is the case as the mutation answered it, `done`
 * what to tell the officer. The page shows it, re-reads what hangs on the case, and tells the shell.
 * Stays inside the case page (not composed): the page reports `pakn-case-updated` outwards.
 */
export class CaseMovedEvent extends Event {
  static readonly type = 'pakn-case-moved';
  readonly view: CaseView;
  readonly done: Text;
  /** After a merge: the reference of the main case, which the page then need not read. */
  readonly mergedReference: string | null;
  constructor(view: CaseView, done: Text, mergedReference: string | null = null) {
    super(CaseMovedEvent.type, { bubbles: true });
    this.view = view;
    this.done = done;
    this.mergedReference = mergedReference;
  }
}

/** A part of the case page asks the page to read the case again (after a stale refusal, or a change it made). */
export class CaseReloadEvent extends Event {
  static readonly type = 'pakn-case-reload';
  /** Quietly: keep the page as it is if the read fails. */
  readonly quiet: boolean;
  constructor(quiet: boolean) {
    super(CaseReloadEvent.type, { bubbles: true });
    this.quiet = quiet;
  }
}

/** The officer opened the citizen's identity (written to the audit log, which the page then re-reads). */
export class IdentityRevealedEvent extends Event {
  static readonly type = 'pakn-identity-revealed';
  constructor() {
    super(IdentityRevealedEvent.type, { bubbles: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pakn-case-moved': CaseMovedEvent;
    'pakn-case-reload': CaseReloadEvent;
    'pakn-identity-revealed': IdentityRevealedEvent;
  }
}
