import { parentPort } from 'node:worker_threads';
import { ScreenClients, type ScreenCounts } from './screenClients';
import type { FromWorker, ScreenSet, ToWorker } from './screenPool';

/** A worker thread holding a share of the screens; see ScreenPool. */
const port = parentPort;
if (!port) throw new Error('screenWorker.ts runs as a worker thread of ScreenPool');
const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** Receipts travel in batches; they carry their own receive times, so batching does not skew latency. */
const FLUSH_MS = 50;
const receipts = new Float64Array(3 * 4096);
let size = 0;
let clientSets: ScreenClients[] = [];

const flush = () => {
  if (size === 0) return;
  const data = receipts.slice(0, size);
  size = 0;
  send({ type: 'receipts', data }, [data.buffer as ArrayBuffer]);
};

const recorder = (set: number, prefix: string) => (id: string, receivedMs: number) => {
  if (size + 3 > receipts.length) flush();
  receipts[size++] = set;
  receipts[size++] = id.startsWith(prefix) ? Number(id.slice(prefix.length)) : -1;
  receipts[size++] = receivedMs;
};

const connect = async (sets: ScreenSet[], scopes: string[]) => {
  clientSets = sets.map((set, i) => new ScreenClients(recorder(i, set.prefix)));
  await Promise.all(clientSets.map((clients, i) => clients.connect(sets[i]!.url, scopes)));
};

const closeAll = (): ScreenCounts[] => {
  flush();
  const counts = clientSets.map((clients) => ({ ...clients.counts }));
  for (const clients of clientSets) clients.close();
  clientSets = [];
  return counts;
};

setInterval(flush, FLUSH_MS).unref();

port.on('message', (message: ToWorker) => {
  if (message.type === 'connect') {
    connect(message.sets, message.scopes).then(
      () => send({ type: 'connected' }),
      (error: Error) => send({ type: 'failed', message: error.message }),
    );
  } else send({ type: 'closed', counts: closeAll() });
});
