import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Auth } from './auth/Auth';
import { loadAuthSecret } from './auth/authSecret';
import { createClock, type Clock } from './clock';
import { demoMorningAt } from './demo/demoMorning';
import type { Config } from './config';
import type { CountyIndex } from './county/CountyIndex';
import { loadCountyIndex } from './county/loadCountyIndex';
import { DemoHub } from './demo/DemoHub';
import { DemoRuntime } from './demo/DemoRuntime';
import { loadTour } from './demo/loadTour';
import { TourDirector } from './demo/TourDirector';
import { redactPersonal } from '../shared/logic/redactPersonal';
import { errorBody } from './errors';
import { IngestService } from './ingest/IngestService';
import { LiveState } from './live/LiveState';
import { Metrics } from './metrics/Metrics';
import { installAuthentication } from './plugins/authentication';
import { installValidation } from './plugins/validation';
import { Realtime } from './realtime/Realtime';
import { adminRoutes } from './routes/adminRoutes';
import { AlarmFeed } from './alarms/AlarmFeed';
import { demoRoutes } from './routes/demoRoutes';
import { alarmRoutes } from './routes/alarmRoutes';
import { healthRoutes } from './routes/healthRoutes';
import { ingestRoutes } from './routes/ingestRoutes';
import { queryRoutes } from './routes/queryRoutes';
import { createSimulator, type Simulator } from './sample/simulator';
import type { EventStore } from './store/EventStore';
import { SqliteEventStore } from './store/sqlite/SqliteEventStore';

export interface Services {
  config: Config;
  clock: Clock;
  county: CountyIndex;
  store: EventStore;
  live: LiveState;
  ingest: IngestService;
  realtime: Realtime;
  metrics: Metrics;
  auth: Auth;
  /** Token signing secret (for the demo's ready URLs and tests). */
  secret: string;
  /** The guided tour of demo mode; null when TOUR_FILE is empty. */
  tour: TourDirector | null;
  /** Demo state for every screen and the presenter's commands; scenarios attach with attachScenarios. */
  demoHub: DemoHub;
  /** The sample county's simulator (SIMULATOR=on), running from the start; main.ts warms it up. */
  simulator: Simulator | null;
  /** Scenarios and "reset to morning", attached to the demo hub. */
  demo: DemoRuntime;
  /** Every screen's active alarms, by token scope (whatever region it shows). */
  alarmFeed: AlarmFeed;
}

export interface BuildOverrides {
  clock?: Clock;
  county?: CountyIndex;
  store?: EventStore;
  /** Real time for the tour (epoch ms), for tests of its timing; never the simulation clock. */
  tourNow?: () => number;
  /** Where log lines go (stdout by default); tests read them back. */
  logStream?: { write(line: string): void };
}

/** Kept in a tick loop: overdue and day roll-over happen as time passes, not only on events. */
const TICK_MS = 1000;

