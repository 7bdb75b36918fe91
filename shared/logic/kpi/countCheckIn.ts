import type { CheckIn } from '../../domain/volunteer';
import {
  addAlongPath,
  isKpiFuture,
  isKpiThisMonth,
  isKpiToday,
  resolveKpiPath,
  trackEntity,
  type KpiBook,
} from './kpiBook';
import { HOURS_SCALE, KPI_FIELDS as F } from './kpiFields';

/**
 * Adds (sign +1) or removes (sign −1) what one check-in contributes to every known region of its
 * path at the book's clock: on duty while not checked out, a check-in today by checkedInAt, and
 * its hours today / this month by checkedOutAt (rounded to thousandths so sums stay exact).
 */
export const countCheckIn = (book: KpiBook, checkIn: CheckIn, sign: 1 | -1): void => {
  const depth = resolveKpiPath(book, checkIn.regionPath);
  const outAt = checkIn.checkedOutAt;
  if (outAt === undefined) addAlongPath(book, depth, F.volunteersOnDuty, sign);
  if (isKpiToday(book, checkIn.checkedInAt)) addAlongPath(book, depth, F.checkinsToday, sign);
  if (outAt !== undefined && checkIn.hours !== undefined) {
    const milliHours = sign * Math.round(checkIn.hours * HOURS_SCALE);
    if (isKpiToday(book, outAt)) addAlongPath(book, depth, F.milliHoursToday, milliHours);
    if (isKpiThisMonth(book, outAt)) addAlongPath(book, depth, F.milliHoursMonth, milliHours);
  }
  const latest = Math.max(checkIn.checkedInAt, outAt ?? Number.NEGATIVE_INFINITY);
  trackEntity(book.futureCheckIns, checkIn, sign, isKpiFuture(book, latest));
};
