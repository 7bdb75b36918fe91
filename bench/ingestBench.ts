import { loadavg } from 'node:os';
import { IDEMPOTENCY_HEADER, ROUTES } from '../shared/contract/http';
import { diskWriteBytesOf, type ChildServer, type ServerKind } from './childServers';
import type { CountyLayout } from './countyLayout';
import { startCpuMeter, type CpuUse } from './cpuMeter';
import { createPoster } from './httpPoster';
import { incidentBody } from './incidentBodies';
import { nowMs } from './nowMs';
import { progress } from './progress';
import { createRng, pick } from './rng';
import { ratio, round, Samples, type LatencySummary } from './stats';

export interface IngestTiming {
  warmupMs: number;
  /** Measured time per server and level, run in two halves in the order bare, Jinlin, Jinlin, bare. */
  measureMs: number;
}

export interface IngestRun {
  server: ServerKind;
  requests: number;
  /** Status code → count; every 2xx counts as accepted. */
  statuses: Record<string, number>;
  throughputPerS: number;
  latency: LatencySummary;
  cpu: CpuUse & { serverUsPerRequest: number };
  /** Bytes the server process wrote to disk per request (WAL and checkpoints), from /proc/<pid>/io. */
  diskKbPerRequest: number;
}

export interface IngestLevel {
  concurrency: number;
  loadAvg1m: number;
  bare: IngestRun;
  jinlin: IngestRun;
  /** Jinlin relative to the bare server: 1 = as fast, 0.25 = a quarter of its speed (latency: bare/jinlin). */
  ratios: { throughput: number | null; p50: number | null; p99: number | null; serverCpuPerRequest: number | null };
}

/** What one server's halves add up to. */
class Tally {
  readonly samples = new Samples();
  readonly statuses: Record<string, number> = {};
  seconds = 0;
  serverCpuS = 0;
  benchCpuS = 0;
  diskBytes = 0;

  constructor(readonly server: ChildServer) {}

  result(): IngestRun {
    const requests = this.samples.count;
    return {
      server: this.server.kind,
      requests,
      statuses: this.statuses,
      throughputPerS: round(requests / this.seconds, 1),
      latency: this.samples.summary(),
      cpu: {
        serverCores: round(this.serverCpuS / this.seconds, 2),
        benchCores: round(this.benchCpuS / this.seconds, 2),
        seconds: round(this.seconds),
        serverCpuS: round(this.serverCpuS),
        benchCpuS: round(this.benchCpuS),
        serverUsPerRequest: round((this.serverCpuS * 1e6) / Math.max(1, requests), 1),
      },
      diskKbPerRequest: round(this.diskBytes / 1024 / Math.max(1, requests), 2),
    };
  }
}

/**
 * Closed loop: `concurrency` workers, each sending its next POST when the previous answer is in,
 * over keep-alive connections. Requests started during the warm-up are not counted.
 */
const runClosedLoop = async (tally: Tally, layout: CountyLayout, concurrency: number, timing: IngestTiming, half: number) => {
  const { server } = tally;
  const poster = createPoster(server.url, concurrency);
  const rng = createRng(350121 + concurrency * 10 + half);
  const measureStartMs = nowMs() + timing.warmupMs;
  const endMs = measureStartMs + timing.measureMs / 2;
  let lastDoneMs = endMs;
  let read: { cpu: () => CpuUse; diskBytes: number } | undefined;
  const meterTimer = setTimeout(() => (read = { cpu: startCpuMeter(server.pid), diskBytes: diskWriteBytesOf(server.pid) }), timing.warmupMs);
  let sequence = 0;
  const worker = async () => {
    while (nowMs() < endMs) {
      const body = incidentBody(pick(layout.grids, rng), rng, { withGridCode: false });
      const key = `bench-${server.kind}-${concurrency}-${half}-${sequence++}`;
      const startedMs = nowMs();
      const status = await poster.post(ROUTES.incidents, body, { [IDEMPOTENCY_HEADER]: key }).catch(() => 0);
      const doneMs = nowMs();
      if (startedMs < measureStartMs) continue;
      tally.samples.push(doneMs - startedMs);
      tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
      lastDoneMs = Math.max(lastDoneMs, doneMs);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  clearTimeout(meterTimer);
  poster.close();
  if (!read) return;
  const cpu = read.cpu();
  tally.seconds += (lastDoneMs - measureStartMs) / 1000;
  tally.serverCpuS += cpu.serverCpuS;
  tally.benchCpuS += cpu.benchCpuS;
  tally.diskBytes += diskWriteBytesOf(server.pid) - read.diskBytes;
};

const describe = (run: IngestRun, concurrency: number) =>
  `ingest ${run.server.padEnd(6)} c=${String(concurrency).padStart(2)}: ${run.throughputPerS} req/s, ` +
  `p50 ${run.latency.p50Ms} ms, p99 ${run.latency.p99Ms} ms, server ${run.cpu.serverUsPerRequest} µs CPU/request, ` +
  `statuses ${JSON.stringify(run.statuses)}`;

/**
 * Each concurrency level against both servers in halves, bare, Jinlin, Jinlin, bare: a background
 * load that drifts during the level then weighs on both alike.
 */
export const runIngestBench = async (
  servers: { jinlin: ChildServer; bare: ChildServer },
  layout: CountyLayout,
  levels: number[],
  timing: IngestTiming,
): Promise<IngestLevel[]> => {
  const results: IngestLevel[] = [];
  for (const concurrency of levels) {
    const loadAvg1m = round(loadavg()[0] ?? 0, 2);
    const bareTally = new Tally(servers.bare);
    const jinlinTally = new Tally(servers.jinlin);
    for (const [half, tally] of [bareTally, jinlinTally, jinlinTally, bareTally].entries()) {
      await runClosedLoop(tally, layout, concurrency, timing, half);
    }
    const bare = bareTally.result();
    const jinlin = jinlinTally.result();
    progress(describe(bare, concurrency));
    progress(describe(jinlin, concurrency));
    results.push({
      concurrency,
      loadAvg1m,
      bare,
      jinlin,
      ratios: {
        throughput: ratio(jinlin.throughputPerS, bare.throughputPerS),
        p50: ratio(bare.latency.p50Ms, jinlin.latency.p50Ms),
        p99: ratio(bare.latency.p99Ms, jinlin.latency.p99Ms),
        serverCpuPerRequest: ratio(bare.cpu.serverUsPerRequest, jinlin.cpu.serverUsPerRequest),
      },
    });
  }
  return results;
};
