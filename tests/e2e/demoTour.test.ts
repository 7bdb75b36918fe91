import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TourFile } from '../../shared/contract/demo';
import type { RegionKpis } from '../../shared/domain/kpi';
import type {} from '../../client/jinlinTestHook';
import { demoMorningAt } from '../../server/demo/demoMorning';
import { ensureClientBuilt } from './harness/ensureClientBuilt';
import { launchBrowser } from './harness/launchBrowser';
import type { MapPage } from './harness/openMapPage';
import { openWallPage } from './harness/openWallPage';
import { REPO_ROOT } from './harness/repoRoot';
import { screenshotPath } from './harness/screenshotPath';
import { startServer, type RunningServer } from './harness/startServer';
import { watchPageErrors } from './harness/watchPageErrors';
import { E2E_AUTH_SECRET, tokenFor } from './harness/wallTokens';

const TOUR_FILE = join(REPO_ROOT, 'tests/e2e/fixtures/shortTour.json');
const TOUR = JSON.parse(readFileSync(TOUR_FILE, 'utf8')) as TourFile;
const TITLES = TOUR.stops.map((stop) => stop.caption.title.zh);
/**
 * Ten virtual minutes a real minute: the typhoon's surge (ten virtual minutes) lands within the
 * test, while the simulator's own reports (a fifth of the demo rate) stay few beside it.
 */
const SIM_SPEED = 10;
const SIM_RATE = 2;
/** A stop lasts 5–6 s; a wall busy drawing its camera flight on the CPU gets a few seconds more. */
const STOP_TIMEOUT_MS = 15_000;
const FOLLOW_BUDGET_MS = 1000;
/** Of the typhoon's 40 safety reports; the simulator adds about one a minute at this pace. */
const SCENARIO_SAFETY_REPORTS = 15;

/** The caption the wall shows now (not one fading out), or null. */
const shownTitle = (page: Page) =>
  page.evaluate(
    () => document.querySelector('[data-testid=tour-caption]:not(.caption-leave-active) [data-testid=tour-caption-title]')?.textContent?.trim() ?? null,
  );

const waitForCaption = (page: Page, title: string, timeout = STOP_TIMEOUT_MS) =>
  page.waitForFunction(
    (expected) =>
      document.querySelector('[data-testid=tour-caption]:not(.caption-leave-active) [data-testid=tour-caption-title]')?.textContent?.trim() === expected,
    title,
    { timeout, polling: 50 },
  );

