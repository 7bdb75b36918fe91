import type { ResetResult } from '../../shared/contract/demo';
import { createRng } from '../../shared/logic/rng';
import { HOUR_MS } from '../../shared/logic/shanghaiTime';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { IngestService } from '../ingest/IngestService';
import type { LiveState } from '../live/LiveState';
import type { Realtime } from '../realtime/Realtime';
import type { EventStore } from '../store/EventStore';
import type { Simulator } from '../simulator/simulator';
import { demoMorningAt } from './demoMorning';
import { seededIds } from './seededIds';

/** What a reset touches, and no more: it is handed these by app.ts, never the whole app. */
export interface ResetServices {
  clock: Clock;
  store: Pick<EventStore, 'reset'>;
  live: Pick<LiveState, 'reset' | 'rebuildKpis' | 'headSeq'>;
  ingest: Pick<IngestService, 'holdCallers' | 'idle' | 'useIds' | 'execute'>;
  realtime: Pick<Realtime, 'holdForReset' | 'releaseAfterReset'>;
  config: Pick<Config, 'demoMorning' | 'simWarmupHours' | 'sampleSeed' | 'simSpeed'>;
}

const HELD_MESSAGE = 'the demo county is being reset to morning; try again in a few seconds';

/**
 * "Reset to morning": the demo county back to a known state and clock, the same at every rehearsal.
 * 1. Quiet: outside writers are turned away, the simulator pauses, ingest drains, screens are held.
 * 2. Wipe: the store empties in one transaction under a new epoch (on failure nothing changed);
 *    live state empties in place.
 * 3. Replay: from a seeded id source and a reseeded simulator, the warm-up hours up to this morning's
 *    demo time are replayed with the clock stopped at each slice, so the events, ids and stamps
 *    are the same every time.
 * 4. Go: the clock is set exactly to the morning at the configured speed, figures are rebuilt for
 *    it, every screen is told to reload, and the simulator carries on from there.
 * The caller stops any scenario first.
 */
export const resetToMorning = async (
  services: ResetServices,
  simulator: Simulator | null,
  realNow: () => number = Date.now,
): Promise<ResetResult> => {
  const { clock, store, live, ingest, realtime, config } = services;
  ingest.holdCallers(HELD_MESSAGE);
  try {
    await simulator?.pause();
    await ingest.idle();
    realtime.holdForReset();
    try {
      const epoch = await store.reset();
      const clockAt = demoMorningAt(realNow(), config.demoMorning);
      const warmFrom = clockAt - config.simWarmupHours * HOUR_MS;
      clock.set(warmFrom, 0);
      live.reset(warmFrom, epoch);
      ingest.useIds(seededIds(createRng(config.sampleSeed).fork('ids')));
      if (simulator) {
        simulator.reseed(config.sampleSeed);
        if (warmFrom < clockAt) await simulator.replay(warmFrom, clockAt);
        await ingest.idle();
      }
      clock.set(clockAt, config.simSpeed);
      live.rebuildKpis(clockAt);
      return { clockAt, headSeq: live.headSeq, epoch };
    } finally {
      // Also after a failed wipe: screens reload what is there, which is never half a world.
      realtime.releaseAfterReset();
    }
  } finally {
    ingest.holdCallers(null);
    simulator?.resume();
  }
};
