import type { JinlinEvent } from '../../../shared/domain/event';
import type { Region, RegionLevel } from '../../../shared/domain/region';
import type { OpeningHours, Station, StationType } from '../../../shared/domain/station';
import { applyEvent } from '../../../shared/logic/applyEvent';
import { createEntityState, type EntityState } from '../../../shared/logic/entityState';
import { createRng } from '../../../shared/logic/rng';
import { CountyIndex, type CountyData, type MapLevel, type RegionFeatureCollection } from '../../../server/county/CountyIndex';
import { decide } from '../../../server/ingest/Command';
import type { DecisionView } from '../../../server/ingest/Decision';
import { simulatorCounty, type SimulatorCounty } from '../../../server/simulator/simulatorCounty';
import { simulatorPlan } from '../../../server/simulator/simulatorPlan';
import type { PlannedCommand } from '../../../server/simulator/simulatorWindow';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
/** Local midnight (Asia/Shanghai) starting Wednesday 12 June 2024. */
export const WEDNESDAY = Date.UTC(2024, 5, 11, 16, 0, 0);
/** 回家日: Sunday 30 June 2024 is the last Sunday of June; the 23rd is an ordinary Sunday. */
export const HOMECOMING_SUNDAY = Date.UTC(2024, 5, 29, 16, 0, 0);
export const ORDINARY_SUNDAY = Date.UTC(2024, 5, 22, 16, 0, 0);

const region = (code: string, level: RegionLevel, parent: Region | null, index: number): Region => ({
  code,
  level,
  name: `${level}-${code}`,
  parentCode: parent?.code ?? null,
  path: [...(parent?.path ?? []), code],
  centroid: [119.1 + index * 0.004, 26.1 + (index % 7) * 0.003],
  households: 180,
  residents: 520,
  partyMembers: level === 'grid' ? 30 : 120,
  hasBranch: true,
  sample: level === 'compound' || level === 'grid',
});

const HOURS: Readonly<Record<'center' | 'room' | 'legal', OpeningHours>> = {
  center: { weekdayOpen: '08:30', weekdayClose: '17:30', extendedUntil: '21:00', weekend: 'all_day' },
  room: { weekdayOpen: '09:00', weekdayClose: '18:00', weekend: 'same' },
  legal: { weekdayOpen: '09:00', weekdayClose: '17:00', weekend: 'closed' },
};

const station = (id: string, type: StationType, hours: OpeningHours, at: Region): Station => ({
  id,
  type,
  name: `${at.name} ${type}`,
  regionCode: at.code,
  regionPath: [...at.path],
  location: { lng: at.centroid[0], lat: at.centroid[1] },
  hours,
  capacity: 60,
  status: 'closed',
  onDuty: null,
  onDutyCount: 0,
  visitors: 0,
  activity: null,
  updatedAt: 0,
});

const emptyFeatures = (): Record<MapLevel, RegionFeatureCollection> => {
  const levels: MapLevel[] = ['county', 'street', 'community', 'compound', 'grid', 'context'];
  return Object.fromEntries(levels.map((l) => [l, { type: 'FeatureCollection', features: [] }])) as unknown as Record<
    MapLevel,
    RegionFeatureCollection
  >;
};

const code = (parent: Region, n: number, digits: number) => `${parent.code}${String(n).padStart(digits, '0')}`;

/**
 * A county of streets × communities × compounds × grids; the default 2 × 2 × 2 × 3 has 24 grids and
 * 13 stations (a centre per community, a red station per compound, one weekday-only legal-aid post).
 */
