import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { progress } from './progress';

const run = promisify(execFile);

/**
 * `npm run bench -- --only export`: in a child process (bench/exportWorker.ts, with --expose-gc),
 * 30 simulated days of incidents on the ×`scale` county written through IngestService, then the
 * CSV (operator) and XLSX (display, masked) exports downloaded over HTTP. Reports rows/s and peak
 * heap/RSS during each export against the baseline measured just before it in the same process,
 * for six days and for all thirty: a flat export's peak does not grow with the rows.
 */
export const runExportBench = async (scale: number, quick: boolean) => {
  const rows = quick ? 20_000 : 100_000;
  progress(`export: writing ${rows} incidents over 30 days on the ×${scale} county, then exporting CSV and XLSX`);
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/exportWorker.ts', String(scale), String(rows)], {
    maxBuffer: 2 ** 20,
    timeout: 30 * 60_000,
  });
  return {
    export: {
      method:
        'heapGrowthMiB / rssGrowthMiB = peak (sampled every 10 ms) minus the value after a GC just before the download; ' +
        'allRowsInMemory = heap of every incident row held at once, what a non-streamed export would need',
      ...(JSON.parse(stdout) as Record<string, unknown>),
    },
  };
};
