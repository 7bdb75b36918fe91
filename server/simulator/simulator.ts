import { performance } from 'node:perf_hooks';
import { createRng, type Rng } from '../../shared/logic/rng';
import { HOUR_MS } from '../../shared/logic/shanghaiTime';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { CountyIndex } from '../county/CountyIndex';
import type { Command } from '../ingest/Command';
import type { IngestService } from '../ingest/IngestService';
import type { LiveState } from '../live/LiveState';
import { simulatorCounty, type SimulatorCounty } from './simulatorCounty';
import { simulatorPlan } from './simulatorPlan';
import type { PlannedCommand, SimulatorMemo } from './simulatorWindow';

export interface SimulatorOptions {
  /** Activity multiplier on top of the realistic rates (the demo runs at 20). */
  rate: number;
  /** Defaults to the sample county's seed, so a demo replays the same way. */
  seed?: number;
  /** Real milliseconds between planning passes. */
  tickMs?: number;
}

export interface SimulatorStats {
  ticks: number;
  issued: number;
  accepted: number;
  /** Refusals by HTTP status code: 409 when a human got there first is normal. */
  refused: Record<string, number>;
  /** Commands whose execution threw instead of answering (logged). */
  failed: number;
}

export interface Simulator {
  /** Starts the live loop (once): from then on it plans every `tickMs`. */
  start(): void;
  stop(): void;
  stats(): SimulatorStats;
  /** Fills the last `hours` of virtual time with activity (fresh data dir), then resumes the live loop. */
  warmUp(hours: number): Promise<void>;
  /** Stops planning until resume(); settles once the pass in flight has gone to ingest. */
  pause(): Promise<void>;
  /** Plans on from the clock's time now: the paused span is not caught up. */
  resume(): void;
  /** Starts afresh from `seed` (a new root rng, an empty memo), as if just created: "reset to morning". */
  reseed(seed: number): void;
  /**
   * Walks [start, end) of virtual time through ingest with the clock stopped at each slice's time, so
   * the same county, entities, seed and window always write the same events. Leaves the clock
   * stopped at the last slice; the caller sets it going.
   */
  replay(start: number, end: number): Promise<void>;
}

/** What the simulator uses of the app: it writes only through ingest. */
export interface SimulatorServices {
  clock: Clock;
  county: Pick<CountyIndex, 'data'>;
  live: Pick<LiveState, 'entities'>;
  ingest: Pick<IngestService, 'execute'>;
  config: Pick<Config, 'sampleSeed' | 'alarmPolicy'>;
}

const DEFAULT_TICK_MS = 1000;
/** Warm-up plans a virtual minute per pass (follow-ups chain minute by minute)… */
const WARM_UP_PLAN_MS = 60_000;
/** …and commits it in slices this long, each stamped at its first command's time. */
const WARM_UP_SLICE_MS = 10_000;
/**
 * After a stall or a forward clock jump, at most this much virtual time (or three ticks' worth at
 * the clock's speed, if more) is caught up, so a jump does not dump a day of reports at once.
 */
const MIN_CATCH_UP_MS = 10 * 60_000;

/** Commands due within one slice of the first, from `start`: they go to ingest together. */
const sliceEnd = (planned: readonly PlannedCommand[], start: number): number => {
  const limit = (planned[start] as PlannedCommand).at + WARM_UP_SLICE_MS;
  let end = start;
  while (end < planned.length && (planned[end] as PlannedCommand).at < limit) end++;
  return end;
};

