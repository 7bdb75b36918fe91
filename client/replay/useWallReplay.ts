import { computed, onBeforeUnmount, ref, shallowRef } from 'vue';
import { fetchReplayEvents } from '../api/fetchReplayEvents';
import { fetchReplaySnapshot } from '../api/fetchReplaySnapshot';
import { platformFetch } from '../api/getJson';
import type { RequestContext } from '../api/RequestContext';
import type { LiveHold } from '../realtime/LiveHold';
import type { EventFeedStore } from '../stores/useEventFeedStore';
import type { LiveStore } from '../stores/useLiveStore';
import type { ViewStore } from '../stores/useViewStore';
import { ReplayPlayer, type ReplayClock } from './ReplayPlayer';
import type { ReplayPeriod, ReplayState } from './ReplayState';
import { SeqGapCounter } from './SeqGapCounter';

export interface WallReplayOptions {
  token: string | null;
  live: LiveStore;
  feed: EventFeedStore;
  view: Pick<ViewStore, '$onAction'>;
  /** The live link's hold (client/realtime/LiveHold.ts): held while the past is on screen. */
  hold: LiveHold;
  clock?: ReplayClock;
}

const browserClock: ReplayClock = {
  now: () => performance.now(),
  every(ms, run) {
    const handle = setInterval(run, ms);
    return () => clearInterval(handle);
  },
};

/**
 * The wall's time machine: holds the live link off the stores, plays a past period onto the same
 * stores (so map, panels and board move as they do live), and on "back to live" releases the
 * hold, which reloads the live snapshot and resumes the live log by seq. Reads use the wall's own
 * token: what a replay shows is masked and scoped by the server exactly as the live picture.
 */
export const useWallReplay = ({ token, live, feed, view, hold, clock = browserClock }: WallReplayOptions) => {
  const state = shallowRef<ReplayState>();
  const stop = new AbortController();
  const context = (signal: AbortSignal): RequestContext => ({
    fetch: platformFetch,
    baseUrl: '',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.any([signal, stop.signal]),
  });
  const player = new ReplayPlayer(
    {
      snapshot: (query, signal) => fetchReplaySnapshot(context(signal), query),
      events: (query, signal) => fetchReplayEvents(context(signal), query),
    },
    {
      load(snapshot) {
        feed.clear();
        live.loadSnapshot(snapshot);
      },
      apply(events) {
        live.applyEvents(events);
        feed.push(events);
      },
      kpis: (kpis) => live.applyKpis({ scope: kpis.code, kpis }),
    },
    clock,
    { onChange: (next) => (state.value = next), onError: (error) => console.warn('replay', error) },
  );
  state.value = player.state;
  const active = computed(() => state.value!.phase !== 'idle');
  /** Seq continuity of what the live link applies after a replay (the e2e's "0 gaps"). */
  const continuity = new SeqGapCounter();

  /** Counts returns to live: the board reloads its history of the live log on each. */
  const resumed = ref(0);
  const backToLive = async (): Promise<void> => {
    if (!active.value) return;
    player.stop();
    continuity.reset();
    // The board's rows are of the past: the live snapshot starts it afresh, and its history reloads.
    feed.clear();
    await hold.release();
    resumed.value++;
  };

  const start = async (period: ReplayPeriod, speed: number): Promise<void> => {
    hold.hold();
    try {
      await player.start(period, speed, live.scope ?? '');
    } catch (error) {
      console.error('the replay could not be loaded', error);
      await backToLive();
    }
  };

  const unwatch = [
    // A drill during replay shows the other region at the same moment of the past.
    view.$onAction(({ name, args }) => {
      const [code] = args as unknown[];
      if (name === 'drill' && typeof code === 'string' && active.value) void player.rescope(code).catch((error: unknown) => console.warn('replay', error));
    }),
    live.$onAction(({ name, args, after }) => {
      if (active.value) return;
      if (name === 'loadSnapshot') after(() => continuity.restart(live.lastSeq));
      if (name === 'applyEvents') continuity.offer((args as Parameters<LiveStore['applyEvents']>)[0], live.region?.level === 'county');
    }),
  ];
  onBeforeUnmount(() => {
    for (const off of unwatch) off();
    player.stop();
    stop.abort(new Error('the wall was closed'));
  });

  return {
    state: computed(() => state.value!),
    active,
    /** The replay clock while the past is on screen; null when live. */
    now: computed(() => (active.value ? state.value!.at : null)),
    continuity,
    resumed,
    start,
    jump: (at: number) => player.jump(at).catch((error: unknown) => console.warn('replay jump', error)),
    setSpeed: (speed: number) => player.setSpeed(speed),
    pause: () => player.pause(),
    play: () => player.play(),
    backToLive,
  };
};

export type WallReplay = ReturnType<typeof useWallReplay>;
