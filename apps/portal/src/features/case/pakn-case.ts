import { html, nothing, type TemplateResult } from 'lit';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import { CASE_STATUS_LABELS, can, type Lang, type Text } from '@pakn/domain';
import { paknClient } from '#shared/client.ts';
import { StaffController, UnitsController } from '#shared/context.ts';
import { TaskStatus, loadTask, renderLoad } from '#shared/controllers/load.ts';
import { CaseUpdatedEvent, navigateOnClick, type CaseChangedEvent } from '#shared/events.ts';
import { shortcutKey } from '#shared/shortcuts.ts';
import { base, tokens } from '#shared/styles.ts';
import type { CaseMovedEvent, CaseReloadEvent } from './case-events.ts';
import { renderOutcome } from './case-outcome.ts';
import { renderRecords } from './case-records.ts';
import type { CaseBundle, CaseView } from './case-types.ts';
import { lettersStyles, pageStyles, panelStyles } from './pakn-case.styles.ts';
import { STRINGS } from './strings.ts';
import './pakn-case-actions.ts';
import './pakn-case-audit.ts';
import './pakn-case-details.ts';
import './pakn-case-history.ts';
import './pakn-case-letters.ts';

/** The live feed's echo of this page's own move, which the page already shows. */
interface Echo {
  readonly caseId: string;
  readonly status: string;
  readonly kind: string | null;
}

/**
 * `<pakn-case case-id="…">`: one case with its details, letters, history and follow-up records, and one
 * action form for each workflow move the signed-in staff member can make now (`availableMoves`, decided by
 * the server), plus the extension, merge and identity actions the case view allows. Inspectors, the
 * Director and admins also get the case's audit log.
 *
 * Attributes: `case-id` (required), `lang` (vi | en; default the page's).
 * Events out: `pakn-case-updated` (after a successful action), `pakn-navigate` (links), `pakn-session-expired`.
 * Listens on window to `pakn-case-changed` (the live feed) and re-reads the case when it is the one shown.
 * Keys: `c` classification, `f` forwarding form (never while typing).
 */
export class PaknCase extends PaknElement {
  static override properties = {
    caseId: { type: String, attribute: 'case-id' },
    notice: { state: true },
  };

  declare caseId: string;
  /** Success message after an action (a Text, so that it follows a language switch). */
  declare protected notice: Text | null;

