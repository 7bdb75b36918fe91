import { pruneEntities } from '../../shared/logic/applyEvent';
import type { EntityState } from '../../shared/logic/entityState';
import { DAY_MS, shanghaiDayStart } from '../../shared/logic/shanghaiTime';

/**
 * Closed items a screen keeps: the snapshot's 7-day heat window plus a day of slack, so pruning
 * never drops what a fresh snapshot would still show.
 */
export const RETAIN_CLOSED_MS = 8 * DAY_MS;

const sizeOf = (state: EntityState): number => state.incidents.size + state.checkins.size;

/**
 * The shared pruning rule applied to a screen's state: finished incidents and check-ins older
 * than `retainMs` go, open ones stay however old. Returns how many were dropped, so the caller
 * only signals a change when there was one. `now` should be the server's clock (heartbeat time):
 * entities are stamped by it, and a wall PC's clock may be off or compressed in a demo.
 */
export const pruneClosedEntities = (state: EntityState, now: number, retainMs = RETAIN_CLOSED_MS): number => {
  const before = sizeOf(state);
  pruneEntities(state, now, retainMs);
  // A screen shows members on duty and today's finished check-ins (as a snapshot does), no older ones.
  const today = shanghaiDayStart(now);
  for (const [id, checkin] of state.checkins) if (checkin.checkedOutAt !== undefined && checkin.checkedOutAt < today) state.checkins.delete(id);
  return before - sizeOf(state);
};
