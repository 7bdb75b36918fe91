import { PublicSnapshot, publicSchemaOf } from '../../shared/contract/publicSchemas';
import type { Snapshot } from '../../shared/contract/snapshot';
import type { Incident } from '../../shared/domain/incident';
import { Station } from '../../shared/domain/station';
import { CheckIn } from '../../shared/domain/volunteer';
import { Wish } from '../../shared/domain/wish';
import { pickBySchema } from '../../shared/logic/pickBySchema';
import { publicIncident, shapeForAudience } from '../../shared/logic/shapeForAudience';

/**
 * Each record's public form, computed once per record object. The reducer replaces a record on
 * every change and never edits one in place, so an object's public form never goes stale; and the
 * same objects are shared by live state, every replay checkpoint and every picture cut from them.
 * Without this, a county snapshot for a public screen re-scrubs every incident of the week on each
 * wall's (re)connect and each time-machine jump (over a second for the ×10 county).
 */
const memo = <T extends object>(shape: (record: T) => T): ((record: T) => T) => {
  const shaped = new WeakMap<T, T>();
  return (record) => {
    let result = shaped.get(record);
    if (result === undefined) {
      result = shape(record);
      shaped.set(record, result);
    }
    return result;
  };
};

/** Scrubbed (scrubForPublic) and cut to the record's public schema, exactly as PublicSnapshot cuts it. */
const cutTo = <T extends object>(schema: Parameters<typeof shapeForAudience>[0]) => {
  const publicSchema = publicSchemaOf(schema);
  return memo<T>((record) => pickBySchema(publicSchema, shapeForAudience(schema, record, 'public')) as T);
};

export const publicIncidentOf = memo<Incident>(publicIncident);
export const publicStationOf = cutTo<Station>(Station);
export const publicCheckInOf = cutTo<CheckIn>(CheckIn);
export const publicWishOf = cutTo<Wish>(Wish);

/**
 * A public screen's snapshot: the figures and region fields cut to PublicSnapshot, the records
 * given as their memoised public forms (each already cut to the same item schema PublicSnapshot names).
 */
export const publicSnapshotOf = (snapshot: Snapshot): Snapshot => {
  const head = pickBySchema(PublicSnapshot, { ...snapshot, incidents: [], stations: [], checkins: [], wishes: [] }) as Snapshot;
  return {
    ...head,
    incidents: snapshot.incidents.map(publicIncidentOf),
    stations: snapshot.stations.map(publicStationOf),
    checkins: snapshot.checkins.map(publicCheckInOf),
    wishes: snapshot.wishes.map(publicWishOf),
  };
};