  readonly #staff = new StaffController(this);
  readonly #units = new UnitsController(this);
  readonly #authorities = loadTask(this, {
    args: () => [] as const,
    run: (_, signal) => paknClient().authority.list.query(undefined, { signal }),
    lang: () => this.language.value,
  });
  readonly #case = loadTask(this, {
    args: () => [this.caseId.trim()] as const,
    run: ([caseId], signal) => this.#read(caseId, signal),
    lang: () => this.language.value,
  });
  /** The case as a move answered it: the next read takes it instead of asking the server again. */
  #moved: CaseView | null = null;
  /** The main case's reference a merge just named. */
  #movedReference: string | null = null;
  /** The next read is a live one: if it fails, the page keeps the last version. */
  #quiet = false;
  #echo: Echo | null = null;
  /** Bumped whenever the case was read or changed, so that sub-views (the audit log, the answer's files) re-read. */
  #revision = 0;
  #shownCaseId = '';

  constructor() {
    super();
    this.caseId = '';
    this.notice = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pakn-case-changed', this.#onLiveChange);
    window.addEventListener('keydown', this.#onKeyDown);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('pakn-case-changed', this.#onLiveChange);
    window.removeEventListener('keydown', this.#onKeyDown);
    super.disconnectedCallback();
  }

  protected override willUpdate(): void {
    if (this.caseId === this.#shownCaseId) return;
    this.#shownCaseId = this.caseId;
    this.notice = null;
    this.#echo = null;
  }

  /** Reads the case again (and what hangs on it); `quiet` keeps the page as it is if the read fails. */
  reload(quiet = false): Promise<void> {
    this.#quiet = quiet;
    return this.#case.run();
  }

  /**
   * The case, its letters, the citizen's files and the follow-up records, in one batch. After a move the case
   * is the one the mutation answered (no second read of it), and only what the move may have added (letters,
   * records) is read again.
   */
  async #read(caseId: string, signal: AbortSignal): Promise<CaseBundle> {
    const last = this.#case.value;
    const previous = last?.item.id === caseId ? last : undefined;
    const moved = this.#moved?.id === caseId ? this.#moved : null;
    const quiet = this.#quiet;
    this.#moved = null;
    this.#quiet = false;
    if (!caseId) throw new Error('No case id');
    const client = paknClient();
    const keep = <T>(read: Promise<T>, old: T | undefined): Promise<T> => (moved && old !== undefined ? read.catch(() => old) : read);
    try {
      const [item, letters, attachments, records] = await Promise.all([
        moved ?? client.case.get.query({ caseId }, { signal }),
        keep(client.case.letters.query({ caseId }, { signal }), previous?.letters),
        moved && previous ? previous.attachments : client.case.attachments.query({ caseId }, { signal }),
        keep(client.unit.records.query({ caseId }, { signal }), previous?.records),
      ]);
      const mergedReference = (moved && this.#movedReference) || (await this.#mergedReference(item, previous, signal));
      this.#revision++;
      return { item, letters, attachments, records, mergedReference };
    } catch (error) {
      // A live re-read that fails (the case left this viewer's unit: declined, merged) keeps the last version.
      if (quiet && previous && !signal.aborted) return previous;
      throw error;
    }
  }

  async #mergedReference(item: CaseView, previous: CaseBundle | undefined, signal: AbortSignal): Promise<string | null> {
    if (!item.mergedInto) return null;
    if (previous?.item.mergedInto === item.mergedInto && previous.mergedReference) return previous.mergedReference;
    try {
      return (await paknClient().case.get.query({ caseId: item.mergedInto }, { signal })).reference;
    } catch {
      return null;
    }
  }

  #onMoved = async (event: CaseMovedEvent): Promise<void> => {
    const view = event.view;
    this.#echo = { caseId: view.id, status: view.status, kind: view.events.at(-1)?.kind ?? null };
    this.#moved = view;
    this.#movedReference = event.mergedReference;
    this.notice = null;
    await this.reload();
    this.dispatchEvent(new CaseUpdatedEvent(view.id, view.status));
    this.notice = event.done;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#notice')?.focus();
  };

  #onLiveChange = (event: CaseChangedEvent): void => {
    const change = event.change;
    const item = this.#case.value?.item;
    if (!item || (change.caseId !== item.id && change.caseId !== item.mergedInto)) return;
    const echo = this.#echo;
    this.#echo = null;
    // The echo of this page's own move: the page shows it already.
    if (echo && echo.caseId === change.caseId && echo.status === change.status && (echo.kind === null || echo.kind === change.kind)) return;
    if (this.renderRoot.querySelector('pakn-case-actions')?.busy) return;
    void this.reload(true);
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    const key = shortcutKey(event);
    if (key !== 'c' && key !== 'f') return;
    const target = this.renderRoot.querySelector('pakn-case-actions')?.shortcutTarget(key);
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  };

  protected override render(): TemplateResult {
    const lang = this.language.value;
    const back = html`<p class="back">
      <a href="/portal/" @click=${(e: MouseEvent) => navigateOnClick(e, this)}>← ${STRINGS.backToInbox[lang]}</a>
    </p>`;
    // Without a case to show, the page keeps a heading.
    const heading = html`<h1>${STRINGS.caseHeadingFallback[lang]}</h1>`;
    const notFound = html`<p class="alert" role="alert">${STRINGS.notFound[lang]}</p>`;
    if (!this.caseId.trim()) return html`<div class="root" lang=${lang}>${back}${heading}${notFound}</div>`;
    return html`<div class="root" lang=${lang}>
      ${back}${this.#case.status === TaskStatus.ERROR ? heading : nothing}
      ${renderLoad(this.#case, lang, { complete: (bundle) => this.#renderCase(bundle, lang), notFound: () => notFound })}
    </div>`;
  }

  #renderCase(bundle: CaseBundle, lang: Lang): TemplateResult {
    const { item } = bundle;
    const viewer = this.#staff.value ?? null;
    const units = this.#units.value ?? [];
    const revision = this.#revision;
    const quietly = () => void this.reload(true);
    return html`<div class="title">
        <h1>${item.reference}</h1>
        <p class="status">
          <span class="visually-hidden">${STRINGS.status[lang]}: </span
          ><span class="badge" data-status=${item.status} data-testid="case-status">${CASE_STATUS_LABELS[item.status][lang]}</span>
        </p>
      </div>
      ${this.notice ? html`<p id="notice" class="success" role="status" tabindex="-1">${this.notice[lang]}</p>` : nothing}
      <div class="layout">
        <div class="main-column">
          <pakn-case-details
            lang=${lang}
            .item=${item}
            .units=${units}
            .attachments=${bundle.attachments}
            merged-reference=${bundle.mergedReference ?? ''}
            @pakn-case-updated=${quietly}
            @pakn-identity-revealed=${() => {
              this.#revision++;
              this.notice = STRINGS.revealed;
            }}
          ></pakn-case-details>
          ${renderOutcome(item, lang, revision)}
          <pakn-case-actions
            lang=${lang}
            .item=${item}
            .letters=${bundle.letters}
            .units=${units}
            .authorities=${this.#authorities.value ?? []}
            @pakn-case-moved=${(e: CaseMovedEvent) => void this.#onMoved(e)}
            @pakn-case-reload=${(e: CaseReloadEvent) => void this.reload(e.quiet)}
          ></pakn-case-actions>
          <pakn-case-letters lang=${lang} .letters=${bundle.letters}></pakn-case-letters>
          ${renderRecords({ item, records: bundle.records, units, viewer, lang, recorded: quietly })}
          ${viewer && can(viewer.role, 'readAudit') ? html`<pakn-case-audit lang=${lang} case-id=${item.id} .revision=${revision}></pakn-case-audit>` : nothing}
        </div>
        <aside class="side-column" aria-label=${STRINGS.history[lang]}><pakn-case-history lang=${lang} .events=${item.events}></pakn-case-history></aside>
      </div>`;
  }

  static override styles = [tokens, base, panelStyles, lettersStyles, pageStyles];
}

defineElement('pakn-case', PaknCase);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-case': PaknCase;
  }
}
