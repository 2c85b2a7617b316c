import { css, html } from 'lit';
import { ReportSettingsInputSchema, type Text } from '@pakn/domain';
import { paknClient } from '#shared/client.ts';
import { EditorController } from '#shared/controllers/editor.ts';
import { loadTask, renderLoad } from '#shared/controllers/load.ts';
import { fill } from '#shared/i18n.ts';
import { formErrorAlert, statusLine, textField } from '#shared/form-fields.ts';
import { PaknElement, defineElement } from '#shared/pakn-element.ts';
import { adminStyles } from './admin-ui.ts';

const STRINGS = {
  heading: { vi: 'Kỳ báo cáo', en: 'Reporting periods' },
  about: {
    vi: 'Ngày chốt số liệu của báo cáo định kỳ. Theo Nghị định 09/2019/NĐ-CP (Điều 12) là ngày {default}: kỳ báo cáo tính từ ngày {default} tháng trước đến ngày {last} tháng cuối kỳ. Chọn 1 để báo cáo theo tháng dương lịch.',
    en: 'The cut-off day of the period reports. Decree 09/2019/NĐ-CP (art. 12) sets {default}: a period runs from the {default}th of the month before to the {last}th of its last month. Choose 1 for calendar months.',
  },
  label: { vi: 'Ngày bắt đầu kỳ báo cáo (1–28)', en: 'First day of a reporting period (1–28)' },
  save: { vi: 'Lưu', en: 'Save' },
  saving: { vi: 'Đang lưu…', en: 'Saving…' },
  saved: { vi: 'Đã lưu: kỳ báo cáo bắt đầu từ ngày {day}.', en: 'Saved: reporting periods start on day {day}.' },
} as const satisfies Record<string, Text>;

interface Draft {
  readonly cutOffDay: string;
}

/**
 * `<pakn-report-settings>`: the reporting cut-off day (admin only), on the administration's landing page. Every
 * report drawn after a change uses the new periods; the change is audited by the server.
 *
 * Attributes: `lang`. Events out: `pakn-session-expired`.
 */
export class PaknReportSettings extends PaknElement {
  readonly #editor = new EditorController<Draft>(this, { lang: () => this.language.value, fields: new Set(['cutOffDay']) });
  readonly #settings = loadTask(this, {
    args: () => [] as const,
    run: async (_args, signal) => {
      const settings = await paknClient().admin.reportSettings.query(undefined, { signal });
      this.#editor.reset({ cutOffDay: String(settings.cutOffDay) });
      return settings;
    },
    lang: () => this.language.value,
  });

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const text = this.#editor.draft?.cutOffDay.trim() ?? '';
    await this.#editor.submit({
      schema: ReportSettingsInputSchema,
      input: { cutOffDay: text === '' ? Number.NaN : Number(text) },
      send: (data) => paknClient().admin.saveReportSettings.mutate(data),
      done: (saved) => {
        this.#editor.reset({ cutOffDay: String(saved.cutOffDay) });
        this.#editor.notice = fill(STRINGS.saved[this.language.value], { day: String(saved.cutOffDay) });
      },
    });
  }

  protected override render() {
    const lang = this.language.value;
    return html`<section class="root" lang=${lang} aria-labelledby="report-settings-heading" data-testid="report-settings">
      <h2 id="report-settings-heading">${STRINGS.heading[lang]}</h2>
      ${renderLoad(this.#settings, lang, {
        complete: (settings) =>
          html`<p class="muted">${fill(STRINGS.about[lang], { default: String(settings.defaultCutOffDay), last: String(settings.defaultCutOffDay - 1) })}</p>
            <form novalidate @submit=${(e: SubmitEvent) => void this.#save(e)}>
              ${formErrorAlert(this.#editor.formError)}
              ${textField({
                id: 'cut-off-day',
                label: STRINGS.label[lang],
                value: this.#editor.draft?.cutOffDay ?? '',
                error: this.#editor.errors.cutOffDay,
                errorTestId: 'cut-off-day-error',
                onInput: (value) => this.#editor.set('cutOffDay', value),
              })}
              <button type="submit" ?disabled=${this.#editor.busy}>${this.#editor.busy ? STRINGS.saving[lang] : STRINGS.save[lang]}</button>
            </form>
            ${statusLine(this.#editor.notice)}`,
      })}
    </section>`;
  }

  static override styles = [
    adminStyles,
    css`
      .root {
        margin-top: calc(var(--_space) * 2);
        max-width: 40rem;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: 0 1rem;
      }
      form .field {
        flex: 0 1 18rem;
      }
      form button {
        margin-bottom: 1rem;
      }
    `,
  ];
}

defineElement('pakn-report-settings', PaknReportSettings);

declare global {
  interface HTMLElementTagNameMap {
    'pakn-report-settings': PaknReportSettings;
  }
}
