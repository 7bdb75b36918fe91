import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { GENERATOR_VERSION, SAMPLE_LEVELS, generateCounty } from './generateCounty';
import { writeImportFormat } from './writeImportFormat';

/**
 * `npm run sample -- --scale 10 --seed 7 --out DIR`: writes the sample county in the import format
 * (`npm run import -- DIR` reads it back): one RFC 7946 GeoJSON file per level, stations.geojson,
 * grid-attributes.csv and import.json. Progress goes to stderr, a JSON
 * summary (counts, timings) to stdout, so the output can be piped into benchmarks.
 */
const USAGE = 'usage: npm run sample -- [--scale N>0] [--seed 0..2^32-1] [--out DIR]';

const numberOption = (raw: string | undefined, name: string, fallback: number, valid: (value: number) => boolean): number => {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!valid(value)) throw new Error(`--${name}: "${raw}" is not allowed\n${USAGE}`);
  return value;
};

const main = async (): Promise<void> => {
  const { values } = parseArgs({
    options: { scale: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.error(USAGE);
    return;
  }
  const scale = numberOption(values.scale, 'scale', 1, (value) => Number.isFinite(value) && value > 0);
  const seed = numberOption(values.seed, 'seed', 1, (value) => Number.isInteger(value) && value >= 0 && value < 2 ** 32);
  const out = resolve(values.out ?? `.data/sample-seed${seed}-scale${scale}`);
  const started = performance.now();
  let lastMark = started;
  const stageMs: Record<string, number> = {};
  const county = generateCounty({
    seed,
    scale,
    onProgress: (stage, done, total) => {
      if (done === total || done % 50 === 0) process.stderr.write(`[sample] ${stage} ${done}/${total}\n`);
      if (done !== total) return;
      const now = performance.now();
      stageMs[stage] = Math.round(now - lastMark);
      lastMark = now;
    },
  });
  const generatedMs = Math.round(performance.now() - started);
  await writeImportFormat(out, county);
  const counts = Object.fromEntries(SAMPLE_LEVELS.map((level) => [level, county.features[level].features.length]));
  const timings = { generatedMs, writtenMs: Math.round(performance.now() - started), stageMs };
  const summary = { generatorVersion: GENERATOR_VERSION, seed, scale, out, counts: { ...counts, stations: county.stations.length }, timings };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
