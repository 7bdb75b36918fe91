import { get } from 'node:http';
import { DAY_MS } from '../shared/logic/shanghaiTime';
import { FIRST_DAY, handleMost, patrolReport, startInProcessCounty } from './inProcessCounty';

/**
 * Child process of the export bench (`--expose-gc`): builds the real server in-process on a ×N
 * county, writes 30 simulated days of incidents straight through IngestService (no HTTP), then
 * downloads the CSV and XLSX exports over real HTTP into a sink that only counts, sampling heap and
 * RSS every 10 ms. Prints one JSON line: the baseline after generation (after GC), the peaks during
 * each export, rows/s, and what holding every row at once would cost, for scale.
 */
const [scaleText, rowsText] = process.argv.slice(2);
const scale = Number(scaleText ?? 10);
const target = Number(rowsText ?? 100_000);
const DAYS = 30;
const MiB = 2 ** 20;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mib = (bytes: number) => Math.round((bytes / MiB) * 10) / 10;

const { services, url, clock, grids, rng, token, close } = await startInProcessCounty(scale, 'export');

/** A day of reports, then most of them handled: every lifecycle column gets filled somewhere. */
const generate = async () => {
  const started = performance.now();
  const perDay = Math.ceil(target / DAYS);
  for (let day = 0; day < DAYS; day++) {
    const ids: string[] = [];
    for (let chunk = 0; chunk < perDay; chunk += 2000) {
      clock.set(FIRST_DAY + day * DAY_MS + Math.floor((chunk / perDay) * 20 * 3600_000) + 7 * 3600_000, 0);
      const reports = [];
      for (let n = chunk; n < Math.min(perDay, chunk + 2000); n++) {
        reports.push(services.ingest.execute(patrolReport(grids, rng, `第${day + 1}天第${n + 1}件`)));
      }
      for (const outcome of await Promise.all(reports)) if (outcome.statusCode === 201) ids.push((outcome.body as { id: string }).id);
    }
    clock.set(FIRST_DAY + day * DAY_MS + 22 * 3600_000, 0);
    await Promise.all(handleMost(ids).map((step) => services.ingest.execute(step)));
    process.stderr.write(`export bench: day ${day + 1}/${DAYS} written\n`);
  }
  return Math.round((performance.now() - started) / 100) / 10;
};

const memory = () => ({ rss: process.memoryUsage.rss(), heap: process.memoryUsage().heapUsed });

/** Downloads one export into a counting sink while sampling memory; the request reads as a slow-enough client. */
const download = (path: string, token: string) =>
  new Promise<Record<string, number>>((resolve, reject) => {
    gc();
    const base = memory();
    const peak = { ...base };
    const sampler = setInterval(() => {
      const now = memory();
      peak.rss = Math.max(peak.rss, now.rss);
      peak.heap = Math.max(peak.heap, now.heap);
    }, 10);
    const started = performance.now();
    let bytes = 0;
    let lines = 0;
    get(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } }, (response) => {
      if (response.statusCode !== 200) reject(new Error(`${path}: ${response.statusCode}`));
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      });
      response.on('end', () => {
        clearInterval(sampler);
        const seconds = (performance.now() - started) / 1000;
        resolve({ seconds: Math.round(seconds * 100) / 100, MiB: mib(bytes), csvLines: lines, baseRssMiB: mib(base.rss), baseHeapMiB: mib(base.heap), peakRssMiB: mib(peak.rss), peakHeapMiB: mib(peak.heap), rssGrowthMiB: mib(peak.rss - base.rss), heapGrowthMiB: mib(peak.heap - base.heap) });
      });
    }).on('error', reject);
  });

const generationS = await generate();
const rows = (await services.store.readEntityPage({ kind: 'incident', afterId: '', limit: 10 * target })).length;
gc();
// Flat means the peak does not grow with the rows: six days (a fifth of the rows) against all thirty.
const query = (to: string) => `from=2026-11-01&to=${to}&scope=${services.county.county.code}`;
const exportBoth = async (to: string) => ({
  csv: await download(`/api/v1/exports/incidents.csv?${query(to)}`, token('admin')),
  xlsx: await download(`/api/v1/exports/incidents.xlsx?${query(to)}`, token('display')),
});
const fifth = await exportBoth('2026-11-06');
const { csv, xlsx } = await exportBoth('2026-11-30');
const growthRatio = (all: number, part: number) => (part <= 0 ? null : Math.round((all / part) * 100) / 100);
// For scale: what a non-streamed export would hold at once (every incident row parsed).
gc();
const before = memory().heap;
const all = await services.store.readEntityPage({ kind: 'incident', afterId: '', limit: 10 * target });
const allRowsHeapMiB = mib(memory().heap - before);
process.stdout.write(
  `${JSON.stringify({
    scale,
    days: DAYS,
    rows,
    generationS,
    csv: { ...csv, rowsPerS: Math.round(rows / csv.seconds!) },
    xlsx: { ...xlsx, rowsPerS: Math.round(rows / xlsx.seconds!) },
    firstSixDays: { csvLines: fifth.csv.csvLines, csvHeapGrowthMiB: fifth.csv.heapGrowthMiB, xlsxHeapGrowthMiB: fifth.xlsx.heapGrowthMiB },
    heapGrowthAllOverSixDays: { csv: growthRatio(csv.heapGrowthMiB!, fifth.csv.heapGrowthMiB!), xlsx: growthRatio(xlsx.heapGrowthMiB!, fifth.xlsx.heapGrowthMiB!) },
    allRowsInMemory: { rows: all.length, heapMiB: allRowsHeapMiB },
  })}\n`,
);
await close();
process.exit(0);
