import type { TransitionBody } from '../../shared/contract/http';
import type { Incident } from '../../shared/domain/incident';
import { ALLOWED_ACTIONS } from '../../shared/logic/incidentMachine';
import type { Rng } from '../../shared/logic/rng';
import { shanghaiParts } from '../../shared/logic/shanghaiTime';
import { simulatorTexts } from './simulatorTexts';
import { dueInWindow, remember, type PlannedCommand, type SimulatorWindow } from './simulatorWindow';

const MINUTE_MS = 60_000;

/** Per-step chance that the level handling a case hands it up (≈5 % of cases over a lifecycle). */
const ESCALATE_WHEN_ACCEPTED = 0.04;
const ESCALATE_LATER = 0.015;
/** Cases that drag on past their deadline, so the "overdue" figure a leader looks for first is never trivially 0. */
const SLOW_SHARE = 0.08;
/** 回访: most residents answer the call-back; ratings lean to 5 and 4 (the seeds quote 98.5 % satisfied). */
const RATED_SHARE = 0.85;
const SATISFACTION = [1, 2, 3, 4, 5] as const;
const SATISFACTION_WEIGHTS = [1, 1, 4, 22, 72];
/** Night shift: a case reported at 2 a.m. waits for the morning crew, roughly. */
const NIGHT_FACTOR = 3;
/** 回访 happens within hours of 办结; a case resolved longer ago than this is never rated. */
const RATING_WINDOW_MS = 24 * 60 * MINUTE_MS;

interface Traits {
  slow: boolean;
  /** Handled on the spot by the grid worker (accepted → resolved, the "handled at once" path). */
  atOnce: boolean;
  rated: boolean;
}

/** Traits hang on the incident's id, so they hold however the windows fall and whoever moved it last. */
const traitsOf = (incident: Incident, root: Rng): Traits => {
  const rng = root.fork(`traits:${incident.id}`);
  return {
    slow: rng.chance(SLOW_SHARE),
    atOnce: rng.chance(incident.source === 'patrol' ? 0.35 : 0.1),
    rated: rng.chance(RATED_SHARE),
  };
};

/** Short deadlines (urgent, fire hazards) compress every step; a normal one-day case paces at 1. */
const paceOf = (incident: Incident): number => Math.min(1, Math.max(0.08, incident.slaMinutes / 600));

const minutes = (rng: Rng, min: number, max: number, factor: number): number => rng.float(min, max) * factor * MINUTE_MS;

interface Step {
  delayMs: number;
  body: TransitionBody;
}

const resolveStep = (incident: Incident, traits: Traits, rng: Rng, enteredAt: number, min: number, max: number): Step => {
  const category = simulatorTexts.categories[incident.category];
  const planned = minutes(rng, min, max, paceOf(incident));
  // A slow case is resolved only after its deadline has passed, by a quarter of an hour to four hours.
  const late = traits.slow ? incident.dueAt + minutes(rng, 15, 240, 1) - enteredAt : 0;
  return { delayMs: Math.max(planned, late), body: { action: 'resolve', resolution: rng.pick(category.resolutions) } };
};

const escalateStep = (rng: Rng, pace: number): Step => ({
  delayMs: minutes(rng, 20, 90, pace),
  body: { action: 'escalate', reason: rng.pick(simulatorTexts.escalationReasons) },
});

/** The next action the handling level takes, and after how long, for the incident's current status. */
const nextStep = (incident: Incident, traits: Traits, rng: Rng, enteredAt: number): Step | null => {
  const allowed = ALLOWED_ACTIONS(incident.status, incident.level);
  const pace = paceOf(incident);
  const canEscalate = allowed.includes('escalate');
  switch (incident.status) {
    case 'reported':
      // An urgent report is taken within minutes, not compressed like its other steps: 2–10 minutes.
      if (incident.priority === 'urgent') return { delayMs: minutes(rng, 2, 10, 1), body: { action: 'accept' } };
      return { delayMs: minutes(rng, 1, 12, pace), body: { action: 'accept' } };
    case 'accepted':
      if (canEscalate && rng.chance(ESCALATE_WHEN_ACCEPTED)) return escalateStep(rng, pace);
      if (traits.atOnce && !traits.slow && incident.level === 'grid') return resolveStep(incident, traits, rng, enteredAt, 10, 60);
      return {
        delayMs: minutes(rng, 5, 40, pace),
        body: { action: 'dispatch', assignee: rng.pick(simulatorTexts.categories[incident.category].units) },
      };
    case 'dispatched':
      if (canEscalate && rng.chance(ESCALATE_LATER)) return escalateStep(rng, pace);
      return { delayMs: minutes(rng, 15, 90, pace), body: { action: 'start' } };
    case 'in_progress':
      if (canEscalate && rng.chance(ESCALATE_LATER)) return escalateStep(rng, pace);
      return resolveStep(incident, traits, rng, enteredAt, 60, 300);
    case 'resolved':
      if (!traits.rated) return null;
      return { delayMs: minutes(rng, 30, 240, 1), body: rateBody(rng) };
    case 'rated':
      return null;
  }
};

const rateBody = (rng: Rng): TransitionBody => {
  const satisfaction = rng.weightedPick(SATISFACTION, SATISFACTION_WEIGHTS);
  return rng.chance(0.3) ? { action: 'rate', satisfaction, note: rng.pick(simulatorTexts.rateNotes) } : { action: 'rate', satisfaction };
};

const isNight = (at: number): boolean => {
  const hour = shanghaiParts(at).hour;
  return hour >= 22 || hour < 7;
};

/**
 * When and how the incident moves next, decided from its id and the length of its timeline only:
 * the plan is the same whichever window asks, and a step taken by a human simply changes the key.
 */
export const nextIncidentStep = (incident: Incident, root: Rng): { dueAt: number; body: TransitionBody } | null => {
  const enteredAt = incident.timeline[incident.timeline.length - 1]?.at ?? incident.updatedAt;
  const rng = root.fork(`step:${incident.id}#${incident.timeline.length}`);
  const step = nextStep(incident, traitsOf(incident, root), rng, enteredAt);
  if (!step || !ALLOWED_ACTIONS(incident.status, incident.level).includes(step.body.action)) return null;
  // The night shift takes an urgent report as fast as the day shift does.
  const urgentAccept = step.body.action === 'accept' && incident.priority === 'urgent';
  const delayMs = step.body.action !== 'rate' && !urgentAccept && isNight(enteredAt) ? step.delayMs * NIGHT_FACTOR : step.delayMs;
  return { dueAt: enteredAt + Math.round(delayMs), body: step.body };
};

/** One step for each incident whose next step falls due in the window (the next window sees the result). */
export const simulatorIncidentSteps = (window: SimulatorWindow): PlannedCommand[] => {
  const planned: PlannedCommand[] = [];
  for (const incident of window.entities.incidents.values()) {
    // Closed cases make up most of the map: skip them before forking any randomness.
    if (incident.status === 'rated') continue;
    if (incident.status === 'resolved' && (incident.resolvedAt ?? incident.updatedAt) < window.from - RATING_WINDOW_MS) continue;
    const step = remember(window, incident, () => nextIncidentStep(incident, window.rng));
    const at = step ? dueInWindow(step.dueAt, window) : null;
    if (step && at !== null) planned.push({ at, command: { kind: 'transitionIncident', id: incident.id, body: step.body } });
  }
  return planned;
};
