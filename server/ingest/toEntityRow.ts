import type { CheckIn } from '../../shared/domain/volunteer';
import type { Incident } from '../../shared/domain/incident';
import type { Station } from '../../shared/domain/station';
import type { Wish } from '../../shared/domain/wish';
import type { EntityCollection } from '../../shared/logic/entityRef';
import { isOpenStatus } from '../../shared/logic/sla';
import type { EntityRow } from '../store/EventStore';

/** The store row for an entity's new state; `open` decides what live state reloads at boot regardless of age. */
export const toEntityRow = (collection: EntityCollection, entity: unknown): EntityRow => {
  switch (collection) {
    case 'incidents': {
      const incident = entity as Incident;
      return { kind: 'incident', id: incident.id, regionPath: incident.regionPath, open: isOpenStatus(incident.status), updatedAt: incident.updatedAt, data: incident };
    }
    case 'stations': {
      const station = entity as Station;
      return { kind: 'station', id: station.id, regionPath: station.regionPath, open: true, updatedAt: station.updatedAt, data: station };
    }
    case 'checkins': {
      const checkin = entity as CheckIn;
      const updatedAt = checkin.checkedOutAt ?? checkin.checkedInAt;
      return { kind: 'checkin', id: checkin.id, regionPath: checkin.regionPath, open: checkin.checkedOutAt === undefined, updatedAt, data: checkin };
    }
    case 'wishes': {
      const wish = entity as Wish;
      const updatedAt = wish.fulfilledAt ?? wish.claimedAt ?? wish.postedAt;
      return { kind: 'wish', id: wish.id, regionPath: wish.regionPath, open: wish.status !== 'fulfilled', updatedAt, data: wish };
    }
  }
};
