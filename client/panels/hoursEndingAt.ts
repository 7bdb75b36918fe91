import { HOUR_MS } from '../../shared/logic/shanghaiTime';
import { shanghaiHourOf } from '../time/shanghaiClock';

/**
 * The Shanghai clock hours of `count` hourly buckets, oldest first, the last being the hour that
 * contains `atMs` — the layout of RegionKpis' hourly arrays, stamped by the server's clock.
 */
export const hoursEndingAt = (atMs: number, count: number): number[] =>
  Array.from({ length: count }, (_, index) => shanghaiHourOf(atMs - (count - 1 - index) * HOUR_MS));
