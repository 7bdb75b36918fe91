import type { Station } from '../../domain/station';
import { addAlongPath, resolveKpiPath, type KpiBook } from './kpiBook';
import { KPI_FIELDS as F, STATION_STATUS_FIELD } from './kpiFields';

/** A station's contribution: one station of its status, its duty staff and its visitors now. Timeless. */
export const countStation = (book: KpiBook, station: Station, sign: 1 | -1): void => {
  const depth = resolveKpiPath(book, station.regionPath);
  addAlongPath(book, depth, F.stationsTotal, sign);
  addAlongPath(book, depth, STATION_STATUS_FIELD[station.status], sign);
  addAlongPath(book, depth, F.stationsOnDuty, sign * station.onDutyCount);
  addAlongPath(book, depth, F.stationsVisitors, sign * station.visitors);
};

/**
 * Call after the reducer has replaced a station (status, duty or visitors changed), or with
 * `before` undefined when a station is first known. Station figures do not depend on time.
 */
export const kpiOnStation = (book: KpiBook, before: Station | undefined, after: Station): void => {
  if (before !== undefined) countStation(book, before, -1);
  countStation(book, after, 1);
};
