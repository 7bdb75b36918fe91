import { nowMs } from './nowMs';

const startedMs = nowMs();

/** One line of progress on stderr, so stdout stays one clean JSON document. */
export const progress = (message: string): void => {
  const elapsedS = ((nowMs() - startedMs) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[${elapsedS} s] ${message}\n`);
};
