import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureClientBuilt } from './harness/ensureClientBuilt';
import { launchBrowser } from './harness/launchBrowser';
import type { MapPage } from './harness/openMapPage';
import { openWallPage } from './harness/openWallPage';
import { screenshotPath } from './harness/screenshotPath';
import { startServer, type RunningServer } from './harness/startServer';

const TIMEOUT_MS = 180_000;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Decodes a PNG in the page and measures a box of it: its size, and the share of the box's pixels
 * that are not the wall's ground colour (#050d1a) — the county's polygons, lines and labels.
 */
const measurePng = (page: Page, png: Buffer, box: Box) =>
  page.evaluate(
    async ({ base64, box }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(Math.round(box.x), Math.round(box.y), Math.round(box.width), Math.round(box.height));
      let drawn = 0;
      for (let i = 0; i < data.length; i += 4) {
        const far = Math.abs(data[i]! - 0x05) + Math.abs(data[i + 1]! - 0x0d) + Math.abs(data[i + 2]! - 0x1a);
        if (far > 24) drawn++;
      }
      return { width: bitmap.width, height: bitmap.height, drawnShare: drawn / (data.length / 4) };
    },
    { base64: png.toString('base64'), box },
  );

describe('the wall’s one-click picture for reports', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let wall: MapPage;

  beforeAll(async () => {
    ensureClientBuilt();
    [server, browser] = await Promise.all([startServer({ env: { SIMULATOR: 'off' } }), launchBrowser()]);
    wall = await openWallPage(browser, server.origin, { width: 1920, height: 1080, path: '/?alarmFlights=off' });
  }, TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('saves the whole wall as a PNG with the map drawn in it, not a blank where the WebGL canvas is', async () => {
    const { page } = wall;
    const mapBox = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-testid=wall-capture]')]);
    expect(download.suggestedFilename()).toMatch(/^闽侯县城市基层治理指挥中心-\d{4}-\d{2}-\d{2}-\d{4}\.png$/);
    const saved = screenshotPath('wall-picture-1920x1080.png');
    await download.saveAs(saved);
    const picture = await measurePng(page, readFileSync(saved), mapBox);
    // The same box in the browser's own screenshot is the yardstick: the picture must hold the map as the screen shows it.
    const onScreen = await measurePng(page, await page.screenshot(), mapBox);
    expect({ width: picture.width, height: picture.height }).toEqual({ width: 1920, height: 1080 });
    expect(onScreen.drawnShare).toBeGreaterThan(0.2);
    expect(picture.drawnShare).toBeGreaterThan(onScreen.drawnShare * 0.8);
    // The map's stand-in is gone again and the button is ready for the next one.
    expect(await page.locator('[data-capture-stand-in]').count()).toBe(0);
    await page.waitForFunction(() => !(document.querySelector('[data-testid=wall-capture]') as HTMLButtonElement).disabled);
    expect(wall.errors).toEqual([]);
    expect(wall.requests.offOrigin()).toEqual([]);
  }, TIMEOUT_MS);
});
