/**
 * The public statistics page (issue 12), rendered on the server as one HTML document: no script, no login, a GET
 * form and links to choose the period and the group, a table with a header per column and per row, and a note on
 * how the figures are computed. Every string from the database (unit names) is escaped.
 */
import {
  PUBLIC_MIN_CASES,
  PUBLIC_MIN_RATINGS,
  PUBLIC_PERIOD_KEYS,
  PUBLIC_UNIT_GROUPS,
  publicPeriod,
  type Lang,
  type PublicFigures,
  type PublicPeriodKey,
  type PublicUnitGroup,
} from '@pakn/domain';
import type { PublicSnapshot } from '@pakn/api';

export const PAGE_PATHS: Readonly<Record<Lang, string>> = { vi: '/thong-ke', en: '/en/statistics' };
export const STYLESHEET_PATH = '/thong-ke/statistics.css';

const TEXT = {
  vi: {
    title: 'Thống kê giải quyết phản ánh, kiến nghị',
    intro: 'Số liệu tổng hợp về việc các đơn vị trả lời phản ánh, kiến nghị của người dân. Không có thông tin cá nhân hay nội dung phản ánh.',
    period: 'Kỳ thống kê',
    periodLinks: 'Các kỳ thống kê',
    group: 'Nhóm đơn vị',
    allGroups: 'Tất cả đơn vị',
    show: 'Xem',
    days: (from: string, to: string) => `từ ${from} đến ${to}`,
    asOf: 'Số liệu tính lúc',
    city: 'Toàn thành phố',
    unit: 'Đơn vị',
    received: 'Tiếp nhận',
    answered: 'Đã trả lời',
    onTime: 'Trả lời đúng hạn',
    rate: 'Tỷ lệ đúng hạn',
    avgDays: 'Số ngày làm việc trung bình',
    satisfaction: 'Mức độ hài lòng (1–5)',
    ratings: 'Số lượt đánh giá',
    few: 'số liệu ít, chưa đủ để đánh giá',
    none: 'Chưa có đơn vị nào trong nhóm này.',
    dash: '—',
    other: 'English',
    how: 'Cách tính số liệu',
    notes: [
      'Tiếp nhận: số phản ánh, kiến nghị được Trung tâm chuyển đến đơn vị trong kỳ (một vụ việc chuyển hai lần chỉ tính một).',
      'Đã trả lời: số câu trả lời của đơn vị được Trung tâm xác nhận trong kỳ. Đúng hạn: trả lời trước hạn tính theo ngày làm việc của đơn vị, không tính thời gian chờ người dân bổ sung thông tin, có tính thời gian gia hạn đã được duyệt.',
      'Số ngày làm việc trung bình: từ khi chuyển đến khi đơn vị trả lời.',
      `Mức độ hài lòng: trung bình điểm người dân chấm (1–5); chỉ công bố khi có từ ${PUBLIC_MIN_RATINGS} lượt đánh giá trở lên.`,
      `Đơn vị trả lời dưới ${PUBLIC_MIN_CASES} vụ việc trong kỳ được ghi "số liệu ít, chưa đủ để đánh giá". Bảng xếp theo tên đơn vị, không xếp hạng.`,
      'Số liệu được tổng hợp lại vài phút một lần.',
    ],
    groups: { local: 'Phường, xã', branch: 'Chi nhánh', department: 'Sở, ngành' } satisfies Record<PublicUnitGroup, string>,
  },
  en: {
    title: 'Statistics on complaints and recommendations',
    intro: 'Aggregate figures on how units answer citizens’ complaints and recommendations. No personal data and no case text.',
    period: 'Period',
    periodLinks: 'Periods',
    group: 'Units',
    allGroups: 'All units',
    show: 'Show',
    days: (from: string, to: string) => `from ${from} to ${to}`,
    asOf: 'Figures computed at',
    city: 'Whole city',
    unit: 'Unit',
    received: 'Received',
    answered: 'Answered',
    onTime: 'Answered on time',
    rate: 'On-time rate',
    avgDays: 'Average working days to answer',
    satisfaction: 'Satisfaction (1–5)',
    ratings: 'Ratings',
    few: 'too few cases to judge',
    none: 'No unit in this group yet.',
    dash: '—',
    other: 'Tiếng Việt',
    how: 'How the figures are computed',
    notes: [
      'Received: cases the Centre forwarded to the unit in the period (a case forwarded twice counts once).',
      'Answered: the unit’s answers the Centre verified in the period. On time: sent before the deadline on the unit’s working days, not counting time waiting for the citizen, counting approved extensions.',
      'Average working days: from forwarding to the unit’s answer.',
      `Satisfaction: the mean of citizens’ ratings (1–5), published only from ${PUBLIC_MIN_RATINGS} ratings.`,
      `A unit that answered fewer than ${PUBLIC_MIN_CASES} cases in the period is marked “too few cases to judge”. Units are listed by name, never ranked.`,
      'The figures are recomputed every few minutes.',
    ],
    groups: { local: 'Wards and communes', branch: 'Branches', department: 'Departments' } satisfies Record<PublicUnitGroup, string>,
  },
} as const;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);

/** A date `YYYY-MM-DD` as people read it: 08/12/2026. */
const shortDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

function decimal(n: number, lang: Lang): string {
  return lang === 'vi' ? String(n).replace('.', ',') : String(n);
}

/** One row's cells after its header cell. */
function cells(f: PublicFigures, lang: Lang): string {
  const t = TEXT[lang];
  const value = (n: number | null, suffix = '') =>
    n === null ? `<span aria-label="${lang === 'vi' ? 'không có' : 'none'}">${t.dash}</span>` : `${decimal(n, lang)}${suffix}`;
  return [f.received, f.answered, f.answeredOnTime, value(f.onTimeRate, '%'), value(f.averageWorkingDays), value(f.satisfaction), f.ratings]
    .map((v) => `<td>${v}</td>`)
    .join('');
}

