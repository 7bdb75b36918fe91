import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killHard, startChildServer, type ChildServer } from '../helpers/childServer';
import { COUNTY_CACHE_DIR, TEST_AUTH_SECRET, testCounty } from '../helpers/testServer';
import { createTestSchema, type TestSchema } from '../store/pgTestSchema';

export interface NodeCluster {
  schema: TestSchema;
  nodes: ChildServer[];
  /** Starts one more node (or a replacement) on the same log. */
  start(extraEnv?: Record<string, string>): Promise<ChildServer>;
  close(): Promise<void>;
}

/**
 * N real Jinlin processes (`server/main.ts`, STORE=postgres) on one PostgreSQL schema of their own,
 * sharing a data dir seeded with the cached sample county (so none regenerates it) and one secret.
 */
export const startCluster = async (count: number, extraEnv: Record<string, string> = {}): Promise<NodeCluster> => {
  await testCounty();
  const schema = await createTestSchema('jinlin_nodes');
  const dataDir = mkdtempSync(join(tmpdir(), 'jinlin-nodes-'));
  if (existsSync(COUNTY_CACHE_DIR)) for (const file of readdirSync(COUNTY_CACHE_DIR)) copyFileSync(join(COUNTY_CACHE_DIR, file), join(dataDir, file));
  const nodes: ChildServer[] = [];
  const start = async (env: Record<string, string> = {}) => {
    const node = await startChildServer({
      STORE: 'postgres',
      DATABASE_URL: schema.url,
      DATA_DIR: dataDir,
      AUTH_SECRET: TEST_AUTH_SECRET,
      SIMULATOR: 'off',
      TOUR_FILE: '',
      // A loaded CI machine must not shed the test's own reads: load shedding has its own tests.
      PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0',
      PRESSURE_MAX_HEAP_BYTES: '0',
      ...extraEnv,
      ...env,
    }, 110_000);
    nodes.push(node);
    return node;
  };
  try {
    await Promise.all(Array.from({ length: count }, () => start()));
  } catch (error) {
    await Promise.all(nodes.map((node) => killHard(node.process)));
    await schema.drop();
    throw error;
  }
  return {
    schema,
    nodes,
    start,
    close: async () => {
      await Promise.all(nodes.map((node) => killHard(node.process)));
      await schema.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
