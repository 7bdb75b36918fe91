import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventType, JinlinEvent } from '../../../shared/domain/event';
import { buildApp, type Services } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { startSimulator } from '../../../server/simulator/simulator';
import { HOUR, WEDNESDAY } from './simulatorFixtures';

/** 11:00 on a Wednesday in Shanghai: the warm-up covers the busy morning, when stations are open. */
const START = WEDNESDAY + 11 * HOUR;

const until = async (condition: () => boolean, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('startSimulator on the real app', () => {
  let dataDir: string;
  let app: FastifyInstance;
  let services: Services;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'jinlin-simulator-'));
    ({ app, services } = await buildApp(loadConfig({ DATA_DIR: dataDir, SIMULATOR: 'off', CLIENT_DIR: '', LOG_LEVEL: 'warn' })));
  });

  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('warms up two hours and keeps ticking, writing every kind of event through ingest only', async () => {
    const { clock, store, live, ingest, county } = services;
    // As "reset to morning" would: the clock goes to a known hour and the figures restart from it.
    clock.set(START, 1);
    live.rebuildKpis(START);
    const simulator = startSimulator(services, { rate: 20, seed: 7, tickMs: 25 });
    await simulator.warmUp(2);
    const warmedUp = simulator.stats();
    expect(clock.now()).toBeGreaterThanOrEqual(START);
    expect(clock.speed()).toBe(1);

    // A fast clock: every 25 ms tick plans about a virtual minute.
    clock.set(clock.now(), 2400);
    await until(() => simulator.stats().ticks >= 5, 20_000);
    simulator.stop();
    await ingest.idle();
    const stats = simulator.stats();

    const events: JinlinEvent[] = await store.readEvents({ afterSeq: 0, limit: 1_000_000 });
    const count = (type: EventType) => events.filter((e) => e.type === type).length;
    for (const type of ['incident:reported', 'incident:accepted', 'incident:dispatched', 'station:statusChanged', 'volunteer:checkedIn', 'wish:posted'] as const) {
      expect(count(type), type).toBeGreaterThan(0);
    }
    expect(count('incident:resolved') + count('volunteer:checkedOut')).toBeGreaterThan(0);

    // One accepted command, one event: nothing reached the store or live state around ingest.
    expect(stats.failed).toBe(0);
    expect(stats.issued).toBe(stats.accepted + Object.values(stats.refused).reduce((a, b) => a + b, 0));
    expect(events.length).toBe(stats.accepted);
    expect(live.headSeq).toBe(events.length);
    expect(stats.accepted).toBeGreaterThan(warmedUp.accepted);

    // Warm-up events carry their own virtual times, from two hours back, in log order.
    const warm = events.slice(0, warmedUp.accepted);
    expect(warm[0]!.at).toBeGreaterThanOrEqual(START - 2 * HOUR);
    expect(warm.at(-1)!.at).toBeLessThanOrEqual(START + 60_000);
    for (let i = 1; i < events.length; i++) expect(events[i]!.at).toBeGreaterThanOrEqual(events[i - 1]!.at);

    const kpis = live.kpisOf(county.county.code, clock.now());
    expect(kpis.incidents.reportedToday).toBeGreaterThan(0);
    expect(kpis.stations.open + kpis.stations.extended).toBeGreaterThan(0);
    expect(kpis.volunteers.checkinsToday).toBeGreaterThan(0);
    expect(kpis.wishes.posted + kpis.wishes.claimed + kpis.wishes.fulfilled).toBeGreaterThan(0);
  });
});
