// Entry of the SQLite writer worker thread. Worker threads do not inherit tsx's loader on Node 20,
// so register it here before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./sqliteWriterWorker.ts');
