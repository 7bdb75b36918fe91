import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { JinlinEvent } from '../../shared/domain/event';

/** Rows on the live event board: enough to scroll, bounded so a 24/7 wall does not grow. */
export const EVENT_FEED_LIMIT = 200;

/**
 * The newest events of the scope, newest first. The list is replaced, never mutated, so the
 * board re-renders once per batch; events are plain objects (not made reactive).
 */
export const useEventFeedStore = defineStore('eventFeed', () => {
  const events = shallowRef<readonly JinlinEvent[]>([]);
  const limit = ref(EVENT_FEED_LIMIT);

  /** A batch in seq order; anything not newer than the newest row is already on the board. */
  function push(batch: readonly JinlinEvent[]): void {
    const newest = events.value[0]?.seq ?? 0;
    const fresh = batch.filter((event) => event.seq > newest).sort((a, b) => b.seq - a.seq);
    if (fresh.length === 0) return;
    events.value = [...fresh.slice(0, limit.value), ...events.value].slice(0, limit.value);
  }

  /** A new scope: the old scope's events do not belong on its board. */
  function clear(): void {
    events.value = [];
  }

  return { events, limit, push, clear };
});

export type EventFeedStore = ReturnType<typeof useEventFeedStore>;
