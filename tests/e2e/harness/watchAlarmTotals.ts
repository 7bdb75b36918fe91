import { io as connect } from 'socket.io-client';
import type { AlarmFrame } from '../../../shared/contract/alarms';
import { tokenFor } from './wallTokens';

export interface AlarmTotals {
  /**
   * The number of active (unacknowledged) alarms the wall's feed announced, sampled every
   * `stepMs` of wall time from `fromMs` (epoch ms) to now: each sample is the total of the last
   * frame received before it. The feed sends a frame on every change, so this is exact.
   */
  samples(fromMs: number, stepMs: number): number[];
  close(): void;
}

/**
 * Listens to the `alarms` feed a display wall over the whole county gets — the very frames its
 * alarm cards and "N more" are drawn from — and keeps each frame's total with the time it came.
 */
/** The server must be started with `AUTH_SECRET: E2E_AUTH_SECRET`: the feed's token is signed with it. */
export const watchAlarmTotals = async (origin: string): Promise<AlarmTotals> => {
  const received: { atMs: number; total: number }[] = [];
  const socket = connect(origin, { transports: ['websocket'], auth: { token: tokenFor('display') } });
  socket.on('alarms', (frame: AlarmFrame) => received.push({ atMs: Date.now(), total: frame.total }));
  await new Promise<void>((resolve, reject) => {
    socket.once('alarms', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    samples(fromMs, stepMs) {
      const out: number[] = [];
      let i = 0;
      for (let t = fromMs; t <= Date.now(); t += stepMs) {
        while (i + 1 < received.length && (received[i + 1] as { atMs: number }).atMs <= t) i++;
        const frame = received[i];
        if (frame && frame.atMs <= t) out.push(frame.total);
      }
      return out;
    },
    close: () => socket.disconnect(),
  };
};
