import type { Incident } from '../../domain/incident';
import { isClosed } from '../sla';
import { pushDue } from './dueHeap';
import {
  addAlongPath,
  addHourly,
  isKpiFuture,
  isKpiToday,
  resolveKpiPath,
  trackEntity,
  type KpiBook,
} from './kpiBook';
import { CATEGORY_FIELD, KPI_FIELDS as F } from './kpiFields';

/** When it was resolved, for a closed incident that records it. */
const resolvedAtOf = (incident: Incident): number | undefined =>
  isClosed(incident) ? incident.resolvedAt : undefined;

/** The latest timestamp any figure classifies this incident by (dueAt is handled by the heap). */
const latestStampMs = (incident: Incident): number =>
  Math.max(
    incident.reportedAt,
    incident.acceptedAt ?? Number.NEGATIVE_INFINITY,
    incident.resolvedAt ?? Number.NEGATIVE_INFINITY,
    incident.ratedAt ?? Number.NEGATIVE_INFINITY,
  );

/**
 * Open: counted open, and either overdue now or queued on the deadline heap so that a later tick
 * turns it overdue without any event.
 */
const countOpen = (book: KpiBook, incident: Incident, depth: number, sign: 1 | -1): void => {
  addAlongPath(book, depth, F.open, sign);
  if (book.clockMs > incident.dueAt) {
    addAlongPath(book, depth, F.overdue, sign);
    return;
  }
  if (sign < 0) {
    book.pendingDue.delete(incident.id);
    return;
  }
  book.pendingDue.set(incident.id, incident);
  if (book.queuedDue.get(incident.id) !== incident.dueAt) {
    book.queuedDue.set(incident.id, incident.dueAt);
    pushDue(book.dueHeap, incident.dueAt, incident.id);
  }
};

const countToday = (book: KpiBook, incident: Incident, depth: number, sign: 1 | -1): void => {
  const closed = isClosed(incident);
  if (isKpiToday(book, incident.reportedAt)) {
    addAlongPath(book, depth, F.reportedToday, sign);
    addAlongPath(book, depth, CATEGORY_FIELD[incident.category], sign);
    if (incident.status !== 'reported') addAlongPath(book, depth, F.reportedTodayAccepted, sign);
    if (closed) addAlongPath(book, depth, F.reportedTodayResolved, sign);
  }
  if (isKpiToday(book, incident.acceptedAt)) addAlongPath(book, depth, F.acceptedToday, sign);
  const resolvedAt = resolvedAtOf(incident);
  if (isKpiToday(book, resolvedAt)) {
    addAlongPath(book, depth, F.resolvedToday, sign);
    // Clamped so a clock-skewed record cannot make the mean negative.
    addAlongPath(book, depth, F.resolveMsToday, sign * Math.max(0, resolvedAt - incident.reportedAt));
  }
  if (incident.satisfaction !== undefined && isKpiToday(book, incident.ratedAt)) {
    addAlongPath(book, depth, F.ratingSumToday, sign * incident.satisfaction);
    addAlongPath(book, depth, F.ratingCountToday, sign);
  }
};

/**
 * Adds (sign +1) or removes (sign −1) everything one incident contributes to every known region
 * of its path, evaluated at the book's clock. Removing must use the very object (or an equal one)
 * that was added, which the before/after hooks guarantee.
 */
export const countIncident = (book: KpiBook, incident: Incident, sign: 1 | -1): void => {
  const depth = resolveKpiPath(book, incident.regionPath);
  if (!isClosed(incident)) countOpen(book, incident, depth, sign);
  countToday(book, incident, depth, sign);
  addHourly(book.hourlyReported, book, depth, incident.reportedAt, sign);
  const resolvedAt = resolvedAtOf(incident);
  if (resolvedAt !== undefined) addHourly(book.hourlyResolved, book, depth, resolvedAt, sign);
  trackEntity(book.futureIncidents, incident, sign, isKpiFuture(book, latestStampMs(incident)));
};
