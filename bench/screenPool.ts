import { Worker } from 'node:worker_threads';
import type { ScreenCounts } from './screenClients';

/** One server's screens: every scope connected to `url`; its event ids are `<prefix><index>`. */
export interface ScreenSet {
  url: string;
  prefix: string;
}

/** Main thread → screen worker. */
export type ToWorker = { type: 'connect'; sets: ScreenSet[]; scopes: string[] } | { type: 'close' };

/** Screen worker → main thread. Receipts are flat [set, eventIndex, receivedMs] triples (index -1: not ours). */
export type FromWorker =
  | { type: 'receipts'; data: Float64Array }
  | { type: 'connected' }
  | { type: 'closed'; counts: ScreenCounts[] }
  | { type: 'failed'; message: string };

type Reply = Exclude<FromWorker, { type: 'receipts' }>;

/** tsx's loader does not follow execArgv into a worker on Node 20: register it inside, then load the entry. */
const workerSource = (entry: URL) =>
  `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;

/**
 * The screens live in worker threads of this process: their decoding must not delay the driver's
 * sends (its pacing and send timestamps), and one thread alone cannot decode tens of thousands of
 * frames a second. Receive times come from the process-wide monotonic clock, like the send times.
 */
export class ScreenPool {
  private onReceipt: (set: number, index: number, receivedMs: number) => void = () => {};
  private readonly waiting = new Map<Worker, (reply: Reply) => void>();

  private constructor(private readonly workers: Worker[]) {
    for (const worker of workers) {
      worker.on('message', (message: FromWorker) => this.onMessage(worker, message));
      worker.on('error', (error) => this.waiting.get(worker)?.({ type: 'failed', message: error.message }));
    }
  }

  static start(threads: number): ScreenPool {
    const entry = new URL('./screenWorker.ts', import.meta.url);
    return new ScreenPool(Array.from({ length: threads }, () => new Worker(workerSource(entry), { eval: true })));
  }

  /**
   * Connects and subscribes a screen per scope to every set's server (the screens of one scope in
   * the same thread), dealt round-robin over the threads. `set` in a receipt indexes `sets`.
   */
  async connect(sets: ScreenSet[], scopes: string[], onReceipt: (set: number, index: number, receivedMs: number) => void): Promise<void> {
    this.onReceipt = onReceipt;
    await Promise.all(
      this.workers.map((worker, w) => {
        const mine = scopes.filter((_, i) => i % this.workers.length === w);
        return this.ask(worker, { type: 'connect', sets, scopes: mine }, 'connected');
      }),
    );
  }

  /** Flushes the last receipts, disconnects every screen and returns each set's counts, summed over threads. */
  async close(): Promise<ScreenCounts[]> {
    const replies = await Promise.all(this.workers.map((worker) => this.ask(worker, { type: 'close' }, 'closed')));
    const totals: ScreenCounts[] = [];
    for (const reply of replies) {
      if (reply.type !== 'closed') continue;
      reply.counts.forEach((counts, set) => {
        const total = (totals[set] ??= { events: 0, kpiFrames: 0, heartbeats: 0, reloads: 0, disconnects: 0, frameBytes: 0 });
        for (const key of Object.keys(total) as (keyof ScreenCounts)[]) {
          total[key] = key === 'frameBytes' ? Math.max(total[key], counts[key]) : total[key] + counts[key];
        }
      });
    }
    return totals;
  }

  async terminate(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private onMessage(worker: Worker, message: FromWorker): void {
    if (message.type === 'receipts') {
      const data = message.data;
      for (let i = 0; i + 2 < data.length; i += 3) this.onReceipt(data[i]!, data[i + 1]!, data[i + 2]!);
      return;
    }
    this.waiting.get(worker)?.(message);
  }

  private ask(worker: Worker, message: ToWorker, expected: Reply['type']): Promise<Reply> {
    return new Promise((resolve, reject) => {
      this.waiting.set(worker, (reply) => {
        this.waiting.delete(worker);
        if (reply.type === expected) resolve(reply);
        else reject(new Error(`screen worker: ${reply.type === 'failed' ? reply.message : reply.type}`));
      });
      worker.postMessage(message);
    });
  }
}
