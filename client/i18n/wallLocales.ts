/** The languages the wall speaks: Chinese for the command centre, English for visiting delegations. */
export const WALL_LOCALES = ['zh-CN', 'en'] as const;
export type WallLocale = (typeof WALL_LOCALES)[number];
export const DEFAULT_LOCALE: WallLocale = 'zh-CN';

/** `?lang=en` (or en-US, EN …) picks English; anything else, or nothing, stays Chinese. */
export const localeOf = (lang: string | null | undefined): WallLocale => {
  const wanted = (lang ?? '').trim().toLowerCase();
  return wanted === 'en' || wanted.startsWith('en-') ? 'en' : DEFAULT_LOCALE;
};
