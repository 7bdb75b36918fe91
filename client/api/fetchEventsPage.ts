import { ROUTES } from '../../shared/contract/http';
import type { EventsPage } from '../../shared/contract/snapshot';
import { getJson } from './getJson';
import type { RequestContext } from './RequestContext';

export interface EventsPageQuery {
  after: number;
  scope: string;
  limit: number;
}

/** GET /api/v1/events: one catch-up page of a scope's log after a seq, oldest first. */
export const fetchEventsPage = async (context: RequestContext, query: EventsPageQuery): Promise<EventsPage> => {
  const params = new URLSearchParams({ after: String(query.after), scope: query.scope, limit: String(query.limit) });
  const page = await getJson<EventsPage>(context.fetch, `${context.baseUrl}${ROUTES.events}?${params}`, context);
  if (!Array.isArray(page?.events) || typeof page.hasMore !== 'boolean') {
    throw new Error(`GET ${ROUTES.events} did not answer an events page`);
  }
  return page;
};
