import type { Timers } from '../../../client/realtime/Timers';
import type { OutboxDeps, PendingAction, SendAnswer } from '../../../client/outbox/Outbox';

/** sessionStorage as a Map: what a reload of the tab would find. */
export const memoryStorage = () => {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
};

/** A clock and one-shot timers that move only when the test says so. */
export const manualClock = () => {
  let now = 1_000_000;
  const jobs: { at: number; run: () => void; live: boolean }[] = [];
  const timers: Timers = {
    every: () => () => undefined,
    after: (ms, run) => {
      const job = { at: now + ms, run, live: true };
      jobs.push(job);
      return () => {
        job.live = false;
      };
    },
  };
  return {
    timers,
    now: () => now,
    /** Moves time on and runs what fell due, as the browser would. */
    advance(ms: number): void {
      now += ms;
      for (const job of jobs.filter((j) => j.live && j.at <= now)) {
        job.live = false;
        job.run();
      }
    },
  };
};

/** Lets pending promise callbacks (an answer arriving) run. */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

type Scripted = SendAnswer | 'no answer' | 'never';

/** A server stand-in that answers each attempt from a script and remembers what was sent. */
export const scriptedSend = (...script: Scripted[]) => {
  const sent: PendingAction[] = [];
  const send = (action: PendingAction): Promise<SendAnswer> => {
    sent.push(action);
    const next = script.shift() ?? { status: 200, body: undefined, retryAfterMs: null };
    if (next === 'never') return new Promise(() => undefined);
    if (next === 'no answer') return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve(next);
  };
  return { send, sent };
};

export const answer = (status: number, body: unknown = undefined, retryAfterMs: number | null = null): SendAnswer => ({ status, body, retryAfterMs });

let keys = 0;
export const outboxDeps = (
  send: OutboxDeps['send'],
  clock = manualClock(),
  storage: OutboxDeps['storage'] = memoryStorage(),
): OutboxDeps => ({
  send,
  storage,
  timers: clock.timers,
  now: clock.now,
  random: () => 0.5,
  newKey: () => `key-${++keys}`,
});
