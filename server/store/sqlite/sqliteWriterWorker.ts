import { parentPort, workerData } from 'node:worker_threads';
import type { JinlinEvent } from '../../../shared/domain/event';
import type { CommandWrite } from '../EventStore';
import { SqliteWriter } from './SqliteWriter';

/** Worker thread: owns the write connection; answers each batch with its seqs or the SQLite error code. */
export interface WriterRequest {
  id: number;
  writes: CommandWrite[];
}
export type WriterResponse =
  | { id: number; ok: true; committed: JinlinEvent[][] }
  | { id: number; ok: false; code: string; message: string };

const { file, busyTimeoutMs } = workerData as { file: string; busyTimeoutMs: number };
const writer = new SqliteWriter(file, busyTimeoutMs);

parentPort?.on('message', ({ id, writes }: WriterRequest) => {
  let response: WriterResponse;
  try {
    response = { id, ok: true, committed: writer.commit(writes) };
  } catch (error) {
    response = { id, ok: false, code: String((error as { code?: string }).code ?? ''), message: (error as Error).message };
  }
  parentPort?.postMessage(response);
});

parentPort?.on('close', () => writer.close());
