import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { ensureClientBuilt } from '../tests/e2e/harness/ensureClientBuilt';
import { launchBrowser } from '../tests/e2e/harness/launchBrowser';
import { openWallPage } from '../tests/e2e/harness/openWallPage';
import { REPO_ROOT } from '../tests/e2e/harness/repoRoot';
import { startServer } from '../tests/e2e/harness/startServer';
import { runBoardBench } from './boardBench';
import { progress } from './progress';
import { round } from './stats';

/**
 * `npm run -s bench -- --only client`: how fast a wall shows the county (navigation → map idle with
 * the first snapshot's figures), default county against ×10 in the same run, in Debian's Chromium; and
 * how much the built client weighs once brotli'd (what a wall downloads on the isolated network).
 */
const RUNS = 3;
const AIM_KIB_WITHOUT_MAP_DATA = 450;
const KIB = 1024;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

type Part = 'mapData' | 'maplibre' | 'echarts' | 'vendor' | 'app';
const PARTS: readonly Part[] = ['mapData', 'maplibre', 'echarts', 'vendor', 'app'];
/** The build names its chunks (vite.config.ts codeSplitting groups): maplibre*, echarts*, vendor* (vue, pinia, vue-i18n, socket.io-client), the rest is the app. */
const partOf = (file: string): Part =>
  /maplibre/i.test(file)
    ? 'maplibre'
    : /echarts|zrender/i.test(file)
      ? 'echarts'
      : /^vendor/i.test(file)
        ? 'vendor'
        : /geojson|regions|county|data/i.test(file)
          ? 'mapData'
          : 'app';

const bundleSizes = () => {
  const dir = join(REPO_ROOT, 'dist/client/assets');
  const files = readdirSync(dir).map((file) => {
    const bytes = readFileSync(join(dir, file));
    const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
    return { file, part: partOf(file), rawKiB: round(bytes.length / KIB, 1), brotliKiB: round(brotli.length / KIB, 1) };
  });
  const byPart = Object.fromEntries(
    PARTS.map((part) => [part, round(files.filter((f) => f.part === part).reduce((s, f) => s + f.brotliKiB, 0), 1)]),
  ) as Record<Part, number>;
  const withoutMapData = round(byPart.maplibre + byPart.echarts + byPart.vendor + byPart.app, 1);
  return {
    method: 'node:zlib brotliCompressSync, quality 11, each file of dist/client/assets; parts guessed from chunk names',
    files,
    brotliKiBByPart: byPart,
    brotliKiBWithoutMapData: withoutMapData,
    aimKiB: AIM_KIB_WITHOUT_MAP_DATA,
    aimMet: withoutMapData <= AIM_KIB_WITHOUT_MAP_DATA,
    /** What the two fixed map and chart libraries weigh by themselves, against the aim. */
    librariesKiB: round(byPart.maplibre + byPart.echarts, 1),
  };
};

const timeToIdle = async (sampleScale: number) => {
  progress(`client bench: starting a server with SAMPLE_SCALE=${sampleScale} (generates the county)`);
  const server = await startServer({ env: { SIMULATOR: 'off', SAMPLE_SCALE: String(sampleScale) }, startTimeoutMs: 600_000 });
  const browser = await launchBrowser();
  try {
    const runsMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const screen = await openWallPage(browser, server.origin, { width: 1920, height: 1080 });
      runsMs.push(screen.readyMs);
      const offOrigin = screen.requests.offOrigin();
      if (offOrigin.length > 0) throw new Error(`the wall asked other hosts: ${offOrigin.join(', ')}`);
      await screen.context.close();
      progress(`client bench: scale ${sampleScale}, run ${run + 1}: ${screen.readyMs} ms to idle`);
    }
    return { sampleScale, runsMs, medianMs: median(runsMs) };
  } finally {
    await browser.close();
    await server.stop();
  }
};

export const runClientBench = async () => {
  ensureClientBuilt();
  const bundle = bundleSizes();
  const base = await timeToIdle(1);
  const scaled = await timeToIdle(10);
  const board = await runBoardBench();
  return {
    client: {
      timeToIdle: {
        method: `fresh browser context per run, 1920×1080, SIMULATOR=off; navigation → window.__jinlin.ready (map idle) → first KPIs → idle; median of ${RUNS}`,
        default: base,
        x10: scaled,
        ratioX10ToDefault: round(scaled.medianMs / base.medianMs, 2),
      },
      bundle,
      eventBoard: board,
    },
  };
};
