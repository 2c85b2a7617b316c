import type { Lang } from '@pakn/domain';
import { vi, type WidgetText } from './vi.ts';

export type { WidgetText };

const loaded: Partial<Record<Lang, WidgetText>> = { vi };

/** The text for a language if it is already here (Vietnamese always is). */
export function textFor(lang: Lang): WidgetText | undefined {
  return loaded[lang];
}

/** Fetches a further language's chunk once; Vietnamese is in the main chunk. */
export async function loadText(lang: Lang): Promise<WidgetText> {
  return (loaded[lang] ??= lang === 'en' ? (await import('./en.ts')).en : vi);
}
