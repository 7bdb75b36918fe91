import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateCounty } from '../server/sample/generateCounty';
import { writeImportFormat } from '../server/sample/writeImportFormat';
import { progress } from './progress';

const run = promisify(execFile);

/**
 * `npm run bench -- --only import`: the sample county at `scale` (×10 by default) written in the
 * import format, then imported in a child process (bench/importWorker.ts) into an empty data dir:
 * wall time per stage and peak resident memory of the import alone.
 */
export const runImportBench = async (scale: number) => {
  const dir = await mkdtemp(join(tmpdir(), 'jinlin-bench-import-'));
  try {
    progress(`import: generating the ×${scale} sample county in the import format`);
    await writeImportFormat(join(dir, 'in'), generateCounty({ seed: 350121, scale }));
    const files = await readdir(join(dir, 'in'));
    const inputBytes = (await Promise.all(files.map(async (file) => (await stat(join(dir, 'in', file))).size))).reduce((a, b) => a + b, 0);
    progress(`import: importing ${Math.round(inputBytes / 2 ** 20)} MiB of files`);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/importWorker.ts', join(dir, 'in'), join(dir, 'data')], { maxBuffer: 2 ** 20 });
    const measured = JSON.parse(stdout) as Record<string, unknown>;
    const storedBytes = (await stat(join(dir, 'data', 'county.json')).catch(() => ({ size: 0 }))).size;
    return { import: { scale, inputMiB: Math.round((inputBytes / 2 ** 20) * 10) / 10, storedMiB: Math.round((storedBytes / 2 ** 20) * 10) / 10, ...measured } };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};
