import type pg from 'pg';
import type { JinlinEvent } from '../../../shared/domain/event';
import { StoreUnavailableError } from '../../errors';
import { pathKey, type CommandWrite, type EntityRow } from '../EventStore';

/**
 * Writes a batch's events (numbered from `head`), entity rows and idempotency records with one
 * statement per table (arrays + unnest), so a batch of 512 commands costs three round trips.
 */
/**
 * Under the writer lock: refuses the batch when an entity it writes was changed by a commit the
 * deciding node had not applied yet (seq > `appliedSeq`) — two nodes accepting the same incident id,
 * or resolving one incident at once. The 503 sends the caller back; its retry is decided afresh.
 */
export const refuseStaleEntities = async (client: pg.PoolClient, appliedSeq: number, writes: CommandWrite[]): Promise<void> => {
  const rows = writes.flatMap((w) => w.entities);
  if (rows.length === 0) return;
  const { rows: stale } = await client.query<{ kind: string; id: string }>(
    `SELECT e.kind, e.id FROM entities e JOIN unnest($1::text[], $2::text[]) AS w(kind, id) ON e.kind = w.kind AND e.id = w.id WHERE e.seq > $3 LIMIT 1`,
    [rows.map((r) => r.kind), rows.map((r) => r.id), appliedSeq],
  );
  if (stale[0]) throw new StoreUnavailableError(`${stale[0].kind} ${stale[0].id} was just changed through another node; try again`, 1);
};

export const insertWrites = async (client: pg.PoolClient, head: number, writes: CommandWrite[]): Promise<JinlinEvent[][]> => {
  let seq = head;
  const committed = writes.map((write) => write.events.map((event) => ({ ...event, seq: ++seq }) as JinlinEvent));
  const events = committed.flat();
  if (events.length > 0) {
    await client.query(
      `INSERT INTO events (seq, id, type, at, path_key, body)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[])`,
      [events.map((e) => e.seq), events.map((e) => e.id), events.map((e) => e.type), events.map((e) => e.at), events.map((e) => pathKey(e.regionPath)), events.map((e) => JSON.stringify(e))],
    );
  }
  // One row per entity: a batch may touch the same entity twice, and an upsert may not hit a row twice.
  const rows = new Map<string, { row: EntityRow; seq: number }>();
  writes.forEach((write, i) => {
    const seqOfWrite = committed[i]?.at(-1)?.seq ?? head;
    for (const row of write.entities) rows.set(`${row.kind}\u0000${row.id}`, { row, seq: seqOfWrite });
  });
  if (rows.size > 0) {
    const list = [...rows.values()];
    await client.query(
      `INSERT INTO entities (kind, id, path_key, open, updated_at, data, seq)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::bigint[], $6::text[], $7::bigint[])
       ON CONFLICT (kind, id) DO UPDATE SET path_key = excluded.path_key, open = excluded.open,
       updated_at = excluded.updated_at, data = excluded.data, seq = excluded.seq`,
      [
        list.map((r) => r.row.kind),
        list.map((r) => r.row.id),
        list.map((r) => pathKey(r.row.regionPath)),
        list.map((r) => r.row.open),
        list.map((r) => r.row.updatedAt),
        list.map((r) => JSON.stringify(r.row.data)),
        list.map((r) => r.seq),
      ],
    );
  }
  const records = writes.flatMap((w) => (w.idempotency ? [w.idempotency] : []));
  if (records.length > 0) {
    await client.query(
      `INSERT INTO idempotency (key, fingerprint, status_code, body, created_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::bigint[])`,
      [records.map((r) => r.key), records.map((r) => r.fingerprint), records.map((r) => r.statusCode), records.map((r) => JSON.stringify(r.body)), records.map((r) => r.createdAt)],
    );
  }
  return committed;
};
