import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HandlingLevel, IncidentAction, IncidentStatus } from '../../../shared/domain/incident';
import { createEntityState } from '../../../shared/logic/entityState';
import { ALLOWED_ACTIONS } from '../../../shared/logic/incidentMachine';
import { createRng } from '../../../shared/logic/rng';
import { simulatorCounty } from '../../../server/simulator/simulatorCounty';
import { simulatorPlan } from '../../../server/simulator/simulatorPlan';
import { HOMECOMING_SUNDAY, HOUR, makeCountyData, MINUTE, ORDINARY_SUNDAY, runScript, WEDNESDAY } from './simulatorFixtures';

const data = makeCountyData();
const county = simulatorCounty(data);
const SEEDS = Array.from({ length: 40 }, (_, i) => 1000 + i);

/** Commands of one kind planned for an otherwise empty county, summed over many seeds. */
const countPlanned = (kind: string, from: number, to: number, rate = 20): number =>
  SEEDS.reduce((sum, seed) => {
    const plan = simulatorPlan({ county, entities: createEntityState(data.stations), rng: createRng(seed), from, to, rate });
    return sum + plan.filter((p) => p.command.kind === kind).length;
  }, 0);

describe('simulatorPlan: arrivals follow the day', () => {
  it('plans far more incident reports between 10:00 and 11:00 than between 03:00 and 04:00', () => {
    const morning = countPlanned('reportIncident', WEDNESDAY + 10 * HOUR, WEDNESDAY + 11 * HOUR);
    const night = countPlanned('reportIncident', WEDNESDAY + 3 * HOUR, WEDNESDAY + 4 * HOUR);
    expect(morning).toBeGreaterThan(5 * night);
    // 24 grids × 0.2 a day × rate 20 ≈ 96 a day, ≈ 8 in the 10 o'clock hour: 40 seeds ≈ 320.
    expect(morning).toBeGreaterThan(200);
    expect(morning).toBeLessThan(500);
  });

  it('plans several times as many check-ins on 回家日 (last Sunday of the month) as on an ordinary Sunday', () => {
    const homecoming = countPlanned('checkIn', HOMECOMING_SUNDAY + 8 * HOUR, HOMECOMING_SUNDAY + 18 * HOUR);
    const ordinary = countPlanned('checkIn', ORDINARY_SUNDAY + 8 * HOUR, ORDINARY_SUNDAY + 18 * HOUR);
    expect(homecoming).toBeGreaterThan(3 * ordinary);
  });

  it('plans nothing at rate 0 and twice the arrivals at twice the rate', () => {
    const from = WEDNESDAY + 9 * HOUR;
    expect(countPlanned('reportIncident', from, from + 2 * HOUR, 0)).toBe(0);
    const single = countPlanned('reportIncident', from, from + 2 * HOUR, 10);
    const double = countPlanned('reportIncident', from, from + 2 * HOUR, 20);
    expect(double / single).toBeGreaterThan(1.7);
    expect(double / single).toBeLessThan(2.3);
  });

  it('returns commands in time order, every one inside the window', () => {
    const from = WEDNESDAY + 9 * HOUR;
    const plan = simulatorPlan({ county, entities: createEntityState(data.stations), rng: createRng(7), from, to: from + HOUR, rate: 20 });
    expect(plan.length).toBeGreaterThan(10);
    for (const [i, p] of plan.entries()) {
      expect(p.at).toBeGreaterThanOrEqual(from);
      expect(p.at).toBeLessThan(from + HOUR);
      if (i > 0) expect(p.at).toBeGreaterThanOrEqual(plan[i - 1]!.at);
    }
  });
});