export const makeCountyData = (size = { streets: 2, communities: 2, compounds: 2, grids: 3 }): CountyData => {
  const county = region('350121', 'county', null, 0);
  const regions: Region[] = [county];
  const stations: Station[] = [];
  let index = 0;
  for (let s = 1; s <= size.streets; s++) {
    const street = region(code(county, s, 3), 'street', county, index++);
    regions.push(street);
    for (let c = 1; c <= size.communities; c++) {
      const community = region(code(street, c, 3), 'community', street, index++);
      regions.push(community);
      stations.push(station(`ST-${community.code}-1`, 'party_service_center', HOURS.center, community));
      if (s === 1 && c === 1) stations.push(station(`ST-${community.code}-2`, 'legal_aid', HOURS.legal, community));
      for (let p = 1; p <= size.compounds; p++) {
        const compound = region(code(community, p, 3), 'compound', community, index++);
        regions.push(compound);
        stations.push(station(`ST-${compound.code}-1`, 'red_station', HOURS.room, compound));
        for (let g = 1; g <= size.grids; g++) regions.push(region(code(compound, g, 2), 'grid', compound, index++));
      }
    }
  }
  return { regions, features: emptyFeatures(), stations };
};

/** The grid whose centre is nearest (the fixture has no polygons): enough to locate phone GPS reports. */
const nearestGrid = (data: CountyData) => {
  const grids = data.regions.filter((r) => r.level === 'grid');
  return (lng: number, lat: number): string | null => {
    let best: Region | undefined;
    let bestDistance = Infinity;
    for (const grid of grids) {
      const distance = (grid.centroid[0] - lng) ** 2 + (grid.centroid[1] - lat) ** 2;
      if (distance < bestDistance) [best, bestDistance] = [grid, distance];
    }
    return best?.code ?? null;
  };
};

export interface ScriptRun {
  state: EntityState;
  steps: { planned: PlannedCommand; statusCode: number; error?: string }[];
  /** Incidents' status and level when each transition was planned, to check it against the machine. */
  transitions: { status: string; level: string; action: string }[];
  /** Overdue counts observed at the end of each window. */
  overdueSeen: number[];
}

/**
 * Runs the planner over [from, to) in windows of `stepMs`, deciding every planned command with the
 * server's own `decide` at its virtual time and applying the events: ingest without the store.
 */
export const runScript = (options: { seed: number; from: number; to: number; stepMs: number; rate: number }): ScriptRun => {
  const data = makeCountyData();
  const index = new CountyIndex(data, nearestGrid(data));
  const county: SimulatorCounty = simulatorCounty(data);
  const rng = createRng(options.seed);
  const state = createEntityState(data.stations);
  const run: ScriptRun = { state, steps: [], transitions: [], overdueSeen: [] };
  let ids = 0;
  for (let from = options.from; from < options.to; from += options.stepMs) {
    const to = Math.min(from + options.stepMs, options.to);
    for (const planned of simulatorPlan({ county, entities: state, rng, from, to, rate: options.rate })) {
      if (planned.command.kind === 'transitionIncident') {
        const incident = state.incidents.get(planned.command.id);
        const { status = 'missing', level = 'missing' } = incident ?? {};
        run.transitions.push({ status, level, action: planned.command.body.action });
      }
      const view = decisionView(state, index, planned.at, () => `T${++ids}`);
      const decision = decide(planned.command, view);
      if (decision.ok) for (const event of decision.events) applyEvent(state, { ...event, seq: state.seq + 1 } as JinlinEvent);
      const outcome = decision.ok ? { statusCode: decision.statusCode } : { statusCode: decision.error.statusCode, error: decision.error.error };
      run.steps.push({ planned, ...outcome });
    }
    run.overdueSeen.push([...state.incidents.values()].filter((i) => i.status !== 'resolved' && i.status !== 'rated' && to > i.dueAt).length);
  }
  return run;
};

const decisionView = (state: EntityState, county: CountyIndex, now: number, newId: () => string): DecisionView => ({
  now,
  county,
  newId: (prefix) => `${prefix}-${newId()}`,
  incident: (id) => state.incidents.get(id),
  station: (id) => state.stations.get(id),
  checkin: (id) => state.checkins.get(id),
  wish: (id) => state.wishes.get(id),
  region: (code) => county.get(code),
  openCheckinOf: (memberId) => [...state.checkins.values()].find((c) => c.memberId === memberId && c.checkedOutAt === undefined),
});

export const kindsOf = (planned: readonly PlannedCommand[]) => planned.map((p) => p.command.kind);
