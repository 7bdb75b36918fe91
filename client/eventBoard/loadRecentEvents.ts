import type { EventsPage } from '../../shared/contract/snapshot';
import type { JinlinEvent } from '../../shared/domain/event';

export type EventsPageFetcher = (query: { after: number; scope: string; limit: number }) => Promise<EventsPage>;

/**
 * How far back (in global seqs) to look for a scope's recent events, widening until enough are
 * found: a county fills a board from the last few hundred events, a single grid may need tens of
 * thousands, since the log is global and a scope sees only its own share of it.
 */
const WINDOWS = [500, 5_000, 50_000] as const;
const PAGE_LIMIT = 1000;
/** Bounds one window's reading; a window this busy has long since filled the board. */
const MAX_PAGES = 5;

const readWindow = async (fetchPage: EventsPageFetcher, scope: string, after: number, upToSeq: number): Promise<JinlinEvent[]> => {
  const events: JinlinEvent[] = [];
  let cursor = after;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await fetchPage({ after: cursor, scope, limit: PAGE_LIMIT });
    events.push(...result.events);
    if (!result.hasMore || result.nextAfter >= upToSeq) break;
    cursor = result.nextAfter;
  }
  return events;
};

/**
 * The newest `count` events of `scope` up to `upToSeq` (the snapshot's seq), newest first: what
 * the board shows before live events arrive, so a wall is never blank at a quiet hour. Events after
 * the snapshot come through the live feed and are not fetched here.
 */
export const loadRecentEvents = async (
  fetchPage: EventsPageFetcher,
  scope: string,
  upToSeq: number,
  count: number,
): Promise<JinlinEvent[]> => {
  let found: JinlinEvent[] = [];
  for (const window of WINDOWS) {
    const after = Math.max(0, upToSeq - window);
    found = (await readWindow(fetchPage, scope, after, upToSeq)).filter((event) => event.seq <= upToSeq);
    if (found.length >= count || after === 0) break;
  }
  return found.sort((a, b) => b.seq - a.seq).slice(0, count);
};
