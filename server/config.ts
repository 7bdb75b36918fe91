import { resolve } from 'node:path';
import type { AlarmPolicy } from '../shared/logic/alarms/alarmPolicy';
import { parseAlarmPolicy } from '../shared/logic/alarms/parseAlarmPolicy';
import { BasemapConfigError, loadBasemapConfig, type BasemapConfig } from './basemap/basemapConfig';
import { hasImportedCounty } from './county/importedCountyFile';
import { loadLimits, type Limits } from './plugins/limitsConfig';
import { ConfigError } from './ConfigError';

/** Every setting is an environment variable with a demo-friendly default (see README). */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** sqlite: one process, embedded file; postgres: several nodes on one DATABASE_URL (README "Several nodes"). */
  store: 'sqlite' | 'postgres';
  /** PostgreSQL connection string (STORE=postgres); may carry `?options=-c search_path=…`. */
  databaseUrl: string;
  /** Run the built-in simulator (demo county). */
  simulator: boolean;
  /** Time compression of the server clock (1 = real time, 60 = one hour a minute). */
  simSpeed: number;
  /** Activity multiplier of the simulator on top of realistic rates, so a demo looks alive. */
  simRate: number;
  /** Hours of history the simulator fills in on a fresh data dir, so the first screen is not empty. */
  simWarmupHours: number;
  sampleSeed: number;
  sampleScale: number;
  /** "Reset to morning" puts the demo clock at this local time (HH:MM, Asia/Shanghai) of today. */
  demoMorning: string;
  /** Start the server clock at this local time (HH:MM, Asia/Shanghai) of today instead of now; null = real time. */
  clockStart: string | null;
  logLevel: string;
  bodyLimitBytes: number;
  heartbeatIntervalMs: number;
  kpiFrameIntervalMs: number;
  /** Serve the built client from this folder; empty disables static serving. */
  clientDir: string;
  /** Token signing secret; empty = generated once and kept in the data dir. */
  authSecret: string;
  /** What a caller without a token is: a masked county wall ('display') or nobody ('none'). */
  anonymousRole: 'display' | 'none';
  /** Which incidents alarm on the walls, and when walls may speak (ALARM_* variables). */
  alarmPolicy: AlarmPolicy;
  /** The guided tour of demo mode (absolute path); empty = no tour. */
  tourFile: string;
  /** The wall plays the tour at boot and resumes it when the presenter leaves it idle. */
  tourAutoplay: boolean;
  /** Timeouts, shutdown drain, rate limits and overload thresholds (server/plugins/limitsConfig.ts). */
  limits: Limits;
  /** The offline basemap under the regions (BASEMAP, BASEMAP_* variables); null = none, the wall as always. */
  basemap: BasemapConfig | null;
}


/** The sample county's guided tour; an imported county skips it when its stops name regions it lacks. */
export const DEFAULT_TOUR_FILE = 'data/tours/default.json';

type Env = Record<string, string | undefined>;

const int = (env: Env, name: string, fallback: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
};

const num = (env: Env, name: string, fallback: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
};

const bool = (env: Env, name: string, fallback: boolean): boolean => {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'off', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be on or off, got "${env[name]}"`);
};

const oneOf = <T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(values as readonly string[]).includes(raw)) throw new ConfigError(`${name} must be one of ${values.join(', ')}, got "${raw}"`);
  return raw as T;
};

const alarmPolicy = (env: Env): AlarmPolicy => {
  const parsed = parseAlarmPolicy(env);
  if (!parsed.ok) throw new ConfigError(parsed.error);
  return parsed.value;
};

const basemap = (env: Env): BasemapConfig | null => {
  try {
    return loadBasemapConfig(env);
  } catch (error) {
    if (error instanceof BasemapConfigError) throw new ConfigError(error.message);
    throw error;
  }
};

const clockTime = (env: Env, name: string, fallback: string): string => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(raw)) throw new ConfigError(`${name} must be a time of day as HH:MM, got "${raw}"`);
  return raw;
};

export const loadConfig = (env: Env = process.env): Config => {
  const store = oneOf(env, 'STORE', ['sqlite', 'postgres'] as const, 'sqlite');
  const databaseUrl = env.DATABASE_URL ?? '';
  if (store === 'postgres' && databaseUrl === '') throw new ConfigError('DATABASE_URL must be set when STORE=postgres');
  // An imported county is a real one: no invented activity unless asked for (SIMULATOR=on, rehearsals).
  const simulator = bool(env, 'SIMULATOR', !hasImportedCounty(resolve(env.DATA_DIR ?? '.data')));
  const tourFile = env.TOUR_FILE ?? DEFAULT_TOUR_FILE;
  return {
    host: env.HOST ?? '0.0.0.0',
    port: int(env, 'PORT', 8080, 0, 65535),
    dataDir: resolve(env.DATA_DIR ?? '.data'),
    store,
    databaseUrl,
    simulator,
    simSpeed: num(env, 'SIM_SPEED', 1, 0.1, 3600),
    simRate: num(env, 'SIM_RATE', 20, 0, 10000),
    simWarmupHours: num(env, 'SIM_WARMUP_HOURS', 6, 0, 48),
    sampleSeed: int(env, 'SAMPLE_SEED', 350121, 0, 2 ** 31 - 1),
    sampleScale: int(env, 'SAMPLE_SCALE', 1, 1, 20),
    demoMorning: clockTime(env, 'DEMO_MORNING', '08:30'),
    clockStart: env.CLOCK_START ? clockTime(env, 'CLOCK_START', '') : null,
    logLevel: env.LOG_LEVEL ?? 'info',
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 64 * 1024, 1024, 16 * 1024 * 1024),
    heartbeatIntervalMs: int(env, 'HEARTBEAT_MS', 5000, 100, 600_000),
    kpiFrameIntervalMs: int(env, 'KPI_FRAME_MS', 500, 100, 60_000),
    clientDir: env.CLIENT_DIR ?? resolve('dist/client'),
    authSecret: env.AUTH_SECRET ?? '',
    anonymousRole: oneOf(env, 'ANONYMOUS_ROLE', ['display', 'none'] as const, 'display'),
    alarmPolicy: alarmPolicy(env),
    tourFile: tourFile === '' ? '' : resolve(tourFile),
    // A demo county (simulator on) shows itself off; an operations wall waits for a presenter.
    tourAutoplay: bool(env, 'TOUR_AUTOPLAY', simulator),
    limits: loadLimits(env),
    basemap: basemap(env),
  };
};
