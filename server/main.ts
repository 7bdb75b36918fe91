import closeWithGrace from 'close-with-grace';
import type { Socket } from 'node:net';
import { buildApp } from './app';
import { loadConfig } from './config';
import { ConfigError } from './ConfigError';
import { demoReadyUrls } from './auth/readyUrls';
import { startDraining } from './plugins/drain';
import { StartupProgress } from './progress/StartupProgress';

/** 甘蔗街道, the sample county seat's street: the street leader of the demo. */
const SAMPLE_DEMO_STREET = '350121001';
/** Whatever the clients do, the process is gone by then (an orchestrator's SIGKILL usually comes at 10 s). */
const SHUTDOWN_DEADLINE_MS = 9_500;

/** The only file that listens: config → buildApp → listen; closes gracefully on SIGINT/SIGTERM. */
const main = async () => {
  const config = loadConfig();
  const progress = new StartupProgress(process.stdout);
  const { app, services } = await buildApp(config, {
    onCountyProgress: (stage, done, total) => progress.update(`Sample county: ${stage}`, done, total),
  });
  const { simulator } = services;
  // Several nodes on an empty log: only the leader fills it.
  if (simulator && services.live.headSeq === 0 && config.simWarmupHours > 0 && (services.leadership?.isLeader() ?? true)) {
    // A fresh data dir: fill the last hours so the wall is not empty at first start.
    const step = `Simulator: empty store, warming up the last ${config.simWarmupHours} hours of sample activity`;
    progress.update(step);
    const ticker = setInterval(() => progress.update(step, undefined, undefined, `${simulator.stats().accepted} events`), 250);
    const warmStartedMs = Date.now();
    try {
      await simulator.warmUp(config.simWarmupHours);
    } finally {
      clearInterval(ticker);
    }
    const { accepted } = simulator.stats();
    progress.finish(`Simulator: warmed up, ${accepted} events in ${((Date.now() - warmStartedMs) / 1000).toFixed(1)} s`);
  } else progress.finish('Sample county ready');

  // Every connection, upgraded ones included: at the drain deadline they are cut, whatever their state.
  const connections = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });
  const address = await app.listen({ host: config.host, port: config.port });
  const port = new URL(address).port;
  console.log(`Jinlin listening on http://127.0.0.1:${port}`);
  if (config.simulator) {
    // Demo mode: ready-made links, so nobody has to mint tokens before the first showing.
    const base = `http://localhost:${port}`;
    // An imported county rehearsing with SIMULATOR=on has its own streets: its first one leads the demo.
    const { county } = services;
    const streets = county.childrenOf(county.county.code);
    const street = streets.find((region) => region.code === SAMPLE_DEMO_STREET) ?? streets[0];
    const lines = demoReadyUrls(base, services.secret, county.county.code, street?.code ?? county.county.code, Date.now());
    console.log(['Ready URLs (demo):', ...lines].join('\n'));
  }

  // SIGTERM/SIGINT (and an uncaught error): answer newcomers 503 + Retry-After, let running requests
  // finish for SHUTDOWN_DRAIN_MS, then cut every connection; acknowledged writes are committed before
  // the store closes. close-with-grace exits with 1 if even that has not finished by the deadline.
  closeWithGrace({ delay: SHUTDOWN_DEADLINE_MS, logger: { error: (message: unknown) => app.log.error(message) } }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'closing after an uncaught error');
    else app.log.info({ signal }, 'closing');
    startDraining(app.server);
    simulator?.stop();
    const cut = setTimeout(() => {
      app.server.closeAllConnections();
      for (const socket of connections) socket.destroy();
    }, config.limits.shutdownDrainMs);
    try {
      await app.close();
    } finally {
      clearTimeout(cut);
    }
  });
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
