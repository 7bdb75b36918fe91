import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureClientBuilt } from './harness/ensureClientBuilt';
import { launchBrowser } from './harness/launchBrowser';
import type { MapPage } from './harness/openMapPage';
import { openWallPage } from './harness/openWallPage';
import { startServer, type RunningServer } from './harness/startServer';

/** TEST-NET-2: never routed; the browser must refuse it before any packet leaves. */
const OUTSIDE = 'http://198.51.100.1/collect';

const cspViolations = async (origin: string, directive: string): Promise<number> => {
  const text = await (await fetch(`${origin}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`jinlin_csp_violations_total{directive="${directive}"}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
};

describe('the Content-Security-Policy on the real wall', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let screen: MapPage;

  beforeAll(async () => {
    ensureClientBuilt();
    [server, browser] = await Promise.all([startServer({ env: { SIMULATOR: 'off' } }), launchBrowser()]);
    screen = await openWallPage(browser, server.origin, { width: 1280, height: 720, startTimeoutMs: 120_000 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets the wall reach map idle with live figures and no violation of its own', async () => {
    const document = await fetch(`${server!.origin}/`);
    expect(document.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await screen.page.evaluate(() => window.__jinlin!.kpis!() !== null)).toBe(true);
    expect(screen.errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });

  it('blocks a fetch to another origin from our page and reports it', async () => {
    const outcome = await screen.page.evaluate(async (outside) => {
      const violation = new Promise<{ directive: string; blocked: string }>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => resolve({ directive: e.effectiveDirective, blocked: e.blockedURI }), { once: true }),
      );
      const fetched = await fetch(outside).then(
        () => 'fetched',
        (error: Error) => `refused: ${error.name}`,
      );
      return { fetched, violation: await violation };
    }, OUTSIDE);
    expect(outcome.fetched).toBe('refused: TypeError');
    expect(outcome.violation).toEqual({ directive: 'connect-src', blocked: OUTSIDE });
    // The browser posts the report to our own endpoint, which counts it.
    await expect.poll(() => cspViolations(server!.origin, 'connect-src'), { timeout: 20_000, interval: 200 }).toBe(1);
  });
});
