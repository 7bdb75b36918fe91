import { join } from 'node:path';
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import type { Server } from 'socket.io';
import type { Config } from '../config';
import type { LiveState } from '../live/LiveState';
import type { EventStore } from './EventStore';
import type { Simulator } from '../simulator/simulator';
import { leaderGatedSimulator } from './leaderGatedSimulator';
import { LeaderLock } from './postgres/LeaderLock';
import { LogTailer } from './postgres/LogTailer';
import { PostgresEventStore } from './postgres/PostgresEventStore';
import { SqliteEventStore } from './sqlite/SqliteEventStore';

/** The one place that names a backend: STORE=sqlite (default, embedded) or STORE=postgres (DATABASE_URL). */
export const createEventStore = async (config: Pick<Config, 'store' | 'dataDir' | 'databaseUrl'>): Promise<EventStore> => {
  if (config.store === 'postgres') return PostgresEventStore.open({ connectionString: config.databaseUrl });
  return new SqliteEventStore({ file: join(config.dataDir, 'jinlin.sqlite') });
};

export interface LogFollowerDeps {
  live: LiveState;
  now: () => number;
  onApplied: (result: ReturnType<LiveState['apply']>) => void;
  onRevoked: (jti: string) => void;
  onRemoteReset: { before: () => void; after: () => void };
  onHealth?: (healthy: boolean) => void;
}

export interface LogFollower {
  /** Reading the shared log works (false while PostgreSQL is away). */
  healthy(): boolean;
  close(): Promise<void>;
}

/**
 * A shared log (postgres) is followed by every node: live state and sockets are fed from the log,
 * whichever node wrote. A single-process store (sqlite) needs none: ingest applies its own commits.
 */
export const followLog = (store: EventStore, deps: LogFollowerDeps): LogFollower | null => {
  if (!(store instanceof PostgresEventStore)) return null;
  const tailer = new LogTailer({ store, ...deps });
  tailer.start();
  return { healthy: () => tailer.healthy, close: () => tailer.close() };
};

export interface Leadership {
  isLeader(): boolean;
  /** Called with the new value each time this node gains or loses leadership; returns an unsubscribe. */
  onChange(listener: (leading: boolean) => void): () => void;
  close(): Promise<void>;
}

/**
 * The singletons (the simulator's live loop) of a shared log run on exactly one node: the holder
 * of an advisory lock, taken over within about a second when it dies. A single-process store
 * needs no election: the simulator is returned as it is and there is no leadership to close.
 */
export const electLeader = async (store: EventStore, simulator: Simulator | null): Promise<{ simulator: Simulator | null; leadership: Leadership | null }> => {
  if (!(store instanceof PostgresEventStore)) return { simulator, leadership: null };
  let gated: ReturnType<typeof leaderGatedSimulator> | null = null;
  const listeners = new Set<(leading: boolean) => void>();
  const lock = new LeaderLock(store.clientConfig, `jinlin-leader:${store.schema}`, (leading) => {
    gated?.leadershipChanged(leading);
    for (const listener of listeners) listener(leading);
  });
  await lock.start();
  gated = simulator ? leaderGatedSimulator(simulator, () => lock.isLeader) : null;
  const onChange = (listener: (leading: boolean) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  return { simulator: gated, leadership: { isLeader: () => lock.isLeader, onChange, close: () => lock.close() } };
};

/** The adapter's liveness beat: a dead node stops counting (for acks of serverSideEmit) after the timeout. */
const ADAPTER_HEARTBEAT_MS = 1000;
const ADAPTER_HEARTBEAT_TIMEOUT_MS = 3000;
const POOL_END_WITHIN_MS = 1000;

/**
 * A shared log (postgres): one node's io.emit, fetchSockets and serverSideEmit reach every node's
 * sockets and servers through the maintained @socket.io/postgres-adapter (NOTIFY on a channel of
 * this schema, big payloads through its socket_io_attachments table). Frames made from each node's
 * own live state (events, KPIs, heartbeats, alarms, reload) stay node-local (io.local), or every
 * screen would get each one N times. A single-process store needs no adapter: null.
 */
export const shareSockets = (store: EventStore, io: Server): { close(): Promise<void> } | null => {
  if (!(store instanceof PostgresEventStore)) return null;
  const pool = new pg.Pool({ ...store.clientConfig, max: 3 });
  // PostgreSQL restarting must not take the node down: the adapter reconnects by itself.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  io.adapter(
    createAdapter(pool, {
      channelPrefix: `sio:${store.schema}`.slice(0, 50),
      heartbeatInterval: ADAPTER_HEARTBEAT_MS,
      heartbeatTimeout: ADAPTER_HEARTBEAT_TIMEOUT_MS,
      errorHandler: () => undefined,
    }),
  );
  return {
    // Realtime closes only the engine (Fastify owns the HTTP server): the adapter is closed here,
    // which tells the other nodes this one is gone and hands its LISTEN connection back to the pool.
    close: async () => {
      await Promise.resolve(io.of('/').adapter.close()).catch(() => undefined);
      // Bounded: a LISTEN connection the adapter was re-making when PostgreSQL came back may never be
      // handed back, and pool.end() would wait for it forever; the process ending closes it anyway.
      const ended = pool.end().catch(() => undefined);
      await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, POOL_END_WITHIN_MS).unref())]);
    },
  };
};
