import { importCounty } from '../server/import/importCounty';

/**
 * Child process of the import bench: imports one folder into one data dir and prints, as one JSON
 * line, how long each part took and the process's peak resident memory (before and after), so the
 * bench measures the import alone and not the generator that made its input.
 */
const [source, dataDir] = process.argv.slice(2) as [string, string];
const rssBeforeMiB = process.resourceUsage().maxRSS / 1024;
const stageMs: Record<string, number> = {};
let stage = '';
let stageStart = performance.now();
const started = performance.now();
const result = await importCounty({
  paths: [source],
  dataDir,
  onProgress: (name) => {
    const key = name.startsWith('reading') ? 'reading' : name.startsWith('converting') ? 'converting and checking rings' : name;
    if (key === stage) return;
    const now = performance.now();
    if (stage) stageMs[stage] = Math.round((stageMs[stage] ?? 0) + now - stageStart);
    stage = key;
    stageStart = now;
  },
});
const totalMs = Math.round(performance.now() - started);
if (stage) stageMs[stage] = Math.round((stageMs[stage] ?? 0) + performance.now() - stageStart);
process.stdout.write(
  `${JSON.stringify({
    totalMs,
    stageMs,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    rssBeforeImportMiB: Math.round(rssBeforeMiB),
    errors: result.report.errors,
    warnings: result.report.warnings,
    written: result.written !== null,
    counts: result.county ? Object.fromEntries(Object.entries(result.county.features).map(([level, c]) => [level, c.features.length])) : {},
  })}\n`,
);
