import type { ReportIncidentBody } from '../../shared/contract/http';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_SOURCES,
  PRIORITIES,
  type IncidentCategory,
  type IncidentSource,
  type Priority,
  type Reporter,
} from '../../shared/domain/incident';
import { gcj02ToWgs84 } from '../../shared/logic/geo/gcj02';
import { randomPointInside } from '../../shared/logic/geo/samplePoints';
import type { Rng } from '../../shared/logic/rng';
import { simulatorArrivals } from './simulatorArrivals';
import { pickGrid, type SimulatorGrid } from './simulatorCounty';
import { simulatorPerson } from './simulatorPerson';
import { hourWeight, isWeekend, simulatorRates } from './simulatorRates';
import { simulatorTexts } from './simulatorTexts';
import { simulatorId, type PlannedCommand, type SimulatorWindow } from './simulatorWindow';

/** Category mix: the everyday complaints (sanitation, facilities, parking, disorder) dominate, as in the seeds' tallies. */
const CATEGORY_WEIGHTS: Readonly<Record<IncidentCategory, number>> = {
  dispute: 10,
  illegal_construction: 6,
  disorder: 12,
  sanitation: 18,
  facility: 16,
  safety: 7,
  parking: 12,
  livelihood: 10,
  care: 5,
  epidemic: 2,
  customs: 2,
};
/** Grid workers' patrol app first, then 随手拍, 12345, red-station walk-ins, sensors; Open311 is for real adapters. */
const SOURCE_WEIGHTS: Readonly<Record<IncidentSource, number>> = {
  patrol: 45,
  snapshot: 25,
  hotline: 18,
  station: 8,
  sensor: 4,
  open311: 0,
};
/** Mostly normal, some high, rare urgent; a fire hazard is more often pressing. */
const PRIORITY_WEIGHTS = { usual: [10, 72, 16, 2], safety: [0, 50, 40, 10] } as const;
const SENSOR_CATEGORIES: readonly IncidentCategory[] = ['safety', 'facility'];
/** Share of 随手拍 reports sent as raw phone GPS (WGS-84), which ingest converts and locates. */
const GPS_SHARE = 0.5;

const weightsOf = <K extends string>(keys: readonly K[], table: Readonly<Record<K, number>>) => keys.map((k) => table[k]);

const locationIn = (grid: SimulatorGrid, rng: Rng): [number, number] => {
  if (grid.shape) return randomPointInside(rng, grid.shape.geometry, grid.shape.bbox) as [number, number];
  // Without a polygon, stay within ~50 m of the centre, well inside any grid.
  return [grid.centroid[0] + rng.float(-0.0005, 0.0005), grid.centroid[1] + rng.float(-0.0004, 0.0004)];
};

const reporterFor = (source: IncidentSource, rng: Rng): Reporter | undefined => {
  if (source === 'patrol' || source === 'sensor') return undefined;
  const person = simulatorPerson(rng);
  const address = `${rng.int(1, 32)}号楼${rng.int(1, 4)}单元${rng.int(1, 18)}0${rng.int(1, 4)}室`;
  return source === 'hotline' || rng.chance(0.7) ? { ...person, address } : { name: person.name };
};

/** One report as a field app, mini-program or hotline adapter would post it. */
const reportBody = (rng: Rng, grid: SimulatorGrid, id: string): ReportIncidentBody => {
  const source = rng.weightedPick(INCIDENT_SOURCES, weightsOf(INCIDENT_SOURCES, SOURCE_WEIGHTS));
  const category =
    source === 'sensor' ? rng.pick(SENSOR_CATEGORIES) : rng.weightedPick(INCIDENT_CATEGORIES, weightsOf(INCIDENT_CATEGORIES, CATEGORY_WEIGHTS));
  const priority: Priority = rng.weightedPick(PRIORITIES, category === 'safety' ? PRIORITY_WEIGHTS.safety : PRIORITY_WEIGHTS.usual);
  const [lng, lat] = locationIn(grid, rng);
  const reporter = reporterFor(source, rng);
  const base = { id, category, source, priority, description: rng.pick(simulatorTexts.categories[category].descriptions) };
  const withReporter = reporter ? { ...base, reporter } : base;
  if (source === 'snapshot' && rng.chance(GPS_SHARE)) {
    // A phone knows where it is, not which grid: ingest converts the datum and finds the grid.
    const [wgsLng, wgsLat] = gcj02ToWgs84(lng, lat);
    return { ...withReporter, lng: wgsLng, lat: wgsLat, crs: 'wgs84' };
  }
  return { ...withReporter, lng, lat, gridCode: grid.code };
};

const perDayAt = (window: SimulatorWindow) => {
  const perDay = simulatorRates.incidentsPerGridDay * window.county.grids.length * window.rate;
  return (at: number) =>
    perDay * hourWeight(simulatorRates.incidentProfile, at) * (isWeekend(at) ? simulatorRates.weekendIncidentFactor : 1);
};

/** New incidents reported in the window: a Poisson stream shaped by the hour of day. */
export const simulatorIncidentReports = (window: SimulatorWindow): PlannedCommand[] => {
  const rng = window.rng.fork(`incidents:${window.from}`);
  return simulatorArrivals(rng, window.from, window.to, perDayAt(window)).map((at, i) => ({
    at,
    command: { kind: 'reportIncident', body: reportBody(rng, pickGrid(window.county, rng), simulatorId('INC', window, at, i)) },
  }));
};
