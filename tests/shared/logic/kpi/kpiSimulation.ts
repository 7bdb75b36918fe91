import {
  HANDLING_LEVELS,
  INCIDENT_CATEGORIES,
  type Incident,
  type IncidentAction,
  type IncidentStatus,
} from '../../../../shared/domain/incident';
import type { Region } from '../../../../shared/domain/region';
import { STATION_STATUSES, type Station } from '../../../../shared/domain/station';
import { createEntityState, type EntityState } from '../../../../shared/logic/entityState';
import { createKpiBook, type KpiBook } from '../../../../shared/logic/kpi/kpiBook';
import { kpiOnCheckIn } from '../../../../shared/logic/kpi/kpiOnCheckIn';
import { kpiOnIncident } from '../../../../shared/logic/kpi/kpiOnIncident';
import { kpiOnStation } from '../../../../shared/logic/kpi/kpiOnStation';
import { kpiOnWish } from '../../../../shared/logic/kpi/kpiOnWish';
import { tickKpis } from '../../../../shared/logic/kpi/tickKpis';
import { HOUR_MS, hourStart, shanghaiDayStart, shanghaiMonthStart } from '../../../../shared/logic/shanghaiTime';
import { makeCheckIn, makeIncident, makeWish, MINUTE_MS } from './kpiFixtures';
import type { Op } from './kpiOps';

/**
 * A stand-in for the reducer, local to these tests: it replaces entities in an EntityState the way
 * applyEvent does and calls the KPI hooks with the entity before and after, so the KPI book can be
 * checked against a rebuild without depending on the real reducer.
 */
export interface World {
  grids: readonly string[];
  state: EntityState;
  book: KpiBook;
  now: number;
  nextId: number;
}

export const createWorld = (
  regions: readonly Region[],
  grids: readonly string[],
  stations: Station[],
  now: number,
): World => {
  const state = createEntityState();
  const book = createKpiBook(regions, now);
  for (const station of stations) {
    state.stations.set(station.id, station);
    kpiOnStation(book, undefined, station);
  }
  return { grids, state, book, now, nextId: 1 };
};

const nth = <T>(map: Map<string, T>, i: number): T | undefined => {
  if (map.size === 0) return undefined;
  let k = i % map.size;
  for (const value of map.values()) if (k-- === 0) return value;
  return undefined;
};

const LEGAL: Record<IncidentStatus, IncidentAction[]> = {
  reported: ['accept'],
  accepted: ['dispatch', 'resolve', 'escalate'],
  dispatched: ['start', 'resolve', 'escalate'],
  in_progress: ['resolve', 'escalate'],
  resolved: ['rate'],
  rated: [],
};

const stepIncident = (incident: Incident, op: Extract<Op, { kind: 'step' }>, at: number): Incident | undefined => {
  const legal = LEGAL[incident.status].filter((a) => a !== 'escalate' || incident.level !== 'county');
  const action = legal[op.choice % Math.max(1, legal.length)];
  const next = { ...incident, updatedAt: at };
  switch (action) {
    case 'accept': return { ...next, status: 'accepted', acceptedAt: at };
    case 'dispatch': return { ...next, status: 'dispatched', dispatchedAt: at, assignee: 'street office' };
    case 'start': return { ...next, status: 'in_progress', startedAt: at };
    case 'resolve': return { ...next, status: 'resolved', resolvedAt: at };
    case 'rate': return { ...next, status: 'rated', ratedAt: at, satisfaction: op.rating };
    case 'escalate': {
      // Handed back as accepted one level up, with a fresh deadline: exercises a moving dueAt.
      const level = HANDLING_LEVELS[HANDLING_LEVELS.indexOf(incident.level) + 1] ?? 'county';
      return { ...next, status: 'accepted', level, acceptedAt: at, dueAt: at + op.slaMinutes * MINUTE_MS };
    }
    default: return undefined;
  }
};

