import type { Incident, IncidentCategory, IncidentStatus, Priority } from '../domain/incident';

const MINUTE_MS = 60_000;

/**
 * Handling deadline by priority, in the spirit of the 12345 hotline rules: urgent within the
 * hour-scale, ordinary matters within a working day, low-priority within three days.
 */
export const SLA_MINUTES_BY_PRIORITY: Readonly<Record<Priority, number>> = {
  urgent: 60,
  high: 240,
  normal: 1440,
  low: 4320,
};

/**
 * Some categories must never wait a full day whatever priority the reporter picked: a fire
 * hazard (安全隐患), an epidemic-control task or a vulnerable person left alone (特殊人群关爱).
 */
export const SLA_CAP_MINUTES_BY_CATEGORY: Readonly<Partial<Record<IncidentCategory, number>>> = {
  safety: 120,
  epidemic: 240,
  care: 480,
};

/** The deadline in minutes: the priority's, shortened by the category cap where there is one. */
export const slaMinutesFor = (priority: Priority, category: IncidentCategory): number => {
  const byPriority = SLA_MINUTES_BY_PRIORITY[priority];
  const cap = SLA_CAP_MINUTES_BY_CATEGORY[category];
  return cap === undefined ? byPriority : Math.min(byPriority, cap);
};

export const dueAtFor = (reportedAt: number, slaMinutes: number): number => reportedAt + slaMinutes * MINUTE_MS;

const CLOSED_STATUSES: ReadonlySet<IncidentStatus> = new Set(['resolved', 'rated']);

/** Open means someone still has to act: anything not yet 办结. */
export const isOpenStatus = (status: IncidentStatus): boolean => !CLOSED_STATUSES.has(status);

export const isOpen = (incident: Pick<Incident, 'status'>): boolean => isOpenStatus(incident.status);

/** Closed: 办结 (resolved) or rated, the one definition every count, board and map layer uses. */
export const isClosed = (incident: Pick<Incident, 'status'>): boolean => !isOpen(incident);

/** How long a closed incident counts as just closed: its marker stays on the map, then only its heat remains. */
export const RECENTLY_CLOSED_MS = 3600_000;

/** When an incident was closed (rated, else resolved, else last touched). */
export const closedAt = (incident: Pick<Incident, 'ratedAt' | 'resolvedAt' | 'updatedAt'>): number =>
  incident.ratedAt ?? incident.resolvedAt ?? incident.updatedAt;

/** Open and past its deadline — the first thing a leader looks for. Exactly at dueAt is still on time. */
export const isOverdue = (incident: Pick<Incident, 'status' | 'dueAt'>, now: number): boolean =>
  isOpen(incident) && now > incident.dueAt;

/** Milliseconds past the deadline for an overdue incident, otherwise 0. */
export const overdueMs = (incident: Pick<Incident, 'status' | 'dueAt'>, now: number): number =>
  isOverdue(incident, now) ? now - incident.dueAt : 0;
