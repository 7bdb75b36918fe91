import type { JinlinEvent } from '../../shared/domain/event';

/**
 * The board's list, newest first: the live feed, then the fetched history from below the feed's
 * oldest event (each event once, whichever list holds it), cut to `limit`.
 */
export const mergeRecentEvents = (
  feed: readonly JinlinEvent[],
  history: readonly JinlinEvent[],
  limit: number,
): readonly JinlinEvent[] => {
  if (history.length === 0) return feed.slice(0, limit);
  const oldestLive = feed.at(-1)?.seq ?? Number.POSITIVE_INFINITY;
  const older = history.filter((event) => event.seq < oldestLive);
  return [...feed, ...older].slice(0, limit);
};
