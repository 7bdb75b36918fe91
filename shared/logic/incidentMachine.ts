import type { ReportIncidentBody, TransitionBody } from '../contract/http';
import type { LngLat } from '../domain/common';
import type { IncidentTransition } from '../domain/event';
import {
  HANDLING_LEVELS,
  INCIDENT_ACTIONS,
  type HandlingLevel,
  type Incident,
  type IncidentAction,
  type IncidentStatus,
} from '../domain/incident';
import { err, ok, type Result } from './result';
import { dueAtFor, slaMinutesFor } from './sla';

export type IncidentTransitionType =
  | 'incident:accepted'
  | 'incident:dispatched'
  | 'incident:started'
  | 'incident:resolved'
  | 'incident:escalated'
  | 'incident:rated';

export interface TransitionRule {
  readonly from: readonly IncidentStatus[];
  readonly to: IncidentStatus;
  readonly event: IncidentTransitionType;
}

/**
 * The lifecycle 上报 → 受理 → 派单 → 处置 → 办结 → 评价 as data, so the server, the tablet's
 * buttons and the tests read one table. Resolving straight from accepted is the "handled at
 * once" path the seeds boast about; escalation hands the case back as accepted one level up.
 */
export const INCIDENT_TRANSITIONS: Readonly<Record<IncidentAction, TransitionRule>> = {
  accept: { from: ['reported'], to: 'accepted', event: 'incident:accepted' },
  dispatch: { from: ['accepted'], to: 'dispatched', event: 'incident:dispatched' },
  start: { from: ['dispatched'], to: 'in_progress', event: 'incident:started' },
  resolve: { from: ['accepted', 'dispatched', 'in_progress'], to: 'resolved', event: 'incident:resolved' },
  escalate: { from: ['accepted', 'dispatched', 'in_progress'], to: 'accepted', event: 'incident:escalated' },
  rate: { from: ['resolved'], to: 'rated', event: 'incident:rated' },
};

/** The level above, or null at the county: there is nobody further to blow the whistle to. */
export const nextLevel = (level: HandlingLevel): HandlingLevel | null =>
  HANDLING_LEVELS[HANDLING_LEVELS.indexOf(level) + 1] ?? null;

/** Actions legal for an incident in this status at this level, in lifecycle order. */
export const ALLOWED_ACTIONS = (status: IncidentStatus, level: HandlingLevel): IncidentAction[] =>
  INCIDENT_ACTIONS.filter(
    (action) =>
      INCIDENT_TRANSITIONS[action].from.includes(status) && (action !== 'escalate' || nextLevel(level) !== null),
  );

export type IncidentRefusalCode = 'illegal_transition' | 'no_higher_level' | 'invalid_command';

/** Why a command was refused; the server answers 409 with currentStatus from it. */
export interface IllegalTransition {
  code: IncidentRefusalCode;
  action: IncidentAction;
  currentStatus: IncidentStatus;
  level: HandlingLevel;
  message: string;
}

/** Everything the server needs to append the event, timed by the caller's clock. */
export interface IncidentDecision {
  type: IncidentTransitionType;
  payload: IncidentTransition;
  at: number;
}

/** The Chinese name of each lifecycle step, as grid workers and leaders say it. */
export const INCIDENT_STATUS_LABELS: Readonly<Record<IncidentStatus, string>> = {
  reported: '上报',
  accepted: '受理',
  dispatched: '派单',
  in_progress: '处置',
  resolved: '办结',
  rated: '评价',
};

const describe = (status: IncidentStatus) => `${status} (${INCIDENT_STATUS_LABELS[status]})`;

const refuse = (incident: Incident, action: IncidentAction, code: IncidentRefusalCode, message: string) =>
  err<IllegalTransition>({ code, action, currentStatus: incident.status, level: incident.level, message });

const blank = (text: string | undefined) => text === undefined || text.trim() === '';

