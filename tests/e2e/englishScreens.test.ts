import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/contract/snapshot';
import { REGION_LEVELS } from '../../shared/domain/region';
import { en } from '../../client/i18n/en';
import { ensureClientBuilt } from './harness/ensureClientBuilt';
import { fetchRegions } from './harness/fetchRegions';
import { launchBrowser } from './harness/launchBrowser';
import { REPO_ROOT } from './harness/repoRoot';
import { screenshotPath } from './harness/screenshotPath';
import { startServer, type RunningServer } from './harness/startServer';
import { watchPageErrors } from './harness/watchPageErrors';
import { bearerFor, E2E_AUTH_SECRET, tokenFor } from './harness/wallTokens';

// `?lang=en` on the street leader's tablet and on the presenter's remote: no Chinese anywhere in the
// text a visitor can read (the page's text, its aria-labels, titles, placeholders and alt texts, and
// the tab title) except the county's own data — region, station and people's names, incident
// descriptions and notes — which the server sends and this test collects and strips before scanning.

const STREET = '350121001';
const TOUR_FILE = join(REPO_ROOT, 'tests/e2e/fixtures/shortTour.json');
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;
/**
 * The sample-data mark speaks both languages on every screen by design (client/demo/SampleMark.vue):
 * a photo of an English screen must still say 演示数据 to a Chinese reader.
 */
const BILINGUAL_BY_DESIGN = [en.demo.sampleMarkOther];

/** Every string inside a JSON value that has Chinese in it. */
const chineseStringsOf = (value: unknown, into: Set<string>): Set<string> => {
  if (typeof value === 'string') {
    if (HAN.test(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) chineseStringsOf(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) chineseStringsOf(item, into);
  }
  return into;
};

/** What a reader can see on the page now: its text, the words screen readers and tooltips give, and the tab title. */
const visibleWords = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const attributes = ['aria-label', 'title', 'placeholder', 'alt'];
    const words = [document.title, document.body.innerText];
    for (const element of document.querySelectorAll(attributes.map((a) => `[${a}]`).join(','))) {
      for (const name of attributes) {
        const value = element.getAttribute(name);
        if (value) words.push(value);
      }
    }
    return words;
  });

describe('?lang=en on the tablet and the remote', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const data = new Set<string>(BILINGUAL_BY_DESIGN);

  /** The county's names and facts in Chinese, as the server gives them now, added to `data`. */
  const collectData = async (): Promise<void> => {
    const street = bearerFor('street', STREET);
    for (const level of REGION_LEVELS) chineseStringsOf((await fetchRegions(server!.origin, level)).features.map((f) => f.properties), data);
    for (const [scope, headers] of [[STREET, street], ['350121', bearerFor('admin')]] as const) {
      const response = await fetch(`${server!.origin}/api/v1/snapshot?scope=${scope}`, { headers });
      if (!response.ok) throw new Error(`snapshot ${scope}: ${response.status}`);
      chineseStringsOf((await response.json()) as Snapshot, data);
    }
  };

  /** The Chinese left on the page once the county's data is taken out: the UI strings not translated. */
  const untranslated = async (page: Page): Promise<string[]> => {
    const words = await visibleWords(page);
    // Data may have arrived since the last look; longest first, so a name is not cut by a shorter one inside it.
    await collectData();
    const known = [...data].sort((a, b) => b.length - a.length);
    return words.flatMap((text) => {
      let rest = text;
      for (const value of known) rest = rest.split(value).join(' ');
      return rest.split('\n').filter((line) => HAN.test(line)).map((line) => line.trim());
    });
  };

  beforeAll(async () => {
    ensureClientBuilt();
    [server, browser] = await Promise.all([
      startServer({ env: { SIMULATOR: 'on', SIM_WARMUP_HOURS: '2', SIM_RATE: '2', TOUR_FILE, AUTH_SECRET: E2E_AUTH_SECRET } }),
      launchBrowser(),
    ]);
    await collectData();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the tablet in English: header, every list, an incident sheet and its action prompt', async () => {
    const context = await browser!.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });
    const tablet = await context.newPage();
    const errors = watchPageErrors(tablet);
    await tablet.goto(`${server!.origin}/?lang=en&token=${tokenFor('street', STREET)}`);
    await tablet.waitForSelector('[data-testid=connection][data-state=live]', { timeout: 60_000 });
    await tablet.waitForSelector('[data-testid=incident-row]', { timeout: 60_000 });
    await tablet.waitForFunction(() => !document.querySelector('.map-status'), null, { timeout: 60_000 });
    expect(await tablet.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await tablet.locator('[data-testid=kpi-open]').locator('xpath=..').innerText()).toContain('Open');

    const leftOver: string[] = [];
    for (const tab of ['incidents', 'alarms', 'stations', 'volunteers', 'wishes']) {
      await tablet.locator(`[data-tab=${tab}]`).tap();
      await tablet.waitForSelector(`[data-tab=${tab}][aria-selected=true]`);
      leftOver.push(...(await untranslated(tablet)).map((line) => `${tab}: ${line}`));
    }
    await tablet.locator('[data-tab=incidents]').tap();
    await tablet.locator('[data-testid=incident-row]').first().tap();
    await tablet.waitForSelector('[data-testid=incident-sheet] [data-testid=timeline]');
    leftOver.push(...(await untranslated(tablet)).map((line) => `sheet: ${line}`));
    const worded = tablet.locator('[data-testid=incident-sheet] [data-action=dispatch], [data-testid=incident-sheet] [data-action=resolve], [data-testid=incident-sheet] [data-action=escalate]');
    if ((await worded.count()) > 0) {
      await worded.first().tap();
      await tablet.waitForSelector('[data-testid=action-text]');
      leftOver.push(...(await untranslated(tablet)).map((line) => `prompt: ${line}`));
    }
    await tablet.screenshot({ path: screenshotPath('tablet-english-1024x768.png') });
    expect(leftOver).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('shows the presenter’s remote in English', async () => {
    const context = await browser!.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, deviceScaleFactor: 1 });
    const remote = await context.newPage();
    const errors = watchPageErrors(remote);
    await remote.goto(`${server!.origin}/?lang=en&token=${tokenFor('presenter')}`);
    await remote.waitForSelector('[data-testid=connection][data-state=live]', { timeout: 60_000 });
    await remote.waitForSelector('[data-testid=stop]');
    expect(await remote.evaluate(() => document.documentElement.lang)).toBe('en');
    const leftOver = await untranslated(remote);
    await remote.locator('[data-testid=reset]').tap();
    await remote.waitForSelector('[data-testid=reset-confirm]');
    leftOver.push(...(await untranslated(remote)).map((line) => `reset: ${line}`));
    await remote.screenshot({ path: screenshotPath('presenter-english-1024x768.png') });
    expect(leftOver).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
