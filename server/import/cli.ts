import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { countsOf, formatReport } from './formatReport';
import { DEFAULT_MIN_AREA_M2, DEFAULT_TOLERANCE_M, importCounty } from './importCounty';
import { SOURCE_CRS, type SourceCrs } from './ImportSource';

/**
 * `npm run import -- <dir or files> [--crs wgs84|gcj02|cgcs2000|bd09] [--data-dir DIR] [--report FILE]
 * [--tolerance-m 10] [--min-area-m2 100] [--dbf-encoding gbk] [--recode] [--dry-run]`: checks a county's own
 * divisions, stations and data pool, prints a table (progress on stderr), writes a JSON report, and
 * swaps the county into the data dir only when nothing is wrong. Exit 0 (warnings allowed), 1 on errors, 2 on bad usage.
 */
const USAGE = `usage: npm run import -- <dir or files…> [--crs ${SOURCE_CRS.join('|')}] [--data-dir DIR] [--report FILE] [--tolerance-m M] [--min-area-m2 A] [--dbf-encoding gbk] [--recode] [--dry-run]`;

const positive = (raw: string | undefined, name: string, fallback: number): number => {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new UsageError(`--${name}: "${raw}" is not a number ≥ 0`);
  return value;
};

class UsageError extends Error {}

const progressWriter = () => {
  let last = '';
  return (stage: string, done: number, total: number) => {
    const line = `[import] ${stage} ${done}/${total}`;
    if (line === last) return;
    last = line;
    process.stderr.write(process.stderr.isTTY ? `\r\x1b[K${line}${done === total ? '\n' : ''}` : `${line}\n`);
  };
};

const main = async (): Promise<number> => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      crs: { type: 'string' },
      'data-dir': { type: 'string' },
      report: { type: 'string' },
      'tolerance-m': { type: 'string' },
      'min-area-m2': { type: 'string' },
      'dbf-encoding': { type: 'string' },
      'dry-run': { type: 'boolean' },
      recode: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.error(USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('name a folder or the files to import');
  if (values.crs !== undefined && !SOURCE_CRS.includes(values.crs as SourceCrs)) throw new UsageError(`--crs: "${values.crs}" is not one of ${SOURCE_CRS.join(', ')}`);
  const dataDir = resolve(values['data-dir'] ?? process.env.DATA_DIR ?? '.data');
  const reportFile = resolve(values.report ?? `${dataDir}/import-report.json`);
  const started = performance.now();
  const result = await importCounty({
    paths: positionals.map((path) => resolve(path)),
    dataDir,
    crs: values.crs as SourceCrs | undefined,
    toleranceM: positive(values['tolerance-m'], 'tolerance-m', DEFAULT_TOLERANCE_M),
    minAreaM2: positive(values['min-area-m2'], 'min-area-m2', DEFAULT_MIN_AREA_M2),
    dryRun: values['dry-run'] ?? false,
    recode: values.recode ?? false,
    dbfEncoding: values['dbf-encoding'],
    onProgress: progressWriter(),
  });
  const { report, county, written } = result;
  const outcome = written
    ? `imported into ${written}; restart the server to show it (SIMULATOR is off by default for an imported county)`
    : report.errors > 0
      ? `refused: nothing was written to ${dataDir}`
      : `dry run: nothing was written to ${dataDir}`;
  const json = { ok: report.errors === 0, errors: report.errors, warnings: report.warnings, written, dataDir, durationMs: Math.round(performance.now() - started), counts: countsOf(county), lines: report.lines };
  await mkdir(dirname(reportFile), { recursive: true });
  await writeFile(reportFile, `${JSON.stringify(json, null, 2)}\n`);
  process.stdout.write(formatReport(report, county, outcome, reportFile));
  return report.errors > 0 ? 1 : 0;
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : error instanceof Error ? error.message : error);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
