import { PostgresEventStore } from '../../../server/store/postgres/PostgresEventStore';
import { WRITER_LOCK } from '../../../server/store/postgres/postgresSchema';
import { eventStoreContract } from './eventStoreContract';
import { createTestSchema, holdAdvisoryLock, PG_TEST_URL } from './pgTestSchema';

// The machine's PostgreSQL, one schema per test (dropped after); "another writer" holds the writer lock.
eventStoreContract('postgres', async () => {
  const schema = await createTestSchema();
  return {
    open: () => PostgresEventStore.open({ connectionString: PG_TEST_URL, schema: schema.name }),
    holdWriter: () => holdAdvisoryLock(WRITER_LOCK),
    remove: () => schema.drop(),
  };
});
