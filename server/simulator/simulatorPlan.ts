import { simulatorAlarmAcks } from './simulatorAlarmAcks';
import { simulatorCheckins } from './simulatorCheckins';
import { simulatorIncidentReports } from './simulatorIncidentReports';
import { simulatorIncidentSteps } from './simulatorIncidentSteps';
import { simulatorStations } from './simulatorStations';
import { simulatorWishes } from './simulatorWishes';
import type { PlannedCommand, SimulatorWindow } from './simulatorWindow';

/**
 * What happens in the sample county during [from, to): the commands to send through ingest, each
 * with its virtual time, in time order. Pure: the same county, entities, seed and window always
 * give the same plan, and the root rng is only forked, never advanced.
 *
 * New things (reports, check-ins, wishes) arrive as Poisson streams shaped by the hour of day;
 * what follows them (acceptance, check-out, claim…) is read off the current entities, so the
 * simulator carries no memory of its own and picks up after a restart or a human's action.
 * Each pass is linear in the entities held: no work per pair of anything.
 */
export const simulatorPlan = (window: SimulatorWindow): PlannedCommand[] => {
  if (!(window.to > window.from) || !(window.rate > 0)) return [];
  const planned = [
    ...simulatorIncidentReports(window),
    ...simulatorIncidentSteps(window),
    ...simulatorAlarmAcks(window),
    ...simulatorStations(window),
    ...simulatorCheckins(window),
    ...simulatorWishes(window),
  ];
  // Array sort is stable: commands due at the same millisecond keep the order above.
  return planned.sort((a, b) => a.at - b.at);
};
