import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import { CHANNEL_LABELS, OUT_OF_SCOPE_LABELS, RevealIdentityInputSchema, type CaseContact, type Lang } from '@pakn/domain';
import { CategoriesController } from '#shared/categories.ts';
import { paknClient } from '#shared/client.ts';
import { EditorController } from '#shared/controllers/editor.ts';
import { DEADLINE_STRINGS, deadlineStyles, renderDeadline } from '#shared/deadline.ts';
import { navigateOnClick } from '#shared/events.ts';
import { textareaField } from '#shared/form-fields.ts';
import { COMMON, fill, formatDate, formatDateTime } from '#shared/i18n.ts';
import { base, tokens } from '#shared/styles.ts';
import { unitName, type UnitView } from '#shared/units.ts';
import { IdentityRevealedEvent } from './case-events.ts';
import type { Attachment, CaseView } from './case-types.ts';
import { fileLink, formatSize } from './pakn-answer-files.ts';
import { detailsStyles, panelStyles } from './pakn-case.styles.ts';
import { EXTENSION_STATUS_LABELS, STRINGS } from './strings.ts';
import './pakn-case-assignment.ts';
import './pakn-case-summary.ts';

function attachmentKind(mime: string): 'attachmentImage' | 'attachmentPdf' | 'attachmentOther' {
  if (mime.startsWith('image/')) return 'attachmentImage';
  if (mime === 'application/pdf') return 'attachmentPdf';
  return 'attachmentOther';
}

const row = (label: string, value: unknown, testId?: string) =>
  html`<div class="row">
    <dt>${label}</dt>
    <dd data-testid=${testId ?? nothing}>${value}</dd>
  </div>`;
const time = (iso: string) => html`<time datetime=${iso}>${formatDateTime(iso)}</time>`;

/**
 * `<pakn-case-details .item .units .attachments merged-reference>`: what the case is (deadline, dates,
 * categories, units, assignee, extension, rating), its summary, the citizen's files and the citizen, masked,
 * with the logged reveal for the roles that may open an identity. Part of the case page.
 *
 * Events out: `pakn-identity-revealed`, and those of the summary and the assignment (`pakn-case-updated`).
 */
export class PaknCaseDetails extends PaknElement {
  static override properties = {
    item: { attribute: false },
    units: { attribute: false },
    attachments: { attribute: false },
    mergedReference: { type: String, attribute: 'merged-reference' },
    revealed: { state: true },
  };

  declare item: CaseView | null;
  declare units: readonly UnitView[];
  declare attachments: readonly Attachment[];
  declare mergedReference: string;
  /** The citizen's contact in full, after a logged reveal. Never kept beyond this case. */
  declare protected revealed: CaseContact | null;

  readonly #categories = new CategoriesController(this);
  readonly #reveal = new EditorController<{ revealReason: string }>(this, { lang: () => this.language.value });

