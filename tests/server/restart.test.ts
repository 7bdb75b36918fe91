import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventsPage } from '../../shared/contract/snapshot';
import { killHard, startChildServer, type ChildServer } from './helpers/childServer';
import { COUNTY_CACHE_DIR, TEST_AUTH_SECRET, connectSocket, signTestToken, testCounty, waitFor } from './helpers/testServer';
import { GANZHE_STREET, gridIn, incidentAt } from './helpers/fixtures';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';

/** Copies the cached sample county into a data dir so the child server does not regenerate it. */
const seedDataDir = (dataDir: string) => {
  if (!existsSync(COUNTY_CACHE_DIR)) return;
  for (const file of readdirSync(COUNTY_CACHE_DIR)) copyFileSync(join(COUNTY_CACHE_DIR, file), join(dataDir, file));
};

const allEvents = async (url: string, scope: string): Promise<{ seqs: number[]; ids: string[] }> => {
  const seqs: number[] = [];
  const ids: string[] = [];
  let after = 0;
  for (;;) {
    const page = (await (await fetch(`${url}/api/v1/events?after=${after}&scope=${scope}&limit=1000`)).json()) as EventsPage;
    for (const event of page.events) {
      seqs.push(event.seq);
      if (event.type === 'incident:reported') ids.push(event.payload.incident.id);
    }
    after = page.nextAfter;
    if (!page.hasMore) return { seqs, ids };
  }
};

describe('a server killed with SIGKILL while field apps and the simulator write', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jinlin-restart-'));
  let server: ChildServer | undefined;
  afterAll(async () => {
    if (server) await killHard(server.process);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write, and a resuming screen ends with exactly the stored sequence', async () => {
    const county = await testCounty();
    seedDataDir(dataDir);
    server = await startChildServer({ AUTH_SECRET: TEST_AUTH_SECRET, DATA_DIR: dataDir, SIMULATOR: 'on', SIM_RATE: '3000', SIM_WARMUP_HOURS: '0' });
    const screen = await connectSocket(server.url);
    const seen: number[] = [];
    screen.on('events', (batch) => seen.push(...batch.events.map((e) => e.seq)));
    expect(await screen.emitWithAck('view:subscribe', { scope: GANZHE_STREET })).toMatchObject({ ok: true });

    // A field app posting as fast as it can; we remember every id the server acknowledged with a 2xx.
    const acknowledged: string[] = [];
    let posting = true;
    const poster = (async () => {
      for (let i = 0; posting; i++) {
        try {
          const response = await fetch(`${server!.url}/api/v1/incidents`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${signTestToken('ingest')}` },
            body: JSON.stringify({ ...incidentAt(gridIn(county, GANZHE_STREET, i)), id: `RST-${i}` }),
          });
          if (response.status === 201) acknowledged.push(`RST-${i}`);
        } catch {
          return; // the server is gone
        }
      }
    })();
    await waitFor(() => acknowledged.length >= 50 && seen.length >= 80, screen, 30_000);
    await killHard(server.process);
    posting = false;
    await poster;
    screen.disconnect();

    server = await startChildServer({ AUTH_SECRET: TEST_AUTH_SECRET, DATA_DIR: dataDir, SIMULATOR: 'off' });
    const stored = await allEvents(server.url, GANZHE_STREET);
    for (const id of acknowledged) expect(stored.ids).toContain(id);
    // The global log itself has no hole: seqs run 1..head.
    const whole = await allEvents(server.url, '350121');
    expect(whole.seqs).toEqual(whole.seqs.map((_, i) => i + 1));

    const resumed = await connectSocket(server.url);
    const after = seen.at(-1) ?? 0;
    const replayed: number[] = [];
    resumed.on('events', (batch) => replayed.push(...batch.events.map((e) => e.seq)));
    const ack = await resumed.emitWithAck('view:subscribe', { scope: GANZHE_STREET, afterSeq: after });
    expect(ack.ok).toBe(true);
    await waitFor(() => replayed.length === stored.seqs.filter((s) => s > after).length, resumed);
    const screenSequence = [...seen, ...replayed];
    expect(screenSequence).toEqual(stored.seqs);
    resumed.disconnect();
    // Two cold starts of a child server (module loading, county index) on a 2-core machine running other suites.
  }, 120_000);
});
