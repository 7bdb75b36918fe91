import { ROUTES } from '../../shared/contract/http';
import type { Snapshot } from '../../shared/contract/snapshot';
import { getJson } from './getJson';
import type { RequestContext } from './RequestContext';

/**
 * GET /api/v1/replay/snapshot: the scope's picture at a past moment, shaped like a live snapshot
 * for the token's audience (a display token's replay is masked exactly as its live picture).
 */
export const fetchReplaySnapshot = async (context: RequestContext, query: { at: number; scope: string }): Promise<Snapshot> => {
  const params = new URLSearchParams({ at: String(Math.floor(query.at)), scope: query.scope });
  const snapshot = await getJson<Snapshot>(context.fetch, `${context.baseUrl}${ROUTES.replaySnapshot}?${params}`, context);
  // Every replayed event is checked against this seq: refuse a body without one.
  if (!Number.isInteger(snapshot?.seq) || typeof snapshot.scope !== 'string') {
    throw new Error(`GET ${ROUTES.replaySnapshot} did not answer a snapshot`);
  }
  return snapshot;
};
