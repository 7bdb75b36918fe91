import type { TransitionBody } from '../../../shared/contract/http';
import { decideIncidentTransition } from '../../../shared/logic/incidentMachine';
import { accept, refuse, type Decision, type DecisionView } from '../Decision';

/** 受理 / 派单 / 处置 / 办结 / 上报上级 / 评价: legal only from the states the machine allows. */
export const transitionIncident = (id: string, body: TransitionBody, view: DecisionView): Decision => {
  const incident = view.incident(id);
  if (!incident) return refuse(404, 'incident_not_found', `no incident with id ${id}`);
  const decision = decideIncidentTransition(incident, body, view.now);
  if (!decision.ok) {
    const { code, message, currentStatus } = decision.error;
    const status = code === 'invalid_command' ? 422 : 409;
    return refuse(status, code, message, { currentStatus });
  }
  const { type, payload, at } = decision.value;
  return accept(
    200,
    { id: view.newId('EV'), type, at, regionPath: incident.regionPath, payload },
    { collection: 'incidents', id },
  );
};
