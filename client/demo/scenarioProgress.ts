import type { ScenarioState } from '../../shared/contract/demo';

/** Share of a scenario's planned commands issued so far, 0…1 (1 for an empty plan). */
export const scenarioShare = (scenario: Pick<ScenarioState, 'issued' | 'planned'>): number =>
  scenario.planned <= 0 ? 1 : Math.min(1, Math.max(0, scenario.issued / scenario.planned));
