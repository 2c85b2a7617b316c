import { html, nothing, type TemplateResult } from 'lit';
import {
  ANSWER_MIN,
  ANSWER_OUTCOMES,
  EXTENSION_MAX_DAYS,
  OUT_OF_SCOPE_CLASSES,
  OUT_OF_SCOPE_LABELS,
  type CategoryDefinition,
  type Lang,
  type Text,
} from '@pakn/domain';
import { selectField, textField, textareaField } from '#shared/form-fields.ts';
import { fill } from '#shared/i18n.ts';
import { renderUnitOptions, unitName, type UnitView } from '#shared/units.ts';
import { citizenLang, isSelfReview, withAuthority, withOutOfScopeClass, type Drafts, type TextDraft } from './case-drafts.ts';
import type { Authority, CaseView, Letter } from './case-types.ts';
import { OUTCOME_LABELS, STRINGS } from './strings.ts';

/** What one action form sees of the actions element while it renders: its data, its errors, its callbacks. */
export interface FormView {
  /** The form's name (`data-form`). */
  readonly form: string;
  readonly lang: Lang;
  readonly item: CaseView;
  readonly drafts: Drafts;
  readonly letters: readonly Letter[];
  readonly units: readonly UnitView[];
  readonly authorities: readonly Authority[];
  readonly categories: { options(): CategoryDefinition[]; isOffered(key: string | null | undefined): boolean };
  /** The moves the server offers (the classification form offers in-scope, out-of-scope or both). */
  readonly moves: ReadonlySet<string>;
  /** A submission (of any form) is under way. */
  readonly busy: boolean;
  /** This form's submission is under way. */
  readonly sending: boolean;
  readonly formError: string | null;
  /** The failure is one a reload can fix (someone moved the case first). */
  readonly stale: boolean;
  error(field: string): string | undefined;
  set<K extends keyof Drafts>(key: K, value: Drafts[K]): void;
  replace(drafts: Drafts, clearedFields: readonly string[]): void;
  submit(options?: { readonly approve: boolean }): void;
  reload(): void;
}

function formError(v: FormView): TemplateResult | typeof nothing {
  if (!v.formError) return nothing;
  return html`<div id="form-error" class="alert" role="alert" tabindex="-1">
    <p>${v.formError}</p>
    ${v.stale ? html`<button type="button" class="secondary" @click=${() => v.reload()}>${STRINGS.reload[v.lang]}</button>` : nothing}
  </div>`;
}

/** Describes a field for assistive technology: its hint and, when there is one, its error. */
function describedBy(v: FormView, field: string, hint: boolean, ...more: string[]): string {
  return [hint ? `${field}-hint` : '', v.error(field) ? `${field}-error` : '', ...more].filter(Boolean).join(' ');
}

function invalid(v: FormView, field: string): 'true' | 'false' {
  return v.error(field) ? 'true' : 'false';
}

function fieldError(v: FormView, field: string): TemplateResult | typeof nothing {
  const message = v.error(field);
  return message ? html`<span id="${field}-error" class="field-error">${message}</span>` : nothing;
}

function submitButton(v: FormView, label: Text, options: { secondary?: boolean; onClick?: () => void } = {}): TemplateResult {
  return html`<button
    type=${options.onClick ? 'button' : 'submit'}
    class=${options.secondary ? 'secondary' : ''}
    ?disabled=${v.busy}
    @click=${options.onClick ?? nothing}
  >
    ${v.sending ? STRINGS.sending[v.lang] : label[v.lang]}
  </button>`;
}

/** A labelled text area bound to a draft, with its hint and error. */
function textArea(v: FormView, field: TextDraft, label: Text, options: { hint?: string | undefined; rows?: number; textLang?: Lang } = {}): TemplateResult {
  return textareaField({
    id: field,
    label: label[v.lang],
    hint: options.hint,
    error: v.error(field),
    rows: options.rows ?? 3,
    textLang: options.textLang,
    value: v.drafts[field],
    onInput: (value) => v.set(field, value),
  });
}

function onSubmit(v: FormView): (e: SubmitEvent) => void {
  return (e) => {
    e.preventDefault();
    v.submit();
  };
}

/** One of the plainer forms: a heading, an optional line of explanation, the form's error, its fields and the button. */
function frame(
  v: FormView,
  headingId: string,
  heading: Text,
  parts: { readonly intro?: Text; readonly fields?: TemplateResult; readonly submit: Text; readonly secondary?: boolean },
): TemplateResult {
  return html`<form novalidate aria-labelledby=${headingId} data-form=${v.form} @submit=${onSubmit(v)}>
    <h3 id=${headingId}>${heading[v.lang]}</h3>
    ${parts.intro ? html`<p class="muted">${parts.intro[v.lang]}</p>` : nothing} ${formError(v)} ${parts.fields ?? nothing}
    ${submitButton(v, parts.submit, { secondary: parts.secondary ?? false })}
  </form>`;
}

