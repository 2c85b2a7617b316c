import type { Text } from './i18n.ts';

/** How a case reached the Centre. */
export const Channel = {
  web_widget: 'web_widget',
  hotline: 'hotline',
  zalo: 'zalo',
  viber: 'viber',
  walk_in: 'walk_in',
  email: 'email',
} as const;
export type Channel = (typeof Channel)[keyof typeof Channel];
export const CHANNELS = Object.values(Channel) as readonly Channel[];

export const CHANNEL_LABELS: Readonly<Record<Channel, Text>> = {
  web_widget: { vi: 'Cổng trực tuyến', en: 'Web widget' },
  hotline: { vi: 'Đường dây nóng', en: 'Hotline' },
  zalo: { vi: 'Zalo', en: 'Zalo' },
  viber: { vi: 'Viber', en: 'Viber' },
  walk_in: { vi: 'Trực tiếp', en: 'Walk-in' },
  email: { vi: 'Thư điện tử', en: 'Email' },
};
