import { PublicSnapshot } from '../../shared/contract/publicSchemas';
import type { Snapshot } from '../../shared/contract/snapshot';
import { pickBySchema } from '../../shared/logic/pickBySchema';
import type { Region } from '../../shared/domain/region';
import { isInScope } from '../../shared/logic/scope';
import { publicIncident, shapeForAudience, type Audience } from '../../shared/logic/shapeForAudience';
import { CheckIn } from '../../shared/domain/volunteer';
import { Station } from '../../shared/domain/station';
import { Wish } from '../../shared/domain/wish';
import { DAY_MS, shanghaiDayStart } from '../../shared/logic/shanghaiTime';
import type { LiveState } from './LiveState';

const HEAT_WINDOW_MS = 7 * DAY_MS;

/** What a snapshot is cut from: live state now, or the log at a past moment (server/replay). */
export type Picture = Pick<LiveState, 'entities' | 'county' | 'epoch' | 'kpisOf'>;

/** One scope's picture, shaped for the audience (public screens never see residents' data). */
export const buildSnapshot = (live: Picture, region: Region, audience: Audience, now: number): Snapshot => {
  const snapshot = pictureOf(live, region, audience, now);
  // Public screens get the snapshot cut to the public schema: no undeclared field leaves the server.
  return audience === 'full' ? snapshot : (pickBySchema(PublicSnapshot, snapshot) as Snapshot);
};

const pictureOf = (live: Picture, region: Region, audience: Audience, now: number): Snapshot => {
  const { entities, county } = live;
  const inScope = (path: string[]) => isInScope(path, region.code);
  const today = shanghaiDayStart(now);
  const incidents = [...entities.incidents.values()].filter(
    (i) => inScope(i.regionPath) && (i.resolvedAt === undefined || i.resolvedAt >= now - HEAT_WINDOW_MS),
  );
  const shape = <T>(schema: Parameters<typeof shapeForAudience>[0], value: T) => shapeForAudience(schema, value, audience);
  return {
    seq: entities.seq,
    epoch: live.epoch,
    at: now,
    scope: region.code,
    region,
    ancestors: region.path.slice(0, -1).map((code) => county.get(code)).filter((r): r is Region => r !== undefined),
    kpis: live.kpisOf(region.code, now),
    children: county.childrenOf(region.code).map((child) => {
      const k = live.kpisOf(child.code, now).incidents;
      return {
        code: child.code,
        name: child.name,
        level: child.level,
        households: child.households,
        open: k.open,
        overdue: k.overdue,
        reportedToday: k.reportedToday,
        resolvedToday: k.resolvedToday,
      };
    }),
    incidents: audience === 'full' ? incidents : incidents.map(publicIncident),
    stations: [...entities.stations.values()].filter((s) => inScope(s.regionPath)).map((s) => shape(Station, s)),
    checkins: [...entities.checkins.values()]
      .filter((c) => inScope(c.regionPath) && (c.checkedOutAt === undefined || c.checkedOutAt >= today))
      .map((c) => shape(CheckIn, c)),
    wishes: [...entities.wishes.values()]
      .filter((w) => inScope(w.regionPath) && (w.status !== 'fulfilled' || (w.fulfilledAt ?? 0) >= today))
      .map((w) => shape(Wish, w)),
  };
};