describe('simulatorPlan: a closed loop through the real decisions', () => {
  const run = runScript({ seed: 42, from: WEDNESDAY, to: WEDNESDAY + 3 * 24 * HOUR, stepMs: 5 * MINUTE, rate: 20 });
  const incidents = [...run.state.incidents.values()];

  it('plans only transitions the incident machine allows, and every command is accepted', () => {
    expect(run.transitions.length).toBeGreaterThan(500);
    for (const t of run.transitions) {
      expect(ALLOWED_ACTIONS(t.status as IncidentStatus, t.level as HandlingLevel)).toContain(t.action as IncidentAction);
    }
    const refused = run.steps.filter((s) => s.statusCode >= 300).map((s) => `${s.planned.command.kind}:${s.error}`);
    expect(refused).toEqual([]);
  });

  it('accepts within minutes, escalates about one case in twenty, and lets a few run overdue', () => {
    const acceptMinutes = incidents.filter((i) => i.acceptedAt).map((i) => (i.acceptedAt! - i.reportedAt) / MINUTE);
    acceptMinutes.sort((a, b) => a - b);
    expect(acceptMinutes[Math.floor(acceptMinutes.length / 2)]).toBeLessThan(15);
    const escalated = incidents.filter((i) => i.timeline.some((s) => s.action === 'escalate')).length / incidents.length;
    expect(escalated).toBeGreaterThan(0.01);
    expect(escalated).toBeLessThan(0.12);
    expect(Math.max(...run.overdueSeen)).toBeGreaterThan(0);
  });

  it('resolves most cases within the day and has residents rate them mostly 5 and 4', () => {
    const settled = incidents.filter((i) => i.reportedAt < WEDNESDAY + 48 * HOUR);
    const resolved = settled.filter((i) => i.resolvedAt !== undefined);
    expect(resolved.length / settled.length).toBeGreaterThan(0.9);
    const ratings = incidents.flatMap((i) => (i.satisfaction === undefined ? [] : [i.satisfaction]));
    expect(ratings.length / resolved.length).toBeGreaterThan(0.7);
    expect(ratings.filter((s) => s >= 4).length / ratings.length).toBeGreaterThan(0.85);
  });

  it('checks members out after one to three hours, and takes wishes from posted to fulfilled', () => {
    const sessions = [...run.state.checkins.values()].filter((c) => c.hours !== undefined);
    expect(sessions.length).toBeGreaterThan(50);
    for (const c of sessions) {
      expect(c.hours).toBeGreaterThanOrEqual(1);
      expect(c.hours).toBeLessThanOrEqual(3.1);
    }
    const wishes = [...run.state.wishes.values()];
    expect(wishes.some((w) => w.status === 'fulfilled')).toBe(true);
    for (const w of wishes.filter((x) => x.claimedAt !== undefined)) expect(w.claimedAt!).toBeGreaterThan(w.postedAt);
  });

  it('gives residents, members and duty staff plausible Chinese names and mobile numbers', () => {
    const people = [
      ...incidents.flatMap((i) => (i.reporter ? [i.reporter] : [])),
      ...[...run.state.checkins.values()].map((c) => ({ name: c.memberName, phone: c.memberPhone })),
      ...[...run.state.wishes.values()].map((w) => ({ name: w.residentName, phone: w.residentPhone })),
      ...[...run.state.stations.values()].flatMap((s) => (s.onDuty ? [s.onDuty] : [])),
    ];
    expect(people.length).toBeGreaterThan(100);
    for (const person of people) {
      expect(person.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      if (person.phone !== undefined) expect(person.phone).toMatch(/^1[3-9][0-9]{9}$/);
    }
  });
});

describe('simulatorPlan: determinism', () => {
  const busy = runScript({ seed: 5, from: WEDNESDAY + 6 * HOUR, to: WEDNESDAY + 12 * HOUR, stepMs: 5 * MINUTE, rate: 20 }).state;

  it('plans the same commands for the same window twice, all inside it, without advancing the rng', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 7 * 24 * 60 }), fc.integer({ min: 1, max: 120 }), (seed, startMinute, minutes) => {
        const from = WEDNESDAY + startMinute * MINUTE;
        const window = { county, entities: busy, rng: createRng(seed), from, to: from + minutes * MINUTE, rate: 20 };
        const first = simulatorPlan(window);
        expect(simulatorPlan(window)).toEqual(first);
        for (const p of first) expect(p.at >= from && p.at < window.to).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('plans the same with a memo as without: the memo only saves work', () => {
    const rng = createRng(9);
    const memo = new WeakMap<object, unknown>();
    for (let minute = 12 * 60; minute < 13 * 60; minute += 5) {
      const window = { county, entities: busy, rng, from: WEDNESDAY + minute * MINUTE, to: WEDNESDAY + (minute + 5) * MINUTE, rate: 20 };
      expect(simulatorPlan({ ...window, memo })).toEqual(simulatorPlan(window));
    }
  });

  const script = (seed: number) => runScript({ seed, from: WEDNESDAY + 6 * HOUR, to: WEDNESDAY + 18 * HOUR, stepMs: 7 * MINUTE, rate: 20 }).steps;

  it('gives the same command sequence for the same seed, county and windows, and another for another seed', () => {
    const first = script(3);
    expect(first.length).toBeGreaterThan(100);
    expect(script(3)).toEqual(first);
    expect(script(4)).not.toEqual(first);
  });
});
