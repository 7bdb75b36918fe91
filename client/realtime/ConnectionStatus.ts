/**
 * - connecting: no snapshot yet;
 * - live: subscribed, in sync, heard from recently;
 * - catching_up: loading a snapshot, filling a gap, or awaiting the subscription;
 * - stale: nothing heard for two heartbeat intervals (the view may be behind);
 * - offline: the socket is down or the API cannot be reached.
 */
export type ConnectionState = 'connecting' | 'live' | 'catching_up' | 'stale' | 'offline';

export interface ConnectionStatus {
  state: ConnectionState;
  /** The scope shown (or being loaded); null until the first snapshot names it. */
  scope: string | null;
  /** Seq of the last event applied in this scope (or of the snapshot). */
  lastSeq: number;
  /** Newest seq the server has committed, as last heard. */
  headSeq: number;
  /** The server's clock at the last heartbeat: the right "now" for figures stamped by it. */
  serverTime: number | null;
  /** How fast that clock runs (the heartbeat's speed; 1 before any). */
  serverSpeed: number;
  /** Wall time the data was last known current, while stale; null when fresh. */
  staleSince: number | null;
  /** Milliseconds since the last sign of life (monotonic). */
  dataAgeMs: number;
}

export interface ConnectionFacts {
  closed: boolean;
  /** The socket failed or dropped, or the API did not answer. */
  down: boolean;
  hasSnapshot: boolean;
  stale: boolean;
  /** A snapshot or a catch-up is due or under way. */
  pending: boolean;
  subscribed: boolean;
}

/** One state for the banner, the most alarming true one first once there is something to show. */
export const connectionStateOf = (facts: ConnectionFacts): ConnectionState => {
  const down = facts.closed || facts.down;
  if (!facts.hasSnapshot) return down ? 'offline' : 'connecting';
  if (down) return 'offline';
  if (facts.stale) return 'stale';
  return facts.pending || !facts.subscribed ? 'catching_up' : 'live';
};
