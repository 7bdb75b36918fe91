import type { Wish } from '../../../shared/domain/wish';
import type { Rng } from '../../../shared/logic/rng';
import { simulatorName, simulatorPerson } from '../../simulator/simulatorPerson';
import type { PlannedCommand } from '../../simulator/simulatorWindow';
import { checkinWave } from './checkinWave';
import { scenarioTexts } from './scenarioTexts';
import { MINUTE_MS, momentIn, type ScenarioWindow } from './ScenarioWindow';
import { extendStation } from './stationCommands';

const texts = scenarioTexts.homeDay;
/** Members arrive over a quarter of an hour, the way a 回家日 morning fills the service centres. */
const WAVE_MS = 15 * MINUTE_MS;
const MEMBERS = 180;
/** How many waiting 微心愿 members take on the spot; new ones are posted if fewer are waiting. */
const WISHES_CLAIMED = 6;

/** Claims of the longest-waiting wishes, topped up with freshly posted ones when too few wait. */
const wishCommands = (window: ScenarioWindow, rng: Rng): PlannedCommand[] => {
  const waiting = [...window.entities.wishes.values()]
    .filter((w) => w.status === 'posted')
    .sort((a, b) => a.postedAt - b.postedAt || a.id.localeCompare(b.id))
    .slice(0, WISHES_CLAIMED);
  const commands: PlannedCommand[] = [];
  const claim = (wish: Pick<Wish, 'id'>, after: number) =>
    commands.push({
      at: momentIn(rng, after, 8 * MINUTE_MS),
      command: { kind: 'claimWish', id: wish.id, body: { claimerName: simulatorName(rng) } },
    });
  for (const wish of waiting) claim(wish, window.startAt + 2 * MINUTE_MS);
  const grids = window.county.grids;
  for (let i = waiting.length; i < WISHES_CLAIMED; i++) {
    const id = `WISH-HD-${window.startAt.toString(36)}-${i}`;
    const resident = simulatorPerson(rng);
    const { title, description } = rng.pick(texts.wishes);
    const regionCode = rng.pick(grids).code;
    const postedAt = momentIn(rng, window.startAt, 2 * MINUTE_MS);
    commands.push({
      at: postedAt,
      command: { kind: 'postWish', body: { id, title, description, regionCode, residentName: resident.name, residentPhone: resident.phone } },
    });
    claim({ id }, postedAt + MINUTE_MS);
  }
  return commands;
};

/**
 * 回家日 home day: on the last Sunday of the month employed party members report back to the
 * community they live in (双报到). A wave of check-ins across every community, weighted by its
 * party members; every community's party-mass service centre on 延时服务 to receive them; and a
 * few 微心愿 taken on the spot.
 */
export const homeDayPlan = (window: ScenarioWindow): PlannedCommand[] => {
  const { rng, startAt, county } = window;
  const members = new Map(window.regions.filter((r) => r.level === 'community').map((r) => [r.code, r.partyMembers]));
  const grids = county.grids;
  const gridsPerCommunity = new Map<string, number>();
  for (const grid of grids) gridsPerCommunity.set(grid.communityCode, (gridsPerCommunity.get(grid.communityCode) ?? 0) + 1);
  const centres = county.stations.filter((s) => s.type === 'party_service_center');
  const stationRng = rng.fork('homeDay:stations');
  const stations = centres.map((station) =>
    extendStation(station, momentIn(stationRng, startAt, 2 * MINUTE_MS), stationRng, texts.stationActivity, stationRng.int(3, 6)),
  );
  const checkins = checkinWave(window, {
    tag: 'hd',
    count: MEMBERS,
    grids,
    // A community's share of the wave follows its party members, spread over its grids.
    gridWeights: grids.map((g) => (members.get(g.communityCode) ?? 1) / (gridsPerCommunity.get(g.communityCode) ?? 1)),
    poolPerCommunity: 120,
    partyMemberShare: 1,
    categories: ['policy', 'civility', 'opinions', 'elder_help', 'tutoring', 'mediation', 'clinic'],
    categoryWeights: [3, 3, 3, 3, 2, 1, 1],
    stationShare: 0.5,
    stationsOf: (community) => centres.filter((s) => s.regionPath[2] === community),
    from: startAt,
    spanMs: WAVE_MS,
  });
  const planned = [...stations, ...checkins, ...wishCommands(window, rng.fork('homeDay:wishes'))];
  return planned.sort((a, b) => a.at - b.at);
};
