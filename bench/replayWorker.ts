import { DAY_MS, HOUR_MS } from '../shared/logic/shanghaiTime';
import { FIRST_DAY, handleMost, patrolReport, startInProcessCounty } from './inProcessCounty';
import { Samples } from './stats';

/**
 * Child process of the replay bench: the real server in-process on a ×N county, 30 simulated days
 * of reports hour by hour (each hour also accepts and resolves most of the previous hour's) written
 * through IngestService, then time-machine snapshots over real HTTP: the first (which folds the
 * whole log into checkpoints) and jumps to random moments of the 30 days. Prints one JSON line.
 */
const [scaleText, rowsText] = process.argv.slice(2);
const scale = Number(scaleText ?? 10);
const target = Number(rowsText ?? 100_000);
const DAYS = 30;
const JUMPS = 30;
const END = FIRST_DAY + DAYS * DAY_MS;

const { services, url, clock, grids, rng, token, close } = await startInProcessCounty(scale, 'replay');

const generate = async () => {
  const started = performance.now();
  const perHour = Math.ceil(target / DAYS / 24);
  let previous: string[] = [];
  for (let hour = 0; hour < DAYS * 24; hour++) {
    clock.set(FIRST_DAY + hour * HOUR_MS, 0);
    const reports = Array.from({ length: perHour }, (_, n) => services.ingest.execute(patrolReport(grids, rng, `第${hour + 1}小时第${n + 1}件`)));
    const steps = handleMost(previous).map((step) => services.ingest.execute(step));
    previous = [];
    for (const outcome of await Promise.all(reports)) if (outcome.statusCode === 201) previous.push((outcome.body as { id: string }).id);
    await Promise.all(steps);
    if (hour % 24 === 23) process.stderr.write(`replay bench: day ${(hour + 1) / 24}/${DAYS} written\n`);
  }
  clock.set(END, 0);
  return Math.round((performance.now() - started) / 100) / 10;
};

const snapshotAt = async (at: number, role: 'admin' | 'display') => {
  const started = performance.now();
  const response = await fetch(`${url}/api/v1/replay/snapshot?at=${at}`, { headers: { authorization: `Bearer ${token(role)}` } });
  if (response.status !== 200) throw new Error(`replay snapshot at ${at}: ${response.status}`);
  const body = (await response.json()) as { seq: number; incidents: unknown[] };
  return { ms: performance.now() - started, seq: body.seq, incidents: body.incidents.length };
};
const ms = (value: number) => Math.round(value);

const generationS = await generate();
const events = await services.store.headSeq();
const heapBefore = process.memoryUsage().heapUsed;
const first = await snapshotAt(FIRST_DAY + 15 * DAY_MS, 'admin');
const checkpointHeapMiB = Math.round((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20);
const jumps = { admin: new Samples(), display: new Samples() };
let slowestMs = 0;
for (let n = 0; n < JUMPS; n++) {
  const at = FIRST_DAY + Math.floor(rng() * (END - FIRST_DAY));
  for (const role of ['admin', 'display'] as const) {
    const { ms: took } = await snapshotAt(at, role);
    jumps[role].push(took);
    slowestMs = Math.max(slowestMs, took);
  }
}
process.stdout.write(
  `${JSON.stringify({
    scale, days: DAYS, incidents: target, events, generationS,
    firstReplay: { ms: ms(first.ms), note: 'folds the whole log into checkpoints once', checkpointHeapMiB, incidentsInPicture: first.incidents },
    jumps: { count: JUMPS, countyScope: { admin: jumps.admin.summary(), display: jumps.display.summary() } },
    aimJumpMs: 2000,
    met: slowestMs < 2000,
  })}\n`,
);
await close();
process.exit(0);
