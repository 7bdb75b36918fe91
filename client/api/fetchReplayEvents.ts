import { ROUTES } from '../../shared/contract/http';
import type { EventsPage } from '../../shared/contract/snapshot';
import { getJson } from './getJson';
import type { RequestContext } from './RequestContext';

export interface ReplayEventsQuery {
  /** The replay snapshot's seq, or the previous page's nextAfter. */
  after: number;
  /** The end of the period (epoch ms): later events are not part of the replay. */
  to: number;
  scope: string;
  limit: number;
}

/** GET /api/v1/replay/events: one page of a scope's events of a past period, oldest first. */
export const fetchReplayEvents = async (context: RequestContext, query: ReplayEventsQuery): Promise<EventsPage> => {
  const params = new URLSearchParams({ after: String(query.after), to: String(Math.floor(query.to)), scope: query.scope, limit: String(query.limit) });
  const page = await getJson<EventsPage>(context.fetch, `${context.baseUrl}${ROUTES.replayEvents}?${params}`, context);
  if (!Array.isArray(page?.events) || typeof page.hasMore !== 'boolean' || !Number.isInteger(page.nextAfter)) {
    throw new Error(`GET ${ROUTES.replayEvents} did not answer an events page`);
  }
  return page;
};
