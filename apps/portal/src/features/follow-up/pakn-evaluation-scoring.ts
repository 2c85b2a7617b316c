import { html } from 'lit';
import { EvaluationScoringSchema, SCORING_CRITERIA, SCORING_CRITERION_LABELS, type EvaluationScoring, type Text } from '@pakn/domain';
import { paknClient } from '#shared/client.ts';
import { EditorController } from '#shared/controllers/editor.ts';
import { loadTask, renderLoad } from '#shared/controllers/load.ts';
import { editorStyles, formErrorAlert, pageStyles, statusLine, textField } from '#shared/form-fields.ts';
import { base, tokens } from '#shared/styles.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';

const STRINGS = {
  heading: { vi: 'Cách tính điểm đánh giá đơn vị', en: 'Unit evaluation scoring' },
  intro: {
    vi: 'Trọng số của từng tiêu chí (0–100) và số vụ việc tối thiểu để một đơn vị được xếp hạng. Bản đánh giá đã ký giữ nguyên trọng số lúc ký.',
    en: 'The weight of each criterion (0–100) and the minimum number of cases for a unit to be ranked. A signed evaluation keeps the weights it was signed with.',
  },
  minimum: { vi: 'Số vụ việc tối thiểu để xếp hạng', en: 'Minimum cases to be ranked' },
  save: { vi: 'Lưu', en: 'Save' },
  saved: { vi: 'Đã lưu cách tính điểm.', en: 'The scoring was saved.' },
} as const satisfies Record<string, Text>;

type Draft = Record<(typeof SCORING_CRITERIA)[number] | 'minimumCases', string>;

const draftOf = (s: EvaluationScoring): Draft => ({
  ...(Object.fromEntries(SCORING_CRITERIA.map((c) => [c, String(s.weights[c])])) as Record<(typeof SCORING_CRITERIA)[number], string>),
  minimumCases: String(s.minimumCases),
});

/** A whole number as typed, or the text itself (the schema then says what is wrong with it). */
const whole = (v: string) => (/^\s*\d+\s*$/.test(v) ? Number(v) : v);

/**
 * `<pakn-evaluation-scoring>`: the administrator's scoring of the unit evaluation (issue 12): a weight per
 * criterion and the minimum of cases under which a unit is not ranked ("chưa đủ số liệu").
 *
 * Attributes: `lang`. Events out: `pakn-session-expired`.
 */
export class PaknEvaluationScoring extends PaknElement {
  static override properties = { draft: { state: true } };

  declare protected draft: Draft | null;

  readonly #editor = new EditorController<object>(this, { lang: () => this.language.value });
  readonly #stored = loadTask(this, {
    args: () => [] as const,
    run: async (_, signal) => {
      const scoring = await paknClient().unit.evaluationScoring.query(undefined, { signal });
      this.draft = draftOf(scoring);
      return scoring;
    },
    lang: () => this.language.value,
  });

  constructor() {
    super();
    this.draft = null;
  }

  async #save(event: SubmitEvent, draft: Draft): Promise<void> {
    event.preventDefault();
    const lang = this.language.value;
    const input = {
      weights: Object.fromEntries(SCORING_CRITERIA.map((c) => [c, whole(draft[c])])),
      minimumCases: whole(draft.minimumCases),
    };
    await this.#editor.submit({
      schema: EvaluationScoringSchema,
      input,
      fieldIds: (errors) => Object.fromEntries(Object.keys(errors).map((k) => [k, `scoring-${k.replace('weights.', '')}`])),
      send: (scoring) => paknClient().unit.setEvaluationScoring.mutate(scoring),
      done: (saved) => {
        this.draft = draftOf(saved);
        this.#editor.notice = STRINGS.saved[lang];
      },
    });
  }

  protected override render() {
    const lang = this.language.value;
    const errors = this.#editor.errors;
    return html`<section class="page" lang=${lang} aria-labelledby="scoring-heading">
      <h1 id="scoring-heading">${STRINGS.heading[lang]}</h1>
      <p class="muted">${STRINGS.intro[lang]}</p>
      ${renderLoad(this.#stored, lang, {
        complete: () => {
          const draft = this.draft;
          if (!draft) return html``;
          const input = (key: keyof Draft, label: string) =>
            textField({
              id: `scoring-${key}`,
              label,
              value: draft[key],
              error: errors[key === 'minimumCases' ? key : `weights.${key}`] ?? errors.weights,
              // The draft as it is now: two fields typed before the next render both count.
              onInput: (value: string) => (this.draft = { ...(this.draft ?? draft), [key]: value }),
            });
          return html`<form class="editor" novalidate @submit=${(e: SubmitEvent) => void this.#save(e, this.draft ?? draft)}>
            ${SCORING_CRITERIA.map((c) => input(c, SCORING_CRITERION_LABELS[c][lang]))} ${input('minimumCases', STRINGS.minimum[lang])}
            ${formErrorAlert(this.#editor.formError)}
            <div class="actions"><button type="submit" ?disabled=${this.#editor.busy}>${STRINGS.save[lang]}</button></div>
            ${statusLine(this.#editor.notice)}
          </form>`;
        },
      })}
    </section>`;
  }

  static override styles = [tokens, base, pageStyles, editorStyles];
}

defineElement('pakn-evaluation-scoring', PaknEvaluationScoring);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-evaluation-scoring': PaknEvaluationScoring;
  }
}
