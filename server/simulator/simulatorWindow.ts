import type { Incident } from '../../shared/domain/incident';
import type { AlarmPolicy } from '../../shared/logic/alarms/alarmPolicy';
import type { Station } from '../../shared/domain/station';
import type { CheckIn } from '../../shared/domain/volunteer';
import type { Wish } from '../../shared/domain/wish';
import type { Rng } from '../../shared/logic/rng';
import type { Command } from '../ingest/Command';
import type { SimulatorCounty } from './simulatorCounty';

/** Current entities, read only: the planner looks, the ingest path writes. */
export interface SimulatorEntities {
  readonly incidents: ReadonlyMap<string, Incident>;
  readonly stations: ReadonlyMap<string, Station>;
  readonly checkins: ReadonlyMap<string, CheckIn>;
  readonly wishes: ReadonlyMap<string, Wish>;
}

/** Everything one planning step depends on; the same window always yields the same plan. */
export interface SimulatorWindow {
  county: SimulatorCounty;
  entities: SimulatorEntities;
  /** The root stream. Only forks of it are drawn from, so planning never advances it. */
  rng: Rng;
  /** Virtual time, [from, to). */
  from: number;
  to: number;
  /** Multiplies how much happens, never how long things take. */
  rate: number;
  /** The walls' alarm policy: the simulated operator acknowledges what it raises (none: no acks). */
  alarmPolicy?: AlarmPolicy;
  /**
   * Optional cache of per-entity schedules, keyed by the entity object (live state replaces an
   * entity on every change, so a stale entry is never hit). It only saves forking randomness
   * for every open item on every tick; it must belong to one root rng and rate.
   */
  memo?: SimulatorMemo;
}

export type SimulatorMemo = WeakMap<object, unknown>;

export interface PlannedCommand {
  /** The virtual time the command should be stamped with. */
  at: number;
  command: Command;
}

/**
 * When a follow-up falls due: `dueAt` if it lies in the window, `from` if it was missed while the
 * simulator was not running, or null when it is still in the future.
 */
export const dueInWindow = (dueAt: number, window: Pick<SimulatorWindow, 'from' | 'to'>): number | null =>
  dueAt < window.to ? Math.max(dueAt, window.from) : null;

/**
 * Ids for what the simulator creates: seed, virtual time and position in the window make them
 * unique without any memory between windows, and the prefix tells sample from real records.
 */
export const simulatorId = (kind: string, window: Pick<SimulatorWindow, 'rng'>, at: number, index: number): string =>
  `SIM-${kind}-${(window.rng.seed >>> 0).toString(36)}-${at.toString(36)}-${index}`;

/** `compute()` for this entity version, from the window's memo when there is one. */
export const remember = <T>(window: Pick<SimulatorWindow, 'memo'>, entity: object, compute: () => T): T => {
  const memo = window.memo;
  if (!memo) return compute();
  if (memo.has(entity)) return memo.get(entity) as T;
  const value = compute();
  memo.set(entity, value);
  return value;
};
