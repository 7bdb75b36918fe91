import type { TourCommand, TourFile, TourState } from '../../shared/contract/demo';
import type { Result } from '../../shared/logic/result';
import { nextTourDeadline, startTour, stepTour, type TourCommandError, type TourInput, type TourMachine } from '../../shared/logic/tour/tourMachine';

export interface TourDirectorOptions {
  /** Play at once and resume by itself when idle (TOUR_AUTOPLAY). */
  autoplay: boolean;
  /**
   * Real time in epoch ms. Not the simulation clock: that one may run at ×60, and a caption has to
   * stay up for its real seconds in front of a delegation.
   */
  now?: () => number;
}

/**
 * The longest the timer sleeps before looking at the clock again. The wall clock can jump (NTP, a
 * suspended VM) and a long timeout would not notice; half a second keeps the walls within a second.
 */
const MAX_SLEEP_MS = 500;

/** Owns the tour state the walls follow: one timer armed for the next deadline, commands from presenters. */
export class TourDirector {
  private machine: TourMachine;
  /** Real time as the tour reads it (epoch ms): the clock of every time in its state. */
  readonly now: () => number;
  private readonly listeners = new Set<(state: TourState) => void>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(file: TourFile, options: TourDirectorOptions) {
    this.now = options.now ?? Date.now;
    this.machine = startTour(file, this.now(), options.autoplay);
    this.arm();
  }

  state(): TourState {
    return this.machine.view;
  }

  /** Carries out a presenter's command; an index out of range comes back as an error value. */
  command(command: TourCommand): Result<TourState, TourCommandError> {
    const result = this.step(command);
    return result.ok ? { ok: true, value: result.value.view } : result;
  }

  /** Called with the new state on every change; returns an unsubscribe. */
  onChange(listener: (state: TourState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.listeners.clear();
  }

  private step(input: TourInput): Result<TourMachine, TourCommandError> {
    const result = stepTour(this.machine, input, this.now());
    if (!result.ok || result.value === this.machine) return result;
    this.machine = result.value;
    this.arm();
    for (const listener of this.listeners) listener(this.machine.view);
    return result;
  }

  private arm(): void {
    clearTimeout(this.timer);
    const deadline = nextTourDeadline(this.machine);
    if (this.closed || deadline === null) return;
    const sleepMs = Math.min(MAX_SLEEP_MS, Math.max(0, deadline - this.now()));
    this.timer = setTimeout(() => this.wake(), sleepMs);
    this.timer.unref();
  }

  private wake(): void {
    this.timer = undefined;
    const before = this.machine;
    this.step({ action: 'tick' });
    // Nothing due yet (an early wake-up): sleep again towards the same deadline.
    if (this.machine === before) this.arm();
  }
}