/** Starts recording, in the page, every caption the wall shows, in order. */
const recordCaptions = (page: Page) =>
  page.evaluate(() => {
    const seen: string[] = [];
    const look = () => {
      const title = document
        .querySelector('[data-testid=tour-caption]:not(.caption-leave-active) [data-testid=tour-caption-title]')
        ?.textContent?.trim();
      if (title && seen.at(-1) !== title) seen.push(title);
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    look();
    Object.assign(window, { __e2eCaptions: seen });
  });

const recordedCaptions = (page: Page) => page.evaluate(() => (window as unknown as { __e2eCaptions: string[] }).__e2eCaptions);

/** Resolves (in the page) at the moment, on the shared system clock, that the caption `title` is on the wall. */
const watchCaption = (page: Page, title: string) =>
  page.evaluate((expected) => {
    const at = new Promise<number>((resolve) => {
      const look = () => {
        const shown = document
          .querySelector('[data-testid=tour-caption]:not(.caption-leave-active) [data-testid=tour-caption-title]')
          ?.textContent?.trim();
        if (shown !== expected) return;
        observer.disconnect();
        resolve(performance.timeOrigin + performance.now());
      };
      const observer = new MutationObserver(look);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      look();
    });
    Object.assign(window, { __e2eCaptionAt: at });
  }, title);

/** Resolves (in the page) when the ack line of `group` turns from "sending" to an answer. */
const watchAck = (page: Page, group: string) =>
  page.evaluate((name) => {
    const answer = new Promise<{ tone: string; text: string; at: number }>((resolve) => {
      let sent = false;
      const look = () => {
        const line = document.querySelector(`[data-testid=ack][data-group=${name}]`);
        const tone = line?.getAttribute('data-tone');
        if (tone === 'sending') sent = true;
        else if (sent && tone) {
          observer.disconnect();
          resolve({ tone, text: line?.textContent?.trim() ?? '', at: performance.timeOrigin + performance.now() });
        }
      };
      const observer = new MutationObserver(look);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    Object.assign(window, { __e2eAck: answer });
  }, group);

const ackOf = (page: Page) => page.evaluate(() => (window as unknown as { __e2eAck: Promise<{ tone: string; text: string; at: number }> }).__e2eAck);
const captionAt = (page: Page) => page.evaluate(() => (window as unknown as { __e2eCaptionAt: Promise<number> }).__e2eCaptionAt);

describe('delegation demo mode: the tour on the wall, driven from the presenter’s tablet', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let wall: MapPage;
  let presenterContext: BrowserContext;
  let presenter: Page;
  let presenterErrors: readonly string[];
  const kpis = () => wall.page.evaluate(() => window.__jinlin!.kpis!()!) as Promise<RegionKpis>;

  /** Taps on the presenter's page and measures how long the wall takes to show `title` after the ack. */
  const tapAndFollow = async (selector: string, title: string) => {
    await watchCaption(wall.page, title);
    await watchAck(presenter, 'tour');
    const tappedAt = await presenter.evaluate(() => performance.timeOrigin + performance.now());
    await presenter.locator(selector).tap();
    const ack = await ackOf(presenter);
    expect(ack.tone, ack.text).toBe('done');
    const shownAt = await captionAt(wall.page);
    return { tapToAckMs: Math.round(ack.at - tappedAt), ackToWallMs: Math.round(shownAt - ack.at) };
  };

  beforeAll(async () => {
    ensureClientBuilt();
    [server, browser] = await Promise.all([
      startServer({
        env: {
          SIMULATOR: 'on',
          SIM_WARMUP_HOURS: '1',
          SIM_SPEED: String(SIM_SPEED),
          SIM_RATE: String(SIM_RATE),
          TOUR_FILE,
          TOUR_AUTOPLAY: 'on',
          AUTH_SECRET: E2E_AUTH_SECRET,
        },
      }),
      launchBrowser(),
    ]);
    wall = await openWallPage(browser, server.origin, { width: 1920, height: 1080, path: '/?layout=16x9', startTimeoutMs: 120_000 });
    console.log(`wall live and idle ${wall.readyMs} ms after navigation`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('plays the tour on the wall: each stop’s caption in order, with its region, highlights and the sample-data mark', async () => {
    await wall.page.waitForSelector('[data-testid=tour-caption-title]', { timeout: STOP_TIMEOUT_MS });
    await recordCaptions(wall.page);
    const first = TITLES.indexOf((await shownTitle(wall.page)) ?? '');
    expect(first, 'the caption is one of the tour’s stops').toBeGreaterThanOrEqual(0);
    const expected = Array.from({ length: TITLES.length + 1 }, (_, k) => TITLES[(first + k) % TITLES.length] as string);
    for (const title of expected.slice(1)) {
      await waitForCaption(wall.page, title);
      const stop = TOUR.stops[TITLES.indexOf(title)]!;
      if (stop.id === 'sanfu') {
        // The stop glows the panels it names and drills the wall into its community.
        const glowing = await wall.page.$$eval('.panel--highlight', (panels) => panels.map((p) => p.getAttribute('aria-label')));
        expect(glowing).toHaveLength(stop.highlight.panels.length);
        await wall.page.waitForFunction((code) => window.__jinlin?.scope === code, stop.region, { timeout: stop.durationSec * 1000 });
        await wall.page.screenshot({ path: screenshotPath('demo-tour-wall-stop.png') });
      }
    }
    expect((await recordedCaptions(wall.page)).slice(0, expected.length)).toEqual(expected);
    expect(await wall.page.locator('[data-testid=sample-mark]').isVisible()).toBe(true);
    expect(wall.errors).toEqual([]);
  }, 120_000);

  it('moves the wall to the stop a presenter taps, and to the next one, within a second of the ack', async () => {
    presenterContext = await browser!.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, deviceScaleFactor: 1 });
    presenter = await presenterContext.newPage();
    presenterErrors = watchPageErrors(presenter);
    await presenter.goto(`${server!.origin}/?token=${tokenFor('presenter')}`);
    await presenter.waitForSelector('[data-testid=connection][data-state=live]', { timeout: 60_000 });
    await presenter.waitForSelector('[data-testid=stop]');
    expect(await presenter.locator('[data-testid=sample-mark]').isVisible()).toBe(true);

    const shown = TITLES.indexOf((await shownTitle(wall.page)) ?? '');
    const target = (shown + 2) % TITLES.length;
    const jump = await tapAndFollow(`[data-testid=stop][data-stop-id=${TOUR.stops[target]!.id}]`, TITLES[target]!);
    console.log(`jump to stop ${target + 1}: ack ${jump.tapToAckMs} ms after the tap, wall ${jump.ackToWallMs} ms after the ack`);
    expect(jump.ackToWallMs).toBeLessThan(FOLLOW_BUDGET_MS);
    expect(await presenter.locator('[data-testid=stop][aria-current=step]').getAttribute('data-stop-id')).toBe(TOUR.stops[target]!.id);

    const next = (target + 1) % TITLES.length;
    const step = await tapAndFollow('[data-testid=tour-next]', TITLES[next]!);
    console.log(`next to stop ${next + 1}: ack ${step.tapToAckMs} ms after the tap, wall ${step.ackToWallMs} ms after the ack`);
    expect(step.ackToWallMs).toBeLessThan(FOLLOW_BUDGET_MS);
    await presenter.screenshot({ path: screenshotPath('demo-presenter.png') });
  }, 120_000);

  it('resets the county to morning and runs the typhoon drill from the presenter’s tablet: the wall’s incident figures rise', async () => {
    // The county stop, held: the wall shows county-wide figures while the scenario plays.
    await tapAndFollow('[data-testid=stop][data-stop-id=county]', TITLES[0]!);
    await watchAck(presenter, 'tour');
    await presenter.locator('[data-testid=tour-pause]').tap();
    expect((await ackOf(presenter)).tone).toBe('done');
    await wall.page.waitForSelector('[data-testid=tour-paused]');

    const morning = demoMorningAt(Date.now(), '08:30');
    await watchAck(presenter, 'reset');
    await presenter.locator('[data-testid=reset]').tap();
    await presenter.locator('[data-testid=reset-confirm]').tap();
    const reset = await ackOf(presenter);
    expect(reset.tone, reset.text).toBe('done');
    // The wall reloads the morning's picture: its figures are computed at the morning's virtual time.
    await wall.page.waitForFunction(
      ([from, to]) => {
        const at = window.__jinlin?.kpis?.()?.at;
        return at !== undefined && at >= from && at < to;
      },
      [morning, morning + 3_600_000] as const,
      { timeout: 60_000, polling: 250 },
    );
    const before = await kpis();

    await watchAck(presenter, 'scenario');
    await presenter.locator('[data-testid=scenario-typhoon]').tap();
    const started = await ackOf(presenter);
    expect(started.tone, started.text).toBe('done');
    await wall.page.waitForSelector('[data-testid=scenario-banner]', { timeout: 10_000 });
    await wall.page.waitForFunction(
      ([safety, reports]) => (window.__jinlin?.kpis?.()?.incidents.byCategory.safety ?? 0) >= safety + reports,
      [before.incidents.byCategory.safety, SCENARIO_SAFETY_REPORTS] as const,
      { timeout: 120_000, polling: 500 },
    );
    const after = await kpis();
    console.log(
      `typhoon drill on the wall: safety reports ${before.incidents.byCategory.safety} → ${after.incidents.byCategory.safety}, ` +
        `reported today ${before.incidents.reportedToday} → ${after.incidents.reportedToday}, open ${before.incidents.open} → ${after.incidents.open}`,
    );
    expect(after.incidents.reportedToday).toBeGreaterThanOrEqual(before.incidents.reportedToday + SCENARIO_SAFETY_REPORTS);
    expect(await wall.page.locator('[data-testid=sample-mark]').isVisible()).toBe(true);
    await wall.page.screenshot({ path: screenshotPath('demo-typhoon-wall.png') });
    await presenter.screenshot({ path: screenshotPath('demo-typhoon-presenter.png') });
    expect(presenterErrors).toEqual([]);
    expect(wall.requests.offOrigin()).toEqual([]);
  }, 240_000);
});
