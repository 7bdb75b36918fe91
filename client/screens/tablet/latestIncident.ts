import type { Incident } from '../../../shared/domain/incident';

/**
 * The newer of two versions of one incident: the live store's, and the one the server answered
 * to this tablet's own action. The answer usually arrives a moment before the socket's event;
 * showing it at once keeps a leader from tapping a button that no longer applies. Every step
 * appends to the timeline, so the longer timeline is the newer version.
 */
export const latestIncident = (fromStore: Incident | undefined, answered: Incident | undefined): Incident | undefined => {
  if (!answered || (fromStore && fromStore.id !== answered.id)) return fromStore;
  if (!fromStore) return answered;
  if (answered.timeline.length !== fromStore.timeline.length) {
    return answered.timeline.length > fromStore.timeline.length ? answered : fromStore;
  }
  return answered.updatedAt > fromStore.updatedAt ? answered : fromStore;
};

/** The store's incidents with this tablet's newer answers laid over them. */
export const withAnswers = (incidents: Iterable<Incident>, answers: ReadonlyMap<string, Incident>): Incident[] => {
  const merged: Incident[] = [];
  for (const incident of incidents) merged.push(latestIncident(incident, answers.get(incident.id)) ?? incident);
  return merged;
};
