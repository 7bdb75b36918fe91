import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Auth } from './auth/Auth';
import { loadKeyring, type SigningKey } from './auth/keyring';
import { loadAuthSecret } from './auth/authSecret';
import { configurePseudonymKey } from '../shared/logic/privacy/pseudonym';
import { createClock, type Clock } from './clock';
import { demoMorningAt } from './demo/demoMorning';
import type { Config } from './config';
import type { CountyIndex } from './county/CountyIndex';
import { loadCountyIndex } from './county/loadCountyIndex';
import { tourForCounty } from './county/tourForCounty';
import { DemoHub } from './demo/DemoHub';
import { DemoRuntime } from './demo/DemoRuntime';
import { TourDirector } from './demo/TourDirector';
import { redactPersonal } from '../shared/logic/redactPersonal';
import { errorBody } from './errors';
import { IngestService } from './ingest/IngestService';
import { LiveState } from './live/LiveState';
import { Metrics } from './metrics/Metrics';
import { installAuthentication } from './plugins/authentication';
import { registerOpenApi } from './plugins/openapi';
import { serverTimeouts } from './plugins/serverTimeouts';
import { installStoreFaults } from './plugins/storeFaults';
import { installRateLimits } from './plugins/rateLimits';
import { installSecurityHeaders } from './plugins/securityHeaders';
import { installUnderPressure } from './plugins/underPressure';
import { terminalLogging } from './progress/StartupProgress';
import { clientErrorHandler, frameworkErrors, installValidation } from './plugins/validation';
import { Realtime } from './realtime/Realtime';
import { adminRoutes } from './routes/adminRoutes';
import { AlarmFeed } from './alarms/AlarmFeed';
import { demoRoutes } from './routes/demoRoutes';
import { exportRoutes } from './routes/exportRoutes';
import { OPEN311_PREFIX, open311Routes } from './routes/open311Routes';
import { alarmRoutes } from './routes/alarmRoutes';
import { basemapRoutes } from './routes/basemapRoutes';
import { healthRoutes } from './routes/healthRoutes';
import { heatRoutes } from './routes/heatRoutes';
import { ingestRoutes } from './routes/ingestRoutes';
import { queryRoutes } from './routes/queryRoutes';
import { replayRoutes } from './routes/replayRoutes';
import { ReplayCheckpoints } from './replay/ReplayCheckpoints';
import { createSimulator, type Simulator } from './simulator/simulator';
import type { EventStore } from './store/EventStore';
import { createEventStore, electLeader, followLog, shareSockets, type Leadership } from './store/createEventStore';

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
  /** The key new tokens are signed with (for the demo's ready URLs and tests); the keyring verifies. */
  secret: SigningKey;
  /** The guided tour of demo mode; null when TOUR_FILE is empty. */
  tour: TourDirector | null;
  /** Demo state for every screen and the presenter's commands; scenarios attach with attachScenarios. */
  demoHub: DemoHub;
  /** The sample county's simulator (SIMULATOR=on), running from the start; main.ts warms it up. */
  simulator: Simulator | null;
  /** Several nodes on one log: whether this node leads the singletons; null for a single-process store. */
  leadership: Leadership | null;
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
  /** Steps of generating (or loading) the sample county; logged at info level when not given. */
  onCountyProgress?: (stage: string, done: number, total: number) => void;
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
      ...(overrides.logStream ? { stream: overrides.logStream } : terminalLogging()),
    },
    ...serverTimeouts(config.limits),
    bodyLimit: config.bodyLimitBytes,
    return503OnClosing: true,
    // Router and HTTP-parser errors leave with our error codes too, not Fastify's.
    frameworkErrors,
    clientErrorHandler,
  });
  installValidation(app);

  // CLOCK_START pins the time of day (rehearsals, and e2e runs that must not depend on when CI runs).
  const startAt = config.clockStart === null ? {} : { startAt: demoMorningAt(Date.now(), config.clockStart) };
  const clock = overrides.clock ?? createClock({ speed: config.simSpeed, ...startAt });
  const countyProgress = overrides.onCountyProgress ?? ((stage: string, done: number, total: number) => app.log.info({ stage, done, total }, 'sample county'));
  const county = overrides.county ?? (await loadCountyIndex(config, countyProgress));
  // Before anything is opened: a bad tour file refuses the start with the bad stop named (the sample's
  // default tour is skipped, with a warning, on an imported county it does not fit).
  const tourFile = config.tourFile ? await tourForCounty(config.tourFile, county, app.log) : null;
  const store = overrides.store ?? (await createEventStore(config));
  const live = await LiveState.load(store, county, clock.now());
  const metrics = new Metrics({ headSeq: () => live.headSeq });
  const keyring = loadKeyring(config.dataDir, config.authSecret || undefined);
  const secret = keyring.current;
  // Public pseudonyms from the base secret, not the signing key: they stay the same across key rotations.
  configurePseudonymKey(loadAuthSecret(config.dataDir, config.authSecret || undefined));
  const anonymous = config.anonymousRole === 'display' ? { role: 'display' as const, scope: county.county.code } : null;
  const auth = new Auth(keyring, anonymous, () => Date.now());
  for (const jti of await store.loadRevocations(Date.now())) auth.revoke(jti);
  // Before authentication: overload sheds first, and guessing tokens counts against an address.
  await installUnderPressure(app, config.limits);
  await installRateLimits(app, config.limits);
  await installSecurityHeaders(app, metrics);
  installAuthentication(app, auth);
  installStoreFaults(app);
  const realtime = new Realtime(app.server, {
    auth,
    live,
    county,
    store,
    metrics,
    clock,
    heartbeatIntervalMs: config.heartbeatIntervalMs,
    kpiFrameIntervalMs: config.kpiFrameIntervalMs,
    subscribesPerMinute: config.limits.subscribesPerMinutePerSocket,
  });
  // Several nodes: io.emit / serverSideEmit reach every node through the Socket.IO adapter (sqlite: none).
  const sharedSockets = shareSockets(store, realtime.io as unknown as Parameters<typeof shareSockets>[1]);
  const alarmFeed = new AlarmFeed({ io: realtime.io, live, county, clock, policy: config.alarmPolicy });
  // A shared log (postgres) feeds live state and sockets from whatever any node commits; sqlite: null.
  const follower = followLog(store, {
    live,
    now: () => clock.now(),
    onApplied: (result) => {
      realtime.publish(result);
      alarmFeed.committed(result);
    },
    onRevoked: (jti) => {
      auth.revoke(jti);
      realtime.disconnectToken(jti);
    },
    onRemoteReset: { before: () => realtime.holdForReset(), after: () => realtime.releaseAfterReset() },
    // No heartbeats while this node cannot read the log: every screen on it shows its stale banner.
    onHealth: (healthy) => realtime.pauseHeartbeat(!healthy),
  });
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
  // Several nodes: only the leader's simulator runs its live loop (sqlite: no election, as before).
  const { simulator, leadership } = await electLeader(store, config.simulator ? createSimulator({ config, clock, county, live, ingest }, { rate: config.simRate }) : null);
  // Generated regions carry `sample`: such a county is shown with the "演示数据 / sample data" mark.
  // Several nodes: the leader runs the tour clock, scenarios and resets; the others forward to it.
  const demoHub = new DemoHub({ io: realtime.io, tour, sample: county.regions().some((r) => r.sample), log: app.log, leadership });
  const demo = new DemoRuntime({ config, clock, county, store, live, ingest, realtime }, simulator);
  // A node that lost the lead stops its scenario's timer: the new leader writes from now on.
  leadership?.onChange((leading) => {
    if (!leading) demo.stop();
  });
  demoHub.attachScenarios(demo);
  alarmFeed.holdWhile(demo);
  const services: Services = { config, clock, county, store, live, ingest, realtime, metrics, auth, secret, tour, demoHub, simulator, leadership, demo, alarmFeed };

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
    await follower?.close();
    await leadership?.close();
    await sharedSockets?.close();
    await store.close();
  });

  // Before the routes: it describes each one as it is added.
  await registerOpenApi(app);
  await app.register(ingestRoutes(ingest, metrics));
  await app.register(queryRoutes({ live, store, clock }));
  await app.register(heatRoutes({ store, county, clock }));
  await app.register(exportRoutes({ store, county, clock }));
  // Node-local checkpoints, folded from the log on first use (nothing extra in the store).
  await app.register(replayRoutes({ checkpoints: new ReplayCheckpoints(store, county.data.stations), store, county, clock }));
  await app.register(open311Routes({ auth, ingest, live, store, county, clock, metrics }), { prefix: OPEN311_PREFIX });
  await app.register(alarmRoutes({ ingest, metrics, policy: config.alarmPolicy }));
  await app.register(demoRoutes(demoHub));
  await app.register(adminRoutes({ auth, secret, store, realtime, countyCode: county.county.code }));
  await app.register(healthRoutes({ live, store, metrics, startedAt: Date.now() }));
  await app.register(basemapRoutes(config.basemap));
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
