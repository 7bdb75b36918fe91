import { describe, expect, it } from 'vitest';
import { effectiveMotion, motionPreferenceOf, shouldAnimate } from '../../../../client/map/engine/motionPreference';

describe('the wall’s motion preference', () => {
  it('reads ?motion= case-blind and ignores words it does not know', () => {
    expect(motionPreferenceOf(' Full ')).toBe('full');
    expect(motionPreferenceOf('still')).toBe('still');
    expect(motionPreferenceOf('blink')).toBeNull();
    expect(motionPreferenceOf(null)).toBeNull();
  });

  it('holds still where the system asks for reduced motion, unless the URL says otherwise', () => {
    expect(effectiveMotion(null, true)).toBe('still');
    expect(effectiveMotion(null, false)).toBe('auto');
    expect(effectiveMotion('full', true)).toBe('full');
  });

  it('leaves it to the renderer under auto, and overrides it either way when asked', () => {
    expect(shouldAnimate('auto', true)).toBe(true);
    expect(shouldAnimate('auto', false)).toBe(false);
    expect(shouldAnimate('full', false)).toBe(true);
    expect(shouldAnimate('still', true)).toBe(false);
  });
});
