import type { Clock } from '../../clock';
import type { CommandOutcome } from '../../ingest/IngestService';
import type { Command } from '../../ingest/Command';
import type { PlannedCommand } from '../../simulator/simulatorWindow';

export interface ScenarioProgress {
  /** Commands handed to ingest so far (a refusal counts: the simulator or a person may have moved a case first). */
  issued: number;
  /** False once every command has been issued and answered, or the run was stopped. */
  running: boolean;
}

export interface ScenarioRunnerDeps {
  clock: Clock;
  ingest: { execute(command: Command): Promise<CommandOutcome> };
  /** Called when progress changes, at most once per poll. */
  onProgress: (progress: ScenarioProgress) => void;
}

/** Real milliseconds between looks at the virtual clock: progress reaches the walls at most four times a second. */
const POLL_MS = 250;

/**
 * Plays a scenario's plan through the one ingest path: every poll, each command whose virtual time
 * has come is issued, in plan order. Driven by the virtual clock, so a fast clock (or a test moving
 * it) plays the scenario faster; a clock jump issues everything passed at once, still in order.
 */
export class ScenarioRunner {
  private next = 0;
  private answered = 0;
  private stopped = false;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly planned: readonly PlannedCommand[],
    private readonly deps: ScenarioRunnerDeps,
  ) {}

  /** Issues what is due now, then keeps looking until everything has been issued. */
  start(): void {
    if (this.timer !== undefined || this.stopped) return;
    this.timer = setInterval(() => this.poll(), POLL_MS);
    if (this.planned.length === 0) this.finish();
    else this.poll();
  }

  get progress(): ScenarioProgress {
    return { issued: this.next, running: !this.stopped && this.answered < this.planned.length };
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
  }

  private poll(): void {
    if (this.stopped) return;
    const now = this.deps.clock.now();
    const due: Command[] = [];
    while (this.next < this.planned.length && (this.planned[this.next] as PlannedCommand).at <= now) {
      due.push((this.planned[this.next] as PlannedCommand).command);
      this.next++;
    }
    for (const command of due) void this.issue(command);
    if (due.length > 0) this.report();
  }

  private async issue(command: Command): Promise<void> {
    try {
      await this.deps.ingest.execute(command);
    } catch (error) {
      console.error('scenario: command failed', command.kind, error);
    }
    this.answered++;
    if (this.answered === this.planned.length) this.finish();
  }

  private finish(): void {
    clearInterval(this.timer);
    this.report();
  }

  private report(): void {
    if (this.stopped) return;
    this.deps.onProgress(this.progress);
  }
}
