import { describe, expect, it } from 'vitest';
import { EMPTY_RIPPLES, RECENT_CHECKIN_MS, RIPPLE_MS, nextRipples, rippleFeatures, rippleProgress } from '../../../../client/map/layers/checkinRipples';
import { HOUR, T0, makeCheckin } from '../mapFixtures';

describe('check-in ripples', () => {
  it('start once for a check-in that has just appeared', () => {
    const checkin = makeCheckin({ checkedInAt: T0 });
    const first = nextRipples(EMPTY_RIPPLES, [checkin], T0 + 200);
    expect(rippleFeatures(first).map((f) => f.properties.id)).toEqual(['CK-1']);
    const again = nextRipples(first, [checkin], T0 + RIPPLE_MS + 300);
    expect(rippleFeatures(again)).toEqual([]);
  });

  it('do not start for the old check-ins of a snapshot loaded later in the day', () => {
    const morning = makeCheckin({ checkedInAt: T0 - 2 * HOUR });
    expect(nextRipples(EMPTY_RIPPLES, [morning], T0).ripples.size).toBe(0);
    expect(nextRipples(EMPTY_RIPPLES, [makeCheckin({ checkedInAt: T0 - RECENT_CHECKIN_MS })], T0).ripples.size).toBe(1);
  });

  it('run from 0 to 1 over their duration', () => {
    const ripple = { id: 'a', location: { lng: 119, lat: 26 }, startedAt: T0 };
    expect(rippleProgress(ripple, T0 - 5)).toBe(0);
    expect(rippleProgress(ripple, T0 + RIPPLE_MS / 2)).toBe(0.5);
    expect(rippleProgress(ripple, T0 + 2 * RIPPLE_MS)).toBe(1);
  });

  it('forget check-ins that left the data, so the seen set does not grow for ever', () => {
    const state = nextRipples(EMPTY_RIPPLES, [makeCheckin({ id: 'a' }), makeCheckin({ id: 'b' })], T0);
    expect([...nextRipples(state, [makeCheckin({ id: 'b' })], T0 + 1000).seen]).toEqual(['b']);
  });
});
