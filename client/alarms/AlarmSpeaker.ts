import type { WallLocale } from '../i18n/wallLocales';
import { pickVoice } from './alarmVoice';

const SPEECH_RATE = 0.95;

/** Whether the browser lets this page make sound without a tap (Chromium's --autoplay-policy flag). */
const soundAllowedWithoutTap = (): boolean => {
  const Context = window.AudioContext as typeof AudioContext | undefined;
  if (!Context) return false;
  try {
    // A context created without a user gesture starts suspended unless autoplay is allowed.
    const context = new Context();
    const running = context.state === 'running';
    void context.close();
    return running;
  } catch {
    return false;
  }
};

/**
 * The wall's voice: browser speech synthesis with a voice of the machine in the wall's language.
 * Browsers speak only after the page has had a tap (or in a kiosk started with
 * --autoplay-policy=no-user-gesture-required), so `unlock` must run inside a click. Silent — and
 * `available` false — where there is no speech synthesis or no fitting voice.
 */
export class AlarmSpeaker {
  readonly #synth: SpeechSynthesis | null;
  #voice: SpeechSynthesisVoice | null = null;
  #unlocked: boolean;

  constructor(
    private readonly locale: WallLocale,
    private readonly changed: () => void,
  ) {
    this.#synth = 'speechSynthesis' in window ? window.speechSynthesis : null;
    this.#unlocked = soundAllowedWithoutTap();
    this.#synth?.addEventListener('voiceschanged', this.#pickVoice);
    this.#pickVoice();
  }

  /** A voice in the wall's language is installed. */
  get available(): boolean {
    return this.#voice !== null;
  }

  /** The page may speak: it had its tap, or the kiosk allows sound without one. */
  get unlocked(): boolean {
    return this.#unlocked;
  }

  /** Call from a tap: speaking within the gesture is what lets the page speak later by itself. */
  unlock(confirmation: string): void {
    this.#unlocked = true;
    this.say(confirmation);
    this.changed();
  }

  /** Speaks `text` unless silent; a line still being spoken is not cut off, the new one is dropped. */
  say(text: string): boolean {
    const synth = this.#synth;
    const voice = this.#voice;
    if (!synth || !voice || !this.#unlocked || synth.speaking) return false;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = SPEECH_RATE;
    synth.speak(utterance);
    return true;
  }

  close(): void {
    this.#synth?.removeEventListener('voiceschanged', this.#pickVoice);
    this.#synth?.cancel();
  }

  readonly #pickVoice = (): void => {
    const voice = this.#synth ? pickVoice(this.#synth.getVoices(), this.locale) : null;
    if (voice === this.#voice) return;
    this.#voice = voice;
    this.changed();
  };
}