export const approve = (v: FormView) => frame(v, 'approve-heading', STRINGS.approveHeading, { intro: STRINGS.approveIntro, submit: STRINGS.approveSubmit });

export const returnDraft = (v: FormView) =>
  frame(v, 'return-draft-heading', STRINGS.returnDraftHeading, {
    fields: textArea(v, 'directorComment', STRINGS.directorComment),
    submit: STRINGS.returnDraftSubmit,
    secondary: true,
  });

export const acknowledge = (v: FormView) =>
  frame(v, 'acknowledge-heading', STRINGS.acknowledgeHeading, { intro: STRINGS.acknowledgeIntro, submit: STRINGS.acknowledgeSubmit });

export const requestInfo = (v: FormView) =>
  frame(v, 'request-info-heading', STRINGS.requestInfoHeading, {
    fields: textArea(v, 'infoQuestion', STRINGS.infoQuestion, { hint: STRINGS.infoQuestionHint[v.lang], textLang: citizenLang(v.item) }),
    submit: STRINGS.requestInfoSubmit,
    secondary: true,
  });

export const decline = (v: FormView) =>
  frame(v, 'decline-heading', STRINGS.declineHeading, {
    intro: STRINGS.declineIntro,
    fields: textArea(v, 'declineReason', STRINGS.declineReason, { rows: 2 }),
    submit: STRINGS.declineSubmit,
    secondary: true,
  });

export const verify = (v: FormView) => frame(v, 'verify-heading', STRINGS.verifyHeading, { intro: STRINGS.verifyIntro, submit: STRINGS.verifySubmit });

export const returnAnswer = (v: FormView) =>
  frame(v, 'return-answer-heading', STRINGS.returnAnswerHeading, {
    fields: textArea(v, 'returnReason', STRINGS.returnReason),
    submit: STRINGS.returnAnswerSubmit,
    secondary: true,
  });

export const confirmAnswer = (v: FormView) =>
  frame(v, 'confirm-heading', STRINGS.confirmHeading, {
    intro: STRINGS.confirmIntro,
    fields: textArea(v, 'confirmComment', STRINGS.confirmComment, { textLang: citizenLang(v.item) }),
    submit: STRINGS.confirmSubmit,
    secondary: true,
  });

function scopeChoice(v: FormView, scope: 'in' | 'out', chosen: 'in' | 'out', label: Text): TemplateResult {
  return html`<label class="choice">
    <input type="radio" name="scope" value=${scope} .checked=${chosen === scope} @change=${() => v.set('scope', scope)} />${label[v.lang]}
  </label>`;
}

function categorySelect(v: FormView): TemplateResult {
  const d = v.drafts;
  return html`<div class="field">
    <label for="category">${STRINGS.category[v.lang]}</label>
    <select
      id="category"
      aria-invalid=${invalid(v, 'category')}
      aria-describedby=${describedBy(v, 'category', false)}
      @change=${(e: Event) => v.set('category', (e.target as HTMLSelectElement).value)}
    >
      ${v.categories.isOffered(d.category) ? nothing : html`<option value="" selected>${STRINGS.chooseOne[v.lang]}</option>`}
      ${v.categories.options().map((c) => html`<option value=${c.key} ?selected=${c.key === d.category}>${c.label[v.lang]}</option>`)}
    </select>
    ${fieldError(v, 'category')}
  </div>`;
}

function authoritySelect(v: FormView): TemplateResult | typeof nothing {
  const d = v.drafts;
  if (v.authorities.length === 0) return nothing;
  const fitting = d.outOfScopeClass ? v.authorities.filter((a) => a.outOfScopeClass === d.outOfScopeClass) : v.authorities;
  return html`<div class="field">
    <label for="authority">${STRINGS.authority[v.lang]}</label>
    <span id="authority-hint" class="hint">${STRINGS.authorityHint[v.lang]}</span>
    <select
      id="authority"
      aria-describedby="authority-hint"
      @change=${(e: Event) => v.replace(withAuthority(v.drafts, (e.target as HTMLSelectElement).value, v.authorities, citizenLang(v.item)), ['outOfScopeClass', 'referral'])}
    >
      <option value="" ?selected=${!d.authorityId}>${STRINGS.chooseAuthority[v.lang]}</option>
      ${fitting.map((a) => html`<option value=${a.id} ?selected=${a.id === d.authorityId}>${a.name[v.lang]}</option>`)}
    </select>
  </div>`;
}

