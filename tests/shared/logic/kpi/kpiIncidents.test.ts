import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../../shared/domain/incident';
import { createKpiBook } from '../../../../shared/logic/kpi/kpiBook';
import { kpiOnIncident } from '../../../../shared/logic/kpi/kpiOnIncident';
import { readKpis } from '../../../../shared/logic/kpi/readKpis';
import { tickKpis } from '../../../../shared/logic/kpi/tickKpis';
import { HOUR_MS } from '../../../../shared/logic/shanghaiTime';
import {
  COMMUNITY_A,
  COMPOUND_A1,
  COMPOUND_A2,
  COUNTY,
  GRID_A1A,
  GRID_A2A,
  GRID_B1A,
  LOCAL_MIDNIGHT,
  makeIncident,
  MINUTE_MS,
  pathOf,
  REGIONS,
  STREET_A,
  STREET_B,
  T0,
} from './kpiFixtures';

const incidents = (book: ReturnType<typeof createKpiBook>, code: string, now: number) =>
  readKpis(book, code, 0, now).incidents;

describe('incident KPIs', () => {
  it('counts a reported incident today, open and by category in every region of its path, and nowhere else', () => {
    const book = createKpiBook(REGIONS, T0);
    kpiOnIncident(book, undefined, makeIncident('i1', GRID_A1A, T0, { category: 'parking' }), T0);
    for (const code of pathOf(GRID_A1A)) {
      const k = incidents(book, code, T0);
      expect(k).toMatchObject({ reportedToday: 1, open: 1, overdue: 0, acceptedToday: 0, resolvedToday: 0 });
      expect(k.byCategory.parking).toBe(1);
      expect(k.hourlyReported.at(-1)).toBe(1);
    }
    for (const code of [STREET_B, COMPOUND_A2, GRID_B1A]) expect(incidents(book, code, T0).reportedToday).toBe(0);
  });

  it('counts an incident as overdue once its deadline passes, without any event', () => {
    const book = createKpiBook(REGIONS, T0);
    const incident = makeIncident('i1', GRID_A1A, T0, { dueAt: T0 + 30 * MINUTE_MS });
    kpiOnIncident(book, undefined, incident, T0);
    tickKpis(book, T0);

    expect(tickKpis(book, incident.dueAt).size).toBe(0);
    expect(incidents(book, COUNTY, incident.dueAt).overdue).toBe(0);

    const changed = tickKpis(book, incident.dueAt + 1);
    expect(incidents(book, COUNTY, incident.dueAt + 1).overdue).toBe(1);
    expect(incidents(book, GRID_A1A, incident.dueAt + 1).overdue).toBe(1);
    expect([...changed].sort()).toEqual(pathOf(GRID_A1A));
  });

  it('stops counting an overdue incident once it is resolved, and counts it resolved today', () => {
    const book = createKpiBook(REGIONS, T0);
    const reported = makeIncident('i1', GRID_A1A, T0, { dueAt: T0 + 10 * MINUTE_MS });
    kpiOnIncident(book, undefined, reported, T0);
    const accepted: Incident = { ...reported, status: 'accepted', acceptedAt: T0 + 5 * MINUTE_MS };
    kpiOnIncident(book, reported, accepted, accepted.acceptedAt as number);
    tickKpis(book, T0 + 20 * MINUTE_MS);
    expect(incidents(book, COUNTY, T0).overdue).toBe(1);

    const resolvedAt = T0 + 40 * MINUTE_MS;
    kpiOnIncident(book, accepted, { ...accepted, status: 'resolved', resolvedAt }, resolvedAt);
    expect(incidents(book, COUNTY, resolvedAt)).toMatchObject({ open: 0, overdue: 0, resolvedToday: 1, acceptedToday: 1 });
  });

  it("moves an escalated incident's counts nowhere: region path is unchanged", () => {
    const book = createKpiBook(REGIONS, T0);
    const reported = makeIncident('i1', GRID_A2A, T0);
    const accepted: Incident = { ...reported, status: 'accepted', acceptedAt: T0 + MINUTE_MS };
    kpiOnIncident(book, undefined, reported, T0);
    kpiOnIncident(book, reported, accepted, T0 + MINUTE_MS);
    const beforeEscalation = REGIONS.map((r) => readKpis(book, r.code, 0, T0));

    const escalated: Incident = { ...accepted, level: 'community', updatedAt: T0 + 2 * MINUTE_MS };
    kpiOnIncident(book, accepted, escalated, T0 + 2 * MINUTE_MS);

    expect(REGIONS.map((r) => readKpis(book, r.code, 0, T0))).toEqual(beforeEscalation);
    expect(incidents(book, COMPOUND_A2, T0)).toMatchObject({ open: 1, reportedToday: 1, acceptedToday: 1 });
  });

  it('rates acceptance and resolution over the incidents reported today, and is null with none', () => {
    const book = createKpiBook(REGIONS, T0);
    expect(incidents(book, COUNTY, T0)).toMatchObject({ acceptanceRate: null, resolutionRate: null });
    const a = makeIncident('a', GRID_A1A, T0);
    const b = makeIncident('b', GRID_A1A, T0);
    for (const id of ['c', 'd']) kpiOnIncident(book, undefined, makeIncident(id, GRID_A1A, T0), T0);
    kpiOnIncident(book, undefined, a, T0);
    kpiOnIncident(book, undefined, b, T0);
    kpiOnIncident(book, a, { ...a, status: 'dispatched', acceptedAt: T0 }, T0);
    kpiOnIncident(book, b, { ...b, status: 'resolved', acceptedAt: T0, resolvedAt: T0 }, T0);
    expect(incidents(book, COUNTY, T0)).toMatchObject({ acceptanceRate: 0.5, resolutionRate: 0.25 });
  });

  it('averages resolution minutes over incidents resolved today and satisfaction over ratings given today', () => {
    const book = createKpiBook(REGIONS, T0);
    const at = T0 + 30 * MINUTE_MS;
    const rated = { status: 'rated', resolvedAt: at, ratedAt: at } as const;
    const fast = makeIncident('fast', GRID_A1A, T0 - 10 * MINUTE_MS, { ...rated, satisfaction: 5 });
    const slow = makeIncident('slow', GRID_B1A, T0 - 50 * MINUTE_MS, { ...rated, satisfaction: 4 });
    kpiOnIncident(book, undefined, fast, at);
    kpiOnIncident(book, undefined, slow, at);
    expect(incidents(book, COUNTY, at)).toMatchObject({ meanResolveMinutes: 60, satisfaction: 4.5, resolvedToday: 2 });
    expect(incidents(book, STREET_A, at)).toMatchObject({ meanResolveMinutes: 40, satisfaction: 5 });
  });

  it('fills the 24 hourly buckets oldest first, the last being the current hour, and shifts them each hour', () => {
    const hour = Math.floor(T0 / HOUR_MS) * HOUR_MS;
    const book = createKpiBook(REGIONS, T0);
    kpiOnIncident(book, undefined, makeIncident('old', GRID_A1A, hour - 23 * HOUR_MS), T0);
    kpiOnIncident(book, undefined, makeIncident('too-old', GRID_A1A, hour - 24 * HOUR_MS), T0);
    kpiOnIncident(book, undefined, makeIncident('now', GRID_A1A, T0), T0);
    const now = incidents(book, COUNTY, T0).hourlyReported;
    expect(now).toHaveLength(24);
    expect([now[0], now[23], now.reduce((s, n) => s + n, 0)]).toEqual([1, 1, 2]);

    tickKpis(book, T0 + HOUR_MS);
    const later = incidents(book, COUNTY, T0 + HOUR_MS).hourlyReported;
    expect([later[0], later[22], later[23]]).toEqual([0, 1, 0]);
  });

  it('restarts today counters at local midnight in Asia/Shanghai, not UTC', () => {
    const book = createKpiBook(REGIONS, T0);
    const lateAt = LOCAL_MIDNIGHT - MINUTE_MS;
    kpiOnIncident(book, undefined, makeIncident('late', GRID_A1A, lateAt), lateAt);
    expect(incidents(book, COUNTY, LOCAL_MIDNIGHT - 1).reportedToday).toBe(1);

    const changed = tickKpis(book, LOCAL_MIDNIGHT);
    expect(changed.has(COUNTY)).toBe(true);
    expect(incidents(book, COUNTY, LOCAL_MIDNIGHT)).toMatchObject({ reportedToday: 0, open: 1, acceptanceRate: null });
    expect(incidents(book, COUNTY, LOCAL_MIDNIGHT).hourlyReported.at(-2)).toBe(1);

    kpiOnIncident(book, undefined, makeIncident('early', GRID_A1A, LOCAL_MIDNIGHT + HOUR_MS), LOCAL_MIDNIGHT + HOUR_MS);
    const utcMidnight = Date.UTC(2024, 3, 1, 0, 0);
    tickKpis(book, utcMidnight);
    expect(incidents(book, COUNTY, utcMidnight)).toMatchObject({ reportedToday: 1, open: 2 });
  });

  it("counts an incident stamped ahead of the book's clock once its hour and day arrive", () => {
    const book = createKpiBook(REGIONS, LOCAL_MIDNIGHT - 2 * MINUTE_MS);
    const aheadAt = LOCAL_MIDNIGHT + MINUTE_MS;
    kpiOnIncident(book, undefined, makeIncident('ahead', GRID_A1A, aheadAt), LOCAL_MIDNIGHT - MINUTE_MS);
    expect(incidents(book, COUNTY, LOCAL_MIDNIGHT - MINUTE_MS)).toMatchObject({ reportedToday: 0, open: 1 });

    tickKpis(book, LOCAL_MIDNIGHT + 2 * MINUTE_MS);
    const k = incidents(book, COUNTY, LOCAL_MIDNIGHT + 2 * MINUTE_MS);
    expect(k).toMatchObject({ reportedToday: 1, open: 1 });
    expect(k.hourlyReported.at(-1)).toBe(1);
  });

  it('follows a deadline moved by escalation: overdue by the new deadline, not the old one', () => {
    const book = createKpiBook(REGIONS, T0);
    const accepted = makeIncident('i1', GRID_A1A, T0, {
      status: 'accepted',
      acceptedAt: T0,
      dueAt: T0 + 10 * MINUTE_MS,
    });
    kpiOnIncident(book, undefined, accepted, T0);
    const escalated: Incident = { ...accepted, level: 'community', dueAt: T0 + 60 * MINUTE_MS };
    kpiOnIncident(book, accepted, escalated, T0 + 5 * MINUTE_MS);

    tickKpis(book, T0 + 30 * MINUTE_MS);
    expect(incidents(book, COUNTY, T0).overdue).toBe(0);
    tickKpis(book, T0 + 61 * MINUTE_MS);
    expect(incidents(book, COUNTY, T0).overdue).toBe(1);
  });

  it('never moves its clock back: a late caller changes no time-dependent figure', () => {
    const book = createKpiBook(REGIONS, T0);
    kpiOnIncident(book, undefined, makeIncident('i1', GRID_A1A, T0 - HOUR_MS, { dueAt: T0 - MINUTE_MS }), T0);
    tickKpis(book, T0 - 2 * HOUR_MS);
    expect(book.clockMs).toBe(T0);
    expect(incidents(book, COUNTY, T0).overdue).toBe(1);
  });

  it('still counts toward the known regions of a path holding a code the book does not know', () => {
    const book = createKpiBook(REGIONS.filter((r) => r.code !== COMMUNITY_A), T0);
    kpiOnIncident(book, undefined, makeIncident('i1', GRID_A1A, T0), T0);
    expect([COUNTY, STREET_A, COMPOUND_A1, GRID_A1A].map((c) => incidents(book, c, T0).open)).toEqual([1, 1, 1, 1]);
  });

  it('refuses to read a region the book does not hold', () => {
    expect(() => readKpis(createKpiBook(REGIONS, T0), '350999', 0, T0)).toThrow(RangeError);
  });

  it('stamps a read with the log position and time it is given', () => {
    const k = readKpis(createKpiBook(REGIONS, T0), COUNTY, 42, T0);
    expect([k.code, k.seq, k.at]).toEqual([COUNTY, 42, T0]);
  });
});
