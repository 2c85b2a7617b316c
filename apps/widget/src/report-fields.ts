import { html, nothing } from 'lit';
import type { SiteConfig } from '@pakn/api-client/widget';
import type { WidgetText } from './text/index.ts';
import type { Issue } from './validate-report.ts';

/**
 * The fields of `<pakn-report-form>`: each a label, a control, a hint and the error beside it, wired for screen
 * readers (`aria-invalid`, `aria-describedby`). Ids are the field paths with `.` as `-` (`contact-name`).
 */

/** Field paths whose errors are shown beside a field; others go to the alert region. */
export const FIELDS = ['category', 'unitId', 'dossierCode', 'appointmentDate', 'returnedDate', 'description', 'attachments'];
export const CONTACT = ['contact.name', 'contact.phone', 'contact.email', 'consent'];

export type FieldErrors = Readonly<Record<string, Issue | string>>;

/** What a field needs from the form: its texts, the current errors and the input handler. */
export interface FieldContext {
  readonly text: WidgetText;
  readonly errors: FieldErrors;
  readonly onInput: (event: Event) => void;
}

const fieldId = (path: string) => path.replace('.', '-');
/** Case- and diacritics-insensitive, so that "hoan kiem" finds "Hoàn Kiếm" (đ is a letter of its own). */
const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();

export function invalid(ctx: FieldContext, path: string) {
  return ctx.errors[path] ? 'true' : nothing;
}

export function describedBy(ctx: FieldContext, path: string, ...ids: string[]) {
  if (ctx.errors[path]) ids.push(`${fieldId(path)}-error`);
  return ids.length ? ids.join(' ') : nothing;
}

export function fieldError(ctx: FieldContext, path: string) {
  const error = ctx.errors[path];
  if (!error) return nothing;
  const message = typeof error === 'string' ? error : ctx.text.issues[error.code].replace('{n}', String(error.n));
  return html`<p class="error" id="${fieldId(path)}-error">${message}</p>`;
}

export function textField(
  ctx: FieldContext,
  path: string,
  label: string,
  type: string,
  autocomplete: string,
  value: string,
  max: number,
  hint = '',
  maxDate = '',
) {
  const hintId = `${fieldId(path)}-hint`;
  return html`<div class="field">
    <label for=${fieldId(path)}>${label}</label>
    <input
      id=${fieldId(path)}
      name=${path.replace('contact.', '')}
      type=${type}
      autocomplete=${autocomplete}
      maxlength=${max || nothing}
      max=${maxDate || nothing}
      .value=${value}
      aria-invalid=${invalid(ctx, path)}
      aria-describedby=${describedBy(ctx, path, ...(hint ? [hintId] : []))}
      @input=${ctx.onInput}
    />
    ${hint ? html`<span class="hint" id=${hintId}>${hint}</span>` : nothing} ${fieldError(ctx, path)}
  </div>`;
}

/** The category select; admins edit categories, so their labels (both languages) come with the site's configuration. */
export function categoryField(ctx: FieldContext, categories: NonNullable<SiteConfig['categories']>, value: string) {
  const t = ctx.text;
  const lang = t.lang === 'en' ? 'en' : 'vi';
  const hint = categories.find((c) => c.key === value)?.hint;
  return html`<div class="field">
    <label for="category">${t.category}</label>
    <select
      id="category"
      name="category"
      aria-invalid=${invalid(ctx, 'category')}
      aria-describedby=${describedBy(ctx, 'category', ...(hint ? ['category-hint'] : []))}
      @change=${ctx.onInput}
    >
      <option value="" ?selected=${!value}>${t.chooseCategory}</option>
      ${categories.map((c) => html`<option value=${c.key} ?selected=${value === c.key}>${c.label[lang]}</option>`)}
    </select>
    ${hint ? html`<span class="hint" id="category-hint">${hint[lang]}</span>` : nothing} ${fieldError(ctx, 'category')}
  </div>`;
}

/** The unit select, grouped by kind, with a search box that narrows it (the chosen unit always stays). */
export function unitField(ctx: FieldContext, units: NonNullable<SiteConfig['units']>, unitId: string, filterText: string, onFilter: (value: string) => void) {
  const t = ctx.text;
  const filter = fold(filterText.trim());
  const shown = units.filter((u) => !filter || u.id === unitId || fold(u.name).includes(filter));
  return html`<div class="field">
    <label for="unitFilter">${t.unitFilter}</label>
    <input
      id="unitFilter"
      type="search"
      autocomplete="off"
      aria-controls="unitId"
      .value=${filterText}
      @input=${(e: Event) => onFilter((e.target as HTMLInputElement).value)}
    />
    <span class="hint" role="status">${filter ? t.unitCount(shown.length) : ''}</span>
    <label for="unitId">${t.unit}</label>
    <select id="unitId" name="unitId" aria-invalid=${invalid(ctx, 'unitId')} aria-describedby=${describedBy(ctx, 'unitId')} @change=${ctx.onInput}>
      <option value="" ?selected=${!unitId}>${t.unitUnknown}</option>
      ${Object.entries(t.unitKinds).map(([kind, label]) => {
        const ofKind = shown.filter((u) => u.kind === kind);
        return ofKind.length
          ? html`<optgroup label=${label}>${ofKind.map((u) => html`<option value=${u.id} ?selected=${unitId === u.id}>${u.name}</option>`)}</optgroup>`
          : nothing;
      })}
    </select>
    ${fieldError(ctx, 'unitId')}
  </div>`;
}
