import type { WallLocale } from '../i18n/wallLocales';

/** The part of a SpeechSynthesisVoice the choice looks at. */
export interface VoiceInfo {
  lang: string;
  name: string;
  localService: boolean;
}

/** Preference by language tag, best first: Mainland Mandarin, then Taiwan Mandarin; Cantonese (zh-HK) last. */
const ZH_ORDER = [/^zh[-_]cn$/i, /^cmn/i, /^zh[-_](hans|sg)/i, /^zh$/i, /^zh[-_]tw$/i, /^zh/i];
const EN_ORDER = [/^en[-_](gb|us)$/i, /^en/i];

/**
 * The voice a wall speaks with in its language, or null (the wall stays silent). Voices of the
 * machine itself come before network voices: the command centre is offline, and a network voice
 * would reach out to another host besides.
 */
export const pickVoice = <V extends VoiceInfo>(voices: readonly V[], locale: WallLocale): V | null => {
  const order = locale === 'en' ? EN_ORDER : ZH_ORDER;
  const local = voices.filter((voice) => voice.localService);
  for (const pattern of order) {
    const found = local.find((voice) => pattern.test(voice.lang.trim()));
    if (found) return found;
  }
  return null;
};

/** A place as it is read aloud: the board's "community · compound" without the separator. */
export const spokenPlace = (place: string): string => place.replaceAll(' · ', ' ');
