import { describe, expect, it } from 'vitest';
import type { JinlinEvent } from '../../../shared/domain/event';
import { loadRecentEvents, type EventsPageFetcher } from '../../../client/eventBoard/loadRecentEvents';
import { event, makeWish } from '../../shared/logic/logicFixtures';

/** A log in which the scope owns every `every`-th seq, served page by page like GET /events. */
const fakeLog = (headSeq: number, every: number) => {
  const mine: JinlinEvent[] = [];
  for (let seq = every; seq <= headSeq; seq += every) mine.push(event(seq, 'wish:posted', { wish: makeWish({ id: `W-${seq}` }) }));
  const calls: { after: number; limit: number }[] = [];
  const fetchPage: EventsPageFetcher = async ({ after, limit }) => {
    calls.push({ after, limit });
    const rest = mine.filter((e) => e.seq > after);
    const events = rest.slice(0, limit);
    return { events, nextAfter: events.at(-1)?.seq ?? after, hasMore: rest.length > limit, headSeq, epoch: 'log-1' };
  };
  return { fetchPage, calls };
};

describe('loadRecentEvents', () => {
  it('returns the newest events up to the snapshot, newest first', async () => {
    const { fetchPage } = fakeLog(10_000, 1);
    const events = await loadRecentEvents(fetchPage, '350121', 9_000, 5);
    expect(events.map((e) => e.seq)).toEqual([9_000, 8_999, 8_998, 8_997, 8_996]);
  });

  it('looks further back for a small scope that owns few of the recent events', async () => {
    const { fetchPage, calls } = fakeLog(100_000, 1_000);
    const events = await loadRecentEvents(fetchPage, '35012100100100101', 100_000, 10);
    expect(events.map((e) => e.seq)).toEqual([100_000, 99_000, 98_000, 97_000, 96_000, 95_000, 94_000, 93_000, 92_000, 91_000]);
    expect(calls.length).toBeGreaterThan(1);
  });

  it('settles for what there is when the whole log holds fewer', async () => {
    const { fetchPage } = fakeLog(300, 100);
    expect((await loadRecentEvents(fetchPage, '350121', 300, 10)).map((e) => e.seq)).toEqual([300, 200, 100]);
  });

  it('pages through a busy window', async () => {
    const { fetchPage, calls } = fakeLog(3_000, 1);
    const events = await loadRecentEvents(fetchPage, '350121', 3_000, 40);
    expect(events[0]?.seq).toBe(3_000);
    expect(calls.every((call) => call.limit === 1000)).toBe(true);
  });
});
