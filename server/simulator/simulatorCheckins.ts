import type { CheckInBody } from '../../shared/contract/http';
import { SERVICE_CATEGORIES, type CheckIn, type ServiceCategory } from '../../shared/domain/volunteer';
import type { Rng } from '../../shared/logic/rng';
import { HOUR_MS } from '../../shared/logic/shanghaiTime';
import { simulatorArrivals } from './simulatorArrivals';
import { pickGrid, type SimulatorCounty } from './simulatorCounty';
import { simulatorPerson } from './simulatorPerson';
import { hourWeight, isHomecomingDay, isWeekend, simulatorRates } from './simulatorRates';
import { scheduledStationStatus } from './simulatorStations';
import { dueInWindow, remember, simulatorId, type PlannedCommand, type SimulatorWindow } from './simulatorWindow';

/** Posts members pick: outreach, civility and opinions are everyday; clinics and epidemic duty are occasional. */
const CATEGORY_WEIGHTS: Readonly<Record<ServiceCategory, number>> = {
  policy: 16,
  civility: 18,
  opinions: 14,
  clinic: 5,
  epidemic: 3,
  elder_help: 18,
  tutoring: 10,
  mediation: 8,
};
/** Share of check-ins at a station (when one in the community is open) rather than out in a grid. */
const STATION_SHARE = 0.35;
/** Employed party members (双报到) against other volunteers. */
const PARTY_MEMBER_SHARE = 0.7;

/** A session lasts one to three hours, about two; it hangs on the check-in id, so any window agrees. */
export const sessionMs = (checkin: Pick<CheckIn, 'id'>, root: Rng): number =>
  root.fork(`session:${checkin.id}`).normalClamped(1.9, 0.5, 1, 3) * HOUR_MS;

/** A registered member of a community: the same id always has the same name, phone and kind. */
const member = (communityCode: string, index: number, root: Rng) => {
  const memberId = `M-${communityCode}-${index}`;
  const rng = root.fork(`member:${memberId}`);
  return { memberId, ...simulatorPerson(rng), partyMember: rng.chance(PARTY_MEMBER_SHARE) };
};

const checkinBody = (rng: Rng, window: SimulatorWindow, at: number, index: number, busy: Set<string>): CheckInBody | null => {
  const county: SimulatorCounty = window.county;
  const grid = pickGrid(county, rng);
  const who = member(grid.communityCode, rng.int(1, county.memberPool.get(grid.communityCode) ?? 12), window.rng);
  // Someone already on a post is not checking in again; the arrival simply does not happen.
  if (busy.has(who.memberId)) return null;
  busy.add(who.memberId);
  const stations = (county.stationsByCommunity.get(grid.communityCode) ?? []).filter(
    (s) => scheduledStationStatus(s.hours, at) !== 'closed',
  );
  const station = stations.length > 0 && rng.chance(STATION_SHARE) ? rng.pick(stations) : undefined;
  const categories = SERVICE_CATEGORIES.map((c) => CATEGORY_WEIGHTS[c]);
  return {
    id: simulatorId('CK', window, at, index),
    memberId: who.memberId,
    memberName: who.name,
    memberPhone: who.phone,
    kind: who.partyMember ? 'party_member' : 'volunteer',
    category: rng.weightedPick(SERVICE_CATEGORIES, categories),
    ...(station ? { stationId: station.id } : { gridCode: grid.code }),
  };
};

const perDayAt = (window: SimulatorWindow) => {
  const perDay = simulatorRates.checkinsPerGridDay * window.county.grids.length * window.rate;
  return (at: number) =>
    perDay *
    hourWeight(simulatorRates.checkinProfile, at) *
    (isWeekend(at) ? simulatorRates.weekendCheckinFactor : 1) *
    (isHomecomingDay(at) ? simulatorRates.homecomingCheckinFactor : 1);
};

/** Check-outs of sessions that end in the window, then new check-ins (回家日: several times as many). */
export const simulatorCheckins = (window: SimulatorWindow): PlannedCommand[] => {
  const commands: PlannedCommand[] = [];
  const busy = new Set<string>();
  for (const checkin of window.entities.checkins.values()) {
    if (checkin.checkedOutAt !== undefined) continue;
    busy.add(checkin.memberId);
    const endsAt = remember(window, checkin, () => checkin.checkedInAt + sessionMs(checkin, window.rng));
    const at = dueInWindow(endsAt, window);
    if (at !== null) commands.push({ at, command: { kind: 'checkOut', id: checkin.id, body: {} } });
  }
  const rng = window.rng.fork(`checkins:${window.from}`);
  simulatorArrivals(rng, window.from, window.to, perDayAt(window)).forEach((at, index) => {
    const body = checkinBody(rng, window, at, index, busy);
    if (body) commands.push({ at, command: { kind: 'checkIn', body } });
  });
  return commands;
};
