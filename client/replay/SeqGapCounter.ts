import type { JinlinEvent } from '../../shared/domain/event';

/**
 * Counts gaps in the live log a screen applies from a snapshot on: seqs are global and gap-free,
 * so on a county-wide screen every event follows the one before. (A smaller scope skips the other
 * regions' seqs by design; its batches are not judged.) After a replay, 0 gaps means the return
 * to live missed nothing.
 */
export class SeqGapCounter {
  /** The seq the live picture restarted from (its snapshot), or null before one. */
  fromSeq: number | null = null;
  lastSeq = 0;
  gaps = 0;

  reset(): void {
    this.fromSeq = null;
    this.gaps = 0;
  }

  restart(seq: number): void {
    this.fromSeq = seq;
    this.lastSeq = seq;
    this.gaps = 0;
  }

  offer(events: readonly JinlinEvent[], everySeqInScope: boolean): void {
    if (this.fromSeq === null) return;
    for (const event of events) {
      if (event.seq <= this.lastSeq) continue;
      if (everySeqInScope && event.seq !== this.lastSeq + 1) this.gaps++;
      this.lastSeq = event.seq;
    }
  }
}
