import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventsPage } from '../../shared/contract/snapshot';
import { DeliveryLedger } from './helpers/deliveryLedger';
import { killHard, startChildServer, type ChildServer } from './helpers/childServer';
import { GANZHE_STREET, SHANGJIE_TOWN, gridIn, incidentAt } from './helpers/fixtures';
import { COUNTY_CACHE_DIR, TEST_AUTH_SECRET, signTestToken, testCounty, waitFor, type TestSocket } from './helpers/testServer';

const CLIENTS = 500;
const SCOPES = ['350121', GANZHE_STREET, SHANGJIE_TOWN];
/** Few events (about 50 a second): the storm is in the sockets, not in the volume. */
const POST_EVERY_MS = 20;

const storedSeqs = async (url: string, scope: string): Promise<number[]> => {
  const seqs: number[] = [];
  for (let after = 0; ; ) {
    const response = await fetch(`${url}/api/v1/events?after=${after}&scope=${scope}&limit=1000`, { headers: { authorization: `Bearer ${signTestToken()}` } });
    const page = (await response.json()) as EventsPage;
    seqs.push(...page.events.map((e) => e.seq));
    after = page.nextAfter;
    if (!page.hasMore) return seqs;
  }
};

/**
 * A plain screen: on every (re)connect it subscribes with the last seq it applied, and it keeps
 * whatever arrives. No dedupe: if the server sends an event twice, the ledger counts it twice.
 */
const plainClient = (url: string, scope: string) => {
  const ledger = new DeliveryLedger(scope, 0);
  const socket: TestSocket = connect(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 1000,
    auth: { token: signTestToken('display', '350121') },
  });
  let epoch: string | undefined;
  let acks = 0;
  socket.on('events', (batch) => ledger.onEvents(batch));
  socket.on('connect', () => {
    ledger.resubscribing();
    const request = epoch === undefined ? { scope, afterSeq: ledger.lastSeq } : { scope, afterSeq: ledger.lastSeq, epoch };
    socket.emit('view:subscribe', request, (ack) => {
      ledger.onAck(ack);
      if (ack.ok) epoch = ack.epoch;
      acks++;
    });
  });
  return { ledger, socket, acks: () => acks };
};

describe('500 screens reconnecting after the server is killed with SIGKILL and restarted', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jinlin-storm-'));
  let server: ChildServer | undefined;
  const clients: ReturnType<typeof plainClient>[] = [];
  afterAll(async () => {
    for (const client of clients) client.socket.disconnect();
    if (server) await killHard(server.process);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives every screen its scope of the stored log exactly once, with no gap, across the restart', async () => {
    const county = await testCounty();
    if (existsSync(COUNTY_CACHE_DIR)) for (const file of readdirSync(COUNTY_CACHE_DIR)) copyFileSync(join(COUNTY_CACHE_DIR, file), join(dataDir, file));
    const env = { AUTH_SECRET: TEST_AUTH_SECRET, DATA_DIR: dataDir, SIMULATOR: 'off' };
    server = await startChildServer(env);
    const url = server.url;
    const port = new URL(url).port;

    // A field app posting steadily the whole time; while the server is down its posts just fail.
    let n = 0;
    const posts = new Set<Promise<unknown>>();
    const poster = setInterval(() => {
      const scope = n % 2 === 0 ? GANZHE_STREET : SHANGJIE_TOWN;
      const body = JSON.stringify(incidentAt(gridIn(county, scope, n++)));
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${signTestToken('ingest')}` };
      const post = fetch(`${url}/api/v1/incidents`, { method: 'POST', headers, body })
        .then((response) => response.arrayBuffer())
        .catch(() => undefined)
        .finally(() => posts.delete(post));
      posts.add(post);
    }, POST_EVERY_MS);

    try {
      for (let i = 0; i < CLIENTS; i++) clients.push(plainClient(url, SCOPES[i % SCOPES.length] as string));
      await waitFor(() => clients.every((c) => c.acks() >= 1), undefined, 60_000);
      await waitFor(() => clients.every((c) => c.acks() >= 1 && c.ledger.seqs.length >= 5), undefined, 60_000);

      await killHard(server.process);
      server = await startChildServer({ ...env, PORT: port });
      // Every screen back and subscribed on the new process, and events flowing to it again.
      const head = (await storedSeqs(url, '350121')).at(-1) ?? 0;
      await waitFor(() => clients.every((c) => c.acks() >= 2 && c.ledger.lastSeq > head), undefined, 60_000);
    } finally {
      clearInterval(poster);
    }
    // Posts still in flight land after the poster stops: the log is read once they have.
    await Promise.all(posts);

    const stored = new Map<string, number[]>();
    for (const scope of SCOPES) stored.set(scope, await storedSeqs(url, scope));
    await waitFor(() => clients.every((c) => c.ledger.lastSeq >= (stored.get(c.ledger.scope)?.at(-1) ?? 0)), undefined, 30_000);

    const results = clients.map(({ ledger }) => ({ ...ledger.compare(stored.get(ledger.scope) ?? []), breaks: ledger.chainBreaks.length, acks: ledger.ackMismatches.length }));
    const sum = (key: keyof (typeof results)[number]) => results.reduce((total, r) => total + r[key], 0);
    const summary = {
      clients: results.length,
      events: stored.get('350121')?.length,
      clientsWithDuplicates: results.filter((r) => r.duplicates > 0).length,
      duplicates: sum('duplicates'),
      missing: sum('missing'),
      unexpected: sum('unexpected'),
      chainBreaks: sum('breaks'),
      ackMismatches: sum('acks'),
    };
    console.log('reconnect storm', JSON.stringify(summary));
    expect(summary).toMatchObject({ clients: CLIENTS, duplicates: 0, missing: 0, unexpected: 0, chainBreaks: 0, ackMismatches: 0 });
  }, 150_000);
});
