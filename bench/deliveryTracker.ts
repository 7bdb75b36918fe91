import { Samples } from './stats';

/**
 * Matches every delivery to the send of its event — by the index in the incident id the driver
 * supplied (`<prefix><index>`) — and counts what each event should have reached: the screens
 * watching a region on its path.
 */
export class DeliveryTracker {
  readonly latency = new Samples();
  readonly sentAtMs: Float64Array;
  readonly received: Uint16Array;
  duplicates = 0;
  /** Every receipt of ours, warm-up included: a drain watches it for progress. */
  receipts = 0;
  /** Incident events that were not ours (another case's, or a bug): should stay 0. */
  foreign = 0;

  constructor(
    private readonly warmupCount: number,
    /** expected[i]: how many screens should receive event i. */
    readonly expected: Uint16Array,
  ) {
    this.sentAtMs = new Float64Array(expected.length);
    this.received = new Uint16Array(expected.length);
  }

  markSent(index: number, atMs: number): void {
    this.sentAtMs[index] = atMs;
  }

  /** A screen received event `index` (-1 or NaN: an incident id the driver never sent). */
  onReceipt(index: number, receivedMs: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.expected.length) {
      this.foreign++;
      return;
    }
    this.receipts++;
    const count = ++this.received[index]!;
    if (count > this.expected[index]!) this.duplicates++;
    if (index >= this.warmupCount) this.latency.push(receivedMs - this.sentAtMs[index]!);
  }

  /** Deliveries owed to measured events (warm-up excluded). */
  get expectedDeliveries(): number {
    let sum = 0;
    for (let i = this.warmupCount; i < this.expected.length; i++) sum += this.expected[i]!;
    return sum;
  }

  /** Deliveries owed to events [from, to) that have not arrived (duplicates do not make up for them). */
  missing(from = this.warmupCount, to = this.expected.length): number {
    let sum = 0;
    for (let i = from; i < to; i++) sum += Math.max(0, this.expected[i]! - this.received[i]!);
    return sum;
  }
}
