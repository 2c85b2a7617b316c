import { html, nothing } from 'lit';
import type { DayKind, Lang } from '@pakn/domain';
import { fill, formatDate } from '#shared/i18n.ts';
import { hanoiToday } from '#shared/intake-stats.ts';
import { renderTable } from '#shared/table.ts';
import { type CalendarYear, type SpecialDay } from './calendar-year.ts';
import { isoWeekday, monthWeeks } from './month-grid.ts';
import { HOLIDAY_NAMES_EN, KIND_IN_SENTENCE, KIND_LABELS, LEGEND_KINDS, STRINGS, WEEKDAYS, monthName } from './strings.ts';

/** The year as the calendar page shows it: where its schedule comes from, the twelve months, the special days. */

export function renderSource(year: CalendarYear, lang: Lang) {
  const schedule = year.schedule;
  if (!schedule) return html`<p class="intro" data-testid="calendar-source">${STRINGS.noSchedule[lang]}</p>`;
  if (!schedule.source) return nothing;
  return html`<p class="intro" data-testid="calendar-source"><strong>${STRINGS.sourceLabel[lang]}:</strong> <span lang="vi">${schedule.source}</span></p>`;
}

function kindOf(date: string, special: SpecialDay | undefined): DayKind {
  if (special) return special.kind;
  return isoWeekday(date) >= 6 ? 'weekly_day_off' : 'working';
}

function holidayName(day: SpecialDay, lang: Lang): string {
  if (lang === 'vi' || !day.holiday) return day.name ?? '';
  const holiday = HOLIDAY_NAMES_EN[day.holiday] ?? day.name ?? '';
  return day.kind === 'compensatory_day_off' ? `Day off in lieu of ${holiday}` : holiday;
}

/** What a screen reader hears for a day: "Thứ Bảy 26/04/2025: làm bù". */
function dayLabel(date: string, kind: DayKind, special: SpecialDay | undefined, today: boolean, lang: Lang): string {
  const weekday = WEEKDAYS[isoWeekday(date) - 1]?.long[lang] ?? '';
  let label = `${weekday} ${formatDate(date)}`;
  if (kind !== 'working') label += `: ${KIND_IN_SENTENCE[kind][lang]}`;
  if (special && kind === 'public_holiday') label += ` (${holidayName(special, lang)})`;
  if (today) label += ` (${STRINGS.today[lang]})`;
  return label;
}

export function renderMonths(year: CalendarYear, isPreview: boolean, lang: Lang) {
  const byDate = new Map(year.days.map((d) => [d.date, d]));
  const today = hanoiToday();
  const heading = fill((isPreview ? STRINGS.monthViewPreview : STRINGS.monthView)[lang], { year: year.year });
  return html`
    <section class="months-section" aria-labelledby="months-heading" data-preview=${isPreview ? 'true' : 'false'} data-testid="calendar-months">
      <h2 id="months-heading">${heading}</h2>
      <ul class="legend" aria-label=${STRINGS.legend[lang]}>
        ${LEGEND_KINDS.map((kind) => html`<li><span class="swatch day" data-kind=${kind} aria-hidden="true"></span>${KIND_LABELS[kind][lang]}</li>`)}
      </ul>
      <div class="months">
        ${Array.from({ length: 12 }, (_, i) => i + 1).map((month) => {
          const weeks = monthWeeks(year.year, month);
          return html`<table class="month" data-month=${`${year.year}-${String(month).padStart(2, '0')}`}>
            <caption>
              ${monthName(month, year.year, lang)}
            </caption>
            <thead>
              <tr>
                ${WEEKDAYS.map((w, i) => html`<th scope="col" class=${i >= 5 ? 'weekend' : ''}><abbr title=${w.long[lang]}>${w.short[lang]}</abbr></th>`)}
              </tr>
            </thead>
            <tbody>
              ${weeks.map(
                (week) =>
                  html`<tr>
                    ${week.map((date) => {
                      if (!date) return html`<td class="pad"></td>`;
                      const special = byDate.get(date);
                      const kind = kindOf(date, special);
                      const isToday = date === today;
                      return html`<td class="day" data-date=${date} data-kind=${kind} data-today=${isToday ? 'true' : nothing}>
                        <span class="day-number" aria-hidden="true" title=${special?.name ? holidayName(special, lang) || special.name : nothing}
                          >${Number(date.slice(8))}</span
                        ><span class="visually-hidden">${dayLabel(date, kind, special, isToday, lang)}</span>
                      </td>`;
                    })}
                  </tr>`,
              )}
            </tbody>
          </table>`;
        })}
      </div>
    </section>
  `;
}

export function renderList(year: CalendarYear, lang: Lang) {
  const heading = fill(STRINGS.specialDays[lang], { year: year.year });
  return html`
    <section class="list-section" aria-labelledby="special-days-heading">
      <h2 id="special-days-heading">${heading}</h2>
      ${
        year.days.length === 0
          ? html`<p class="empty">${STRINGS.noSpecialDays[lang]}</p>`
          : renderTable({
              caption: STRINGS.specialDaysCaption[lang],
              columns: [STRINGS.date[lang], STRINGS.kind[lang], STRINGS.name[lang]],
              className: 'special-days',
              testId: 'calendar-special-days',
              rows: year.days.map((day) => {
                const weekday = WEEKDAYS[isoWeekday(day.date) - 1]?.long[lang] ?? '';
                const translated = lang === 'en' && day.holiday !== null;
                return html`<tr data-date=${day.date} data-kind=${day.kind}>
                  <th scope="row" class="nowrap"><time datetime=${day.date}>${weekday} ${formatDate(day.date)}</time></th>
                  <td><span class="swatch day" data-kind=${day.kind} aria-hidden="true"></span>${KIND_LABELS[day.kind][lang]}</td>
                  <td lang=${translated || lang === 'vi' ? lang : 'vi'}>${holidayName(day, lang)}</td>
                </tr>`;
              }),
            })
      }
    </section>
  `;
}
