import { describe, expect, it } from 'vitest';
import { NEW_PULSE, OVERDUE_PULSE, countPulses, pulseFrame } from '../../../../client/map/layers/incidentPulse';
import { HOUR, T0, makeIncident } from '../mapFixtures';

describe('incident pulses', () => {
  it('grow from the marker outwards and fade over each period', () => {
    expect(pulseFrame(NEW_PULSE, 0)).toEqual({ radiusPx: NEW_PULSE.fromRadiusPx, opacity: NEW_PULSE.maxOpacity });
    const half = pulseFrame(NEW_PULSE, NEW_PULSE.periodMs / 2);
    expect(half.radiusPx).toBe((NEW_PULSE.fromRadiusPx + NEW_PULSE.toRadiusPx) / 2);
    expect(half.opacity).toBeLessThan(NEW_PULSE.maxOpacity / 2);
    expect(pulseFrame(OVERDUE_PULSE, 5 * OVERDUE_PULSE.periodMs)).toEqual(pulseFrame(OVERDUE_PULSE, 0));
  });

  it('count the new and the overdue incidents, so the animation sleeps when there are none', () => {
    const incidents = [
      makeIncident({ id: 'new', reportedAt: T0 + HOUR - 2000, dueAt: T0 + 10 * HOUR }),
      makeIncident({ id: 'late', dueAt: T0 + HOUR / 2 }),
      makeIncident({ id: 'calm', dueAt: T0 + 10 * HOUR }),
      makeIncident({ id: 'done', status: 'resolved', dueAt: T0 }),
    ];
    expect(countPulses(incidents, T0 + HOUR)).toEqual({ fresh: 1, overdue: 1 });
    expect(countPulses([], T0)).toEqual({ fresh: 0, overdue: 0 });
  });
});
