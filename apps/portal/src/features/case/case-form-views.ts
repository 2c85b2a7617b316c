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
import { describedBy, field, selectField, textField, textareaField } from '#shared/form-fields.ts';
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

/** The case's texts by key, for the forms whose words follow their name (`approveHeading`, `approveIntro`, …). */
const TEXTS: Readonly<Record<string, Text | undefined>> = STRINGS;

type Key = keyof typeof STRINGS;
/** The names whose heading is in STRINGS (`<name>Heading`). */
export type Words = { [K in Key]: K extends `${infer W}Heading` ? W : never }[Key];

function formError(v: FormView): TemplateResult | typeof nothing {
  if (!v.formError) return nothing;
  return html`<div id="form-error" class="alert" role="alert" tabindex="-1">
    <p>${v.formError}</p>
    ${v.stale ? html`<button type="button" class="secondary" @click=${() => v.reload()}>${STRINGS.reload[v.lang]}</button>` : nothing}
  </div>`;
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

interface TextOptions {
  readonly hint?: string;
  readonly rows?: number;
  /** Written for the citizen to read: typed in the citizen's language. */
  readonly forCitizen?: boolean;
  readonly textLang?: Lang;
}

/** A text area bound to its draft, labelled `STRINGS[field]`, with the hint `STRINGS[field + 'Hint']` where there is one. */
function textArea(v: FormView, field: TextDraft, o: TextOptions = {}): TemplateResult {
  return textareaField({
    id: field,
    label: TEXTS[field]?.[v.lang] ?? field,
    hint: o.hint ?? TEXTS[`${field}Hint`]?.[v.lang],
    error: v.error(field),
    rows: o.rows ?? 3,
    textLang: o.forCitizen ? citizenLang(v.item) : o.textLang,
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

/**
 * A form's frame, its words found by its name in STRINGS: the heading `<words>Heading` (id `<words-in-kebab-case>-heading`),
 * the explanation `<words>Intro` where there is one, the form's error, its fields, then the button `<words>Submit` (or
 * the heading again, where the button says the same).
 */
function frame(v: FormView, words: Words, fields: TemplateResult | typeof nothing, o: { secondary?: boolean; buttons?: TemplateResult } = {}): TemplateResult {
  const id = `${words.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-heading`;
  const intro = TEXTS[`${words}Intro`];
  const heading = STRINGS[`${words}Heading` as const];
  return html`<form novalidate aria-labelledby=${id} data-form=${v.form} @submit=${onSubmit(v)}>
    <h3 id=${id}>${heading[v.lang]}</h3>
    ${intro ? html`<p class="muted">${intro[v.lang]}</p>` : nothing} ${formError(v)} ${fields}
    ${o.buttons ?? submitButton(v, TEXTS[`${words}Submit`] ?? heading, { secondary: o.secondary ?? false })}
  </form>`;
}

/** One of the plainer forms: its words (see `frame`) and, for a comment or a reason, one text area (then the lighter button). */
export function plainForm(words: Words, text?: TextDraft, options: TextOptions = {}): (v: FormView) => TemplateResult {
  return (v) => frame(v, words, text ? textArea(v, text, options) : nothing, { secondary: text !== undefined });
}

function scopeChoice(v: FormView, scope: 'in' | 'out', chosen: 'in' | 'out', label: Text): TemplateResult {
  return html`<label class="choice">
    <input type="radio" name="scope" value=${scope} .checked=${chosen === scope} @change=${() => v.set('scope', scope)} />${label[v.lang]}
  </label>`;
}

function categorySelect(v: FormView): TemplateResult {
  const d = v.drafts;
  const error = v.error('category');
  return field({
    id: 'category',
    label: STRINGS.category[v.lang],
    error,
    control: html`<select
      id="category"
      aria-invalid=${invalid(v, 'category')}
      aria-describedby=${describedBy('category', false, error)}
      @change=${(e: Event) => v.set('category', (e.target as HTMLSelectElement).value)}
    >
      ${v.categories.isOffered(d.category) ? nothing : html`<option value="" selected>${STRINGS.chooseOne[v.lang]}</option>`}
      ${v.categories.options().map((c) => html`<option value=${c.key} ?selected=${c.key === d.category}>${c.label[v.lang]}</option>`)}
    </select>`,
  });
}

function outOfScopeFields(v: FormView): TemplateResult {
  const d = v.drafts;
  const lang = v.lang;
  const onClass = (value: string) => {
    const next = withOutOfScopeClass(v.drafts, value, v.authorities, citizenLang(v.item));
    v.replace(next.drafts, next.changed);
  };
  const fitting = d.outOfScopeClass ? v.authorities.filter((a) => a.outOfScopeClass === d.outOfScopeClass) : v.authorities;
  return html`${selectField({
    id: 'outOfScopeClass',
    label: STRINGS.outOfScopeClassField[lang],
    error: v.error('outOfScopeClass'),
    value: d.outOfScopeClass,
    emptyLabel: STRINGS.chooseOne[lang],
    options: OUT_OF_SCOPE_CLASSES.map((c) => ({ value: c, label: OUT_OF_SCOPE_LABELS[c][lang] })),
    onChange: onClass,
  })}
  ${
    v.authorities.length === 0
      ? nothing
      : selectField({
          id: 'authority',
          label: STRINGS.authority[lang],
          hint: STRINGS.authorityHint[lang],
          value: d.authorityId,
          emptyLabel: STRINGS.chooseAuthority[lang],
          options: fitting.map((a) => ({ value: a.id, label: a.name[lang] })),
          onChange: (id) => v.replace(withAuthority(v.drafts, id, v.authorities, citizenLang(v.item)), ['outOfScopeClass', 'referral']),
        })
  }
  ${textareaField({
    id: 'referral',
    label: STRINGS.referral[lang],
    hint: STRINGS.referralHint[lang],
    error: v.error('referral'),
    rows: 5,
    textLang: citizenLang(v.item),
    value: d.referral,
    onInput: (referral) => v.replace({ ...v.drafts, referral, referralEdited: true }, ['referral']),
  })}`;
}

export function classify(v: FormView): TemplateResult {
  // The server may offer in-scope, out-of-scope or both.
  const canIn = v.item.availableMoves.includes('classified_in_scope');
  const canOut = v.item.availableMoves.includes('referred');
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
        aria-describedby=${describedBy('confirmSelfReview', false, v.error('confirmSelfReview'))}
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
  const error = v.error('unitId');
  const unit = field({
    id: 'unitId',
    label: STRINGS.handlingUnit[lang],
    error,
    control: html`<select
      id="unitId"
      aria-invalid=${invalid(v, 'unitId')}
      aria-describedby=${[error ? 'unitId-error' : '', selfReview ? 'self-review' : ''].filter(Boolean).join(' ') || nothing}
      @change=${(e: Event) => v.replace({ ...v.drafts, unitId: (e.target as HTMLSelectElement).value, confirmSelfReview: false }, ['unitId', 'confirmSelfReview'])}
    >
      <option value="" ?selected=${!d.unitId}>${STRINGS.chooseUnit[lang]}</option>
      ${renderUnitOptions(v.units, d.unitId, lang)}
    </select>`,
  });
  const buttons = html`<div class="buttons">
    ${submitButton(v, STRINGS.draftSubmit)}
    ${
      previous && !d.letter
        ? html`<button type="button" class="secondary" @click=${() => v.set('letter', previous.body)}>${STRINGS.copyPreviousDraft[lang]}</button>`
        : nothing
    }
  </div>`;
  return frame(v, 'draft', html`${unit} ${selfReview ? selfReviewWarning(v) : nothing} ${textArea(v, 'letter', { rows: 8, textLang: 'vi' })}`, { buttons });
}

export function answer(v: FormView): TemplateResult {
  const lang = v.lang;
  const outcomeError = v.error('outcome');
  const outcomes = html`<fieldset aria-describedby=${outcomeError ? 'outcome-error' : nothing}>
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
  </fieldset>`;
  return frame(
    v,
    'answerForm',
    html`${outcomes} ${textArea(v, 'answer', { hint: fill(STRINGS.answerHint[lang], { n: ANSWER_MIN }), rows: 8, forCitizen: true })}
      ${textArea(v, 'internalNote')} <pakn-answer-upload case-id=${v.item.id} lang=${lang} error=${v.error('answerFiles') ?? ''}></pakn-answer-upload>`,
  );
}

export function requestExtension(v: FormView): TemplateResult {
  const error = v.error('extensionDays');
  const days = field({
    id: 'extensionDays',
    label: STRINGS.extensionDays[v.lang],
    hint: STRINGS.extensionDaysHint[v.lang],
    error,
    control: html`<input
      id="extensionDays"
      type="number"
      inputmode="numeric"
      min="1"
      max=${EXTENSION_MAX_DAYS}
      step="1"
      .value=${v.drafts.extensionDays}
      aria-invalid=${invalid(v, 'extensionDays')}
      aria-describedby=${describedBy('extensionDays', true, error)}
      @input=${(e: Event) => v.set('extensionDays', (e.target as HTMLInputElement).value)}
    />`,
  });
  return frame(v, 'requestExtension', html`${days} ${textArea(v, 'extensionReason', { rows: 2 })}`, { secondary: true });
}

export function decideExtension(v: FormView): TemplateResult {
  const lang = v.lang;
  const extension = v.item.extension;
  return html`<form novalidate aria-labelledby="decide-extension-heading" data-form="decideExtension" @submit=${(e: SubmitEvent) => e.preventDefault()}>
    <h3 id="decide-extension-heading">${STRINGS.decideExtensionHeading[lang]}</h3>
    ${extension ? html`<p>${fill(STRINGS.decideExtensionIntro[lang], { days: extension.days, reason: extension.reason })}</p>` : nothing} ${formError(v)}
    ${textArea(v, 'extensionComment', { rows: 2 })}
    <div class="buttons">
      ${submitButton(v, STRINGS.approveExtension, { onClick: () => v.submit({ approve: true }) })}
      ${submitButton(v, STRINGS.refuseExtension, { secondary: true, onClick: () => v.submit({ approve: false }) })}
    </div>
  </form>`;
}

export function merge(v: FormView): TemplateResult {
  const reference = textField({
    id: 'mergeReference',
    label: STRINGS.mergeReference[v.lang],
    hint: STRINGS.mergeReferenceHint[v.lang],
    error: v.error('mergeReference'),
    spellcheck: false,
    value: v.drafts.mergeReference,
    onInput: (value) => v.set('mergeReference', value),
  });
  return frame(v, 'merge', reference, { secondary: true });
}
