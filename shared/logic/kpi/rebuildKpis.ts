import type { Region } from '../../domain/region';
import type { EntityState } from '../entityState';
import { countCheckIn } from './countCheckIn';
import { countIncident } from './countIncident';
import { createKpiBook, type KpiBook } from './kpiBook';
import { countStation } from './kpiOnStation';
import { countWish } from './kpiOnWish';

/**
 * Builds a book from scratch at `now`: at boot, and to verify the incrementally kept one (both
 * must read the same for every region). The result keeps working incrementally: its deadline
 * heap and future-stamped entities are set up exactly as the hooks would have set them.
 * Its changed set starts empty: a fresh book is sent whole, not as changes.
 *
 * Retention — the rebuild is exact only if `entities` still holds every entity that contributes
 * at `now` (pruning anything else changes no figure, and needs no hook call):
 * - stations: all of them;
 * - wishes: all of them (posted/claimed/fulfilled are all-time counts of current status);
 * - incidents: every open one (not resolved/rated), whatever its age; and every closed one with
 *   reportedAt, acceptedAt, resolvedAt or ratedAt on or after the earlier of today's local
 *   midnight and the start of the oldest hourly bucket (hourStart(now) − 23 h): today's counters
 *   and the 24-hour trend need them;
 * - check-ins: every open one (not checked out); and every closed one checked in today or
 *   checked out this local month (check-ins today, hours today, hours this month).
 */
export const rebuildKpis = (regions: readonly Region[], entities: EntityState, now: number): KpiBook => {
  const book = createKpiBook(regions, now);
  for (const incident of entities.incidents.values()) countIncident(book, incident, 1);
  for (const station of entities.stations.values()) countStation(book, station, 1);
  for (const checkIn of entities.checkins.values()) countCheckIn(book, checkIn, 1);
  for (const wish of entities.wishes.values()) countWish(book, wish, 1);
  book.changed.clear();
  return book;
};
