import type { EventFeedStore } from '../stores/useEventFeedStore';
import type { LiveStore } from '../stores/useLiveStore';
import type { LiveConnection } from './LiveConnection';
import { systemTimers, type Timers } from './Timers';

export interface BindStoresOptions {
  /** How often closed entities past retention are forgotten. */
  pruneEveryMs?: number;
  timers?: Timers;
}

const PRUNE_EVERY_MS = 5 * 60_000;

/**
 * The one place the live connection meets the stores: each callback becomes a store action,
 * and a timer prunes the entity maps so a wall running for weeks does not grow.
 * Returns the function that unbinds it all.
 */
export const bindStores = (
  connection: LiveConnection,
  stores: { live: LiveStore; feed: EventFeedStore },
  options: BindStoresOptions = {},
): (() => void) => {
  const { live, feed } = stores;
  const timers = options.timers ?? systemTimers;
  const unbind = [
    connection.onSnapshot((snapshot) => {
      // Another scope, or a log that went backwards (a server reset): the board's rows no longer apply.
      if (snapshot.scope !== live.scope || snapshot.seq < live.lastSeq) feed.clear();
      live.loadSnapshot(snapshot);
    }),
    connection.onEvents((events) => {
      live.applyEvents(events);
      feed.push(events);
    }),
    connection.onKpi((frame) => live.applyKpis(frame)),
    connection.onStatus((status) => live.setStatus(status)),
    timers.every(options.pruneEveryMs ?? PRUNE_EVERY_MS, () => {
      // Entities are stamped by the server's clock; until a heartbeat tells it, prune nothing.
      if (live.serverTime !== null) live.prune(live.serverTime);
    }),
  ];
  live.setStatus(connection.status);
  return () => {
    for (const off of unbind) off();
  };
};