export interface PageQuery {
  readonly period: PublicPeriodKey;
  readonly group: PublicUnitGroup | null;
}

function href(lang: Lang, query: PageQuery): string {
  const params = new URLSearchParams({ period: query.period });
  if (query.group) params.set('group', query.group);
  return `${PAGE_PATHS[lang]}?${params.toString()}`;
}

function controls(lang: Lang, query: PageQuery, today: string): string {
  const t = TEXT[lang];
  const option = (value: string, label: string, selected: boolean) => `<option value="${value}"${selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  const periods = PUBLIC_PERIOD_KEYS.map((key) => option(key, publicPeriod(key, today).name[lang], key === query.period)).join('');
  const groups = [option('', t.allGroups, query.group === null), ...PUBLIC_UNIT_GROUPS.map((g) => option(g, t.groups[g], g === query.group))].join('');
  const links = PUBLIC_PERIOD_KEYS.map((key) => {
    const current = key === query.period ? ' aria-current="page"' : '';
    return `<li><a href="${escapeHtml(href(lang, { ...query, period: key }))}"${current}>${escapeHtml(publicPeriod(key, today).name[lang])}</a></li>`;
  }).join('');
  return `<form method="get" action="${PAGE_PATHS[lang]}" class="filters">
<label for="period">${t.period}</label><select id="period" name="period">${periods}</select>
<label for="group">${t.group}</label><select id="group" name="group">${groups}</select>
<button type="submit">${t.show}</button></form>
<nav aria-label="${t.periodLinks}"><ul class="periods">${links}</ul></nav>`;
}

function table(snapshot: PublicSnapshot, lang: Lang, query: PageQuery): string {
  const t = TEXT[lang];
  const units = snapshot.statistics.units.filter((u) => query.group === null || u.group === query.group);
  const head = [t.unit, t.received, t.answered, t.onTime, t.rate, t.avgDays, t.satisfaction, t.ratings].map((h) => `<th scope="col">${h}</th>`).join('');
  const rows = units.map((u) => {
    const few = u.fewCases ? ` <span class="few">(${t.few})</span>` : '';
    return `<tr${u.fewCases ? ' class="few-row"' : ''}><th scope="row">${escapeHtml(u.name)}${few}</th>${cells(u, lang)}</tr>`;
  });
  const caption = `${query.group ? t.groups[query.group] : t.allGroups}: ${escapeHtml(snapshot.period.name[lang])}`;
  const body = rows.length ? rows.join('\n') : `<tr><td colspan="8">${t.none}</td></tr>`;
  const city = `<tr class="city"><th scope="row">${t.city}</th>${cells(snapshot.statistics.city, lang)}</tr>`;
  return `<div class="scroll" role="region" aria-labelledby="caption" tabindex="0"><table><caption id="caption">${caption}</caption>
<thead><tr>${head}</tr></thead><tbody>${body}</tbody><tfoot>${city}</tfoot></table></div>`;
}

/** The whole page in one language for a period and an optional group. */
export function renderStatisticsPage(snapshot: PublicSnapshot, lang: Lang, query: PageQuery, today: string): string {
  const t = TEXT[lang];
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const { from, to } = snapshot.period;
  const asOf = new Date(snapshot.computedAt).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'short',
  });
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
<link rel="icon" href="/portal/favicon.svg" type="image/svg+xml">
<link rel="alternate" hreflang="${other}" href="${escapeHtml(href(other, query))}">
</head>
<body>
<header><a href="${escapeHtml(href(other, query))}" hreflang="${other}" lang="${other}">${t.other}</a></header>
<main>
<h1>${t.title}</h1>
<p>${t.intro}</p>
${controls(lang, query, today)}
<p class="period"><strong>${escapeHtml(snapshot.period.name[lang])}</strong>: ${t.days(shortDate(from), shortDate(to))}. ${t.asOf} ${escapeHtml(asOf)}.</p>
${table(snapshot, lang, query)}
<section aria-labelledby="how"><h2 id="how">${t.how}</h2><ul>${t.notes.map((n) => `<li>${n}</li>`).join('')}</ul></section>
</main>
</body>
</html>
`;
}

/** The page's only style sheet, served from our origin (the CSP has no 'unsafe-inline'). */
export const STATISTICS_CSS = `body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1b1b1b;background:#fff}
header{padding:.5em 1em;text-align:right;border-bottom:1px solid #ccc}
main{max-width:72em;margin:0 auto;padding:1em}
h1{font-size:1.6em;margin:.3em 0}
a{color:#0b4f9c}
.filters{display:flex;flex-wrap:wrap;gap:.5em 1em;align-items:center;margin:1em 0}
select,button{font:inherit;padding:.3em .5em}
button{background:#b3261e;color:#fff;border:0;border-radius:.3em;padding:.4em 1em;cursor:pointer}
.periods{display:flex;flex-wrap:wrap;gap:.3em 1em;list-style:none;padding:0;margin:.5em 0}
.periods a[aria-current]{font-weight:700;color:#1b1b1b}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%}
caption{text-align:left;font-weight:600;padding:.5em 0}
th,td{border:1px solid #bbb;padding:.35em .5em}
td{text-align:right;font-variant-numeric:tabular-nums}
thead th{background:#f1f1f1;vertical-align:bottom}
tbody th,tfoot th{text-align:left;font-weight:400}
tfoot{font-weight:700}
tfoot th{font-weight:700}
.few{color:#5c5c5c;font-size:.9em}
:focus-visible{outline:3px solid #0b4f9c;outline-offset:2px}
@media print{header,.filters,nav{display:none}}
`;
