import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseBenchOptions, USAGE, type BenchOptions } from './benchOptions';
import { killAllChildren, startBare, startJinlin, stopServer } from './childServers';
import { loadCountyLayout } from './countyLayout';
import { runFanoutSuite, type FanoutCase } from './fanoutSuite';
import { runExportBench } from './exportBench';
import { runImportBench } from './importBench';
import { runIngestBench, type IngestLevel } from './ingestBench';
import { nowMs } from './nowMs';
import { progress } from './progress';
import { ScreenPool } from './screenPool';
import { probeSqliteCommits, type CommitProbe } from './sqliteProbe';
import { round } from './stats';
import { runScaleoutBench } from './scaleoutBench';

/**
 * `npm run -s bench`: ingest and fan-out of the real server (child processes), each against a
 * bare Fastify/Socket.IO baseline measured in the same run. Progress on stderr, one JSON on stdout.
 */
const AIM_P99_MS = 50;
const AIM_MIN_RATIO = 0.8;
const AIM_CASE = { ratePerS: 1000, clients: 500 };

const machine = () => ({
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  totalMemGiB: round(totalmem() / 2 ** 30, 1),
  loadAvg1m: round(loadavg()[0] ?? 0, 2),
});

/** Whether the aims hold; null for a check whose case did not run. */
const judge = (fanout: FanoutCase[]) => {
  const aimCase = fanout.find((c) => c.ratePerS === AIM_CASE.ratePerS && c.clients === AIM_CASE.clients);
  const checks = {
    p99AtAimCase: aimCase ? aimCase.jinlin.latency.p99Ms <= AIM_P99_MS : null,
    ratioEveryCase: fanout.length ? fanout.every((c) => (c.ratio ?? 0) >= AIM_MIN_RATIO) : null,
    noLossEveryCase: fanout.length ? fanout.every((c) => c.jinlin.lost === 0 && c.jinlin.refused === 0) : null,
  };
  const values = Object.values(checks);
  const met = values.includes(null) ? null : values.every(Boolean);
  return { fanoutP99Ms: AIM_P99_MS, minRatio: AIM_MIN_RATIO, aimCase: AIM_CASE, met, checks };
};

const run = async (options: BenchOptions) => {
  const startedMs = nowMs();
  const machineAtStart = machine();
  progress(`starting servers (bare, Jinlin with SAMPLE_SCALE=${options.sampleScale}; the first run generates the county)`);
  const bare = await startBare();
  const firstJinlin = await startJinlin({ sampleScale: options.sampleScale, profileDir: options.profileDir });
  const layout = await loadCountyLayout(firstJinlin.url);
  progress(`county: ${layout.grids.length} grids, ${layout.streets.length} streets, ${layout.communities.length} communities`);

  let ingest: { sqliteCommitProbe: CommitProbe; levels: IngestLevel[] } | undefined;
  let fanoutJinlin: typeof firstJinlin | undefined = firstJinlin;
  if (options.only !== 'fanout') {
    const sqliteCommitProbe = probeSqliteCommits(options.quick ? 1000 : 2000);
    progress(`sqlite commit probe: ${sqliteCommitProbe.commitsPerS} commits/s, p99 ${sqliteCommitProbe.commit.p99Ms} ms`);
    const levels = await runIngestBench({ jinlin: firstJinlin, bare }, layout, options.ingest.levels, options.ingest);
    ingest = { sqliteCommitProbe, levels };
    // Fan-out starts from an empty store, not from the incidents ingest left behind.
    await stopServer(firstJinlin);
    fanoutJinlin = undefined;
  }
  let fanout: FanoutCase[] = [];
  if (options.only !== 'ingest') {
    const screens = ScreenPool.start(options.clientThreads);
    try {
      const jinlinOptions = { sampleScale: options.sampleScale, profileDir: options.profileDir };
      fanout = await runFanoutSuite(bare, screens, layout, { ...options.fanout, jinlin: jinlinOptions }, fanoutJinlin);
    } finally {
      await screens.terminate();
    }
  }
  await stopServer(bare);

  return {
    machine: { ...machineAtStart, loadAvg1mAtEnd: machine().loadAvg1m },
    durationS: round((nowMs() - startedMs) / 1000, 1),
    settings: {
      quick: options.quick,
      sampleScale: options.sampleScale,
      clientThreads: options.clientThreads,
      county: { grids: layout.grids.length, streets: layout.streets.length, communities: layout.communities.length },
      ingest: options.ingest,
      fanout: options.fanout,
    },
    ingest: ingest && {
      baseline: 'bench/bareServer.ts: the same Fastify 5 (logger at warn, same body limit), same route, JSON parsed, no validation, no store; answers 201 with an incident-shaped echo',
      request: 'POST /api/v1/incidents, keep-alive node:http, closed loop; body with a GCJ-02 point inside a random grid (no gridCode: the server locates it), reporter, unique Idempotency-Key',
      ratiosMean: 'Jinlin relative to bare: throughput = jinlin/bare, latency = bare/jinlin; 1 = as fast as bare',
      ...ingest,
    },
    fanout: fanout.length === 0 ? undefined : {
      method:
        'Per case, the same screens (10 % county, the rest round-robin over streets and communities) connect to both servers; ' +
        'warm-up, then measured halves bare, Jinlin, Jinlin, bare. Latency = screen receive − driver send (one monotonic clock), ' +
        'every delivery of every measured event; CPU from /proc over the first send to the last delivery.',
      cases: fanout,
    },
    aims: judge(fanout),
  };
};

