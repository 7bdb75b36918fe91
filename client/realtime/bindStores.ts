import type { AlarmFeedStore } from '../stores/useAlarmFeedStore';
import type { DemoStore } from '../stores/useDemoStore';
import type { EventFeedStore } from '../stores/useEventFeedStore';
import type { LiveStore } from '../stores/useLiveStore';
import type { ViewStore } from '../stores/useViewStore';
import type { LiveConnection } from './LiveConnection';
import type { LiveHold } from './LiveHold';
import { systemTimers, type Timers } from './Timers';

export interface BindStoresOptions {
  /** How often closed entities past retention are forgotten. */
  pruneEveryMs?: number;
  timers?: Timers;
  /** Held (a replay on screen), live snapshots, events and KPI frames do not reach the stores. */
  hold?: LiveHold;
}

/** The stores a screen holds; the live store and the board's feed always, the others where the screen has them. */
export interface ScreenStores {
  live: LiveStore;
  feed: EventFeedStore;
  demo?: Pick<DemoStore, 'accept'>;
  alarms?: Pick<AlarmFeedStore, 'accept'>;
  view?: Pick<ViewStore, '$onAction'>;
}

const PRUNE_EVERY_MS = 5 * 60_000;

/**
 * The one place the live connection meets the stores: each callback becomes a store action, a drill
 * on the view store becomes a new subscription, and a timer prunes the entity maps so a wall running
 * for weeks does not grow. Returns the function that unbinds it all.
 */
export const bindStores = (connection: LiveConnection, stores: ScreenStores, options: BindStoresOptions = {}): (() => void) => {
  const { live, feed, demo, alarms, view } = stores;
  const timers = options.timers ?? systemTimers;
  const hold = options.hold;
  const unbind = [
    connection.onSnapshot((snapshot) => {
      if (hold && !hold.takesSnapshot()) return;
      // Another scope, a log that went backwards (a server reset) or the end of a replay: the board's rows no longer apply.
      if (snapshot.scope !== live.scope || snapshot.seq < live.lastSeq || hold?.held) feed.clear();
      live.loadSnapshot(snapshot);
      hold?.snapshotApplied();
    }),
    connection.onEvents((events) => {
      if (hold?.held) return;
      live.applyEvents(events);
      feed.push(events);
    }),
    connection.onKpi((frame) => {
      if (!hold?.held) live.applyKpis(frame);
    }),
    connection.onStatus((status) => live.setStatus(status)),
    demo ? connection.onDemo((state) => demo.accept(state)) : () => undefined,
    alarms ? connection.onAlarms((frame) => alarms.accept(frame)) : () => undefined,
    // Every drill is followed, even to the region asked for last time: a refused one may be asked again.
    view
      ? view.$onAction(({ name, args }) => {
          const [code] = args as unknown[];
          if (name !== 'drill' || typeof code !== 'string' || code === live.scope) return;
          connection.setScope(code).catch((error: unknown) => console.error(`region ${code} could not be shown`, error));
        })
      : () => undefined,
    timers.every(options.pruneEveryMs ?? PRUNE_EVERY_MS, () => {
      // Entities are stamped by the server's clock; until a heartbeat tells it, prune nothing.
      // A replayed picture is of another time than the server's clock: it is not pruned by it.
      if (live.serverTime !== null && !hold?.held) live.prune(live.serverTime);
    }),
  ];
  live.setStatus(connection.status);
  return () => {
    for (const off of unbind) off();
  };
};
