import { describe, expect, it } from 'vitest';
import { latestIncident, withAnswers } from '../../../../client/screens/tablet/latestIncident';
import { incidentReported, MINUTE_MS, NOON_ISH } from './tabletFixtures';

describe('latestIncident', () => {
  const stored = incidentReported('INC-1', NOON_ISH);
  const accepted = {
    ...stored,
    status: 'accepted' as const,
    timeline: [...stored.timeline, { action: 'accept' as const, at: NOON_ISH + MINUTE_MS, status: 'accepted' as const, level: 'grid' as const }],
    updatedAt: NOON_ISH + MINUTE_MS,
  };

  it('shows the server’s answer to this tablet’s action while the event is still on its way', () => {
    expect(latestIncident(stored, accepted)).toBe(accepted);
  });

  it('goes back to the store once it has caught up or moved further', () => {
    expect(latestIncident(accepted, stored)).toBe(accepted);
    const storeSame = { ...accepted };
    expect(latestIncident(storeSame, accepted)).toBe(storeSame);
  });

  it('uses whichever exists, and never mixes up two incidents', () => {
    expect(latestIncident(undefined, accepted)).toBe(accepted);
    expect(latestIncident(stored, undefined)).toBe(stored);
    expect(latestIncident(stored, { ...accepted, id: 'INC-2' })).toBe(stored);
  });

  it('lays the answers over the store’s incidents', () => {
    const other = incidentReported('INC-2', NOON_ISH);
    expect(withAnswers([stored, other], new Map([['INC-1', accepted]]))).toEqual([accepted, other]);
  });
});