const main = async () => {
  // The browser-side bench has its own runner; the server benches' options do not apply to it.
  const argv = process.argv.slice(2);
  // Several nodes on PostgreSQL against SQLite single-node (starts its own servers and schemas).
  if (argv.join(' ').match(/--only[ =]scaleout\b/)) {
    const quick = argv.includes('--quick');
    const json = `${JSON.stringify({ machine: machine(), ...(await runScaleoutBench(1, quick)) }, null, 2)}\n`;
    await new Promise<void>((resolve) => process.stdout.write(json, () => resolve()));
    return;
  }
  // The time machine: 30 days on the ×10 county, then jumps (its own worker, its own server).
  if (argv.join(' ').match(/--only[ =]replay\b/)) {
    const { runReplayBench } = await import('./replayBench');
    const json = `${JSON.stringify({ machine: machine(), ...(await runReplayBench(10, argv.includes('--quick'))) }, null, 2)}\n`;
    await new Promise<void>((resolve) => process.stdout.write(json, () => resolve()));
    return;
  }
  // The simulator's planning of one tick on a ×10 county (in-process, no server).
  if (argv.join(' ').match(/--only[ =]simulator\b/)) {
    const { runSimulatorPlanBench } = await import('./simulatorPlanBench');
    const json = `${JSON.stringify({ machine: machine(), ...runSimulatorPlanBench() }, null, 2)}\n`;
    await new Promise<void>((resolve) => process.stdout.write(json, () => resolve()));
    return;
  }
  if (argv.join(' ').match(/--only[ =]client\b/)) {
    const { runClientBench } = await import('./clientBench');
    const json = `${JSON.stringify({ machine: machine(), ...(await runClientBench()) }, null, 2)}\n`;
    await new Promise<void>((resolve) => process.stdout.write(json, () => resolve()));
    return;
  }
  const options = parseBenchOptions(process.argv.slice(2));
  if (options === 'help') {
    console.error(USAGE);
    return;
  }
  if (options.only === 'import' || options.only === 'export') {
    const part = options.only === 'import' ? await runImportBench(options.sampleScale) : await runExportBench(options.sampleScale, options.quick);
    const json = `${JSON.stringify({ machine: machine(), ...part }, null, 2)}\n`;
    if (options.outFile) writeFileSync(options.outFile, json);
    await new Promise<void>((resolve) => process.stdout.write(json, () => resolve()));
    return;
  }
  const server = await run(options);
  // The wall's own figures (Chromium) come after the server benches, on the same machine and run.
  const client = options.only === 'all' ? await (await import('./clientBench')).runClientBench() : {};
  const imported = options.only === 'all' ? await runImportBench(options.sampleScale) : {};
  const exported = options.only === 'all' ? await runExportBench(options.sampleScale, options.quick) : {};
  // Several nodes: always the quick form here (500 incidents, 30 screens per case), so the full run
  // stays reasonable; `--only scaleout` without --quick gives the long one.
  // Without a PostgreSQL the rest of the run still counts: the case says why it is missing.
  const scaleout = options.only === 'all' ? await runScaleoutBench(1, true).catch((error: Error) => ({ scaleout: { skipped: error.message } })) : {};
  const json = `${JSON.stringify({ ...server, ...client, ...imported, ...exported, ...scaleout }, null, 2)}\n`;
  if (options.outFile) writeFileSync(options.outFile, json);
  await new Promise<void>((resolve) => process.stdout.write(json, () => resolve()));
};

// No child server and no temp dir may outlive the bench: not on success, an error or Ctrl-C.
process.once('exit', killAllChildren);
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.once(signal, () => {
    progress(`${signal}: stopping child servers`);
    killAllChildren();
    process.exit(code);
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    killAllChildren();
    process.exit(1);
  },
);
