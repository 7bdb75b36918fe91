import type { Snapshot } from '../../shared/contract/snapshot';
import type { Region } from '../../shared/domain/region';
import { isInScope } from '../../shared/logic/scope';
import type { Audience } from '../../shared/logic/shapeForAudience';
import { DAY_MS, shanghaiDayStart } from '../../shared/logic/shanghaiTime';
import type { LiveState } from './LiveState';
import { publicSnapshotOf } from './publicRecords';

const HEAT_WINDOW_MS = 7 * DAY_MS;

/** What a snapshot is cut from: live state now, or the log at a past moment (server/replay). */
export type Picture = Pick<LiveState, 'entities' | 'county' | 'epoch' | 'kpisOf'>;

/** One scope's picture, shaped for the audience (public screens never see residents' data). */
export const buildSnapshot = (live: Picture, region: Region, audience: Audience, now: number): Snapshot => {
  const snapshot = pictureOf(live, region, now);
  // Public screens get every record scrubbed and the whole cut to the public schema: no undeclared field leaves the server.
  return audience === 'full' ? snapshot : publicSnapshotOf(snapshot);
};

const pictureOf = (live: Picture, region: Region, now: number): Snapshot => {
  const { entities, county } = live;
  const inScope = (path: string[]) => isInScope(path, region.code);
  const today = shanghaiDayStart(now);
  const incidents = [...entities.incidents.values()].filter(
    (i) => inScope(i.regionPath) && (i.resolvedAt === undefined || i.resolvedAt >= now - HEAT_WINDOW_MS),
  );
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
    incidents,
    stations: [...entities.stations.values()].filter((s) => inScope(s.regionPath)),
    checkins: [...entities.checkins.values()].filter((c) => inScope(c.regionPath) && (c.checkedOutAt === undefined || c.checkedOutAt >= today)),
    wishes: [...entities.wishes.values()].filter((w) => inScope(w.regionPath) && (w.status !== 'fulfilled' || (w.fulfilledAt ?? 0) >= today)),
  };
};
