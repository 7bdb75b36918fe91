import type { CheckIn } from '../domain/volunteer';
import type { Incident } from '../domain/incident';
import type { Station } from '../domain/station';
import type { Wish } from '../domain/wish';

/**
 * Current entities as the log defines them up to `seq`. The server's LiveState and the client's
 * stores hold one each and advance it with the same reducer (shared/logic/applyEvent).
 * Maps, because entities come and go by id thousands of times a minute.
 */
export interface EntityState {
  seq: number;
  incidents: Map<string, Incident>;
  stations: Map<string, Station>;
  checkins: Map<string, CheckIn>;
  wishes: Map<string, Wish>;
}

export const createEntityState = (stations: Iterable<Station> = [], seq = 0): EntityState => ({
  seq,
  incidents: new Map(),
  stations: new Map([...stations].map((s) => [s.id, s])),
  checkins: new Map(),
  wishes: new Map(),
});
