import type { StationStatusBody } from '../../../shared/contract/http';
import type { Station } from '../../../shared/domain/station';
import type { Rng } from '../../../shared/logic/rng';
import { scheduledStationStatus } from '../../simulator/simulatorStations';
import { simulatorPerson } from '../../simulator/simulatorPerson';
import type { PlannedCommand } from '../../simulator/simulatorWindow';

const planned = (station: Station, at: number, body: StationStatusBody): PlannedCommand => ({
  at,
  command: { kind: 'setStationStatus', id: station.id, body },
});

/** A station goes on 延时服务 for the occasion: staffed up, with the occasion as its activity. */
export const extendStation = (station: Station, at: number, rng: Rng, activity: string, onDutyCount: number): PlannedCommand =>
  planned(station, at, {
    status: 'extended',
    onDuty: simulatorPerson(rng),
    onDutyCount,
    visitors: Math.min(station.capacity, rng.int(3, 12)),
    activity,
  });

/** A later head count at a station still serving the occasion (status and duty staff unchanged). */
export const stationHeadCount = (station: Station, at: number, visitors: number, activity: string): PlannedCommand =>
  planned(station, at, { status: 'extended', visitors: Math.min(station.capacity, visitors), activity });

/** Back to what its opening hours say for that moment, with the occasion over. */
export const standDown = (station: Station, at: number, rng: Rng): PlannedCommand => {
  const status = scheduledStationStatus(station.hours, at);
  if (status === 'closed') return planned(station, at, { status });
  return planned(station, at, { status, onDutyCount: rng.int(1, 2), visitors: Math.min(station.capacity, rng.int(0, 5)), activity: null });
};
