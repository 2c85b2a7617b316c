import { CHANNEL_LABELS, countsBy, type Channel, type DayCount, type Lang } from '@pakn/domain';
import type { ChartPlot, ChartTable } from './pakn-dashboard-chart.ts';
import { STRINGS, WEEKDAYS } from './strings.ts';
import type { Grain } from './dashboard-state.ts';

export const channelLabel = (channel: string, lang: Lang) =>
  (CHANNEL_LABELS as Record<string, { vi: string; en: string } | undefined>)[channel]?.[lang] ?? channel;

/** Cases per bucket (day, week's Monday, month) and channel: one line per channel, and its table. */
export function timeChart(days: readonly DayCount[], grain: Grain, lang: Lang): { plot: ChartPlot; table: ChartTable } {
  const counts = countsBy(days, grain);
  const buckets = [...new Set(counts.map((c) => c.day))].sort();
  const channels = [...new Set(counts.map((c) => c.channel))].sort();
  const at = new Map(counts.map((c) => [`${c.day}|${c.channel}`, c.cases]));
  const values = (channel: string) => buckets.map((b) => at.get(`${b}|${channel}`) ?? 0);
  const time = (bucket: string) => Date.parse(grain === 'month' ? `${bucket}-01T00:00:00Z` : `${bucket}T00:00:00Z`) / 1000;
  return {
    plot: { x: buckets.map(time), series: channels.map((c) => ({ label: channelLabel(c, lang), values: values(c) })), time: true, bars: false },
    table: {
      columns: [STRINGS.period[lang], ...channels.map((c) => channelLabel(c, lang))],
      rows: buckets.map((b) => [b, ...channels.map((c) => at.get(`${b}|${c}`) ?? 0)]),
    },
  };
}

/** `weekday:hour:channel` counts summed one way: by hour (24) or by weekday (7), all channels and the hotline. */
export function clockChart(weekdayHours: Readonly<Record<string, number>>, by: 'hour' | 'weekday', lang: Lang): { plot: ChartPlot; table: ChartTable } {
  const size = by === 'hour' ? 24 : 7;
  const all = Array.from({ length: size }, () => 0);
  const hotline = Array.from({ length: size }, () => 0);
  for (const [key, n] of Object.entries(weekdayHours)) {
    const [weekday = '0', hour = '0', channel] = key.split(':');
    const i = Number(by === 'hour' ? hour : weekday);
    if (!(i >= 0 && i < size)) continue;
    all[i] = (all[i] ?? 0) + n;
    if (channel === ('hotline' satisfies Channel)) hotline[i] = (hotline[i] ?? 0) + n;
  }
  const ticks = by === 'hour' ? all.map((_, i) => `${i}h`) : WEEKDAYS.map((w) => w[lang]);
  const hotlineLabel = channelLabel('hotline', lang);
  return {
    plot: {
      x: all.map((_, i) => i),
      series: [
        { label: STRINGS.allChannels[lang], values: all },
        { label: hotlineLabel, values: hotline },
      ],
      time: false,
      bars: true,
      ticks,
    },
    table: {
      columns: [by === 'hour' ? STRINGS.hour[lang] : STRINGS.weekday[lang], STRINGS.allChannels[lang], hotlineLabel],
      rows: all.map((n, i) => [ticks[i] ?? String(i), n, hotline[i] ?? 0]),
    },
  };
}

/** A count map's entries, largest first. */
export function ranked(counts: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
