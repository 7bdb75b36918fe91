import { describe, expect, it } from 'vitest';
import { ReplayPlayer } from '../../../client/replay/ReplayPlayer';
import type { ReplayState } from '../../../client/replay/ReplayState';
import { fakeReplayServer, manualClock, minuteLog, MINUTE_MS, recordingSink, T0 } from './fakeReplayServer';

const HOUR = { from: T0, to: T0 + 60 * MINUTE_MS };
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** A player over an hour of the log, one event a minute, pages of 10, a tick every 100 ms. */
const setUp = () => {
  const server = fakeReplayServer(minuteLog(60));
  const store = recordingSink();
  const time = manualClock();
  const states: ReplayState[] = [];
  const player = new ReplayPlayer(server.source, store.sink, time.clock, {
    tickMs: 100,
    pageLimit: 10,
    onChange: (state) => states.push(state),
  });
  return { server, store, time, player, states };
};

describe('the replay player', () => {
  it('loads the replay snapshot at the start, then applies each event when the replay clock passes its time', async () => {
    const { server, store, time, player } = setUp();
    await player.start(HOUR, 60, '350121');
    expect(server.requests[0]).toBe(`snapshot at=${T0} scope=350121`);
    expect(store.loaded.map((s) => s.seq)).toEqual([0]);
    expect(player.state).toMatchObject({ phase: 'playing', at: T0, speed: 60 });

    // ×60: a wall second is a minute of the past, one event.
    await time.advance(5_000);
    expect(store.seqs()).toEqual(range(1, 5));
    expect(player.state.at).toBe(T0 + 5 * MINUTE_MS);
    expect(player.state.appliedSeq).toBe(5);
  });

  it('fetches the period page by page ahead of the clock, each page after the last, and ends at the period end', async () => {
    const { server, store, time, player } = setUp();
    await player.start(HOUR, 600, '350121');
    await time.advance(7_000);
    expect(store.seqs()).toEqual(range(1, 60));
    expect(server.requests.filter((r) => r.startsWith('events'))).toEqual(
      [0, 10, 20, 30, 40, 50].map((after) => `events after=${after} limit=10`),
    );
    expect(player.state).toMatchObject({ phase: 'ended', at: HOUR.to, appliedSeq: 60 });
  });

  it('moves the KPI figures with each batch it applies, computed by the shared KPI code', async () => {
    const { store, time, player } = setUp();
    await player.start(HOUR, 60, '350121');
    await time.advance(3_050);
    // One tick every 100 ms, an event a minute of the past: the figure counts the wishes posted so far.
    expect(store.kpis.at(-1)).toBe(3);
    expect(new Set(store.kpis)).toEqual(new Set([0, 1, 2, 3]));
  });

  it('ends on the figures the server gives for the period end', async () => {
    const { server, store, time, player } = setUp();
    await player.start(HOUR, 3600, '350121');
    await time.advance(2_000);
    expect(player.state).toMatchObject({ phase: 'ended', kpisAt: HOUR.to });
    const atEnd = await server.source.snapshot({ at: HOUR.to, scope: '350121' }, new AbortController().signal);
    expect(store.kpis.at(-1)).toBe(atEnd.kpis.wishes.posted);
    expect(store.kpis.at(-1)).toBe(60);
  });

  it('changes speed from where the clock stands, without a jump', async () => {
    const { store, time, player } = setUp();
    await player.start(HOUR, 60, '350121');
    await time.advance(10_000);
    expect(player.state.at).toBe(T0 + 10 * MINUTE_MS);
    player.setSpeed(600);
    expect(player.state.at).toBe(T0 + 10 * MINUTE_MS);
    await time.advance(2_000);
    expect(player.state.at).toBe(T0 + 30 * MINUTE_MS);
    expect(store.seqs()).toEqual(range(1, 30));
  });

  it('holds the clock where the fetched events end rather than run past events it has not got', async () => {
    const { server, store, time, player } = setUp();
    await player.start(HOUR, 60, '350121');
    await time.advance(8_000);
    server.hold();
    await time.advance(30_000);
    // Seqs 1–20 came in two pages; the third is held back: the clock waits at the twentieth minute.
    expect(player.state.at).toBe(T0 + 20 * MINUTE_MS);
    expect(store.seqs()).toEqual(range(1, 20));
    server.release();
    // It goes on from there once the page is in, within a tick of the answer: no leap forward.
    await time.advance(2_000);
    expect(player.state.at).toBeGreaterThan(T0 + 21 * MINUTE_MS);
    expect(player.state.at).toBeLessThanOrEqual(T0 + 22 * MINUTE_MS);
    expect(store.seqs()).toEqual(range(1, 21));
  });

  it('pauses and plays on from the same moment', async () => {
    const { store, time, player } = setUp();
    await player.start(HOUR, 60, '350121');
    await time.advance(3_000);
    player.pause();
    await time.advance(30_000);
    expect(player.state).toMatchObject({ phase: 'paused', at: T0 + 3 * MINUTE_MS });
    player.play();
    await time.advance(2_000);
    expect(store.seqs()).toEqual(range(1, 5));
  });

  it('jumps by loading the replay snapshot at the new moment and plays on from its seq', async () => {
    const { server, store, time, player } = setUp();
    await player.start(HOUR, 60, '350121');
    await time.advance(3_000);
    await player.jump(T0 + 30 * MINUTE_MS);
    expect(store.loaded.map((s) => s.seq)).toEqual([0, 30]);
    expect(server.requests.at(-1)).toBe('events after=30 limit=10');
    await time.advance(2_000);
    expect(store.seqs()).toEqual([31, 32]);
    expect(player.state).toMatchObject({ phase: 'playing', at: T0 + 32 * MINUTE_MS, appliedSeq: 32 });
  });

  it('keeps only the last of two quick jumps: the answer for the first is dropped', async () => {
    const { server, store, time, player } = setUp();
    await player.start(HOUR, 60, '350121');
    server.hold();
    const first = player.jump(T0 + 40 * MINUTE_MS);
    const second = player.jump(T0 + 20 * MINUTE_MS);
    server.release();
    await Promise.allSettled([first, second]);
    await time.advance(1_000);
    expect(store.loaded.map((s) => s.seq)).toEqual([0, 20]);
    expect(store.seqs()).toEqual([21]);
  });

  it('clamps a jump to the period', async () => {
    const { store, player } = setUp();
    await player.start(HOUR, 60, '350121');
    await player.jump(HOUR.to + 5 * MINUTE_MS);
    expect(store.loaded.at(-1)?.at).toBe(HOUR.to);
  });

  it('shows another region at the same moment when the wall drills during a replay', async () => {
    const { server, time, player } = setUp();
    await player.start(HOUR, 60, '350121');
    await time.advance(5_000);
    await player.rescope('350121001');
    expect(server.requests.filter((r) => r.startsWith('snapshot')).at(-1)).toBe(`snapshot at=${T0 + 5 * MINUTE_MS} scope=350121001`);
    expect(player.state.scope).toBe('350121001');
  });

  it('stops for the return to live: requests in flight are dropped and nothing more reaches the stores', async () => {
    const { server, store, time, player } = setUp();
    await player.start(HOUR, 60, '350121');
    await time.advance(8_000);
    server.hold();
    await time.advance(2_000);
    const applied = store.seqs().length;
    player.stop();
    server.release();
    await time.advance(60_000);
    expect(store.seqs()).toHaveLength(applied);
    expect(player.state.phase).toBe('idle');
  });
});
