import type { EventFrame } from '../../shared/contract/socket';
import type { JinlinEvent } from '../../shared/domain/event';

export interface ReadyFrames {
  /** Events that chain onto the last applied seq, in seq order, no duplicates. */
  events: JinlinEvent[];
  /** True when a kept frame says an event between the last applied seq and it is missing. */
  gap: boolean;
}

/**
 * Frames received but not yet applied. Frames can arrive while a gap is being filled or a
 * snapshot loaded, twice (live + replay after a reconnect) or out of order across a re-subscribe;
 * the inbox hands back only what may be applied now and keeps what waits on a gap.
 */
export class FrameInbox {
  private frames: EventFrame[] = [];

  get size(): number {
    return this.frames.length;
  }

  push(frame: EventFrame): void {
    this.frames.push(frame);
  }

  clear(): void {
    this.frames = [];
  }

  /** Takes every frame that applies after `lastSeq`; stops at the first one that shows a gap. */
  takeReady(lastSeq: number): ReadyFrames {
    const sorted = this.frames.sort((a, b) => a.event.seq - b.event.seq);
    const events: JinlinEvent[] = [];
    let seq = lastSeq;
    let index = 0;
    for (; index < sorted.length; index++) {
      const frame = sorted[index] as EventFrame;
      if (frame.event.seq <= seq) continue;
      if (frame.prevSeq > seq) break;
      events.push(frame.event);
      seq = frame.event.seq;
    }
    this.frames = sorted.slice(index);
    return { events, gap: this.frames.length > 0 };
  }
}
