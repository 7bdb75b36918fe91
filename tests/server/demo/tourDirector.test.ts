import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TourFile, TourState } from '../../../shared/contract/demo';
import { TourDirector } from '../../../server/demo/TourDirector';
import { waitFor } from '../helpers/testServer';

/** Three stops of 5 s; idle resume after 10 s. */
const TOUR = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'shortTour.json'), 'utf8')) as TourFile;

/** Real time moved forward on demand, so seconds of tour pass without seconds of test. */
const skewedClock = () => {
  let skewMs = 0;
  return { now: () => Date.now() + skewMs, skip: (ms: number) => void (skewMs += ms) };
};

let director: TourDirector | undefined;
afterEach(() => director?.close());

const record = (d: TourDirector) => {
  const seen: TourState[] = [];
  d.onChange((state) => seen.push(state));
  return seen;
};

describe('the tour director', () => {
  it('moves to the next stop by itself when the stop’s time is up (within a second)', async () => {
    const clock = skewedClock();
    director = new TourDirector(TOUR, { autoplay: true, now: clock.now });
    const seen = record(director);
    expect(director.state()).toMatchObject({ mode: 'playing', index: 0 });
    clock.skip(5000);
    const skippedAt = Date.now();
    await waitFor(() => seen.length > 0, undefined, 2000);
    expect(Date.now() - skippedAt).toBeLessThan(1000);
    expect(seen).toEqual([director.state()]);
    expect(director.state()).toMatchObject({ mode: 'playing', index: 1, revision: 2 });
  });

  it('carries out a command at once and tells its listeners', () => {
    director = new TourDirector(TOUR, { autoplay: true });
    const seen = record(director);
    const result = director.command({ action: 'jump', index: 2 });
    expect(result).toEqual({ ok: true, value: director.state() });
    expect(seen.map((s) => s.index)).toEqual([2]);
  });

  it('refuses a jump outside the tour without telling anyone', () => {
    director = new TourDirector(TOUR, { autoplay: true });
    const seen = record(director);
    expect(director.command({ action: 'jump', index: 3 })).toEqual({
      ok: false,
      error: { code: 'invalid_command', message: 'index must be from 0 to 2, got 3' },
    });
    expect(seen).toEqual([]);
  });

  it('resumes a paused tour after idleResumeSec without a command', async () => {
    const clock = skewedClock();
    director = new TourDirector(TOUR, { autoplay: true, now: clock.now });
    director.command({ action: 'pause' });
    expect(director.state()).toMatchObject({ mode: 'paused' });
    // 9 s skipped + 0.6 s waited (more than the director's longest sleep): short of the 10 s, still paused.
    clock.skip(9000);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(director.state().mode).toBe('paused');
    clock.skip(1000);
    await waitFor(() => director?.state().mode === 'playing', undefined, 2000);
    expect(director.state()).toMatchObject({ mode: 'playing', index: 0, resumesAt: null });
  });

  it('without autoplay waits in free roam for a presenter, however long', async () => {
    const clock = skewedClock();
    director = new TourDirector(TOUR, { autoplay: false, now: clock.now });
    const seen = record(director);
    clock.skip(3_600_000);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(seen).toEqual([]);
    expect(director.state()).toMatchObject({ mode: 'free', index: 0, endsAt: null });
  });

  it('stops moving once closed', async () => {
    const clock = skewedClock();
    director = new TourDirector(TOUR, { autoplay: true, now: clock.now });
    const before = director.state();
    director.close();
    clock.skip(60_000);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(director.state()).toBe(before);
  });
});
