import { vietnamDateOf, type Lang } from '@pakn/domain';

/** What `intake.dailyStats` counts for a day (Hanoi time). */
export interface DailyIntakeStats {
  readonly calls: number;
  readonly distinctCallers: number;
  readonly zalo: number;
  readonly viber: number;
  readonly walkIn: number;
  readonly email: number;
  readonly webWidget: number;
  readonly followUps: number;
}

/** Today's date in Hanoi (YYYY-MM-DD), the day the Centre's figures are counted on. */
export function hanoiToday(now: Date = new Date()): string {
  return vietnamDateOf(now);
}

/**
 * A day's intake in one line, as the Centre reports it: "121 cuộc gọi từ 73 số máy · 95 Zalo · 4 Viber ·
 * 2 trực tiếp · 1 thư điện tử · 6 qua cổng trực tuyến · 9 lần liên hệ lại".
 */
export function intakeSummaryParts(stats: DailyIntakeStats, lang: Lang): string[] {
  if (lang === 'vi') {
    return [
      `${stats.calls} cuộc gọi từ ${stats.distinctCallers} số máy`,
      `${stats.zalo} Zalo`,
      `${stats.viber} Viber`,
      `${stats.walkIn} trực tiếp`,
      `${stats.email} thư điện tử`,
      `${stats.webWidget} qua cổng trực tuyến`,
      `${stats.followUps} lần liên hệ lại`,
    ];
  }
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    `${plural(stats.calls, 'call', 'calls')} from ${plural(stats.distinctCallers, 'number', 'numbers')}`,
    `${stats.zalo} Zalo`,
    `${stats.viber} Viber`,
    `${stats.walkIn} walk-in`,
    plural(stats.email, 'email', 'emails'),
    `${stats.webWidget} online`,
    plural(stats.followUps, 'repeat contact', 'repeat contacts'),
  ];
}
