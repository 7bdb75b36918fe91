import { ROUTES } from '../../shared/contract/http';
import type { Snapshot } from '../../shared/contract/snapshot';
import { getJson } from './getJson';
import type { RequestContext } from './RequestContext';

/** GET /api/v1/snapshot for a scope (omitted: the county the server serves). */
export const fetchSnapshot = async (context: RequestContext, scope: string | null): Promise<Snapshot> => {
  const query = scope === null ? '' : `?${new URLSearchParams({ scope })}`;
  const snapshot = await getJson<Snapshot>(context.fetch, `${context.baseUrl}${ROUTES.snapshot}${query}`, context);
  // The seq is what every later event is checked against: refuse a body without one.
  if (!Number.isInteger(snapshot?.seq) || typeof snapshot.scope !== 'string') {
    throw new Error(`GET ${ROUTES.snapshot} did not answer a snapshot`);
  }
  return snapshot;
};
