import type { LocalizedText, TourStop } from '../../shared/contract/demo';
import type { WallLocale } from '../i18n/wallLocales';

export interface Caption {
  title: string;
  text: string;
}

/** English for a `?lang=en` wall when the tour file has it; Chinese otherwise (always present). */
export const textOf = (text: LocalizedText, locale: WallLocale): string => (locale === 'en' && text.en ? text.en : text.zh);

/** The caption a stop shows in the wall's language. */
export const captionOf = (stop: TourStop, locale: WallLocale): Caption => ({
  title: textOf(stop.caption.title, locale),
  text: textOf(stop.caption.text, locale),
});