class LoopingSimulator implements Simulator {
  private readonly county: SimulatorCounty;
  private rng: Rng;
  private readonly tickMs: number;
  private readonly rate: number;
  private memo: SimulatorMemo = new WeakMap();
  private readonly counters: SimulatorStats = { ticks: 0, issued: 0, accepted: 0, refused: {}, failed: 0 };
  private lastTo: number;
  private stopped = false;
  private warming = false;
  private paused = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly services: SimulatorServices,
    options: SimulatorOptions,
  ) {
    this.rate = options.rate;
    this.county = simulatorCounty(services.county.data);
    this.rng = createRng(options.seed ?? services.config.sampleSeed);
    this.tickMs = options.tickMs ?? DEFAULT_TICK_MS;
    this.lastTo = services.clock.now();
  }

  stats(): SimulatorStats {
    return { ...this.counters, refused: { ...this.counters.refused } };
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  start(): void {
    if (this.timer === undefined) this.schedule();
  }

  /** Each pass is scheduled when the previous one has finished, so passes never overlap. */
  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = (this.warming || this.paused ? Promise.resolve() : this.tick())
        .catch((error: unknown) => console.error('simulator: tick failed', error))
        .finally(() => this.schedule());
    }, this.tickMs);
  }

  async pause(): Promise<void> {
    this.paused = true;
    await this.running;
  }

  resume(): void {
    this.lastTo = this.services.clock.now();
    this.paused = false;
  }

  reseed(seed: number): void {
    this.rng = createRng(seed);
    this.memo = new WeakMap();
    this.lastTo = this.services.clock.now();
  }

  async warmUp(hours: number): Promise<void> {
    const { clock } = this.services;
    this.warming = true;
    await this.running;
    const speed = clock.speed();
    const end = clock.now();
    const startedMs = performance.now();
    try {
      await this.replay(end - hours * HOUR_MS, end);
    } finally {
      // Back to the time the clock would read had it never been touched, at its own speed.
      clock.set(Math.max(clock.now(), end + (performance.now() - startedMs) * speed), speed);
      this.lastTo = clock.now();
      this.warming = false;
    }
  }

  private plan(from: number, to: number): PlannedCommand[] {
    const { county, rng, rate, memo } = this;
    const alarmPolicy = this.services.config.alarmPolicy;
    return simulatorPlan({ county, entities: this.services.live.entities, rng, from, to, rate, memo, alarmPolicy });
  }

  private async issue(command: Command): Promise<void> {
    this.counters.issued++;
    try {
      const { statusCode } = await this.services.ingest.execute(command);
      if (statusCode < 300) this.counters.accepted++;
      else this.counters.refused[statusCode] = (this.counters.refused[statusCode] ?? 0) + 1;
    } catch (error) {
      this.counters.failed++;
      console.error('simulator: command failed', command.kind, error);
    }
  }

  /** Plans the virtual time since the last pass; all commands are enqueued at once, in order. */
  private async tick(): Promise<void> {
    const { clock } = this.services;
    const to = clock.now();
    // The clock was moved back ("reset to morning"): carry on from there.
    if (to < this.lastTo) this.lastTo = to;
    const from = Math.max(this.lastTo, to - Math.max(MIN_CATCH_UP_MS, 3 * this.tickMs * clock.speed()));
    this.lastTo = to;
    await Promise.all(this.plan(from, to).map((planned) => this.issue(planned.command)));
    this.counters.ticks++;
  }

  /**
   * Walks the clock through [start, end): plans a minute at a time, and sends each ten-second slice
   * of it to ingest together with the clock stopped at the slice's first command. One transaction
   * per slice rather than per command makes a fresh start several times faster; every stamp stays
   * within ten seconds of its plan, and in order. A stopped clock, not a running one, so that how
   * fast this machine replays never shows in a stamp.
   */
  async replay(start: number, end: number): Promise<void> {
    const { clock } = this.services;
    clock.set(start, 0);
    for (let from = start; from < end && !this.stopped; from += WARM_UP_PLAN_MS) {
      const planned = this.plan(from, Math.min(from + WARM_UP_PLAN_MS, end));
      for (let i = 0; i < planned.length && !this.stopped; ) {
        const j = sliceEnd(planned, i);
        const at = (planned[i] as PlannedCommand).at;
        if (clock.now() < at) clock.set(at, 0);
        await Promise.all(planned.slice(i, j).map((p) => this.issue(p.command)));
        i = j;
      }
    }
  }
}

/**
 * Drives the sample county through the one ingest path: every `tickMs` it plans the virtual time
 * that passed since the last pass and executes the commands in order. Refusals are counted, errors
 * logged; nothing is ever thrown out of a timer.
 */
export const startSimulator = (services: SimulatorServices, options: SimulatorOptions): Simulator => {
  const simulator = createSimulator(services, options);
  simulator.start();
  return simulator;
};

/** The same, not started yet: the app builds it first and lets it write once everything is ready. */
export const createSimulator = (services: SimulatorServices, options: SimulatorOptions): Simulator =>
  new LoopingSimulator(services, options);
