import type { ReportIncidentBody } from '../../../shared/contract/http';
import type { IncidentSource, Priority } from '../../../shared/domain/incident';
import type { Station, StationType } from '../../../shared/domain/station';
import { randomPointInside } from '../../../shared/logic/geo/samplePoints';
import type { Rng } from '../../../shared/logic/rng';
import type { SimulatorGrid } from '../../simulator/simulatorCounty';
import { simulatorPerson } from '../../simulator/simulatorPerson';
import type { PlannedCommand } from '../../simulator/simulatorWindow';
import { checkinWave } from './checkinWave';
import { lowLyingCommunities } from './lowLyingCommunities';
import { scenarioTexts } from './scenarioTexts';
import { MINUTE_MS, momentIn, type ScenarioWindow } from './ScenarioWindow';
import { extendStation, stationHeadCount, standDown } from './stationCommands';

const texts = scenarioTexts.typhoon;
/** The storm's surge of reports lasts ten virtual minutes; volunteers arrive over the same span. */
const SURGE_MS = 10 * MINUTE_MS;
const REPORTS = 40;
const VOLUNTEERS = 90;
/** Shelters report their head count this often, filling up as people are moved in. */
const HEAD_COUNT_EVERY_MS = 5 * MINUTE_MS;
/** The all-clear: shelters stand down once every case is closed. */
const ALL_CLEAR_MS = 30 * MINUTE_MS;
/** Stations that can take people in overnight: service centres, red stations, neighbourhood centres. */
const SHELTER_TYPES: ReadonlySet<StationType> = new Set(['party_service_center', 'red_station', 'neighbourhood_center']);
const SOURCES: readonly IncidentSource[] = ['sensor', 'patrol', 'hotline', 'snapshot'];
/** Water-level and waterlogging sensors raise the first alarms; grid patrols and 12345 calls follow. */
const SOURCE_WEIGHTS = [20, 35, 30, 15];
const PRIORITIES: readonly Priority[] = ['urgent', 'high'];
const PRIORITY_WEIGHTS = [35, 65];

const reportBody = (rng: Rng, grid: SimulatorGrid, id: string): ReportIncidentBody => {
  const source = rng.weightedPick(SOURCES, SOURCE_WEIGHTS);
  const [lng, lat] = grid.shape ? randomPointInside(rng, grid.shape.geometry, grid.shape.bbox) : grid.centroid;
  const body: ReportIncidentBody = {
    id,
    category: 'safety',
    source,
    priority: rng.weightedPick(PRIORITIES, PRIORITY_WEIGHTS),
    description: rng.pick(texts.descriptions),
    lng: lng as number,
    lat: lat as number,
    gridCode: grid.code,
  };
  return source === 'hotline' || source === 'snapshot' ? { ...body, reporter: simulatorPerson(rng) } : body;
};

/** One case from report to 办结: accepted within minutes, dispatched, worked on, resolved within half an hour. */
const incidentCase = (rng: Rng, grid: SimulatorGrid, id: string, reportedAt: number): PlannedCommand[] => {
  const acceptedAt = reportedAt + rng.int(1, 3) * MINUTE_MS;
  const dispatchedAt = acceptedAt + rng.int(1, 4) * MINUTE_MS;
  const startedAt = dispatchedAt + rng.int(1, 5) * MINUTE_MS;
  const resolvedAt = startedAt + rng.int(3, 12) * MINUTE_MS;
  const step = (at: number, body: Extract<PlannedCommand['command'], { kind: 'transitionIncident' }>['body']): PlannedCommand => ({
    at,
    command: { kind: 'transitionIncident', id, body },
  });
  return [
    { at: reportedAt, command: { kind: 'reportIncident', body: reportBody(rng, grid, id) } },
    step(acceptedAt, { action: 'accept', note: texts.acceptNote }),
    step(dispatchedAt, { action: 'dispatch', assignee: rng.pick(texts.units) }),
    step(startedAt, { action: 'start' }),
    step(resolvedAt, { action: 'resolve', resolution: rng.pick(texts.resolutions) }),
  ];
};

/** Shelters open in the first minute and a half, fill up every few minutes, stand down at the all-clear. */
const shelterCommands = (rng: Rng, shelters: readonly Station[], startAt: number): PlannedCommand[] =>
  shelters.flatMap((station) => {
    const openedAt = momentIn(rng, startAt, 90_000);
    const commands = [extendStation(station, openedAt, rng, texts.shelterActivity, rng.int(4, 8))];
    let sheltered = rng.int(5, 15);
    for (let at = openedAt + HEAD_COUNT_EVERY_MS; at < startAt + ALL_CLEAR_MS; at += HEAD_COUNT_EVERY_MS) {
      sheltered += rng.int(3, 12);
      commands.push(stationHeadCount(station, at, sheltered, texts.shelterActivity));
    }
    commands.push(standDown(station, startAt + ALL_CLEAR_MS, rng));
    return commands;
  });

/**
 * 台风应急 typhoon drill: a surge of safety-hazard (安全隐患) reports, high or urgent, in the
 * low-lying communities' grids (see lowLyingCommunities), rising as the storm comes in; their
 * service centres and red stations turned into shelters; emergency volunteers checking in en masse
 * (助老: moving elderly and vulnerable residents out is the post closest to emergency duty, then
 * 文明劝导: keeping people away from the riverside); and every case resolved over the next minutes.
 */
export const typhoonPlan = (window: ScenarioWindow): PlannedCommand[] => {
  const { rng, startAt, county } = window;
  const low = lowLyingCommunities(window.regions);
  const grids = county.grids.filter((g) => low.has(g.communityCode));
  const shelters = county.stations.filter((s) => low.has(s.regionPath[2] ?? '') && SHELTER_TYPES.has(s.type));
  if (grids.length === 0) return [];
  const reportRng = rng.fork('typhoon:reports');
  const incidents = Array.from({ length: REPORTS }, (_, i) => {
    // Denser towards the end of the surge: the storm is getting closer.
    const reportedAt = startAt + Math.floor(SURGE_MS * Math.sqrt(reportRng.next()));
    return incidentCase(reportRng.fork(i), reportRng.pick(grids), `INC-TY-${startAt.toString(36)}-${i}`, reportedAt);
  }).flat();
  const volunteers = checkinWave(window, {
    tag: 'yj',
    count: VOLUNTEERS,
    grids,
    gridWeights: grids.map(() => 1),
    poolPerCommunity: 40,
    partyMemberShare: 0.7,
    categories: ['elder_help', 'civility', 'clinic'],
    categoryWeights: [6, 3, 1],
    stationShare: 0.5,
    stationsOf: (community) => shelters.filter((s) => s.regionPath[2] === community),
    from: startAt + MINUTE_MS,
    spanMs: SURGE_MS,
  });
  const planned = [...shelterCommands(rng.fork('typhoon:shelters'), shelters, startAt), ...incidents, ...volunteers];
  return planned.sort((a, b) => a.at - b.at);
};
