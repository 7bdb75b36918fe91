import { Worker } from 'node:worker_threads';
import type { JinlinEvent } from '../../../shared/domain/event';
import type { CommandWrite } from '../EventStore';
import type { WriterRequest, WriterResponse } from './sqliteWriterWorker';

interface Waiting {
  resolve: (committed: JinlinEvent[][]) => void;
  reject: (error: Error & { code?: string }) => void;
}

/**
 * Talks to the writer worker. One batch in flight at a time is what IngestService sends anyway;
 * if the worker dies, every waiting commit fails (the API answers 503) and the next starts a new one.
 */
export class SqliteWriterClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();

  constructor(
    private readonly file: string,
    private readonly busyTimeoutMs: number,
  ) {}

  commit(writes: CommandWrite[]): Promise<JinlinEvent[][]> {
    return this.send((id) => ({ id, writes }));
  }

  /** Empties the log under a new epoch, in one transaction of the writer's connection. */
  async reset(epoch: string): Promise<void> {
    await this.send((id) => ({ id, reset: { epoch } }));
  }

  private send(request: (id: number) => WriterRequest): Promise<JinlinEvent[][]> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage(request(id));
    });
  }

  private start(): Worker {
    // A JS entry that registers tsx, whatever started this process (tsx, vitest, node --import tsx).
    const worker = new Worker(new URL('./sqliteWriterWorker.mjs', import.meta.url), {
      workerData: { file: this.file, busyTimeoutMs: this.busyTimeoutMs },
    });
    worker.on('message', (response: WriterResponse) => this.settle(response));
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(new Error(`store writer stopped (exit ${code})`));
    });
    this.worker = worker;
    return worker;
  }

  private settle(response: WriterResponse): void {
    const waiting = this.waiting.get(response.id);
    if (!waiting) return;
    this.waiting.delete(response.id);
    if (response.ok) waiting.resolve(response.committed);
    else waiting.reject(Object.assign(new Error(response.message), { code: response.code }));
  }

  private failAll(error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(Object.assign(error, { code: 'SQLITE_IOERR_WRITER' }));
    this.waiting.clear();
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}
