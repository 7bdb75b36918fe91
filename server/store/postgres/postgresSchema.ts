/**
 * Version 1 of the PostgreSQL layout, the same tables as SQLite's. Bodies stay text (not jsonb) so
 * an event reads back byte for byte as it was written. Every statement is idempotent: nodes run it
 * at each start, one at a time under MIGRATION_LOCK.
 */
export const POSTGRES_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  seq BIGINT PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  at BIGINT NOT NULL,
  path_key TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_scope ON events (path_key text_pattern_ops, seq);
CREATE TABLE IF NOT EXISTS entities (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  path_key TEXT NOT NULL,
  open BOOLEAN NOT NULL,
  updated_at BIGINT NOT NULL,
  data TEXT NOT NULL,
  -- The newest event seq of the command that wrote this row: a node deciding without it is stale.
  seq BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, id)
);
CREATE INDEX IF NOT EXISTS entities_retained ON entities (kind, open, updated_at);
CREATE TABLE IF NOT EXISTS idempotency (
  key TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS revoked_tokens (
  jti TEXT PRIMARY KEY,
  expires_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
-- @socket.io/postgres-adapter's table for cross-node messages over NOTIFY's 8000-byte limit.
CREATE TABLE IF NOT EXISTS socket_io_attachments (
  id BIGSERIAL UNIQUE,
  created_at TIMESTAMPTZ DEFAULT NOW(),
  payload BYTEA
);
`;

/**
 * Advisory lock keys (pg_advisory_* take a bigint; these spell "JL" + a purpose). They are per
 * database, so two schemas in one database share them: harmless, it only serialises their writers.
 */
export const WRITER_LOCK = 0x4a4c_0001;
export const MIGRATION_LOCK = 0x4a4c_0002;
export const LEADER_LOCK = 0x4a4c_0003;
