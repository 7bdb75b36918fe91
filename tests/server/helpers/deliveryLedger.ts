import type { EventBatch, SubscribeAck } from '../../../shared/contract/socket';

/**
 * What one screen received on its subscription, frame by frame, so a test can prove it got the
 * stored log of its scope exactly once: no duplicate, no gap, every frame chained to the last.
 */
export class DeliveryLedger {
  readonly seqs: number[] = [];
  /** Chain breaks: a frame whose prevSeq is not the seq the screen last applied (or its afterSeq). */
  readonly chainBreaks: string[] = [];
  /** Acks whose headSeq was behind an event already sent, or events after an ack at or below its headSeq. */
  readonly ackMismatches: string[] = [];
  private ackHead: number | undefined;

  constructor(
    readonly scope: string,
    /** The seq the screen resumed from; the chain must start at or below it. */
    public lastSeq: number,
  ) {}

  onEvents(batch: EventBatch): void {
    batch.events.forEach((event, i) => {
      const prevSeq = i === 0 ? batch.prevSeq : (batch.events[i - 1]?.seq ?? -1);
      // The first frame may point below the resume point (its scope had nothing since); never above.
      const expected = this.seqs.length === 0 ? prevSeq <= this.lastSeq : prevSeq === this.lastSeq;
      if (!expected) this.chainBreaks.push(`seq ${event.seq}: prevSeq ${prevSeq}, last applied ${this.lastSeq}`);
      if (this.ackHead !== undefined && event.seq <= this.ackHead) this.ackMismatches.push(`seq ${event.seq} after ack headSeq ${this.ackHead}`);
      this.seqs.push(event.seq);
      this.lastSeq = event.seq;
    });
  }

  onAck(ack: SubscribeAck): void {
    if (!ack.ok) throw new Error(`subscribe refused: ${ack.error} ${ack.message}`);
    const newest = this.seqs.at(-1) ?? 0;
    if (ack.headSeq < newest) this.ackMismatches.push(`ack headSeq ${ack.headSeq} behind sent seq ${newest}`);
    this.ackHead = ack.headSeq;
  }

  /** A fresh subscription (a reconnect) acks again: events after the new ack are compared to it. */
  resubscribing(): void {
    this.ackHead = undefined;
  }

  /** Compares what arrived with the stored log of the scope after the first resume point. */
  compare(stored: readonly number[]): { duplicates: number; missing: number; unexpected: number } {
    const counts = new Map<number, number>();
    for (const seq of this.seqs) counts.set(seq, (counts.get(seq) ?? 0) + 1);
    let duplicates = 0;
    for (const n of counts.values()) duplicates += n - 1;
    const wanted = new Set(stored);
    return {
      duplicates,
      missing: stored.filter((seq) => !counts.has(seq)).length,
      unexpected: [...counts.keys()].filter((seq) => !wanted.has(seq)).length,
    };
  }
}
