import type { ChildServer, ServerKind } from './childServers';
import type { CountyLayout } from './countyLayout';
import type { CpuUse } from './cpuMeter';
import { DeliveryTracker } from './deliveryTracker';
import { FanoutSide } from './fanoutSide';
import { incidentBody } from './incidentBodies';
import { createRng, pick } from './rng';
import { planScopes, type ScreenCounts } from './screenClients';
import type { ScreenPool } from './screenPool';
import { scrapeServerMetrics, type ServerMetrics } from './serverMetrics';
import { round, type LatencySummary } from './stats';

export interface FanoutSpec {
  ratePerS: number;
  clients: number;
  warmupS: number;
  /** Measured seconds per server, sent in two halves in the order bare, Jinlin, Jinlin, bare. */
  measureS: number;
}

export interface FanoutRun {
  server: ServerKind;
  achievedRatePerS: number;
  sent: number;
  /** POSTs answered with something other than 2xx (their deliveries then count as lost). */
  refused: number;
  expectedDeliveries: number;
  delivered: number;
  /** Owed deliveries that never arrived (a drain waits while deliveries still trickle in). */
  lost: number;
  duplicates: number;
  /** Incident frames whose id the driver never sent: must be 0. */
  foreign: number;
  deliveredPerS: number;
  /** Client receive time − driver send time, every delivery of every measured event. */
  latency: LatencySummary;
  /** How late the driver sent (p99): large values would mean the driver, not the server, was slow. */
  pacerLagP99Ms: number;
  /** The driver thread's event-loop delay (the screens decode in worker threads). */
  benchEventLoopDelayP99Ms: number;
  /** Seconds spent after the sends waiting for the last deliveries: the backlog left behind. */
  drainS: number;
  /** From the first measured send to the last delivery; per-unit costs hold up better than latency on a shared machine. */
  cpu: CpuUse & { serverUsPerEvent: number; serverUsPerDelivery: number; benchUsPerDelivery: number };
  screens: ScreenCounts;
  serverMetrics?: ServerMetrics;
}

/** The same screens, grids and bodies for both servers; only the id prefix differs. */
const planEvents = (layout: CountyLayout, spec: FanoutSpec, scopes: string[], labels: string[], seed: number) => {
  const watchers = new Map<string, number>();
  for (const scope of scopes) watchers.set(scope, (watchers.get(scope) ?? 0) + 1);
  const warmupCount = Math.round(spec.ratePerS * spec.warmupS);
  const half = Math.round((spec.ratePerS * spec.measureS) / 2);
  const total = warmupCount + 2 * half;
  const rng = createRng(seed);
  const grids = Array.from({ length: total }, () => pick(layout.grids, rng));
  const expected = Uint16Array.from(grids, (grid) => grid.path.reduce((sum, code) => sum + (watchers.get(code) ?? 0), 0));
  const bodies = labels.map((label) => {
    const bodyRng = createRng(seed);
    return grids.map((grid, i) => incidentBody(grid, bodyRng, { withGridCode: true, id: `${label}-${i}` }));
  });
  return { bodies, expected, warmupCount, half };
};

const toRun = (side: FanoutSide, screens: ScreenCounts, serverMetrics?: ServerMetrics): FanoutRun => {
  const { tracker, cpu, measuredSent } = side;
  const delivered = tracker.latency.count;
  return {
    server: side.server.kind,
    achievedRatePerS: round(measuredSent / side.sendSeconds, 1),
    sent: measuredSent,
    refused: side.refused,
    expectedDeliveries: tracker.expectedDeliveries,
    delivered,
    lost: tracker.missing(),
    duplicates: tracker.duplicates,
    foreign: tracker.foreign,
    deliveredPerS: round(delivered / side.sendSeconds, 1),
    latency: tracker.latency.summary(),
    pacerLagP99Ms: side.lag.summary().p99Ms,
    benchEventLoopDelayP99Ms: round(side.loopDelay.percentile(99) / 1e6),
    drainS: round(side.drainSeconds, 2),
    cpu: {
      serverCores: round(cpu.serverCpuS / cpu.seconds, 2),
      benchCores: round(cpu.benchCpuS / cpu.seconds, 2),
      seconds: round(cpu.seconds),
      serverCpuS: round(cpu.serverCpuS),
      benchCpuS: round(cpu.benchCpuS),
      serverUsPerEvent: round((cpu.serverCpuS * 1e6) / measuredSent, 1),
      serverUsPerDelivery: round((cpu.serverCpuS * 1e6) / Math.max(1, delivered), 2),
      benchUsPerDelivery: round((cpu.benchCpuS * 1e6) / Math.max(1, delivered), 2),
    },
    screens,
    ...(serverMetrics ? { serverMetrics } : {}),
  };
};

/**
 * One case, both servers side by side: the same screens connect to both (each server's set idle
 * while the other is driven), warm-up, then measured halves in the order bare, Jinlin, Jinlin, bare,
 * so a background load that drifts during the case weighs on both alike.
 */
export const runFanoutCase = async (
  servers: { bare: ChildServer; jinlin: ChildServer },
  pool: ScreenPool,
  layout: CountyLayout,
  spec: FanoutSpec,
  label: string,
  seed: number,
): Promise<{ bare: FanoutRun; jinlin: FanoutRun }> => {
  const scopes = planScopes(layout, spec.clients, seed);
  const labels = [`${label}-bare`, `${label}-jinlin`];
  const { bodies, expected, warmupCount, half } = planEvents(layout, spec, scopes, labels, seed);
  const bare = new FanoutSide(servers.bare, bodies[0]!, new DeliveryTracker(warmupCount, expected));
  const jinlin = new FanoutSide(servers.jinlin, bodies[1]!, new DeliveryTracker(warmupCount, expected));
  const sides = [bare, jinlin];
  const sets = sides.map((side, i) => ({ url: side.server.url, prefix: `${labels[i]}-` }));
  let connected = false;
  try {
    await pool.connect(sets, scopes, (set, index, receivedMs) => sides[set]?.tracker.onReceipt(index, receivedMs));
    connected = true;
    for (const side of sides) await side.runSegment(warmupCount, spec.ratePerS, false);
    for (const side of [bare, jinlin, jinlin, bare]) await side.runSegment(half, spec.ratePerS, true);
    const metrics = await scrapeServerMetrics(servers.jinlin.url);
    connected = false;
    const [bareCounts, jinlinCounts] = await pool.close();
    return { bare: toRun(bare, bareCounts!), jinlin: toRun(jinlin, jinlinCounts!, metrics) };
  } finally {
    for (const side of sides) side.close();
    if (connected) await pool.close();
  }
};
