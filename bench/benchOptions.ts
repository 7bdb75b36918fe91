import { parseArgs } from 'node:util';

export interface BenchOptions {
  only: 'all' | 'ingest' | 'fanout' | 'client' | 'import' | 'export';
  quick: boolean;
  sampleScale: number;
  /** Worker threads holding the socket.io-client screens. */
  clientThreads: number;
  profileDir?: string;
  /** Also write the JSON document to this file (npm prints its banner on stdout unless run with -s). */
  outFile?: string;
  ingest: { levels: number[]; warmupMs: number; measureMs: number };
  fanout: {
    combos: { ratePerS: number; clients: number }[];
    warmupS: number;
    measureS: number;
    freshServerPerCase: boolean;
  };
}

export const USAGE = `npm run -s bench -- [options]      (or: npx tsx bench/run.ts [options])
  --quick               short runs: about 1.5 minutes instead of about 5
  --only ingest|fanout|client|import|export  run one part (client: wall time-to-idle, bundle size, event board at 100 ev/s, in Chromium;
                        import: npm run import of the sample county at --scale, time and peak memory;
                        export: 30 days of incidents (100,000; --quick 20,000) exported as CSV and XLSX, rows/s and peak memory)
  --only scaleout       SQLite ×1 against PostgreSQL ×1 and ×3 nodes (ingest throughput, fan-out p99); the full run
                        includes it in its quick form (500 incidents, 30 screens per case; PostgreSQL at PG_BENCH_URL)
  --case RATExCLIENTS   run only this fan-out case, e.g. --case 1000x500 (repeatable)
  --client-threads N    worker threads holding the socket.io-client screens (default 2)
  --scale N             SAMPLE_SCALE of the county (default 10, as the README advises for benchmarks)
  --profile DIR         write V8 CPU profiles of the Jinlin server(s) into DIR (slows Jinlin: not for ratios)
  --out FILE            also write the JSON document to FILE
The JSON document goes to stdout and progress to stderr; without npm's -s, npm prints its banner on stdout too.`;

const ALL_COMBOS = [200, 1000].flatMap((ratePerS) => [100, 500].map((clients) => ({ ratePerS, clients })));

const parseCase = (text: string) => {
  const match = /^(\d+)x(\d+)$/.exec(text);
  if (!match) throw new Error(`--case must look like 1000x500, got "${text}"`);
  return { ratePerS: Number(match[1]), clients: Number(match[2]) };
};

export const parseBenchOptions = (argv: string[]): BenchOptions | 'help' => {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string', default: 'all' },
      case: { type: 'string', multiple: true },
      scale: { type: 'string', default: '10' },
      profile: { type: 'string' },
      'client-threads': { type: 'string', default: '2' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return 'help';
  if (!['all', 'ingest', 'fanout', 'client', 'import', 'export'].includes(values.only)) throw new Error(`--only must be ingest, fanout, client, import or export, got "${values.only}"`);
  const sampleScale = Number(values.scale);
  if (!Number.isInteger(sampleScale) || sampleScale < 1 || sampleScale > 20) throw new Error('--scale must be an integer from 1 to 20');
  const clientThreads = Number(values['client-threads']);
  if (!Number.isInteger(clientThreads) || clientThreads < 1 || clientThreads > 16) throw new Error('--client-threads must be an integer from 1 to 16');
  const quick = values.quick;
  return {
    only: values.only as BenchOptions['only'],
    quick,
    sampleScale,
    clientThreads,
    ...(values.profile ? { profileDir: values.profile } : {}),
    ...(values.out ? { outFile: values.out } : {}),
    ingest: { levels: [1, 16, 64], warmupMs: quick ? 300 : 1000, measureMs: quick ? 1600 : 6000 },
    fanout: {
      combos: values.case ? values.case.map(parseCase) : ALL_COMBOS,
      warmupS: quick ? 1 : 2,
      measureS: quick ? 2 : 12,
      // Quick mode saves three server starts; the state a short case leaves behind is small.
      freshServerPerCase: !quick,
    },
  };
};
