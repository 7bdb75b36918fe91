import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { ROUTES } from '../shared/contract/http';
import type { ChildServer } from './childServers';
import { startCpuMeter } from './cpuMeter';
import type { DeliveryTracker } from './deliveryTracker';
import { createPoster, type HttpPoster } from './httpPoster';
import { nowMs, sleepMs } from './nowMs';
import { pace } from './pacer';
import { Samples } from './stats';

/** Concurrent keep-alive connections of the driver: enough that no POST waits for a free one. */
const DRIVER_SOCKETS = 64;
/** A drain gives up when no delivery has arrived for this long: what is still owed then is lost, not late. */
const STALL_MS = 3000;
const DRAIN_CAP_MS = 90_000;

/**
 * One server's half of a fan-out case: its event bodies (sent in order, segment after segment),
 * its delivery tracker, and what its measured segments cost (CPU, send time, pacing lag).
 */
export class FanoutSide {
  readonly poster: HttpPoster;
  readonly lag = new Samples();
  readonly loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: 5 });
  readonly cpu = { seconds: 0, serverCpuS: 0, benchCpuS: 0 };
  measuredSent = 0;
  sendSeconds = 0;
  refused = 0;
  drainSeconds = 0;
  private next = 0;

  constructor(
    readonly server: ChildServer,
    private readonly bodies: string[],
    readonly tracker: DeliveryTracker,
  ) {
    this.poster = createPoster(server.url, DRIVER_SOCKETS);
  }

  /** Sends the next `count` events at `ratePerS`, then waits until every delivery they owe has arrived. */
  async runSegment(count: number, ratePerS: number, measured: boolean): Promise<void> {
    const first = this.next;
    const pending: Promise<void>[] = [];
    const readCpu = startCpuMeter(this.server.pid);
    if (measured) this.loopDelay.enable();
    const startMs = nowMs();
    await pace(ratePerS, count, (k, scheduledMs) => {
      const i = first + k;
      const sentMs = nowMs();
      this.tracker.markSent(i, sentMs);
      if (measured) this.lag.push(sentMs - scheduledMs);
      const answered = this.poster.post(ROUTES.incidents, this.bodies[i] as string).then(
        (status) => void (measured && status >= 300 && this.refused++),
        () => void (measured && this.refused++),
      );
      pending.push(answered);
    });
    // One interval after the last send is when the next would have been due: count/that = the rate.
    const sendMs = nowMs() - startMs + 1000 / ratePerS;
    this.loopDelay.disable();
    this.next += count;
    await Promise.all(pending);
    const drainStartMs = nowMs();
    await this.drain();
    if (!measured) return;
    // CPU from the first send until the last delivery: everything these events cost.
    const cpu = readCpu();
    this.cpu.seconds += cpu.seconds;
    this.cpu.serverCpuS += cpu.serverCpuS;
    this.cpu.benchCpuS += cpu.benchCpuS;
    this.measuredSent += count;
    this.sendSeconds += sendMs / 1000;
    this.drainSeconds += (nowMs() - drainStartMs) / 1000;
  }

  close(): void {
    this.poster.close();
  }

  private async drain(): Promise<void> {
    const capMs = nowMs() + DRAIN_CAP_MS;
    let seen = -1;
    let progressMs = nowMs();
    while (this.tracker.missing(0, this.next) > 0 && nowMs() < capMs) {
      if (this.tracker.receipts !== seen) {
        seen = this.tracker.receipts;
        progressMs = nowMs();
      } else if (nowMs() - progressMs > STALL_MS) return;
      await sleepMs(50);
    }
  }
}
