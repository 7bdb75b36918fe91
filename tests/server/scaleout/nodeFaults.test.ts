import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killHard } from '../helpers/childServer';
import { connectSocket, signTestToken, testCounty, waitFor, type TestSocket } from '../helpers/testServer';
import { GANZHE_STREET, gridIn, incidentAt } from '../helpers/fixtures';
import { eventually, headSeqOf, readLog } from './clusterClient';
import { startCluster, type NodeCluster } from './nodeCluster';

const COUNTY = '350121';
const TOTAL = 2000;
const WRITERS = 12;
const ingest = { 'content-type': 'application/json', authorization: `Bearer ${signTestToken('ingest')}` };

/** The machine's PostgreSQL 15 cluster (CI has the same); we run as root. */
const restartPostgres = () => promisify(execFile)('pg_ctlcluster', ['--skip-systemctl-redirect', '15', 'main', 'restart']);

describe('three nodes while one is killed with -9 and PostgreSQL restarts', () => {
  let cluster: NodeCluster;
  beforeAll(async () => {
    cluster = await startCluster(3);
  }, 120_000);
  afterAll(async () => {
    await cluster?.close();
  });

  it('keeps every acknowledged incident exactly once, and a screen of the killed node resumes elsewhere with the log exactly', async () => {
    const county = await testCounty();
    const [first, second, victim] = cluster.nodes as [(typeof cluster.nodes)[0], (typeof cluster.nodes)[0], (typeof cluster.nodes)[0]];
    const alive = new Set([first.url, second.url, victim.url]);

    // A street screen on the node that will die; when its socket drops it resumes on another node.
    const seen: number[] = [];
    let epoch = '';
    let screen: TestSocket = await connectSocket(victim.url, signTestToken());
    const follow = async (socket: TestSocket, afterSeq?: number) => {
      socket.on('events', (batch) => seen.push(...batch.events.map((e) => e.seq)));
      const ack = await socket.emitWithAck('view:subscribe', { scope: GANZHE_STREET, ...(afterSeq === undefined ? {} : { afterSeq, epoch }) });
      if (!ack.ok) throw new Error(ack.message);
      epoch = ack.epoch;
    };
    await follow(screen);
    const resumed = new Promise<void>((resolve) =>
      screen.once('disconnect', async () => {
        screen = await connectSocket(first.url, signTestToken());
        await follow(screen, seen.at(-1) ?? 0);
        resolve();
      }),
    );

    // Field apps: every incident has its own id and Idempotency-Key and is retried on another node until answered.
    const acknowledged: string[] = [];
    const refused: string[] = [];
    let next = 0;
    const postUntilAnswered = async (i: number) => {
      const body = JSON.stringify(incidentAt(gridIn(county, i % 2 ? GANZHE_STREET : COUNTY, i), { id: `FLT-${i}` }));
      const giveUpAt = Date.now() + 60_000;
      for (let attempt = 0; Date.now() < giveUpAt; attempt++) {
        const urls = [...alive];
        const url = urls[(i + attempt) % urls.length]!;
        const status = await fetch(`${url}/api/v1/incidents`, { method: 'POST', headers: { ...ingest, 'idempotency-key': `flt-${i}` }, body })
          .then((r) => r.status)
          .catch(() => 0);
        if (status === 201) return void acknowledged.push(`FLT-${i}`);
        if (status !== 0 && status !== 503) return void refused.push(`FLT-${i}:${status}`);
        // A client's retry pacing (503 / connection refused), not a wait for a result.
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      refused.push(`FLT-${i}:gave-up`);
    };
    const writers = Array.from({ length: WRITERS }, async () => {
      while (next < TOTAL) await postUntilAnswered(next++);
    });

    await waitFor(() => acknowledged.length >= 300, undefined, 60_000);
    alive.delete(victim.url);
    await killHard(victim.process);
    await resumed;
    await waitFor(() => acknowledged.length >= 900, undefined, 60_000);
    await restartPostgres();
    await Promise.all(writers);

    expect(refused).toEqual([]);
    expect(acknowledged).toHaveLength(TOTAL);
    const log = await readLog(second.url, COUNTY);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    const reported = log.flatMap((e) => (e.type === 'incident:reported' ? [e.payload.incident.id] : []));
    expect(reported.length).toBe(new Set(reported).size);
    expect(new Set(reported)).toEqual(new Set(acknowledged));

    // Both survivors caught up by themselves, and the resumed screen holds exactly its scope's log.
    const head = log.at(-1)!.seq;
    await eventually(async () => (await headSeqOf(first.url)) === head && (await headSeqOf(second.url)) === head, 30_000, 'survivors at the head');
    const street = (await readLog(first.url, GANZHE_STREET)).map((e) => e.seq);
    await waitFor(() => seen.at(-1) === street.at(-1), screen, 30_000);
    expect(seen).toEqual(street);
    screen.disconnect();
  }, 180_000);
});
