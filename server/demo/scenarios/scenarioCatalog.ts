import { SCENARIO_IDS, type LocalizedText, type ScenarioId } from '../../../shared/contract/demo';
import type { PlannedCommand } from '../../simulator/simulatorWindow';
import { homeDayPlan } from './homeDayPlan';
import type { ScenarioWindow } from './ScenarioWindow';
import { typhoonPlan } from './typhoonPlan';

export interface ScenarioDefinition {
  title: LocalizedText;
  plan: (window: ScenarioWindow) => PlannedCommand[];
}

/** The scripted scenarios a presenter can start, by id. */
export const SCENARIOS: Readonly<Record<ScenarioId, ScenarioDefinition>> = {
  typhoon: { title: { zh: '台风应急演练', en: 'Typhoon drill' }, plan: typhoonPlan },
  homeDay: { title: { zh: '党员回家日', en: 'Home day' }, plan: homeDayPlan },
};

export const isScenarioId = (id: unknown): id is ScenarioId => (SCENARIO_IDS as readonly unknown[]).includes(id);
