import { describe, expect, it } from 'vitest';
import { incidentQueue } from '../../../../client/screens/tablet/incidentQueue';
import { incidentReported, MINUTE_MS, NOON_ISH } from './tabletFixtures';

describe('incidentQueue', () => {
  const now = NOON_ISH;
  const due = (id: string, dueInMinutes: number, overrides = {}) =>
    incidentReported(id, now - 10 * MINUTE_MS, { dueAt: now + dueInMinutes * MINUTE_MS, ...overrides });

  it('lists only what is still open (not yet 办结)', () => {
    const rows = incidentQueue([due('A', 30), due('B', 30, { status: 'resolved' }), due('C', 30, { status: 'rated' })], now);
    expect(rows.map((row) => row.incident.id)).toEqual(['A']);
  });

  it('puts overdue incidents first, the longest overdue on top, then the rest by deadline', () => {
    const rows = incidentQueue([due('soon', 5), due('late', 90), due('over-a-bit', -1), due('over-long', -120)], now);
    expect(rows.map((row) => [row.incident.id, row.overdue])).toEqual([
      ['over-long', true],
      ['over-a-bit', true],
      ['soon', false],
      ['late', false],
    ]);
    expect(rows[0]?.dueInMs).toBe(-120 * MINUTE_MS);
  });

  it('counts exactly at the deadline as on time, as the KPIs do', () => {
    const [row] = incidentQueue([due('edge', 0)], now);
    expect(row?.overdue).toBe(false);
  });

  it('breaks a tie of deadlines by priority, then by id, so the order never flickers', () => {
    const rows = incidentQueue([due('b', 10), due('a', 10), due('u', 10, { priority: 'urgent' })], now);
    expect(rows.map((row) => row.incident.id)).toEqual(['u', 'a', 'b']);
  });
});
