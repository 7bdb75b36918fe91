import { describe, expect, it } from 'vitest';
import { FrameInbox } from '../../../client/realtime/FrameInbox';
import { frameOf } from './helpers/fakeEvent';

const seqsOf = (ready: { events: { seq: number }[] }) => ready.events.map((event) => event.seq);

describe('the frame inbox', () => {
  it('hands back frames that chain on, in seq order, whatever order they arrived in', () => {
    const inbox = new FrameInbox();
    inbox.push(frameOf(12, 11));
    inbox.push(frameOf(11, 10));
    const ready = inbox.takeReady(10);
    expect(seqsOf(ready)).toEqual([11, 12]);
    expect(ready.gap).toBe(false);
    expect(inbox.size).toBe(0);
  });

  it('drops frames at or below the last applied seq (live and replayed copies of one event)', () => {
    const inbox = new FrameInbox();
    inbox.push(frameOf(9, 8));
    inbox.push(frameOf(11, 10));
    inbox.push(frameOf(11, 10));
    expect(seqsOf(inbox.takeReady(10))).toEqual([11]);
  });

  it('stops at a frame whose prevSeq is newer than the last applied seq, and keeps it and what follows', () => {
    const inbox = new FrameInbox();
    inbox.push(frameOf(11, 10));
    inbox.push(frameOf(14, 13));
    inbox.push(frameOf(15, 14));
    const ready = inbox.takeReady(10);
    expect(seqsOf(ready)).toEqual([11]);
    expect(ready.gap).toBe(true);
    expect(inbox.size).toBe(2);
  });

  it('continues after the gap was filled up to the kept frame', () => {
    const inbox = new FrameInbox();
    inbox.push(frameOf(14, 13));
    inbox.push(frameOf(15, 14));
    expect(inbox.takeReady(11).gap).toBe(true);
    expect(seqsOf(inbox.takeReady(13))).toEqual([14, 15]);
  });

  it('accepts a frame whose previous scope event is older than the snapshot', () => {
    const inbox = new FrameInbox();
    inbox.push(frameOf(120, 40));
    expect(seqsOf(inbox.takeReady(100))).toEqual([120]);
  });
});