/** Builds the whole server in one visible order. Listening is main.ts's job. */
export const buildApp = async (config: Config, overrides: BuildOverrides = {}): Promise<{ app: FastifyInstance; services: Services }> => {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization'],
      // Every line, however deeply it nests an incident or a check-in, loses its personal data.
      formatters: { log: (object) => redactPersonal(object) as Record<string, unknown> },
      ...(overrides.logStream ? { stream: overrides.logStream } : {}),
    },
    bodyLimit: config.bodyLimitBytes,
    return503OnClosing: true,
  });
  installValidation(app);

  // CLOCK_START pins the time of day (rehearsals, and e2e runs that must not depend on when CI runs).
  const startAt = config.clockStart === null ? {} : { startAt: demoMorningAt(Date.now(), config.clockStart) };
  const clock = overrides.clock ?? createClock({ speed: config.simSpeed, ...startAt });
  const county = overrides.county ?? (await loadCountyIndex(config, (stage, done, total) => app.log.info({ stage, done, total }, 'sample county')));
  // Before anything is opened: a bad tour file refuses the start with the bad stop named.
  const tourFile = config.tourFile ? await loadTour(config.tourFile, county) : null;
  const store = overrides.store ?? new SqliteEventStore({ file: join(config.dataDir, 'jinlin.sqlite') });
  const live = await LiveState.load(store, county, clock.now());
  const metrics = new Metrics();
  const secret = loadAuthSecret(config.dataDir, config.authSecret || undefined);
  const anonymous = config.anonymousRole === 'display' ? { role: 'display' as const, scope: county.county.code } : null;
  const auth = new Auth(secret, anonymous, () => Date.now());
  for (const jti of await store.loadRevocations(Date.now())) auth.revoke(jti);
  installAuthentication(app, auth);
  const realtime = new Realtime(app.server, {
    auth,
    live,
    county,
    store,
    metrics,
    clock,
    heartbeatIntervalMs: config.heartbeatIntervalMs,
    kpiFrameIntervalMs: config.kpiFrameIntervalMs,
  });
  const alarmFeed = new AlarmFeed({ io: realtime.io, live, county, clock, policy: config.alarmPolicy });
  const ingest = new IngestService({
    store,
    live,
    county,
    clock,
    onCommitted: (result) => {
      realtime.publish(result);
      alarmFeed.committed(result);
    },
  });
  const tour = tourFile ? new TourDirector(tourFile, { autoplay: config.tourAutoplay, now: overrides.tourNow }) : null;
  // Generated regions carry `sample`: such a county is shown with the "演示数据 / sample data" mark.
  const demoHub = new DemoHub({ io: realtime.io, tour, sample: county.regions().some((r) => r.sample), log: app.log });
  const simulator = config.simulator ? createSimulator({ config, clock, county, live, ingest }, { rate: config.simRate }) : null;
  const demo = new DemoRuntime({ config, clock, county, store, live, ingest, realtime }, simulator);
  demoHub.attachScenarios(demo);
  alarmFeed.holdWhile(demo);
  const services: Services = { config, clock, county, store, live, ingest, realtime, metrics, auth, secret, tour, demoHub, simulator, demo, alarmFeed };

  const ticker = setInterval(() => {
    realtime.markKpisDirty(live.tick(clock.now()));
    alarmFeed.tick();
  }, TICK_MS);
  const pruner = setInterval(() => live.prune(clock.now()), 10 * 60_000);
  // Sockets first: Fastify's close waits for open connections, and walls never hang up by themselves.
  app.addHook('preClose', async () => {
    await realtime.close();
  });
  app.addHook('onClose', async () => {
    clearInterval(ticker);
    clearInterval(pruner);
    tour?.close();
    demoHub.close();
    demo.stop();
    alarmFeed.close();
    simulator?.stop();
    await ingest.idle();
    await store.close();
  });

  await app.register(ingestRoutes(ingest, metrics));
  await app.register(queryRoutes({ live, store, clock }));
  await app.register(alarmRoutes({ ingest, metrics, policy: config.alarmPolicy }));
  await app.register(demoRoutes(demoHub));
  await app.register(adminRoutes({ auth, secret, store, realtime, countyCode: county.county.code }));
  await app.register(healthRoutes({ live, store, metrics, startedAt: Date.now() }));
  await registerClient(app, config.clientDir);
  // Last, so nothing is written before main.ts has seen whether the store is empty (and warmed it up).
  simulator?.start();
  return { app, services };
};

/** The built client, with index.html for deep links; API paths that match nothing stay JSON 404s. */
const registerClient = async (app: FastifyInstance, clientDir: string) => {
  const hasClient = clientDir !== '' && existsSync(join(clientDir, 'index.html'));
  if (hasClient) await app.register(fastifyStatic, { root: clientDir, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    const apiPath = request.url.startsWith('/api/') || request.url.startsWith('/socket.io');
    if (hasClient && request.method === 'GET' && !apiPath) return reply.sendFile('index.html');
    return reply.code(404).send(errorBody(404, 'route_not_found', `${request.method} ${request.url.split('?')[0]} is not a route`));
  });
};
