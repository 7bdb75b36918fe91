import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type {} from '../../client/jinlinTestHook';
import type { EventsPage } from '../../shared/contract/snapshot';
import type { JinlinEvent } from '../../shared/domain/event';
import { shanghaiDayStart } from '../../shared/logic/shanghaiTime';
import { ensureClientBuilt } from './harness/ensureClientBuilt';
import { launchBrowser } from './harness/launchBrowser';
import type { MapPage } from './harness/openMapPage';
import { openWallPage } from './harness/openWallPage';
import { screenshotPath } from './harness/screenshotPath';
import { startServer, type RunningServer } from './harness/startServer';
import { bearerFor, COUNTY_CODE, E2E_AUTH_SECRET, tokenFor } from './harness/wallTokens';

const SPEED = 600;
const PERIOD_MS = 6 * 3600_000;
const JUMP_BUDGET_MS = 2_000;
/** 6 simulated hours at ×600 are 36 s of wall time; the machine is small and SwiftShader draws on its CPU. */
const REPLAY_TIMEOUT_MS = 150_000;

/** The whole log up to `to`, through the plain events API with an operator's token. */
const logUntil = async (origin: string, to: number): Promise<JinlinEvent[]> => {
  const events: JinlinEvent[] = [];
  for (let after = 0; ; ) {
    const response = await fetch(`${origin}/api/v1/events?after=${after}&scope=${COUNTY_CODE}&limit=5000`, { headers: bearerFor('operator') });
    const page = (await response.json()) as EventsPage;
    events.push(...page.events.filter((event) => event.at <= to));
    if (!page.hasMore || page.events.length === 0 || (page.events.at(-1)?.at ?? 0) > to) return events;
    after = page.nextAfter;
  }
};

/**
 * The incident figures of the county at `to`, counted here from the raw events without the shared
 * reducers or KPI code: each incident's report, its last status and its lifecycle stamps.
 */
const incidentFiguresAt = (events: readonly JinlinEvent[], to: number) => {
  const incidents = new Map<string, { reportedAt: number; dueAt: number; status: string; acceptedAt?: number; resolvedAt?: number; category: string }>();
  for (const event of events) {
    if (event.type === 'incident:reported') {
      const { id, reportedAt, dueAt, status, category } = event.payload.incident;
      incidents.set(id, { reportedAt, dueAt, status, category });
    } else if (event.type.startsWith('incident:') && 'to' in event.payload) {
      const incident = incidents.get(event.payload.incidentId);
      if (!incident) continue;
      incident.status = event.payload.to;
      if (event.type === 'incident:accepted' && incident.acceptedAt === undefined) incident.acceptedAt = event.at;
      if (event.type === 'incident:resolved') incident.resolvedAt = event.at;
    }
  }
  const today = shanghaiDayStart(to);
  const isToday = (at: number | undefined) => at !== undefined && at >= today && at <= to;
  const all = [...incidents.values()];
  const open = all.filter((i) => i.status !== 'resolved' && i.status !== 'rated');
  return {
    reportedToday: all.filter((i) => isToday(i.reportedAt)).length,
    acceptedToday: all.filter((i) => isToday(i.acceptedAt)).length,
    resolvedToday: all.filter((i) => !open.includes(i) && isToday(i.resolvedAt)).length,
    open: open.length,
    overdue: open.filter((i) => to > i.dueAt).length,
  };
};

const headSeqOf = async (origin: string): Promise<number> => {
  const response = await fetch(`${origin}/api/v1/events?after=0&scope=${COUNTY_CODE}&limit=1`, { headers: bearerFor('operator') });
  return ((await response.json()) as EventsPage).headSeq;
};

