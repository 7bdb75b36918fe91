import { describe, expect, it } from 'vitest';
import { MAX_REPLAY_EVENTS, type EventBatch } from '../../shared/contract/socket';
import type { JinlinEvent } from '../../shared/domain/event';
import { CatchUps, framesAbove } from '../../server/realtime/CatchUps';

/** Only seq matters to holding and releasing; the rest of an event is carried untouched. */
const batch = (prevSeq: number, ...seqs: number[]): EventBatch => ({ events: seqs.map((seq) => ({ seq }) as JinlinEvent), prevSeq });
const seqsOf = (frames: EventBatch[]) => frames.map((f) => ({ prevSeq: f.prevSeq, seqs: f.events.map((e) => e.seq) }));

describe('frames held for a socket catching up', () => {
  it('holds a room’s frames only for the sockets catching up in that room, and names them', () => {
    const catchUps = new CatchUps();
    const a = catchUps.start('a', 'scope:1:public', 10);
    catchUps.start('b', 'scope:2:public', 10);
    expect(catchUps.hold('scope:1:public', batch(9, 11, 12))).toEqual(['a']);
    expect(catchUps.hold('scope:3:public', batch(0, 13))).toEqual([]);
    expect(seqsOf(a.frames)).toEqual([{ prevSeq: 9, seqs: [11, 12] }]);
    catchUps.end(a);
    expect(catchUps.waitingIn('scope:1:public')).toEqual([]);
    expect(catchUps.hold('scope:1:public', batch(12, 14))).toEqual([]);
    expect(catchUps.waitingIn('scope:2:public')).toEqual(['b']);
  });

  it('gives up holding once more arrived than a replay may carry, so the screen reloads instead', () => {
    const catchUps = new CatchUps();
    const a = catchUps.start('a', 'room', 0);
    const seqs = Array.from({ length: MAX_REPLAY_EVENTS }, (_, i) => i + 1);
    catchUps.hold('room', batch(0, ...seqs));
    expect(a.overflowed).toBe(false);
    catchUps.hold('room', batch(MAX_REPLAY_EVENTS, MAX_REPLAY_EVENTS + 1));
    expect(a.overflowed).toBe(true);
    expect(a.frames).toEqual([]);
  });

  it('releases only events above the replay’s end, re-chaining a frame cut in the middle', () => {
    const held = [batch(3, 5, 7), batch(7, 8, 10, 12), batch(12, 15)];
    expect(seqsOf(framesAbove(held, 8))).toEqual([
      { prevSeq: 8, seqs: [10, 12] },
      { prevSeq: 12, seqs: [15] },
    ]);
    expect(framesAbove(held, 15)).toEqual([]);
    expect(framesAbove(held, 0)).toEqual(held);
  });
});