function outOfScopeFields(v: FormView): TemplateResult {
  const d = v.drafts;
  const lang = v.lang;
  const onClass = (value: string) => {
    const next = withOutOfScopeClass(v.drafts, value, v.authorities, citizenLang(v.item));
    v.replace(next.drafts, next.changed);
  };
  return html`${selectField({
      id: 'outOfScopeClass',
      label: STRINGS.outOfScopeClassField[lang],
      error: v.error('outOfScopeClass'),
      value: d.outOfScopeClass,
      emptyLabel: STRINGS.chooseOne[lang],
      options: OUT_OF_SCOPE_CLASSES.map((c) => ({ value: c, label: OUT_OF_SCOPE_LABELS[c][lang] })),
      onChange: onClass,
    })}
    ${authoritySelect(v)}
    <div class="field">
      <label for="referral">${STRINGS.referral[lang]}</label>
      <span id="referral-hint" class="hint">${STRINGS.referralHint[lang]}</span>
      <textarea
        id="referral"
        lang=${citizenLang(v.item)}
        rows="5"
        .value=${d.referral}
        aria-invalid=${invalid(v, 'referral')}
        aria-describedby=${describedBy(v, 'referral', true)}
        @input=${(e: Event) => v.replace({ ...v.drafts, referral: (e.target as HTMLTextAreaElement).value, referralEdited: true }, ['referral'])}
      ></textarea>
      ${fieldError(v, 'referral')}
    </div>`;
}

export function classify(v: FormView): TemplateResult {
  const canIn = v.moves.has('classified_in_scope');
  const canOut = v.moves.has('referred');
  const scope = canIn && canOut ? v.drafts.scope : canIn ? 'in' : 'out';
  return html`<form @submit=${onSubmit(v)} novalidate aria-labelledby="classify-legend" data-form="classify">
    ${formError(v)}
    <fieldset>
      <legend id="classify-legend">${STRINGS.classify[v.lang]}</legend>
      ${canIn ? scopeChoice(v, 'in', scope, STRINGS.inScope) : nothing} ${canOut ? scopeChoice(v, 'out', scope, STRINGS.outOfScope) : nothing}
      ${scope === 'in' ? categorySelect(v) : outOfScopeFields(v)}
    </fieldset>
    ${submitButton(v, STRINGS.saveClassification)}
  </form>`;
}

function selfReviewWarning(v: FormView): TemplateResult {
  const concerned = v.units.find((u) => u.id === v.item.concernedUnitId);
  const superior = concerned?.parentId ? unitName(v.units, concerned.parentId) : null;
  return html`<div id="self-review" class="warning" data-testid="self-review-warning">
    <p>${STRINGS.selfReviewWarning[v.lang]} ${superior ? fill(STRINGS.superiorUnit[v.lang], { name: superior }) : nothing}</p>
    <label class="choice">
      <input
        type="checkbox"
        id="confirmSelfReview"
        .checked=${v.drafts.confirmSelfReview}
        aria-invalid=${invalid(v, 'confirmSelfReview')}
        aria-describedby=${describedBy(v, 'confirmSelfReview', false)}
        @change=${(e: Event) => v.set('confirmSelfReview', (e.target as HTMLInputElement).checked)}
      />${STRINGS.confirmSelfReview[v.lang]}
    </label>
    ${fieldError(v, 'confirmSelfReview')}
  </div>`;
}

export function draft(v: FormView): TemplateResult {
  const d = v.drafts;
  const lang = v.lang;
  const selfReview = isSelfReview(v.item, d);
  const previous = v.letters.at(-1);
  return html`<form @submit=${onSubmit(v)} novalidate aria-labelledby="draft-heading" data-form="draft">
    <h3 id="draft-heading">${STRINGS.draftHeading[lang]}</h3>
    <p class="muted">${STRINGS.draftIntro[lang]}</p>
    ${formError(v)}
    <div class="field">
      <label for="unitId">${STRINGS.unit[lang]}</label>
      <select
        id="unitId"
        aria-invalid=${invalid(v, 'unitId')}
        aria-describedby=${describedBy(v, 'unitId', false, selfReview ? 'self-review' : '')}
        @change=${(e: Event) => v.replace({ ...v.drafts, unitId: (e.target as HTMLSelectElement).value, confirmSelfReview: false }, ['unitId', 'confirmSelfReview'])}
      >
        <option value="" ?selected=${!d.unitId}>${STRINGS.chooseUnit[lang]}</option>
        ${renderUnitOptions(v.units, d.unitId, lang)}
      </select>
      ${fieldError(v, 'unitId')}
    </div>
    ${selfReview ? selfReviewWarning(v) : nothing} ${textArea(v, 'letter', STRINGS.letter, { hint: STRINGS.letterHint[lang], rows: 8, textLang: 'vi' })}
    <div class="buttons">
      ${submitButton(v, STRINGS.draftSubmit)}
      ${
        previous && !d.letter
          ? html`<button type="button" class="secondary" @click=${() => v.set('letter', previous.body)}>${STRINGS.copyPreviousDraft[lang]}</button>`
          : nothing
      }
    </div>
  </form>`;
}

