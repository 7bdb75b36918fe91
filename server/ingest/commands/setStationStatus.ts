import type { StationStatusBody } from '../../../shared/contract/http';
import { accept, refuse, type Decision, type DecisionView } from '../Decision';

/** A station reports its live status; fields left out keep their current value. */
export const setStationStatus = (id: string, body: StationStatusBody, view: DecisionView): Decision => {
  const station = view.station(id);
  if (!station) return refuse(404, 'station_not_found', `no station with id ${id}`);
  const closed = body.status === 'closed';
  const payload = {
    stationId: id,
    status: body.status,
    // A closed station has nobody on duty and no visitors, whatever the body says.
    onDuty: closed ? null : body.onDuty !== undefined ? body.onDuty : station.onDuty,
    onDutyCount: closed ? 0 : (body.onDutyCount ?? station.onDutyCount),
    visitors: closed ? 0 : (body.visitors ?? station.visitors),
    activity: closed ? null : body.activity !== undefined ? body.activity : station.activity,
  };
  return accept(
    200,
    { id: view.newId('EV'), type: 'station:statusChanged', at: view.now, regionPath: station.regionPath, payload },
    { collection: 'stations', id },
  );
};
