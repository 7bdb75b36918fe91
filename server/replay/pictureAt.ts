import type { RegionKpis } from '../../shared/domain/kpi';
import { applyEvent } from '../../shared/logic/applyEvent';
import type { EntityState } from '../../shared/logic/entityState';
import { readKpis } from '../../shared/logic/kpi/readKpis';
import { rebuildKpis } from '../../shared/logic/kpi/rebuildKpis';
import type { CountyIndex } from '../county/CountyIndex';
import type { Picture } from '../live/buildSnapshot';
import type { EventStore } from '../store/EventStore';
import { copyEntities, type ReplayCheckpoints } from './ReplayCheckpoints';

/** The log as it stood at `at`: what buildSnapshot shapes into a snapshot, exactly as a live one. */
export interface PastPicture extends Picture {
  entities: EntityState;
  /** Time of the newest event folded in (−∞ for an empty log). */
  lastEventAt: number;
}

const PAGE = 5000;

/**
 * Every event of the log, in seq order, up to the first one after `at`: from the nearest
 * checkpoint, forward through the shared reducer, then every KPI rebuilt at `at` by the shared
 * KPI code (the same rebuild LiveState does at boot, exact under its retention rules).
 */
export const pictureAt = async (
  checkpoints: ReplayCheckpoints,
  store: EventStore,
  county: CountyIndex,
  at: number,
): Promise<PastPicture> => {
  await checkpoints.catchUp();
  const start = checkpoints.nearest(at);
  const entities = copyEntities(start.entities);
  let lastEventAt = start.at;
  for (let done = false; !done; ) {
    const page = await store.readEvents({ afterSeq: entities.seq, limit: PAGE });
    for (const event of page) {
      if (event.at > at) {
        done = true;
        break;
      }
      applyEvent(entities, event);
      lastEventAt = Math.max(lastEventAt, event.at);
    }
    if (page.length < PAGE) done = true;
  }
  const book = rebuildKpis([...county.regions()], entities, at);
  return {
    entities,
    county,
    epoch: checkpoints.logEpoch,
    lastEventAt,
    kpisOf: (code: string, now: number): RegionKpis => readKpis(book, code, entities.seq, now),
  };
};
