import { shallowRef, watch, type Ref } from 'vue';
import type { JinlinEvent } from '../../shared/domain/event';
import { loadRecentEvents, type EventsPageFetcher } from './loadRecentEvents';

/** Enough to fill the tallest board (a 32:9 wall's full-height column) with some to spare. */
export const RECENT_EVENT_COUNT = 60;

/**
 * The scope's events from just before its snapshot, reloaded whenever the scope changes or
 * `reloads` moves (the wall back from a replay): the live feed starts empty with each snapshot,
 * and a board must not wait for the next event to show anything. A failure leaves the board to
 * the live feed alone.
 */
export const useRecentEvents = (
  scope: Readonly<Ref<string | null>>,
  snapshotSeq: () => number,
  fetchPage: EventsPageFetcher,
  reloads?: Readonly<Ref<number>>,
): Readonly<Ref<readonly JinlinEvent[]>> => {
  const recent = shallowRef<readonly JinlinEvent[]>([]);
  watch(reloads ? [scope, reloads] : [scope], () => {
    const code = scope.value;
    recent.value = [];
    if (code === null) return;
    loadRecentEvents(fetchPage, code, snapshotSeq(), RECENT_EVENT_COUNT).then(
      (events) => {
        if (scope.value === code) recent.value = events;
      },
      (error: unknown) => console.warn(`recent events of ${code} could not be loaded`, error),
    );
  });
  return recent;
};