/** Problems the HTTP schema already rules out, re-checked because the simulator and adapters call in directly. */
const commandProblem = (command: TransitionBody): string | null => {
  switch (command.action) {
    case 'dispatch':
      return blank(command.assignee) ? 'dispatch needs an assignee (the unit that will handle it)' : null;
    case 'resolve':
      return blank(command.resolution) ? 'resolve needs a resolution text' : null;
    case 'escalate':
      return blank(command.reason) ? 'escalate needs a reason' : null;
    case 'rate': {
      const s = command.satisfaction;
      return Number.isInteger(s) && s >= 1 && s <= 5 ? null : 'satisfaction must be an integer from 1 to 5';
    }
    default:
      return null;
  }
};

/** The optional payload fields each action carries: the note is the resolution or the reason where those exist. */
const payloadDetails = (command: TransitionBody): Partial<IncidentTransition> => {
  switch (command.action) {
    case 'dispatch':
      return { assignee: command.assignee.trim(), ...(command.note ? { note: command.note } : {}) };
    case 'resolve':
      return { note: command.resolution };
    case 'escalate':
      return { note: command.reason };
    case 'rate':
      return { satisfaction: command.satisfaction, ...(command.note ? { note: command.note } : {}) };
    default:
      return command.note ? { note: command.note } : {};
  }
};

/**
 * Decides whether `command` may happen to `incident` now, and if so which event records it.
 * Status is checked before the command's own fields, so a stale tablet learns the real status first.
 */
export const decideIncidentTransition = (
  incident: Incident,
  command: TransitionBody,
  now: number,
): Result<IncidentDecision, IllegalTransition> => {
  const action = command.action;
  const rule = (INCIDENT_TRANSITIONS as Partial<Record<string, TransitionRule>>)[action];
  if (!rule) return refuse(incident, action, 'invalid_command', `unknown action "${String(action)}"`);
  if (!rule.from.includes(incident.status)) {
    const legal = rule.from.map(describe).join(' or ');
    const message = `cannot ${action} an incident that is ${describe(incident.status)}; ${action} needs ${legal}`;
    return refuse(incident, action, 'illegal_transition', message);
  }
  const level = action === 'escalate' ? nextLevel(incident.level) : incident.level;
  if (level === null) {
    return refuse(incident, action, 'no_higher_level', 'cannot escalate: the county is the highest handling level');
  }
  const problem = commandProblem(command);
  if (problem !== null) return refuse(incident, action, 'invalid_command', problem);
  const payload: IncidentTransition = {
    incidentId: incident.id,
    from: incident.status,
    to: rule.to,
    level,
    ...payloadDetails(command),
  };
  return ok({ type: rule.event, payload, at: now });
};

export interface NewIncidentInput {
  id: string;
  body: ReportIncidentBody;
  /** Already in the display datum (the caller converts WGS-84 input). */
  location: LngLat;
  gridCode: string;
  regionPath: string[];
  now: number;
  /** Overrides the deadline from shared/logic/sla, e.g. a hotline ticket with its own. */
  slaMinutes?: number;
}

/** The one place a reported incident is built: handled first by its grid, timeline opened by the report. */
export const newIncident = (input: NewIncidentInput): Incident => {
  const { body, now } = input;
  const priority = body.priority ?? 'normal';
  const slaMinutes = input.slaMinutes ?? slaMinutesFor(priority, body.category);
  return {
    id: input.id,
    category: body.category,
    source: body.source,
    priority,
    status: 'reported',
    level: 'grid',
    description: body.description,
    location: { lng: input.location.lng, lat: input.location.lat },
    gridCode: input.gridCode,
    regionPath: [...input.regionPath],
    ...(body.reporter ? { reporter: { ...body.reporter } } : {}),
    slaMinutes,
    dueAt: dueAtFor(now, slaMinutes),
    reportedAt: now,
    timeline: [{ action: 'report', at: now, status: 'reported', level: 'grid' }],
    updatedAt: now,
  };
};
