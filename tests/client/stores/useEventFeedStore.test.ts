import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { EVENT_FEED_LIMIT, useEventFeedStore } from '../../../client/stores/useEventFeedStore';
import { fakeEvent } from '../realtime/helpers/fakeEvent';

const batch = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => fakeEvent(from + i));

describe('the event feed store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('shows the newest event first', () => {
    const feed = useEventFeedStore();
    feed.push(batch(1, 3));
    feed.push(batch(4, 5));
    expect(feed.events.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
  });

  it(`never holds more than ${EVENT_FEED_LIMIT} events, dropping the oldest`, () => {
    const feed = useEventFeedStore();
    for (let from = 1; from <= 1000; from += 100) feed.push(batch(from, from + 99));
    feed.push(batch(1001, 1500));
    expect(feed.events).toHaveLength(EVENT_FEED_LIMIT);
    expect(feed.events[0]?.seq).toBe(1500);
    expect(feed.events.at(-1)?.seq).toBe(1500 - EVENT_FEED_LIMIT + 1);
  });

  it('ignores events it already shows', () => {
    const feed = useEventFeedStore();
    feed.push(batch(1, 3));
    const shown = feed.events;
    feed.push(batch(2, 3));
    expect(feed.events).toBe(shown);
  });

  it('empties the board when told the scope changed', () => {
    const feed = useEventFeedStore();
    feed.push(batch(1, 3));
    feed.clear();
    expect(feed.events).toEqual([]);
  });
});
