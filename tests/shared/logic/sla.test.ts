import { describe, expect, it } from 'vitest';
import { INCIDENT_CATEGORIES, PRIORITIES, type IncidentStatus } from '../../../shared/domain/incident';
import { isOpen, isOverdue, overdueMs, slaMinutesFor } from '../../../shared/logic/sla';
import { MINUTE, T0, makeIncident } from './logicFixtures';

describe('slaMinutesFor', () => {
  it('gives urgent matters less time than low-priority ones', () => {
    const minutes = PRIORITIES.map((p) => slaMinutesFor(p, 'sanitation'));
    expect(minutes).toEqual([4320, 1440, 240, 60]);
  });

  it('never lets a safety hazard wait more than two hours, whatever its priority', () => {
    for (const priority of PRIORITIES) expect(slaMinutesFor(priority, 'safety')).toBeLessThanOrEqual(120);
    expect(slaMinutesFor('urgent', 'safety')).toBe(60);
  });

  it('is a positive whole number of minutes for every priority and category', () => {
    const all = PRIORITIES.flatMap((p) => INCIDENT_CATEGORIES.map((c) => slaMinutesFor(p, c)));
    expect(all.every((minutes) => Number.isInteger(minutes) && minutes > 0)).toBe(true);
  });
});

describe('isOverdue', () => {
  const due = T0 + 60 * MINUTE;
  const open: IncidentStatus[] = ['reported', 'accepted', 'dispatched', 'in_progress'];

  it.each(open)('counts a %s incident past its deadline as overdue', (status) => {
    expect(isOverdue(makeIncident({ status, dueAt: due }), due + 1)).toBe(true);
    expect(overdueMs(makeIncident({ status, dueAt: due }), due + 5)).toBe(5);
  });

  it.each(['resolved', 'rated'] as const)('never counts a %s incident as overdue', (status) => {
    expect(isOpen(makeIncident({ status }))).toBe(false);
    expect(isOverdue(makeIncident({ status, dueAt: due }), due + 1)).toBe(false);
  });

  it('is still on time exactly at the deadline', () => {
    expect(isOverdue(makeIncident({ dueAt: due }), due)).toBe(false);
    expect(overdueMs(makeIncident({ dueAt: due }), due)).toBe(0);
  });
});
