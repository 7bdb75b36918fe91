import type { Snapshot } from '../../../../shared/contract/snapshot';
import type { KpiFrame } from '../../../../shared/contract/socket';
import type { ConnectionStatus } from '../../../../client/realtime/ConnectionStatus';
import type { LiveConnection } from '../../../../client/realtime/LiveConnection';

/** Everything a connection told its listeners, in order. */
export const recordConnection = (connection: LiveConnection) => {
  const record = {
    seqs: [] as number[],
    batches: 0,
    snapshots: [] as Snapshot[],
    kpis: [] as KpiFrame[],
    statuses: [] as ConnectionStatus[],
    errors: [] as Error[],
  };
  connection.onEvents((events) => {
    record.batches++;
    record.seqs.push(...events.map((event) => event.seq));
  });
  connection.onSnapshot((snapshot) => record.snapshots.push(snapshot));
  connection.onKpi((frame) => record.kpis.push(frame));
  connection.onStatus((status) => record.statuses.push(status));
  connection.onError((error) => record.errors.push(error));
  return record;
};

export type ConnectionRecord = ReturnType<typeof recordConnection>;
