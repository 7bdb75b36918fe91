import type { StationStatusBody } from '../../shared/contract/http';
import type { OpeningHours, Station } from '../../shared/domain/station';
import type { Rng } from '../../shared/logic/rng';
import { DAY_MS, shanghaiDayStart, shanghaiParts } from '../../shared/logic/shanghaiTime';
import { simulatorPerson } from './simulatorPerson';
import { hourWeight, simulatorRates } from './simulatorRates';
import { simulatorTexts } from './simulatorTexts';
import { dueInWindow, remember, type PlannedCommand, type SimulatorWindow } from './simulatorWindow';

const MINUTE_MS = 60_000;
/** A rare fault (screen, network, door access) per visitor report; repaired within one to three hours. */
const FAULT_CHANCE = 0.0003;
const ACTIVITY_START_CHANCE = 0.12;
const ACTIVITY_END_CHANCE = 0.35;
/** 延时服务 ends at 21:00 unless the station says otherwise. */
const DEFAULT_EXTENDED_UNTIL = '21:00';

export type ScheduledStatus = 'open' | 'extended' | 'closed';

export interface StationBoundary {
  at: number;
  status: ScheduledStatus;
}

const clockMs = (hhmm: string): number => (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * MINUTE_MS;

/**
 * A day's scheduled changes: open, then 延时服务 if offered, then closed. At weekends an
 * "all_day" station keeps serving into the evening (the seeds' "weekends all day").
 */
export const stationDayBoundaries = (hours: OpeningHours, dayStart: number): StationBoundary[] => {
  const weekday = shanghaiParts(dayStart).weekday;
  const weekend = weekday === 0 || weekday === 6;
  if (weekend && hours.weekend === 'closed') return [];
  const open = dayStart + clockMs(hours.weekdayOpen);
  const close = dayStart + clockMs(hours.weekdayClose);
  const until = weekend && hours.weekend === 'all_day' ? (hours.extendedUntil ?? DEFAULT_EXTENDED_UNTIL) : hours.extendedUntil;
  const extendedEnd = until === undefined ? close : dayStart + clockMs(until);
  if (extendedEnd <= close) return [{ at: open, status: 'open' }, { at: close, status: 'closed' }];
  return [
    { at: open, status: 'open' },
    { at: close, status: 'extended' },
    { at: extendedEnd, status: 'closed' },
  ];
};

/** The latest scheduled change at or before `at` (a week back at most: a station closed all week has none). */
export const stationBoundaryBefore = (hours: OpeningHours, at: number): StationBoundary | null => {
  for (let day = shanghaiDayStart(at), i = 0; i < 8; i++, day -= DAY_MS) {
    const passed = stationDayBoundaries(hours, day).filter((b) => b.at <= at);
    const last = passed[passed.length - 1];
    if (last) return last;
  }
  return null;
};

export const scheduledStationStatus = (hours: OpeningHours, at: number): ScheduledStatus =>
  stationBoundaryBefore(hours, at)?.status ?? 'closed';

/** Opening or handing over to the evening shift: a fresh duty person, a few early visitors. */
const shiftBody = (status: ScheduledStatus, rng: Rng): StationStatusBody =>
  status === 'closed'
    ? { status }
    : { status, onDuty: simulatorPerson(rng), onDutyCount: rng.int(1, 3), visitors: rng.int(0, 3), activity: null };

/** A visitor report while open: numbers follow the hour, activities come and go, rarely a fault. */
const visitBody = (station: Station, at: number, rng: Rng): StationStatusBody => {
  if (rng.chance(FAULT_CHANCE)) return { status: 'fault', activity: null };
  const activity =
    station.activity === null
      ? rng.chance(ACTIVITY_START_CHANCE) ? rng.pick(simulatorTexts.activities) : null
      : rng.chance(ACTIVITY_END_CHANCE) ? null : station.activity;
  const occupancy = 0.15 * hourWeight(simulatorRates.incidentProfile, at) * rng.float(0.5, 1.5) + (activity ? 0.4 : 0);
  const visitors = Math.min(station.capacity, Math.round(station.capacity * occupancy));
  const onDutyCount = Math.max(1, Math.min(6, station.onDutyCount + rng.int(-1, 1)));
  return { status: station.status, visitors, activity, onDutyCount };
};

const visitIntervalMs = (rng: Rng, rate: number): number => {
  const meanMinutes = simulatorRates.stationUpdateMeanMinutes / Math.max(rate, 1e-9);
  const exponential = -Math.log(1 - rng.next()) * meanMinutes;
  return Math.max(simulatorRates.stationUpdateMinMinutes, exponential) * MINUTE_MS;
};

const planned = (station: Station, at: number, body: StationStatusBody): PlannedCommand => ({
  at,
  command: { kind: 'setStationStatus', id: station.id, body },
});

/** At most one change per station per window; the next window sees its effect. */
const planStation = (station: Station, window: SimulatorWindow): PlannedCommand | null => {
  const key = `${station.id}@${station.updatedAt}`;
  if (station.status === 'fault') {
    const repairAt = remember(window, station, () => station.updatedAt + window.rng.fork(`repair:${key}`).float(60, 180) * MINUTE_MS);
    const at = dueInWindow(repairAt, window);
    const rng = window.rng.fork(`repaired:${key}`);
    return at === null ? null : planned(station, at, shiftBody(scheduledStationStatus(station.hours, at), rng));
  }
  const boundary = stationBoundaryBefore(station.hours, window.to - 1);
  // A scheduled change passed since the last update (or the station was never updated): apply it.
  // A change someone made after the boundary is left alone until the next one.
  if (boundary && station.updatedAt < boundary.at && (station.status !== boundary.status || boundary.status !== 'closed')) {
    const at = Math.max(boundary.at, window.from);
    return planned(station, at, shiftBody(boundary.status, window.rng.fork(`shift:${station.id}@${boundary.at}`)));
  }
  if (station.status === 'closed') return null;
  const visitAt = remember(window, station, () => station.updatedAt + visitIntervalMs(window.rng.fork(`visit:${key}`), window.rate));
  const at = dueInWindow(visitAt, window);
  return at === null ? null : planned(station, at, visitBody(station, at, window.rng.fork(`visitors:${key}`)));
};

/** Station status: opening hours drive open / extended / closed; visitors, activities and faults in between. */
export const simulatorStations = (window: SimulatorWindow): PlannedCommand[] => {
  const commands: PlannedCommand[] = [];
  for (const station of window.entities.stations.values()) {
    const command = planStation(station, window);
    if (command) commands.push(command);
  }
  return commands;
};
