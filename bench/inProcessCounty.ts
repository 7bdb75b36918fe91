import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/app';
import { signToken } from '../server/auth/tokens';
import { createClock } from '../server/clock';
import { loadConfig } from '../server/config';
import { loadCountyIndex } from '../server/county/loadCountyIndex';
import type { Region } from '../shared/domain/region';
import { INCIDENT_CATEGORIES, PRIORITIES } from '../shared/domain/incident';
import { BENCH_AUTH_SECRET } from './benchToken';
import { createRng, pick } from './rng';

/** 2026-11-01 00:00 Shanghai: where the benches' simulated months begin. */
export const FIRST_DAY = Date.UTC(2026, 9, 31, 16, 0);

/**
 * The real server built in-process on the ×`scale` sample county, listening on a free port, with a
 * stopped clock the bench moves itself, the simulator off and the pressure guards off (a bench that
 * writes a month in minutes would trip them). Writes go straight through IngestService; reads over
 * real HTTP at `url`.
 */
export const startInProcessCounty = async (scale: number, name: string) => {
  const dataDir = mkdtempSync(join(tmpdir(), `jinlin-bench-${name}-`));
  const county = await loadCountyIndex({ dataDir: join(tmpdir(), `jinlin-bench-county-x${scale}`), sampleSeed: 350121, sampleScale: scale });
  const clock = createClock({ startAt: FIRST_DAY, speed: 0 });
  const config = loadConfig({
    DATA_DIR: dataDir, SIMULATOR: 'off', CLIENT_DIR: '', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', AUTH_SECRET: BENCH_AUTH_SECRET,
    PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0', PRESSURE_MAX_HEAP_BYTES: '0', TOUR_FILE: '',
  });
  const { app, services } = await buildApp(config, { county, clock });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const grids = county.regions().filter((r) => r.level === 'grid');
  const rng = createRng(20261101);
  const token = (role: 'admin' | 'display') =>
    signToken({ role, scope: county.county.code, ttlSeconds: 3600, now: Date.now() }, BENCH_AUTH_SECRET).token;
  const close = async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { app, services, url, county, clock, grids, rng, token, close };
};

/** A patrol report in a random grid, with a reporter the public exports must mask. */
export const patrolReport = (grids: readonly Region[], rng: () => number, label: string) => {
  const grid = pick(grids, rng);
  return {
    kind: 'reportIncident' as const,
    body: {
      category: pick(INCIDENT_CATEGORIES, rng), source: 'patrol' as const, priority: pick(PRIORITIES, rng),
      description: `网格员巡查发现问题，${label}`, lng: grid.centroid[0], lat: grid.centroid[1], gridCode: grid.code,
      reporter: { name: '张三丰', phone: '13812345678' },
    },
  };
};

/** Accept eight in ten and resolve six in ten: every lifecycle column gets filled somewhere. */
export const handleMost = (ids: readonly string[]) =>
  ids.flatMap((id, n) => [
    ...(n % 10 < 8 ? [{ kind: 'transitionIncident' as const, id, body: { action: 'accept' as const } }] : []),
    ...(n % 10 < 6 ? [{ kind: 'transitionIncident' as const, id, body: { action: 'resolve' as const, resolution: '已处置' } }] : []),
  ]);
