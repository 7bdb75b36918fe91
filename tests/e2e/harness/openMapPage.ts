import type { Browser, BrowserContext, Page } from 'playwright-core';
import type {} from '../../../client/jinlinTestHook';
import { recordRequests, type RequestLog } from './recordRequests';
import { watchPageErrors } from './watchPageErrors';

export interface MapPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly requests: RequestLog;
  readonly errors: readonly string[];
  /** From navigation to the map being drawn and idle. */
  readonly readyMs: number;
}

export interface OpenMapPageOptions {
  width: number;
  height: number;
  deviceScaleFactor?: number;
  path?: string;
  /** How long the page may take to start its map view (Playwright's 30 s by default); a loaded CI machine needs more. */
  startTimeoutMs?: number;
}

/**
 * Opens the screen in a fresh context and waits until the page says its map is drawn: the page's
 * `ready` promise settles after MapLibre's `idle` following the data load, so nothing here sleeps.
 */
export const openMapPage = async (browser: Browser, origin: string, options: OpenMapPageOptions): Promise<MapPage> => {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
  });
  const requests = recordRequests(context, origin);
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  const started = performance.now();
  await page.goto(new URL(options.path ?? '/', origin).href);
  await page.waitForFunction(() => window.__jinlin !== undefined, null, options.startTimeoutMs === undefined ? {} : { timeout: options.startTimeoutMs });
  await page.evaluate(() => window.__jinlin?.ready);
  return { context, page, requests, errors, readyMs: Math.round(performance.now() - started) };
};