/** Drops every entity the retention rules documented on rebuildKpis allow dropping at `now`. */
export const pruneRetained = (state: EntityState, now: number): void => {
  const horizon = Math.min(shanghaiDayStart(now), hourStart(now) - 23 * HOUR_MS);
  const recent = (t: number | undefined) => t !== undefined && t >= horizon;
  for (const [id, i] of state.incidents) {
    const open = i.status !== 'resolved' && i.status !== 'rated';
    if (!open && ![i.reportedAt, i.acceptedAt, i.resolvedAt, i.ratedAt].some(recent)) state.incidents.delete(id);
  }
  for (const [id, c] of state.checkins) {
    if (c.checkedOutAt === undefined || c.checkedInAt >= shanghaiDayStart(now)) continue;
    if (c.checkedOutAt < shanghaiMonthStart(now)) state.checkins.delete(id);
  }
};

const applyStreamOp = (world: World, op: Op): void => {
  const { state, book, now } = world;
  const grid = (i: number) => world.grids[i % world.grids.length] as string;
  const id = () => `e${world.nextId++}`;
  switch (op.kind) {
    case 'report': {
      const at = now + op.skewMs;
      const category = INCIDENT_CATEGORIES[op.category % INCIDENT_CATEGORIES.length];
      const dueAt = at + op.slaMinutes * MINUTE_MS;
      const incident = makeIncident(id(), grid(op.grid), at, { category, slaMinutes: op.slaMinutes, dueAt });
      state.incidents.set(incident.id, incident);
      return kpiOnIncident(book, undefined, incident, now);
    }
    case 'step': {
      const before = nth(state.incidents, op.pick);
      const after = before && stepIncident(before, op, now + op.skewMs);
      if (!before || !after) return;
      state.incidents.set(after.id, after);
      return kpiOnIncident(book, before, after, now);
    }
    case 'station': {
      const before = nth(state.stations, op.pick);
      if (!before) return;
      const status = STATION_STATUSES[op.status % STATION_STATUSES.length] as Station['status'];
      const after: Station = { ...before, status, onDutyCount: op.onDutyCount, visitors: op.visitors, updatedAt: now };
      state.stations.set(after.id, after);
      return kpiOnStation(book, before, after);
    }
    default:
      return applyPeopleOp(world, op);
  }
};

const applyPeopleOp = (world: World, op: Op): void => {
  const { state, book, now } = world;
  const grid = (i: number) => world.grids[i % world.grids.length] as string;
  switch (op.kind) {
    case 'checkIn': {
      const checkIn = makeCheckIn(`c${world.nextId++}`, grid(op.grid), now + op.skewMs);
      state.checkins.set(checkIn.id, checkIn);
      return kpiOnCheckIn(book, undefined, checkIn, now);
    }
    case 'checkOut': {
      const before = nth(state.checkins, op.pick);
      if (!before || before.checkedOutAt !== undefined) return;
      const after = { ...before, checkedOutAt: now + op.skewMs, hours: op.hours, points: Math.round(op.hours * 10) };
      state.checkins.set(after.id, after);
      return kpiOnCheckIn(book, before, after, now);
    }
    case 'postWish': {
      const wish = makeWish(`w${world.nextId++}`, grid(op.grid), now);
      state.wishes.set(wish.id, wish);
      return kpiOnWish(book, undefined, wish);
    }
    case 'wishStep': {
      const before = nth(state.wishes, op.pick);
      if (!before || before.status === 'fulfilled') return;
      const after = before.status === 'posted'
        ? { ...before, status: 'claimed' as const, claimerName: '王五', claimedAt: now }
        : { ...before, status: 'fulfilled' as const, fulfilledAt: now };
      state.wishes.set(after.id, after);
      return kpiOnWish(book, before, after);
    }
    default:
      return undefined;
  }
};

/** Applies one operation; returns true after a tick, when the caller may compare with a rebuild. */
export const applyOp = (world: World, op: Op): boolean => {
  if (op.kind === 'advance') world.now += op.ms;
  else if (op.kind === 'prune') pruneRetained(world.state, world.now);
  else if (op.kind === 'tick') tickKpis(world.book, world.now);
  else applyStreamOp(world, op);
  return op.kind === 'tick';
};
