import { loadavg } from 'node:os';
import { startJinlin, stopServer, type ChildServer, type JinlinOptions } from './childServers';
import type { CountyLayout } from './countyLayout';
import { runFanoutCase, type FanoutRun, type FanoutSpec } from './fanoutBench';
import { progress } from './progress';
import type { ScreenPool } from './screenPool';
import { ratio, round } from './stats';

export interface FanoutCase {
  ratePerS: number;
  clients: number;
  /** The machine's 1-minute load average when the case started: other work on it skews wall-clock figures. */
  loadAvg1m: number;
  bare: FanoutRun;
  jinlin: FanoutRun;
  /** bare p99 / Jinlin p99: 1 = Jinlin delivers as fast as a bare Socket.IO server; the aim is ≥ 0.8. */
  ratio: number | null;
  /** Latency ratios are bare/Jinlin, rates Jinlin/bare, CPU per delivery bare/Jinlin: 1 = as good as bare. */
  ratios: {
    p50: number | null;
    p999: number | null;
    achievedRate: number | null;
    deliveredPerS: number | null;
    serverCpuPerDelivery: number | null;
  };
}

export interface FanoutSuiteOptions {
  combos: { ratePerS: number; clients: number }[];
  warmupS: number;
  measureS: number;
  /** A fresh Jinlin (empty store) per case, so no case inherits the incidents of the one before. */
  freshServerPerCase: boolean;
  jinlin: JinlinOptions;
}

const describe = (run: FanoutRun, spec: FanoutSpec) =>
  `fanout ${run.server.padEnd(6)} ${spec.ratePerS} ev/s × ${spec.clients}: ${run.achievedRatePerS} ev/s, ` +
  `${run.delivered} delivered, ${run.lost} lost, p50 ${run.latency.p50Ms} ms, p99 ${run.latency.p99Ms} ms, ` +
  `p99.9 ${run.latency.p999Ms} ms, drain ${run.drainS} s, cpu server ${run.cpu.serverCores} (${run.cpu.serverUsPerDelivery} µs/delivery) ` +
  `bench ${run.cpu.benchCores}`;

/** Every combination, each against the bare server and Jinlin side by side (see runFanoutCase). */
export const runFanoutSuite = async (
  bare: ChildServer,
  screens: ScreenPool,
  layout: CountyLayout,
  options: FanoutSuiteOptions,
  firstJinlin?: ChildServer,
): Promise<FanoutCase[]> => {
  const cases: FanoutCase[] = [];
  let jinlin = firstJinlin;
  for (const [index, combo] of options.combos.entries()) {
    if (!jinlin || (options.freshServerPerCase && index > 0)) {
      if (jinlin) await stopServer(jinlin);
      jinlin = await startJinlin(options.jinlin);
    }
    const loadAvg1m = round(loadavg()[0] ?? 0, 2);
    const spec: FanoutSpec = { ...combo, warmupS: options.warmupS, measureS: options.measureS };
    const seed = 1000 + index;
    progress(`fanout case ${index + 1}/${options.combos.length}: ${spec.ratePerS} ev/s × ${spec.clients} screens`);
    const { bare: bareRun, jinlin: jinlinRun } = await runFanoutCase({ bare, jinlin }, screens, layout, spec, `F${index}`, seed);
    progress(describe(bareRun, spec));
    progress(describe(jinlinRun, spec));
    cases.push({
      ...combo,
      loadAvg1m,
      bare: bareRun,
      jinlin: jinlinRun,
      ratio: ratio(bareRun.latency.p99Ms, jinlinRun.latency.p99Ms),
      ratios: {
        p50: ratio(bareRun.latency.p50Ms, jinlinRun.latency.p50Ms),
        p999: ratio(bareRun.latency.p999Ms, jinlinRun.latency.p999Ms),
        achievedRate: ratio(jinlinRun.achievedRatePerS, bareRun.achievedRatePerS),
        deliveredPerS: ratio(jinlinRun.deliveredPerS, bareRun.deliveredPerS),
        serverCpuPerDelivery: ratio(bareRun.cpu.serverUsPerDelivery, jinlinRun.cpu.serverUsPerDelivery),
      },
    });
  }
  if (jinlin) await stopServer(jinlin);
  return cases;
};
