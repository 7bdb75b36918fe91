import { describe, expect, it } from 'vitest';
import { mergeRecentEvents } from '../../../client/eventBoard/mergeRecentEvents';
import { event, makeWish } from '../../shared/logic/logicFixtures';

const events = (...seqs: number[]) => seqs.map((seq) => event(seq, 'wish:posted', { wish: makeWish({ id: `W-${seq}` }) }));
const seqs = (list: readonly { seq: number }[]) => list.map((e) => e.seq);

describe('mergeRecentEvents', () => {
  it('shows the history alone until live events arrive', () => {
    expect(seqs(mergeRecentEvents([], events(10, 9, 8), 50))).toEqual([10, 9, 8]);
  });

  it('puts live events on top of the history, each event once', () => {
    expect(seqs(mergeRecentEvents(events(12, 11, 10), events(10, 9, 8), 50))).toEqual([12, 11, 10, 9, 8]);
  });

  it('keeps to the limit', () => {
    expect(seqs(mergeRecentEvents(events(12, 11), events(10, 9, 8), 3))).toEqual([12, 11, 10]);
  });

  it('is the live feed when there is no history', () => {
    const feed = events(3, 2);
    expect(seqs(mergeRecentEvents(feed, [], 50))).toEqual([3, 2]);
  });
});
