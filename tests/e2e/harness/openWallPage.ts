import type { Browser } from 'playwright-core';
import type {} from '../../../client/jinlinTestHook';
import { openMapPage, type MapPage, type OpenMapPageOptions } from './openMapPage';

/**
 * Opens the whole wall (not just its map) and waits until it shows live data: the map is drawn and
 * idle, the first snapshot's KPIs have reached the panels, and the map has drawn what they brought.
 */
export const openWallPage = async (browser: Browser, origin: string, options: OpenMapPageOptions): Promise<MapPage> => {
  const screen = await openMapPage(browser, origin, options);
  await screen.page.waitForFunction(() => window.__jinlin?.kpis?.() != null, null, { timeout: 120_000, polling: 250 });
  await screen.page.evaluate(() => window.__jinlin!.idle());
  return screen;
};
