/** The two UI languages. Vietnamese is the default everywhere. */
export const Lang = { vi: 'vi', en: 'en' } as const;
export type Lang = (typeof Lang)[keyof typeof Lang];
export const LANGS: readonly Lang[] = ['vi', 'en'];

/** A text in every UI language. */
export type Text = Readonly<Record<Lang, string>>;

export function pickLang(value: string | null | undefined): Lang {
  const primary = (value ?? '')
    .trim()
    .toLowerCase()
    .split(/[-_,;]/)[0];
  return primary === 'en' ? 'en' : 'vi';
}
