import type { CheckInBody, CheckOutBody } from '../../../shared/contract/http';
import { decideCheckout, newCheckin } from '../../../shared/logic/checkinRules';
import { accept, refuse, type Decision, type DecisionView } from '../Decision';

/** 报到: a member checks in at a station (placed there) or a grid (placed at its centre). */
export const checkIn = (body: CheckInBody, view: DecisionView): Decision => {
  const place = placeOf(body, view);
  if ('error' in place) return place.error;
  const open = view.openCheckinOf(body.memberId);
  // Not the check-in's id nor its place: it may lie in another scope, and the message must be the
  // same wherever the member is on duty.
  if (open) return refuse(409, 'already_checked_in', `member ${body.memberId} is still checked in; check them out first`);
  if (body.id !== undefined && view.checkin(body.id)) return refuse(409, 'duplicate_id', `id ${body.id} is already a check-in`);
  const checkin = newCheckin({ id: body.id ?? view.newId('CK'), body, regionPath: place.regionPath, location: place.location, now: view.now });
  return accept(
    201,
    { id: view.newId('EV'), type: 'volunteer:checkedIn', at: view.now, regionPath: checkin.regionPath, payload: { checkin } },
    { collection: 'checkins', id: checkin.id },
  );
};

type Place = { regionPath: string[]; location: { lng: number; lat: number } } | { error: Decision };

const placeOf = (body: CheckInBody, view: DecisionView): Place => {
  if (body.stationId !== undefined) {
    const station = view.station(body.stationId);
    if (!station) return { error: refuse(422, 'station_not_found', `stationId ${body.stationId} is not a station`) };
    return { regionPath: station.regionPath, location: station.location };
  }
  if (body.gridCode !== undefined) {
    const grid = view.region(body.gridCode);
    if (!grid || grid.level !== 'grid') return { error: refuse(422, 'grid_not_found', `gridCode ${body.gridCode} is not a grid`) };
    return { regionPath: grid.path, location: { lng: grid.centroid[0], lat: grid.centroid[1] } };
  }
  return { error: refuse(422, 'place_required', 'a check-in needs stationId or gridCode') };
};

/** 签退: hours from the check-in time, points by the rule unless awarded explicitly. */
export const checkOut = (id: string, body: CheckOutBody, view: DecisionView): Decision => {
  const checkin = view.checkin(id);
  if (!checkin) return refuse(404, 'checkin_not_found', `no check-in with id ${id}`);
  const decision = decideCheckout(checkin, body, view.now);
  if (!decision.ok) return refuse(decision.error.code === 'already_checked_out' ? 409 : 422, decision.error.code, decision.error.message);
  const { type, payload, at } = decision.value;
  return accept(200, { id: view.newId('EV'), type, at, regionPath: checkin.regionPath, payload }, { collection: 'checkins', id });
};