  constructor() {
    super();
    this.item = null;
    this.units = [];
    this.attachments = [];
    this.mergedReference = '';
    this.revealed = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('item') && changed.get('item')?.id !== this.item?.id) {
      this.revealed = null;
      this.#reveal.reset(null);
    }
  }

  async #submitReveal(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const item = this.item;
    const draft = this.#reveal.draft;
    if (!item || !draft) return;
    await this.#reveal.submit({
      schema: RevealIdentityInputSchema,
      input: { caseId: item.id, reason: draft.revealReason },
      fieldIds: (errors): Record<string, string> => (errors.reason ? { revealReason: errors.reason } : {}),
      send: (data) => paknClient().case.revealIdentity.mutate(data),
      done: (result) => {
        this.revealed = result.contact;
        this.#reveal.reset(null);
        this.dispatchEvent(new IdentityRevealedEvent());
      },
    });
  }

  #unit(unitId: string | null, lang: Lang) {
    const name = unitName(this.units, unitId);
    if (!name) return null;
    const inspected = this.units.find((u) => u.id === unitId)?.underInspection;
    return html`<span lang="vi">${name}</span>${inspected ? html` <span class="badge">${STRINGS.underInspection[lang]}</span>` : nothing}`;
  }

  /** When and how the case came, what it is about, and where it is. */
  #whatRows(item: CaseView, lang: Lang) {
    const categories = this.#categories;
    return html`${row(DEADLINE_STRINGS.deadline[lang], renderDeadline(item.deadline, lang, item.presentationWarning), 'case-deadline')}
    ${row(STRINGS.receivedAt[lang], time(item.createdAt))} ${row(STRINGS.channel[lang], CHANNEL_LABELS[item.channel][lang])}
    ${row(STRINGS.reportedCategory[lang], item.reportedCategory ? categories.label(item.reportedCategory, lang) : COMMON.notSet[lang])}
    ${item.category ? row(STRINGS.classifiedCategory[lang], categories.label(item.category, lang)) : nothing}
    ${item.outOfScopeClass ? row(STRINGS.outOfScopeClass[lang], OUT_OF_SCOPE_LABELS[item.outOfScopeClass][lang]) : nothing}
    ${row(STRINGS.concernedUnit[lang], this.#unit(item.concernedUnitId, lang) ?? COMMON.notSet[lang])}
    ${item.unitId ? row(STRINGS.handlingUnit[lang], this.#unit(item.unitId, lang), 'case-unit') : nothing}
    ${item.forwardedAt ? row(STRINGS.forwardedAt[lang], time(item.forwardedAt)) : nothing}
    ${item.acknowledgedAt ? row(STRINGS.acknowledgedAt[lang], time(item.acknowledgedAt)) : nothing}`;
  }

  /** Who handles it, the dossier, the extension, the question to the citizen, the merge, the rating. */
  #handlingRows(item: CaseView, lang: Lang) {
    const extension = item.extension;
    const assignment = html`<pakn-case-assignment
      lang=${lang}
      case-id=${item.id}
      unit-id=${item.unitId ?? ''}
      ?can-assign=${item.canAssign}
      .assignee=${item.assignee}
    ></pakn-case-assignment>`;
    const merged = item.mergedInto
      ? html`<a href="/portal/cases/${encodeURIComponent(item.mergedInto)}" @click=${(e: MouseEvent) => navigateOnClick(e, this)}
          >${this.mergedReference || item.mergedInto.slice(0, 8)}</a
        >`
      : nothing;
    const rating = item.rating ? fill(STRINGS.ratingText[lang], { score: item.rating.score }) : '';
    return html`${item.assignee || item.canAssign ? row(STRINGS.assignedTo[lang], assignment) : nothing}
    ${item.dossierCode ? row(STRINGS.dossierCode[lang], item.dossierCode) : nothing}
    ${item.appointmentDate ? row(STRINGS.appointmentDate[lang], formatDate(item.appointmentDate)) : nothing}
    ${item.appointmentDate ? row(STRINGS.returnedDate[lang], item.returnedDate ? formatDate(item.returnedDate) : STRINGS.notYet[lang]) : nothing}
    ${
      extension
        ? row(
            STRINGS.extension[lang],
            fill(STRINGS.extensionText[lang], { days: extension.days, status: EXTENSION_STATUS_LABELS[extension.status][lang], reason: extension.reason }),
            'case-extension',
          )
        : nothing
    }
    ${item.infoQuestion && item.status === 'info_requested' ? row(STRINGS.infoQuestionLabel[lang], item.infoQuestion, 'case-info-question') : nothing}
    ${item.mergedInto ? row(STRINGS.mergedInto[lang], merged, 'case-merged-into') : nothing}
    ${item.rating ? row(STRINGS.rating[lang], item.rating.comment ? `${rating} – ${item.rating.comment}` : rating) : nothing}`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const item = this.item;
    if (!item) return nothing;
    const lang = this.language.value;
    return html`<section class="root panel" lang=${lang} aria-labelledby="details-heading" part="details">
      <h2 id="details-heading">${STRINGS.details[lang]}</h2>
      <dl class="details">${this.#whatRows(item, lang)} ${this.#handlingRows(item, lang)}</dl>
      <h3>${STRINGS.description[lang]}</h3>
      <pakn-case-summary lang=${lang} case-id=${item.id} ?can-edit=${item.canEditSummary} .description=${item.description}></pakn-case-summary>
      ${this.#renderAttachments(lang)}
      <h3>${STRINGS.citizen[lang]}</h3>
      ${this.#renderContact(item, lang)}
    </section>`;
  }

  #renderAttachments(lang: Lang) {
    return html`<section aria-labelledby="attachments-heading" data-testid="case-attachments">
      <h3 id="attachments-heading">${STRINGS.attachments[lang]}</h3>
      ${
        this.attachments.length === 0
          ? html`<p class="muted">${STRINGS.noAttachments[lang]}</p>`
          : html`<ul class="attachments plain">
              ${this.attachments.map(
                (file) =>
                  html`<li data-testid="case-attachment">
                    ${fileLink(file, STRINGS.attachmentDownload[lang], lang)}
                    <span class="muted">(${STRINGS[attachmentKind(file.mime)][lang]}, ${formatSize(file.size)})</span>
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  #renderContact(item: CaseView, lang: Lang) {
    if (item.identityHidden) return html`<p class="confidential" data-testid="identity-hidden">${STRINGS.identityHidden[lang]}</p>`;
    if (!item.contact) return html`<p>${STRINGS.noContact[lang]}</p>`;
    const revealed = this.revealed;
    const { name, phone, email } = revealed ?? item.contact;
    return html`
      ${revealed ? html`<h4 class="revealed-heading">${STRINGS.revealedHeading[lang]}</h4>` : nothing}
      <dl class="details" data-testid=${revealed ? 'revealed-contact' : 'masked-contact'}>
        ${name ? row(STRINGS.contactName[lang], name) : nothing}
        ${phone ? row(STRINGS.contactPhone[lang], revealed ? html`<a href="tel:${phone.replace(/[^\d+]/g, '')}">${phone}</a>` : phone) : nothing}
        ${email ? row(STRINGS.contactEmail[lang], email) : nothing}
      </dl>
      ${revealed ? nothing : html`<p class="hint">${STRINGS.maskedNote[lang]}</p>`}
      ${item.confidential ? html`<p class="hint">${STRINGS.confidentialNote[lang]}</p>` : nothing}
      ${item.canRevealIdentity && !revealed ? this.#renderReveal(lang) : nothing}
    `;
  }

  #renderReveal(lang: Lang) {
    const draft = this.#reveal.draft;
    if (!draft) {
      return html`<button type="button" class="secondary" aria-expanded="false" @click=${() => void this.#reveal.open({ revealReason: '' }, '#revealReason')}>
        ${STRINGS.showIdentity[lang]}
      </button>`;
    }
    const formError = this.#reveal.formError;
    return html`<form class="reveal" @submit=${(e: SubmitEvent) => void this.#submitReveal(e)} novalidate aria-labelledby="reveal-legend">
      <p id="reveal-legend" class="visually-hidden">${STRINGS.showIdentity[lang]}</p>
      ${formError ? html`<div id="form-error" class="alert" role="alert" tabindex="-1"><p>${formError}</p></div>` : nothing}
      ${textareaField({
        id: 'revealReason',
        label: STRINGS.revealReason[lang],
        hint: STRINGS.revealHint[lang],
        error: this.#reveal.errors.revealReason,
        rows: 2,
        value: draft.revealReason,
        onInput: (reason) => this.#reveal.set('revealReason', reason),
      })}
      <div class="buttons">
        <button type="submit" ?disabled=${this.#reveal.busy}>${this.#reveal.busy ? STRINGS.sending[lang] : STRINGS.revealSubmit[lang]}</button>
        <button type="button" class="secondary" @click=${() => this.#reveal.reset(null)}>${STRINGS.cancel[lang]}</button>
      </div>
    </form>`;
  }

  static override styles = [tokens, base, deadlineStyles, panelStyles, detailsStyles];
}

defineElement('pakn-case-details', PaknCaseDetails);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-case-details': PaknCaseDetails;
  }
}
