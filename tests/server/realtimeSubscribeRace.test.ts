import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../server/ingest/Command';
import { DeliveryLedger } from './helpers/deliveryLedger';
import { GANZHE_STREET, SHANGJIE_TOWN, gridIn, incidentAt } from './helpers/fixtures';
import { connectSocket, startTestServer, testCounty, waitFor, type TestServer, type TestSocket } from './helpers/testServer';

const SCOPES = ['350121', GANZHE_STREET, SHANGJIE_TOWN];
const SOCKETS = 100;
const TARGET_RATE = 1000; // events per second
const INGEST_MS = 4000;
const TICK_MS = 20;

describe('a screen subscribing with afterSeq while events flow', () => {
  let server: TestServer;
  const sockets: TestSocket[] = [];
  const ledgers: { ledger: DeliveryLedger; afterSeq: number }[] = [];

  beforeAll(async () => {
    server = await startTestServer();
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await server?.close();
  });

  /** Paced ingest straight into the one path in: about TARGET_RATE incidents a second, spread over two streets. */
  const ingestFor = async (ms: number): Promise<{ accepted: number; seconds: number }> => {
    const county = await testCounty();
    const { ingest } = server.services;
    const inFlight = new Set<Promise<unknown>>();
    let accepted = 0;
    let n = 0;
    const started = performance.now();
    await new Promise<void>((done) => {
      const pacer = setInterval(() => {
        if (performance.now() - started >= ms) {
          clearInterval(pacer);
          return done();
        }
        // Catch up with the clock (timers drift), but never let the queue run away on a slow
        // machine: the rate is measured, not assumed.
        const due = Math.floor((TARGET_RATE * (performance.now() - started)) / 1000) - n;
        for (let i = 0; i < due && inFlight.size < TARGET_RATE / 2; i++, n++) {
          const scope = n % 2 === 0 ? GANZHE_STREET : SHANGJIE_TOWN;
          const command: Command = { kind: 'reportIncident', body: incidentAt(gridIn(county, scope, n)) };
          const p = ingest.execute(command).then((outcome) => {
            if (outcome.statusCode === 201) accepted++;
            inFlight.delete(p);
          });
          inFlight.add(p);
        }
      }, TICK_MS);
    });
    await Promise.all(inFlight);
    await ingest.idle();
    return { accepted, seconds: (performance.now() - started) / 1000 };
  };

  /** One screen that connects at a random moment and resumes from some seq behind the head. */
  const subscribeLater = (i: number, delayMs: number): Promise<void> =>
    new Promise((resolve, reject) => {
      setTimeout(() => {
        void (async () => {
          const socket = await connectSocket(server.url);
          sockets.push(socket);
          const scope = SCOPES[i % SCOPES.length] as string;
          const afterSeq = Math.max(0, server.services.live.headSeq - Math.floor(Math.random() * 400));
          const ledger = new DeliveryLedger(scope, afterSeq);
          ledgers.push({ ledger, afterSeq });
          socket.on('events', (batch) => ledger.onEvents(batch));
          // The ack callback runs as its packet arrives, in order with the frames (a promise would
          // resolve only after frames decoded in the same tick).
          await new Promise<void>((acked) => socket.emit('view:subscribe', { scope, afterSeq }, (ack) => acked(ledger.onAck(ack))));
        })().then(resolve, reject);
      }, delayMs);
    });

  it('delivers the stored log of its scope exactly once to each of 100 sockets, chained without a gap', async () => {
    const ingesting = ingestFor(INGEST_MS);
    const subscribing = Promise.all(Array.from({ length: SOCKETS }, (_, i) => subscribeLater(i, 300 + Math.random() * (INGEST_MS - 800))));
    const [{ accepted, seconds }] = await Promise.all([ingesting, subscribing]);
    const { live, store } = server.services;

    const results: (ReturnType<DeliveryLedger['compare']> & { breaks: number; acks: number })[] = [];
    for (const [i, { ledger, afterSeq }] of ledgers.entries()) {
      const last = live.lastSeqOf(ledger.scope);
      await waitFor(() => ledger.lastSeq >= last, sockets[i]);
      const stored = (await store.readEvents({ afterSeq, scope: ledger.scope, limit: 1_000_000 })).map((e) => e.seq);
      results.push({ ...ledger.compare(stored), breaks: ledger.chainBreaks.length, acks: ledger.ackMismatches.length });
    }
    const sum = (key: keyof (typeof results)[number]) => results.reduce((total, r) => total + r[key], 0);
    const summary = {
      rate: Math.round(accepted / seconds),
      sockets: results.length,
      socketsWithDuplicates: results.filter((r) => r.duplicates > 0).length,
      duplicates: sum('duplicates'),
      missing: sum('missing'),
      unexpected: sum('unexpected'),
      chainBreaks: sum('breaks'),
      ackMismatches: sum('acks'),
    };
    console.log('subscribe under ingest', JSON.stringify(summary), ledgers.flatMap((l) => [...l.ledger.ackMismatches, ...l.ledger.chainBreaks]).slice(0, 5));
    expect(summary).toMatchObject({ sockets: SOCKETS, duplicates: 0, missing: 0, unexpected: 0, chainBreaks: 0, ackMismatches: 0 });
  }, 60_000);
});