export function answer(v: FormView): TemplateResult {
  const lang = v.lang;
  const outcomeError = v.error('outcome');
  return html`<form @submit=${onSubmit(v)} novalidate aria-labelledby="answer-form-heading" data-form="answer">
    <h3 id="answer-form-heading">${STRINGS.answerFormHeading[lang]}</h3>
    ${formError(v)}
    <fieldset aria-describedby=${outcomeError ? 'outcome-error' : nothing}>
      <legend>${STRINGS.outcome[lang]}</legend>
      ${ANSWER_OUTCOMES.map(
        (outcome, i) =>
          html`<label class="choice">
            <input
              type="radio"
              name="outcome"
              value=${outcome}
              .checked=${v.drafts.outcome === outcome}
              aria-invalid=${outcomeError && i === 0 ? 'true' : 'false'}
              @change=${() => v.set('outcome', outcome)}
            />${OUTCOME_LABELS[outcome][lang]}
          </label>`,
      )}
      ${fieldError(v, 'outcome')}
    </fieldset>
    ${textArea(v, 'answer', STRINGS.answer, { hint: fill(STRINGS.answerHint[lang], { n: ANSWER_MIN }), rows: 8, textLang: citizenLang(v.item) })}
    ${textArea(v, 'internalNote', STRINGS.internalNote, { hint: STRINGS.internalNoteHint[lang] })}
    <pakn-answer-upload case-id=${v.item.id} lang=${lang} error=${v.error('answerFiles') ?? ''}></pakn-answer-upload>
    ${submitButton(v, STRINGS.sendAnswer)}
  </form>`;
}

export function requestExtension(v: FormView): TemplateResult {
  const lang = v.lang;
  return html`<form novalidate aria-labelledby="request-extension-heading" data-form="requestExtension" @submit=${onSubmit(v)}>
    <h3 id="request-extension-heading">${STRINGS.requestExtensionHeading[lang]}</h3>
    ${formError(v)}
    <div class="field narrow">
      <label for="extensionDays">${STRINGS.extensionDays[lang]}</label>
      <span id="extensionDays-hint" class="hint">${STRINGS.extensionDaysHint[lang]}</span>
      <input
        id="extensionDays"
        type="number"
        inputmode="numeric"
        min="1"
        max=${EXTENSION_MAX_DAYS}
        step="1"
        .value=${v.drafts.extensionDays}
        aria-invalid=${invalid(v, 'extensionDays')}
        aria-describedby=${describedBy(v, 'extensionDays', true)}
        @input=${(e: Event) => v.set('extensionDays', (e.target as HTMLInputElement).value)}
      />
      ${fieldError(v, 'extensionDays')}
    </div>
    ${textArea(v, 'extensionReason', STRINGS.extensionReason, { rows: 2 })} ${submitButton(v, STRINGS.requestExtensionSubmit, { secondary: true })}
  </form>`;
}

export function decideExtension(v: FormView): TemplateResult {
  const lang = v.lang;
  const extension = v.item.extension;
  return html`<form novalidate aria-labelledby="decide-extension-heading" data-form="decideExtension" @submit=${(e: SubmitEvent) => e.preventDefault()}>
    <h3 id="decide-extension-heading">${STRINGS.decideExtensionHeading[lang]}</h3>
    ${extension ? html`<p>${fill(STRINGS.decideExtensionIntro[lang], { days: extension.days, reason: extension.reason })}</p>` : nothing} ${formError(v)}
    ${textArea(v, 'extensionComment', STRINGS.extensionComment, { rows: 2 })}
    <div class="buttons">
      ${submitButton(v, STRINGS.approveExtension, { onClick: () => v.submit({ approve: true }) })}
      ${submitButton(v, STRINGS.refuseExtension, { secondary: true, onClick: () => v.submit({ approve: false }) })}
    </div>
  </form>`;
}

export function merge(v: FormView): TemplateResult {
  const lang = v.lang;
  return html`<form novalidate aria-labelledby="merge-heading" data-form="merge" @submit=${onSubmit(v)}>
    <h3 id="merge-heading">${STRINGS.mergeHeading[lang]}</h3>
    <p class="muted">${STRINGS.mergeIntro[lang]}</p>
    ${formError(v)}
    ${textField({
      id: 'mergeReference',
      label: STRINGS.mergeReference[lang],
      hint: STRINGS.mergeReferenceHint[lang],
      error: v.error('mergeReference'),
      spellcheck: false,
      value: v.drafts.mergeReference,
      onInput: (value) => v.set('mergeReference', value),
    })}
    ${submitButton(v, STRINGS.mergeSubmit, { secondary: true })}
  </form>`;
}
