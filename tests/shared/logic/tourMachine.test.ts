import { describe, expect, it } from 'vitest';
import type { TourCommand, TourFile, TourStop } from '../../../shared/contract/demo';
import { nextTourDeadline, startTour, stepTour, tickTour, type TourInput, type TourMachine } from '../../../shared/logic/tour/tourMachine';

const T0 = Date.UTC(2025, 5, 1, 1, 0, 0);
const S = 1000;

const stop = (id: string, durationSec: number): TourStop => ({
  id,
  region: '350121',
  camera: {},
  caption: { title: { zh: id }, text: { zh: id } },
  highlight: { layers: [], panels: [] },
  durationSec,
});

/** Three stops of 10, 20 and 30 s; idle resume after a minute. */
const FILE: TourFile = {
  version: 1,
  title: { zh: '测试' },
  idleResumeSec: 60,
  stops: [stop('a', 10), stop('b', 20), stop('c', 30)],
};

const step = (machine: TourMachine, input: TourInput, now: number): TourMachine => {
  const result = stepTour(machine, input, now);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const run = (machine: TourMachine, commands: [TourCommand, number][]): TourMachine =>
  commands.reduce((m, [command, at]) => step(m, command, at), machine);
const playing = () => startTour(FILE, T0, true);

describe('starting a tour', () => {
  it('with autoplay plays the first stop for its duration', () => {
    expect(playing().view).toMatchObject({ mode: 'playing', index: 0, stopStartedAt: T0, endsAt: T0 + 10 * S, revision: 1, resumesAt: null });
  });

  it('without autoplay waits in free roam on the first stop and never resumes by itself', () => {
    const machine = startTour(FILE, T0, false);
    expect(machine.view).toMatchObject({ mode: 'free', index: 0, endsAt: null, remainingMs: 10 * S, resumesAt: null });
    expect(nextTourDeadline(machine)).toBeNull();
    expect(tickTour(machine, T0 + 3600 * S)).toBe(machine);
  });
});

describe('time passing while playing', () => {
  it('leaves the stop alone before it ends and returns the same state', () => {
    const machine = playing();
    expect(tickTour(machine, T0 + 10 * S - 1)).toBe(machine);
  });

  it('moves to the next stop when the stop ends, starting it at the old end (no drift from a late timer)', () => {
    const view = tickTour(playing(), T0 + 10 * S + 250).view;
    expect(view).toMatchObject({ index: 1, stopStartedAt: T0 + 10 * S, endsAt: T0 + 30 * S, revision: 2 });
  });

  it('loops from the last stop back to the first', () => {
    const view = tickTour(playing(), T0 + 60 * S).view;
    expect(view).toMatchObject({ index: 0, stopStartedAt: T0 + 60 * S, endsAt: T0 + 70 * S });
  });

  it('catches up over several stops and whole loops after a long sleep', () => {
    // 10 loops of 60 s, then 10 + 20 s into the eleventh: the third stop, started at 630 s.
    const view = tickTour(playing(), T0 + 635 * S).view;
    expect(view).toMatchObject({ index: 2, stopStartedAt: T0 + 630 * S, endsAt: T0 + 660 * S, revision: 2 });
  });

  it('names the stop end as the next deadline', () => {
    expect(nextTourDeadline(playing())).toBe(T0 + 10 * S);
  });
});

describe('presenter commands', () => {
  it('next shows the following stop with its full duration and bumps the revision', () => {
    const view = step(playing(), { action: 'next' }, T0 + 4 * S).view;
    expect(view).toMatchObject({ mode: 'playing', index: 1, stopStartedAt: T0 + 4 * S, endsAt: T0 + 24 * S, revision: 2 });
  });

  it('next on the last stop wraps around to the first', () => {
    const machine = step(playing(), { action: 'jump', index: 2 }, T0);
    expect(step(machine, { action: 'next' }, T0 + S).view.index).toBe(0);
  });

  it('prev on the first stop wraps around to the last', () => {
    expect(step(playing(), { action: 'prev' }, T0 + S).view).toMatchObject({ index: 2, endsAt: T0 + 31 * S });
  });

  it('jump shows the stop asked for', () => {
    expect(step(playing(), { action: 'jump', index: 2 }, T0 + S).view).toMatchObject({ mode: 'playing', index: 2, endsAt: T0 + 31 * S });
  });

  it.each([-1, 3, 1.5])('jump refuses index %s, naming the range', (index) => {
    const result = stepTour(playing(), { action: 'jump', index }, T0);
    expect(result).toEqual({ ok: false, error: { code: 'invalid_command', message: `index must be from 0 to 2, got ${index}` } });
  });

  it('pause keeps the stop and freezes the time left on it', () => {
    const view = step(playing(), { action: 'pause' }, T0 + 4 * S).view;
    expect(view).toMatchObject({ mode: 'paused', index: 0, endsAt: null, remainingMs: 6 * S, resumesAt: T0 + 64 * S });
  });

  it('play after a pause resumes with the time that was left, not a fresh duration', () => {
    const machine = run(playing(), [
      [{ action: 'pause' }, T0 + 4 * S],
      [{ action: 'play' }, T0 + 40 * S],
    ]);
    expect(machine.view).toMatchObject({ mode: 'playing', index: 0, endsAt: T0 + 46 * S, stopStartedAt: T0 + 36 * S, remainingMs: null, resumesAt: null });
  });

  it('a paused tour does not move on when its stop would have ended', () => {
    const machine = step(playing(), { action: 'pause' }, T0 + 4 * S);
    expect(tickTour(machine, T0 + 30 * S)).toBe(machine);
  });

  it('next while paused shows the next stop and stays paused on it with its full duration', () => {
    const machine = run(playing(), [
      [{ action: 'pause' }, T0 + 4 * S],
      [{ action: 'next' }, T0 + 5 * S],
    ]);
    expect(machine.view).toMatchObject({ mode: 'paused', index: 1, stopStartedAt: T0 + 5 * S, endsAt: null, remainingMs: 20 * S });
  });

  it('free roam keeps the stop index and the time left, for resuming', () => {
    const view = step(playing(), { action: 'free' }, T0 + 3 * S).view;
    expect(view).toMatchObject({ mode: 'free', index: 0, endsAt: null, remainingMs: 7 * S, resumesAt: T0 + 63 * S });
  });

  it('play from free roam continues the kept stop', () => {
    const machine = run(playing(), [
      [{ action: 'free' }, T0 + 3 * S],
      [{ action: 'play' }, T0 + 20 * S],
    ]);
    expect(machine.view).toMatchObject({ mode: 'playing', index: 0, endsAt: T0 + 27 * S });
  });

  it('jump from free roam plays the stop', () => {
    const machine = run(playing(), [
      [{ action: 'free' }, T0 + 3 * S],
      [{ action: 'jump', index: 1 }, T0 + 5 * S],
    ]);
    expect(machine.view).toMatchObject({ mode: 'playing', index: 1, endsAt: T0 + 25 * S });
  });

  it('play while playing changes nothing but the revision', () => {
    const before = playing().view;
    const after = step(playing(), { action: 'play' }, T0 + 2 * S).view;
    expect(after).toEqual({ ...before, revision: 2 });
  });

  it('a command first lets time pass, so it acts on the stop actually on screen', () => {
    // The first stop ended at 10 s; "next" at 12 s moves from the second stop to the third.
    expect(step(playing(), { action: 'next' }, T0 + 12 * S).view).toMatchObject({ index: 2, revision: 3 });
  });
});

describe('resuming when idle', () => {
  it('a paused tour plays again idleResumeSec after the last command, with the time that was left', () => {
    const paused = step(playing(), { action: 'pause' }, T0 + 4 * S);
    expect(nextTourDeadline(paused)).toBe(T0 + 64 * S);
    expect(tickTour(paused, T0 + 64 * S - 1)).toBe(paused);
    const view = tickTour(paused, T0 + 64 * S).view;
    expect(view).toMatchObject({ mode: 'playing', index: 0, endsAt: T0 + 70 * S, resumesAt: null, revision: 3 });
  });

  it('a free-roaming tour plays again after the idle delay too', () => {
    const free = step(playing(), { action: 'free' }, T0 + 3 * S);
    expect(tickTour(free, T0 + 63 * S).view).toMatchObject({ mode: 'playing', index: 0, endsAt: T0 + 70 * S });
  });

  it('every command restarts the idle delay', () => {
    const machine = run(playing(), [
      [{ action: 'pause' }, T0],
      [{ action: 'next' }, T0 + 50 * S],
    ]);
    expect(machine.view.resumesAt).toBe(T0 + 110 * S);
    expect(tickTour(machine, T0 + 100 * S)).toBe(machine);
  });

  it('resumes at the deadline and keeps counting from there when the tick comes late', () => {
    const paused = step(playing(), { action: 'pause' }, T0 + 4 * S);
    // Resumed at 64 s with 6 s left: the first stop ends at 70 s, the second runs 70–90 s.
    expect(tickTour(paused, T0 + 75 * S).view).toMatchObject({ mode: 'playing', index: 1, stopStartedAt: T0 + 70 * S, endsAt: T0 + 90 * S });
  });
});
