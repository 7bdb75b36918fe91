/**
 * How the wall's map moves: `auto` animates pulses, ripples, the alarm blink and camera flights when
 * the renderer can afford it (see renderBudget.ts); `still` never animates (a command centre that
 * finds blinking distracting, or a system asking for reduced motion); `full` always animates (a
 * demonstration machine whose GPU the measurement misjudges).
 */
export type MotionPreference = 'auto' | 'still' | 'full';

const MOTION_PREFERENCES: readonly MotionPreference[] = ['auto', 'still', 'full'];

/** `?motion=` as given, or null when absent or malformed (the wall then follows the system). */
export const motionPreferenceOf = (value: string | null | undefined): MotionPreference | null => {
  const cleaned = (value ?? '').trim().toLowerCase();
  return (MOTION_PREFERENCES as readonly string[]).includes(cleaned) ? (cleaned as MotionPreference) : null;
};

/** What the wall does: the URL's word if it gave one, else still where the system asks for reduced motion. */
export const effectiveMotion = (asked: MotionPreference | null, systemPrefersReducedMotion: boolean): MotionPreference =>
  asked ?? (systemPrefersReducedMotion ? 'still' : 'auto');

/** Whether things move now, given the preference and whether the renderer can afford it. */
export const shouldAnimate = (motion: MotionPreference, rendererCanAnimate: boolean): boolean =>
  motion === 'full' || (motion === 'auto' && rendererCanAnimate);
