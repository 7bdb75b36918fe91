import { parentPort, workerData } from 'node:worker_threads';
import type { JinlinEvent } from '../../../shared/domain/event';
import type { CommandWrite } from '../EventStore';
import { SqliteWriter } from './SqliteWriter';

/** Worker thread: owns the write connection; answers each batch with its seqs or the SQLite error code. */
export type WriterRequest = { id: number; writes: CommandWrite[] } | { id: number; reset: { epoch: string } };
export type WriterResponse =
  | { id: number; ok: true; committed: JinlinEvent[][] }
  | { id: number; ok: false; code: string; message: string };

const { file, busyTimeoutMs } = workerData as { file: string; busyTimeoutMs: number };
const writer = new SqliteWriter(file, busyTimeoutMs);

parentPort?.on('message', (request: WriterRequest) => {
  const { id } = request;
  let response: WriterResponse;
  try {
    // Through this one connection, so a reset is ordered with the batches around it.
    if ('reset' in request) writer.reset(request.reset.epoch);
    response = { id, ok: true, committed: 'reset' in request ? [] : writer.commit(request.writes) };
  } catch (error) {
    response = { id, ok: false, code: String((error as { code?: string }).code ?? ''), message: (error as Error).message };
  }
  parentPort?.postMessage(response);
});

parentPort?.on('close', () => writer.close());
