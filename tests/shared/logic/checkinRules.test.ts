import { Value } from '@sinclair/typebox/value';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventPayloadSchemas } from '../../../shared/domain/event';
import { CheckIn } from '../../../shared/domain/volunteer';
import { decideCheckout, defaultPoints, newCheckin, serviceHours } from '../../../shared/logic/checkinRules';
import { GRID, HOUR, MINUTE, PATH, T0, makeCheckin } from './logicFixtures';

describe('decideCheckout', () => {
  it('counts hours from the check-in to 0.1 h and awards 10 points an hour', () => {
    const now = T0 + 2 * HOUR + 17 * MINUTE;
    expect(decideCheckout(makeCheckin(), {}, now)).toEqual({
      ok: true,
      value: { type: 'volunteer:checkedOut', at: now, payload: { checkinId: 'CK-1', hours: 2.3, points: 23 } },
    });
  });

  it('lets the station award its own points', () => {
    const result = decideCheckout(makeCheckin(), { points: 50 }, T0 + HOUR);
    expect(result.ok && result.value.payload.points).toBe(50);
  });

  it('caps a forgotten check-out at 24 hours', () => {
    const result = decideCheckout(makeCheckin(), {}, T0 + 3 * 24 * HOUR);
    expect(result.ok && result.value.payload).toMatchObject({ hours: 24, points: 240 });
  });

  it('counts a check-out stamped before the check-in (clock skew) as zero hours', () => {
    const result = decideCheckout(makeCheckin(), {}, T0 - 5 * MINUTE);
    expect(result.ok && result.value.payload).toMatchObject({ hours: 0, points: 0 });
  });

  it('refuses to check out twice, saying when the first check-out was', () => {
    const checkin = makeCheckin({ checkedOutAt: T0 + HOUR, hours: 1, points: 10 });
    const result = decideCheckout(checkin, {}, T0 + 2 * HOUR);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'already_checked_out', checkinId: 'CK-1', checkedOutAt: T0 + HOUR },
    });
  });

  it('refuses negative or fractional points', () => {
    for (const points of [-1, 1.5]) {
      expect(decideCheckout(makeCheckin(), { points }, T0)).toMatchObject({ ok: false, error: { code: 'invalid_points' } });
    }
  });

  it('always produces a schema-valid payload with hours in [0, 24] on a 0.1 grid', () => {
    fc.assert(
      fc.property(fc.integer({ min: -HOUR, max: 40 * HOUR }), (elapsedMs) => {
        const result = decideCheckout(makeCheckin(), {}, T0 + elapsedMs);
        if (!result.ok) return false;
        const { hours, points } = result.value.payload;
        expect(Value.Check(EventPayloadSchemas['volunteer:checkedOut'], result.value.payload)).toBe(true);
        expect(Math.abs(hours * 10 - Math.round(hours * 10))).toBeLessThan(1e-9);
        expect(points).toBe(defaultPoints(hours));
        return hours >= 0 && hours <= 24;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('serviceHours', () => {
  it('rounds to the nearest tenth of an hour', () => {
    expect(serviceHours(T0, T0 + 2 * MINUTE)).toBe(0);
    expect(serviceHours(T0, T0 + 3 * MINUTE)).toBe(0.1);
    expect(serviceHours(T0, T0 + 90 * MINUTE)).toBe(1.5);
  });
});

describe('newCheckin', () => {
  it('builds an open, schema-valid check-in at the given place', () => {
    const checkin = newCheckin({
      id: 'CK-9',
      body: { memberId: 'M-2', memberName: '赵六', kind: 'volunteer', category: 'tutoring', gridCode: GRID },
      regionPath: PATH,
      location: { lng: 119.2, lat: 26.05 },
      now: T0,
    });
    expect(checkin).toMatchObject({ id: 'CK-9', checkedInAt: T0, gridCode: GRID });
    expect('checkedOutAt' in checkin || 'stationId' in checkin || 'memberPhone' in checkin).toBe(false);
    expect(Value.Check(CheckIn, checkin)).toBe(true);
  });
});