describe('the time machine: a wall replays the last 6 hours and comes back to live', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let wall: MapPage;
  const replayState = () => wall.page.evaluate(() => window.__jinlin!.replay!());

  beforeAll(async () => {
    ensureClientBuilt();
    // Seven simulated hours of log before the wall opens, so "the last 6 hours" are all there.
    [server, browser] = await Promise.all([
      startServer({ env: { SIMULATOR: 'on', SIM_WARMUP_HOURS: '7', AUTH_SECRET: E2E_AUTH_SECRET }, startTimeoutMs: 240_000 }),
      launchBrowser(),
    ]);
    // A display token, as on a real wall: its replay is masked by the server exactly as its live picture.
    // Drawn at half density (the CSS layout is 1920×1080): software WebGL on a small machine otherwise
    // takes the CPU the server needs to answer the jump, and the figure would measure the renderer.
    wall = await openWallPage(browser, server.origin, {
      width: 1920,
      height: 1080,
      deviceScaleFactor: 0.5,
      path: `/?layout=16x9&alarmFlights=off&token=${tokenFor('display')}`,
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('plays the last 6 hours at ×600 behind a 回放 banner, jumps to the middle in under 2 s, and ends on the log’s figures', async () => {
    const { page } = wall;
    await page.click('[data-testid=replay-open]');
    await page.click('[data-preset=last6h]');
    await page.click(`[data-speed="${SPEED}"]`);
    await page.click('[data-testid=replay-start]');
    await page.waitForSelector('[data-testid=replay-banner][data-phase=playing]', { timeout: 30_000 });
    const started = await replayState();
    expect(started.to - started.from).toBe(PERIOD_MS);
    expect(started.speed).toBe(SPEED);
    const banner = await page.textContent('[data-testid=replay-banner]');
    expect(banner).toContain('回放');
    expect(banner).toContain(`×${SPEED}`);
    expect(banner).toContain('返回实时');
    // The past does not alarm: no alarm list over the map while it is on screen.
    expect(await page.locator('[data-overlay=alarms]').count()).toBe(0);
    // The header's badge says 回放 too: 实时 over figures of the past would be a lie.
    expect(await page.getAttribute('.head [role=status]', 'data-state')).toBe('replay');

    await page.waitForFunction((from) => window.__jinlin!.replay!().at > from + 30 * 60_000, started.from, { timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('time-machine-replay.png') });

    // The middle of the scrub bar: the picture there is rebuilt from the server's nearest checkpoint.
    // Timed on the page's own clock, from the bar's change event to the picture in the stores (a
    // pointer click through Playwright would add its own waits for stable frames to the figure).
    const middle = Math.round((started.from + started.to) / 2);
    const jumpStartedMs = await page.locator('[data-testid=replay-scrub]').evaluate((input: HTMLInputElement, at) => {
      input.value = String(at);
      const startedMs = performance.now();
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return startedMs;
    }, middle);
    await page.waitForFunction(
      (mid) => {
        const state = window.__jinlin!.replay!();
        return state.phase === 'playing' && state.at >= mid && state.at < mid + 20 * 60_000;
      },
      middle,
      { timeout: 10_000, polling: 20 },
    );
    // The player stamps the moment the replay snapshot is in the stores with the page's performance.now().
    const jumpMs = Math.round((await replayState()).loadedAtMs - jumpStartedMs);
    const requestMs = await page.evaluate(() =>
      Math.round(performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/replay/snapshot')).at(-1)?.duration ?? -1),
    );
    await page.evaluate(() => window.__jinlin!.idle());
    const idleMs = Math.round((await page.evaluate(() => performance.now())) - jumpStartedMs);
    console.log(`jump to the middle: picture in the stores after ${jumpMs} ms (its replay snapshot request ${requestMs} ms), map idle after ${idleMs} ms`);
    expect(jumpMs).toBeLessThan(JUMP_BUDGET_MS);

    await page.waitForFunction(
      () => {
        const state = window.__jinlin!.replay!();
        return state.phase === 'ended' && state.kpisAt === state.to && window.__jinlin!.kpis!()?.at === state.to;
      },
      null,
      { timeout: REPLAY_TIMEOUT_MS, polling: 250 },
    );
    await page.screenshot({ path: screenshotPath('time-machine-ended.png') });
    const ended = await replayState();
    const wallKpis = (await page.evaluate(() => window.__jinlin!.kpis!()))!;
    const expected = incidentFiguresAt(await logUntil(server!.origin, ended.to), ended.to);
    console.log('replay ended at', new Date(ended.to).toISOString(), 'wall', wallKpis.incidents, 'from /events', expected);
    expect(expected.reportedToday).toBeGreaterThan(0);
    expect({
      reportedToday: wallKpis.incidents.reportedToday,
      acceptedToday: wallKpis.incidents.acceptedToday,
      resolvedToday: wallKpis.incidents.resolvedToday,
      open: wallKpis.incidents.open,
      overdue: wallKpis.incidents.overdue,
    }).toEqual(expected);
    expect(wall.errors).toEqual([]);
  }, REPLAY_TIMEOUT_MS + 60_000);

  it('goes back to live with one tap: a fresh live snapshot, then the live log by seq with no gap', async () => {
    const { page } = wall;
    await page.click('[data-testid=replay-back]');
    await page.waitForFunction(() => window.__jinlin!.replay!().phase === 'idle' && window.__jinlin!.replay!().liveFromSeq !== null, null, { timeout: 30_000 });
    expect(await page.locator('[data-testid=replay-banner]').count()).toBe(0);
    const resumedFrom = (await replayState()).liveFromSeq!;
    expect(resumedFrom).toBeGreaterThanOrEqual(await headSeqOf(server!.origin) - 50);
    // The simulator goes on writing: wait for a few more events in the log, then for the wall to have them all.
    const head = await vi.waitFor(
      async () => {
        const seq = await headSeqOf(server!.origin);
        if (seq < resumedFrom + 5) throw new Error(`the log is at ${seq}, the wall resumed from ${resumedFrom}`);
        return seq;
      },
      { timeout: 60_000, interval: 500 },
    );
    await page.waitForFunction((seq) => window.__jinlin!.replay!().lastSeq >= seq, head, { timeout: 60_000, polling: 250 });
    const live = await replayState();
    console.log(`back to live from seq ${live.liveFromSeq}, at seq ${live.lastSeq} (server head ${head}), gaps ${live.liveGaps}`);
    expect(live.lastSeq).toBeGreaterThanOrEqual(head);
    expect(live.liveGaps).toBe(0);
    expect(await page.evaluate(() => window.__jinlin!.connection!())).toBe('live');
    expect(await page.getAttribute('.head [role=status]', 'data-state')).toBe('live');
    await page.screenshot({ path: screenshotPath('time-machine-back-to-live.png') });
    expect(wall.errors).toEqual([]);
  }, 120_000);
});
