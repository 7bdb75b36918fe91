import { MAX_REPLAY_EVENTS, type EventBatch } from '../../shared/contract/socket';

/**
 * A socket between joining its room and the end of its replay. It sits in the room (so nothing
 * published meanwhile can slip past it) but the room's frames are held here instead of sent: the
 * replay covers the log up to `cutoff`, and on release only what lies above it goes out.
 */
export interface CatchUp {
  readonly socketId: string;
  readonly room: string;
  /** The head when the socket joined: every event at or below it was already published. */
  readonly cutoff: number;
  readonly frames: EventBatch[];
  buffered: number;
  /** More arrived during the replay than a replay may hold: the screen must reload instead. */
  overflowed: boolean;
}

/** Every socket catching up, by room, so a publish knows whom to hold frames for. */
export class CatchUps {
  private readonly byRoom = new Map<string, Map<string, CatchUp>>();

  start(socketId: string, room: string, cutoff: number): CatchUp {
    const catchUp: CatchUp = { socketId, room, cutoff, frames: [], buffered: 0, overflowed: false };
    let inRoom = this.byRoom.get(room);
    if (!inRoom) this.byRoom.set(room, (inRoom = new Map()));
    inRoom.set(socketId, catchUp);
    return catchUp;
  }

  end(catchUp: CatchUp): void {
    const inRoom = this.byRoom.get(catchUp.room);
    if (inRoom?.get(catchUp.socketId) !== catchUp) return;
    inRoom.delete(catchUp.socketId);
    if (inRoom.size === 0) this.byRoom.delete(catchUp.room);
  }

  /** The ids of the room's sockets still catching up (to leave out of a room-wide emit). */
  waitingIn(room: string): string[] {
    const inRoom = this.byRoom.get(room);
    return inRoom ? [...inRoom.keys()] : [];
  }

  /** Holds a room's frame for each socket catching up in it; returns their ids (they must not get it now). */
  hold(room: string, frame: EventBatch): string[] {
    const inRoom = this.byRoom.get(room);
    if (!inRoom) return [];
    for (const catchUp of inRoom.values()) {
      if (catchUp.overflowed) continue;
      catchUp.buffered += frame.events.length;
      // Frames are shared by every socket of the room and never changed, so holding costs a reference.
      if (catchUp.buffered > MAX_REPLAY_EVENTS) {
        catchUp.overflowed = true;
        catchUp.frames.length = 0;
      } else catchUp.frames.push(frame);
    }
    return [...inRoom.keys()];
  }
}

/**
 * The held frames a socket still needs: only events above `floor` (the replay's end, or the
 * screen's own seq if it was ahead), each frame re-chained to the event just before its first.
 */
export const framesAbove = (frames: readonly EventBatch[], floor: number): EventBatch[] => {
  const out: EventBatch[] = [];
  for (const frame of frames) {
    const first = frame.events.findIndex((e) => e.seq > floor);
    if (first < 0) continue;
    const prevSeq = first === 0 ? frame.prevSeq : (frame.events[first - 1]?.seq ?? frame.prevSeq);
    out.push(first === 0 ? frame : { events: frame.events.slice(first), prevSeq });
  }
  return out;
};
