import type { CheckInBody } from '../../../shared/contract/http';
import type { Station } from '../../../shared/domain/station';
import type { ServiceCategory } from '../../../shared/domain/volunteer';
import type { Rng } from '../../../shared/logic/rng';
import type { SimulatorGrid } from '../../simulator/simulatorCounty';
import { simulatorPerson } from '../../simulator/simulatorPerson';
import type { PlannedCommand } from '../../simulator/simulatorWindow';
import { momentIn, type ScenarioWindow } from './ScenarioWindow';

export interface CheckinWave {
  /** Distinguishes the wave's members and ids from the simulator's and from other scenarios'. */
  tag: string;
  count: number;
  /** Where members turn up, each with the weight of its community. */
  grids: readonly SimulatorGrid[];
  gridWeights: readonly number[];
  /** Members registered for the occasion in each community (ids `M-<community>-<tag><n>`). */
  poolPerCommunity: number;
  partyMemberShare: number;
  categories: readonly ServiceCategory[];
  categoryWeights: readonly number[];
  /** Share of members who report at one of `stationsOf(community)` rather than out in their grid. */
  stationShare: number;
  stationsOf: (communityCode: string) => readonly Station[];
  /** When arrivals start and how long they last. */
  from: number;
  spanMs: number;
}

/**
 * Members checking in en masse (报到). A member already on duty (by the current entities, or
 * earlier in this wave) does not check in twice; the arrival simply does not happen.
 */
export const checkinWave = (window: ScenarioWindow, wave: CheckinWave): PlannedCommand[] => {
  const rng: Rng = window.rng.fork(`checkins:${wave.tag}`);
  const busy = new Set<string>();
  for (const checkin of window.entities.checkins.values()) if (checkin.checkedOutAt === undefined) busy.add(checkin.memberId);
  const commands: PlannedCommand[] = [];
  if (wave.grids.length === 0) return commands;
  for (let i = 0; i < wave.count; i++) {
    const grid = rng.weightedPick(wave.grids, wave.gridWeights);
    const memberId = `M-${grid.communityCode}-${wave.tag}${rng.int(1, wave.poolPerCommunity)}`;
    if (busy.has(memberId)) continue;
    busy.add(memberId);
    // The same member always has the same name and phone, whichever wave or rehearsal.
    const person = simulatorPerson(window.rng.fork(`member:${memberId}`));
    const stations = wave.stationsOf(grid.communityCode);
    const station = stations.length > 0 && rng.chance(wave.stationShare) ? rng.pick(stations) : undefined;
    const body: CheckInBody = {
      id: `CK-${wave.tag}-${window.startAt.toString(36)}-${i}`,
      memberId,
      memberName: person.name,
      memberPhone: person.phone,
      kind: rng.chance(wave.partyMemberShare) ? 'party_member' : 'volunteer',
      category: rng.weightedPick(wave.categories, wave.categoryWeights),
      ...(station ? { stationId: station.id } : { gridCode: grid.code }),
    };
    commands.push({ at: momentIn(rng, wave.from, wave.spanMs), command: { kind: 'checkIn', body } });
  }
  return commands;
};
