import type { TourCommand, TourFile, TourState, TourStop } from '../../contract/demo';
import { err, ok, type Result } from '../result';

/**
 * The guided tour as a pure state machine: `(machine, command | tick, now) → machine`. No timers,
 * no Date: the director passes the time in and arms one timer for `nextTourDeadline`.
 */
export interface TourMachine {
  /** What every screen is told. */
  view: TourState;
  /** After this long without a command, a paused or free tour plays again (0 = never). */
  idleResumeMs: number;
  lastCommandAt: number;
}

/** Time passing: a stop ending or the idle delay running out. */
export type TourInput = TourCommand | { action: 'tick' };

export interface TourCommandError {
  code: 'invalid_command';
  message: string;
}

const durationMs = (stop: TourStop | undefined): number => (stop?.durationSec ?? 0) * 1000;
const stopAt = (view: TourState, index: number): TourStop | undefined => view.stops[index];

/** `autoplay`: play from the first stop now and resume by itself when idle; otherwise wait in free roam. */
export const startTour = (file: TourFile, now: number, autoplay: boolean): TourMachine => {
  const first = durationMs(file.stops[0]);
  const view: TourState = {
    title: file.title,
    stops: file.stops,
    mode: autoplay ? 'playing' : 'free',
    index: 0,
    stopStartedAt: now,
    endsAt: autoplay ? now + first : null,
    revision: 1,
    remainingMs: autoplay ? null : first,
    resumesAt: null,
  };
  return { view, idleResumeMs: autoplay ? file.idleResumeSec * 1000 : 0, lastCommandAt: now };
};

/** When the machine next changes by itself (stop end or idle resume), or null if it never will. */
export const nextTourDeadline = (machine: TourMachine): number | null =>
  machine.view.mode === 'playing' ? machine.view.endsAt : (machine.view.resumesAt ?? null);

export const stepTour = (machine: TourMachine, input: TourInput, now: number): Result<TourMachine, TourCommandError> => {
  if (input.action === 'tick') return ok(tickTour(machine, now));
  const caughtUp = tickTour(machine, now);
  const view = applyCommand(caughtUp.view, input, now);
  if (!view.ok) return view;
  const next = { ...caughtUp, lastCommandAt: now };
  return ok({ ...next, view: withResume(next, { ...view.value, revision: caughtUp.view.revision + 1 }) });
};

const applyCommand = (view: TourState, command: TourCommand, now: number): Result<TourState, TourCommandError> => {
  const count = view.stops.length;
  switch (command.action) {
    case 'next':
      return ok(show(view, (view.index + 1) % count, now));
    case 'prev':
      return ok(show(view, (view.index - 1 + count) % count, now));
    case 'jump':
      if (!Number.isInteger(command.index) || command.index < 0 || command.index >= count) {
        return err({ code: 'invalid_command', message: `index must be from 0 to ${count - 1}, got ${String(command.index)}` });
      }
      return ok(show(view, command.index, now));
    case 'play':
      return ok(play(view, now));
    case 'pause':
      return ok({ ...hold(view, now), mode: 'paused' });
    case 'free':
      return ok({ ...hold(view, now), mode: 'free' });
  }
};

/** A stop comes on screen with its full duration; a paused tour stays paused on it, otherwise it plays. */
const show = (view: TourState, index: number, now: number): TourState => {
  const full = durationMs(stopAt(view, index));
  if (view.mode === 'paused') return { ...view, index, stopStartedAt: now, endsAt: null, remainingMs: full };
  return { ...view, mode: 'playing', index, stopStartedAt: now, endsAt: now + full, remainingMs: null };
};

/** Plays the stop on from where it was held: the time left, not a fresh duration. */
const play = (view: TourState, now: number): TourState => {
  if (view.mode === 'playing') return view;
  const endsAt = now + (view.remainingMs ?? durationMs(stopAt(view, view.index)));
  // The start is shifted so that endsAt - stopStartedAt is always the stop's duration (progress bars).
  return { ...view, mode: 'playing', endsAt, stopStartedAt: endsAt - durationMs(stopAt(view, view.index)), remainingMs: null };
};

/** Stops the clock of the stop, keeping what is left of it. */
const hold = (view: TourState, now: number): TourState => {
  if (view.mode !== 'playing') return view;
  return { ...view, endsAt: null, remainingMs: Math.max(0, (view.endsAt ?? now) - now) };
};

const withResume = (machine: TourMachine, view: TourState): TourState => ({
  ...view,
  resumesAt: view.mode !== 'playing' && machine.idleResumeMs > 0 ? machine.lastCommandAt + machine.idleResumeMs : null,
});

/**
 * Lets time pass up to `now`: an idle paused or free tour resumes at its deadline, and a playing
 * tour moves on stop by stop, each new stop starting when the last one ended (no drift from a
 * late timer). Unchanged input comes back as the same object.
 */
export const tickTour = (machine: TourMachine, now: number): TourMachine => {
  let view = machine.view;
  const resumesAt = view.resumesAt ?? null;
  if (view.mode !== 'playing' && resumesAt !== null && now >= resumesAt) view = { ...play(view, resumesAt), resumesAt: null };
  view = advance(view, now);
  if (view === machine.view) return machine;
  return { ...machine, view: { ...view, revision: machine.view.revision + 1 } };
};

const advance = (view: TourState, now: number): TourState => {
  if (view.mode !== 'playing' || view.endsAt === null || now < view.endsAt) return view;
  let { index, endsAt } = view;
  let stopStartedAt = view.stopStartedAt;
  const loopMs = view.stops.reduce((sum, stop) => sum + durationMs(stop), 0);
  // Asleep for whole loops (a suspended machine): skip them instead of walking through each stop.
  if (loopMs > 0 && now - endsAt >= loopMs) endsAt += Math.floor((now - endsAt) / loopMs) * loopMs;
  while (endsAt !== null && now >= endsAt) {
    index = (index + 1) % view.stops.length;
    stopStartedAt = endsAt;
    endsAt = stopStartedAt + durationMs(stopAt(view, index));
  }
  return { ...view, index, stopStartedAt, endsAt };
};
