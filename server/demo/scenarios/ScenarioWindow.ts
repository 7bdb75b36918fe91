import type { Region } from '../../../shared/domain/region';
import type { Rng } from '../../../shared/logic/rng';
import type { SimulatorCounty } from '../../simulator/simulatorCounty';
import type { SimulatorEntities } from '../../simulator/simulatorWindow';

/** Everything a scenario planner depends on: the same window always gives the same plan. */
export interface ScenarioWindow {
  /** The county as the simulator sees it: grids with their shapes, stations, member pools. */
  county: SimulatorCounty;
  /** Every region, for names and figures (which communities lie low, how many members each has). */
  regions: readonly Region[];
  /** Current entities, read only: who is already on duty, which wishes wait. */
  entities: SimulatorEntities;
  rng: Rng;
  /** Virtual time the scenario starts at. */
  startAt: number;
}

export const MINUTE_MS = 60_000;

/** A uniform moment in [from, from + spanMs), whole milliseconds. */
export const momentIn = (rng: Rng, from: number, spanMs: number): number => from + Math.floor(rng.next() * spanMs);
