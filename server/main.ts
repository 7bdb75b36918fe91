import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { demoReadyUrls } from './auth/readyUrls';

/** 甘蔗街道, the county seat's street: the street leader of the demo. */
const DEMO_STREET = '350121001';

/** The only file that listens: config → buildApp → listen; closes gracefully on SIGINT/SIGTERM. */
const main = async () => {
  const config = loadConfig();
  const { app, services } = await buildApp(config);
  const { simulator } = services;
  if (simulator && services.live.headSeq === 0 && config.simWarmupHours > 0) {
    // A fresh data dir: fill the last hours so the wall is not empty at first start.
    console.log(`Simulator: empty store, warming up the last ${config.simWarmupHours} hours of sample activity…`);
    const warmStartedMs = Date.now();
    await simulator.warmUp(config.simWarmupHours);
    const { accepted } = simulator.stats();
    console.log(`Simulator: warmed up, ${accepted} events in ${((Date.now() - warmStartedMs) / 1000).toFixed(1)} s`);
  }
  const address = await app.listen({ host: config.host, port: config.port });
  const port = new URL(address).port;
  console.log(`Jinlin listening on http://127.0.0.1:${port}`);
  if (config.simulator) {
    // Demo mode: ready-made links, so nobody has to mint tokens before the first showing.
    const base = `http://localhost:${port}`;
    const lines = demoReadyUrls(base, services.secret, services.county.county.code, DEMO_STREET, Date.now());
    console.log(['Ready URLs (demo):', ...lines].join('\n'));
  }
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'closing');
    simulator?.stop();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
