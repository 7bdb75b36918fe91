import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { EventsPage } from '../../../shared/contract/snapshot';
import { COUNTY_CACHE_DIR, testCounty } from '../helpers/testServer';

/** Copies the cached sample county into a data dir so a child server does not regenerate it. */
export const seedDataDir = async (dataDir: string): Promise<void> => {
  await testCounty();
  if (!existsSync(COUNTY_CACHE_DIR)) return;
  for (const file of readdirSync(COUNTY_CACHE_DIR)) copyFileSync(join(COUNTY_CACHE_DIR, file), join(dataDir, file));
};

/** A port free right now, so a second process can listen where the first one did. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** Resolves with how long the child took to exit after `signal` (and its exit code). */
export const signalAndTime = (child: ChildProcess, signal: NodeJS.Signals): Promise<{ ms: number; code: number | null }> =>
  new Promise((resolve) => {
    const started = performance.now();
    child.once('exit', (code) => resolve({ ms: performance.now() - started, code }));
    child.kill(signal);
  });

/** The description of every incident reported in the log, page by page (ids may be rewritten by scope). */
export const storedDescriptions = async (url: string, token: string): Promise<Set<string>> => {
  const ids = new Set<string>();
  let after = 0;
  for (;;) {
    const response = await fetch(`${url}/api/v1/events?after=${after}&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
    const page = (await response.json()) as EventsPage;
    for (const event of page.events) if (event.type === 'incident:reported') ids.add(event.payload.incident.description);
    after = page.nextAfter;
    if (!page.hasMore) return ids;
  }
};
