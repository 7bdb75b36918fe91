import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The machine's PostgreSQL (CI has the same): trust auth, database `test`. */
export const PG_TEST_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestSchema {
  name: string;
  /** DATABASE_URL for a node whose tables live in this schema. */
  url: string;
  drop(): Promise<void>;
}

/** A schema of its own for one test (or one node cluster), dropped with everything in it afterwards. */
export const createTestSchema = async (prefix = 'jinlin_test'): Promise<TestSchema> => {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_TEST_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${name}"`);
  await admin.end();
  const url = `${PG_TEST_URL}?options=${encodeURIComponent(`-c search_path=${name}`)}`;
  return {
    name,
    url,
    drop: async () => {
      const client = new pg.Client({ connectionString: PG_TEST_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      await client.end();
    },
  };
};

/** Holds an advisory lock on its own connection until released: another writer's view of a busy log. */
export const holdAdvisoryLock = async (key: number): Promise<() => Promise<void>> => {
  const client = new pg.Client({ connectionString: PG_TEST_URL });
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1)', [key]);
  return async () => {
    await client.query('SELECT pg_advisory_unlock($1)', [key]);
    await client.end();
  };
};
