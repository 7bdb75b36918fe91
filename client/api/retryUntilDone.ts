/** Rejects with the signal's reason once it aborts, else resolves after `delayMs`. */
const wait = (delayMs: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, delayMs);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Runs `task` until it succeeds, waiting `delayMs` after each failure. A wall screen is switched on
 * with the building and may come up before its server: it must keep trying, not stay blank.
 */
export const retryUntilDone = async <T>(
  task: (signal: AbortSignal) => Promise<T>,
  options: { delayMs: number; signal: AbortSignal; onFailure: (error: unknown) => void },
): Promise<T> => {
  for (;;) {
    try {
      return await task(options.signal);
    } catch (error) {
      if (options.signal.aborted) throw options.signal.reason;
      options.onFailure(error);
      await wait(options.delayMs, options.signal);
    }
  }
};
