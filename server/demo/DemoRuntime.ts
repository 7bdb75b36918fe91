import type { ResetResult, ScenarioId, ScenarioState } from '../../shared/contract/demo';
import { createRng } from '../../shared/logic/rng';
import type { CountyIndex } from '../county/CountyIndex';
import type { LiveState } from '../live/LiveState';
import type { Simulator } from '../simulator/simulator';
import { simulatorCounty, type SimulatorCounty } from '../simulator/simulatorCounty';
import { DemoError, type ScenarioControl } from './DemoControls';
import { resetToMorning, type ResetServices } from './resetToMorning';
import { isScenarioId, SCENARIOS } from './scenarios/scenarioCatalog';
import { ScenarioRunner, type ScenarioProgress } from './scenarios/ScenarioRunner';

/** Scenarios also read the county's regions and the live entities the plans start from. */
export type DemoRuntimeServices = ResetServices & {
  county: Pick<CountyIndex, 'data' | 'regions'>;
  live: Pick<LiveState, 'entities'>;
};

/**
 * The live side of demo mode: scripted scenarios played through ingest, and "reset to morning".
 * One scenario at a time; a reset stops it and forgets it. Owns the simulator's pauses.
 */
export class DemoRuntime implements ScenarioControl {
  private current: ScenarioState | null = null;
  private runner: ScenarioRunner | null = null;
  private resetRun: Promise<ResetResult> | null = null;
  private simulatorCounty: SimulatorCounty | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly services: DemoRuntimeServices,
    private readonly simulator: Simulator | null,
  ) {}

  scenario(): ScenarioState | null {
    return this.current ? { ...this.current } : null;
  }

  resetting(): boolean {
    return this.resetRun !== null;
  }

  async start(id: ScenarioId): Promise<ScenarioState> {
    if (!isScenarioId(id)) throw new DemoError('unknown_scenario', `id: no scenario "${String(id)}" (known: ${Object.keys(SCENARIOS).join(', ')})`, 404);
    if (this.resetRun) throw new DemoError('resetting', 'the demo county is being reset to morning', 409);
    if (this.current?.running) throw new DemoError('scenario_running', `scenario ${this.current.id} is still running`, 409);
    const { clock, county, live, config, ingest } = this.services;
    const definition = SCENARIOS[id];
    const startAt = clock.now();
    this.simulatorCounty ??= simulatorCounty(county.data);
    const planned = definition.plan({
      county: this.simulatorCounty,
      regions: county.regions(),
      entities: live.entities,
      // Seeded by the sample and the start time: a rehearsal started at the same moment replays exactly.
      rng: createRng(config.sampleSeed).fork(`scenario:${id}@${startAt}`),
      startAt,
    });
    this.current = { id, title: definition.title, startedAt: startAt, endsAt: planned.at(-1)?.at ?? startAt, issued: 0, planned: planned.length, running: true };
    const runner = new ScenarioRunner(planned, { clock, ingest, onProgress: (progress) => this.progressed(runner, progress) });
    this.runner = runner;
    this.changed();
    runner.start();
    return this.scenario() as ScenarioState;
  }

  /** A second call while one runs gets the same reset (a double tap on the presenter's tablet). */
  reset(): Promise<ResetResult> {
    if (this.resetRun) return this.resetRun;
    this.resetRun = this.runReset().finally(() => {
      this.resetRun = null;
      this.changed();
    });
    // Screens hear "resetting" (and that the scenario is gone) before anything else happens.
    this.changed();
    return this.resetRun;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops a running scenario's timer (the app is closing). */
  stop(): void {
    this.runner?.stop();
  }

  private async runReset(): Promise<ResetResult> {
    this.runner?.stop();
    this.runner = null;
    this.current = null;
    try {
      return await resetToMorning(this.services, this.simulator);
    } catch (error) {
      throw new DemoError('reset_failed', `reset to morning failed: ${(error as Error).message}`, 503);
    }
  }

  private progressed(runner: ScenarioRunner, progress: ScenarioProgress): void {
    if (runner !== this.runner || !this.current) return;
    this.current = { ...this.current, issued: progress.issued, running: progress.running };
    if (!progress.running) this.runner = null;
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        console.error('demo: change listener failed', error);
      }
    }
  }
}
