import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { signToken } from '../server/auth/tokens';
import { BENCH_AUTH_SECRET, benchAuthorization, UNLIMITED_WRITES } from './benchToken';
import { startJinlin, stopServer } from './childServers';
import { loadCountyLayout, type CountyLayout } from './countyLayout';
import { incidentBody } from './incidentBodies';
import { nowMs } from './nowMs';
import { progress } from './progress';
import { createRng } from './rng';
import { round, Samples } from './stats';

/** The machine's PostgreSQL (CI has the same); each case runs in a schema of its own, dropped after. */
const PG_URL = process.env.PG_BENCH_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface ScaleoutCase {
  store: 'sqlite' | 'postgres';
  nodes: number;
  incidents: number;
  clients: number;
  ingestPerS: number;
  /** Post sent → event received, over every screen on every node. */
  fanout: ReturnType<Samples['summary']>;
  lostDeliveries: number;
  refused: number;
}

const startPgNode = (env: Record<string, string>): Promise<{ url: string; process: ChildProcess }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', CLIENT_DIR: '', SIMULATOR: 'off', TOUR_FILE: '', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.once('exit', (code) => reject(new Error(`node exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match?.[1]) resolve({ url: match[1], process: child });
    });
  });

/** One case: `clients` screens spread over the nodes watch the county; writers post to the nodes in turn. */
const measure = async (store: ScaleoutCase['store'], urls: string[], layout: CountyLayout, incidents: number, clients: number): Promise<ScaleoutCase> => {
  const token = signToken({ role: 'admin', scope: '350121', ttlSeconds: 3600, now: Date.now() }, BENCH_AUTH_SECRET).token;
  const sockets: Socket[] = [];
  const sentAt = new Map<string, number>();
  const latency = new Samples();
  let delivered = 0;
  for (let i = 0; i < clients; i++) {
    const socket = io(urls[i % urls.length]!, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { token } });
    await new Promise<void>((resolve, reject) => socket.once('connect', () => resolve()).once('connect_error', reject));
    socket.on('events', (batch: { events: { type: string; payload: { incident?: { id: string } } }[] }) => {
      const now = nowMs();
      for (const event of batch.events) {
        const sent = event.payload.incident && sentAt.get(event.payload.incident.id);
        if (sent === undefined) continue;
        latency.push(now - sent);
        delivered++;
      }
    });
    await socket.emitWithAck('view:subscribe', { scope: '350121' });
    sockets.push(socket);
  }
  const rng = createRng(7);
  const headers = { 'content-type': 'application/json', ...benchAuthorization() };
  const run = randomBytes(3).toString('hex');
  let next = 0;
  let refused = 0;
  const started = nowMs();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < incidents) {
        const i = next++;
        const id = `SO-${run}-${i}`;
        const body = incidentBody(layout.grids[i % layout.grids.length]!, rng, { withGridCode: false, id });
        for (let attempt = 0; ; attempt++) {
          sentAt.set(id, nowMs());
          const response = await fetch(`${urls[(i + attempt) % urls.length]}/api/v1/incidents`, { method: 'POST', headers: { ...headers, 'idempotency-key': id }, body });
          await response.arrayBuffer();
          if (response.status === 201) break;
          if (response.status !== 503 || attempt > 20) {
            refused++;
            break;
          }
        }
      }
    }),
  );
  const ingestPerS = incidents / ((nowMs() - started) / 1000);
  const expected = (incidents - refused) * clients;
  const deadline = nowMs() + 30_000;
  while (delivered < expected && nowMs() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  for (const socket of sockets) socket.disconnect();
  return { store, nodes: urls.length, incidents, clients, ingestPerS: round(ingestPerS, 1), fanout: latency.summary(), lostDeliveries: expected - delivered, refused };
};

/** `--only scaleout`: ingest throughput and fan-out p99 of SQLite single-node, PostgreSQL 1 node and 3 nodes, in one run. */
export const runScaleoutBench = async (sampleScale: number, quick: boolean) => {
  const incidents = quick ? 500 : 2000;
  const clients = quick ? 30 : 90;
  progress(`scale-out: ${incidents} incidents, ${clients} screens per case`);
  const sqlite = await startJinlin({ sampleScale });
  const layout = await loadCountyLayout(sqlite.url);
  const cases: ScaleoutCase[] = [];
  try {
    cases.push(await measure('sqlite', [sqlite.url], layout, incidents, clients));
    progress(`scale-out sqlite ×1: ${JSON.stringify(cases.at(-1))}`);
    for (const count of [1, 3]) {
      const schema = `jinlin_bench_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      const env = {
        STORE: 'postgres',
        DATABASE_URL: `${PG_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
        DATA_DIR: sqlite.dataDir ?? '',
        SAMPLE_SCALE: String(sampleScale),
        AUTH_SECRET: BENCH_AUTH_SECRET,
        ...UNLIMITED_WRITES,
      };
      const nodes = await Promise.all(Array.from({ length: count }, () => startPgNode(env)));
      try {
        cases.push(await measure('postgres', nodes.map((n) => n.url), layout, incidents, clients));
        progress(`scale-out postgres ×${count}: ${JSON.stringify(cases.at(-1))}`);
      } finally {
        for (const node of nodes) node.process.kill('SIGKILL');
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      }
    }
  } finally {
    await stopServer(sqlite);
  }
  return {
    scaleout: {
      method:
        'Per case the same screens (all watching the county) spread round-robin over the nodes, 8 closed-loop writers posting to the nodes in turn with an Idempotency-Key (503 retried on the next node). ' +
        'ingestPerS = acknowledged incidents / wall time; fanout = post sent → event received at every screen on every node (one clock). All nodes share this machine: the ratio is the cost of the shared log, not a scaling figure.',
      cases,
    },
  };
};
