import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { progress } from './progress';

const run = promisify(execFile);

/**
 * `npm run bench -- --only replay`: in a child process (bench/replayWorker.ts), 30 simulated days
 * on the ×`scale` county, then time-machine jumps to random moments: each must answer in < 2 s.
 */
export const runReplayBench = async (scale: number, quick: boolean) => {
  const incidents = quick ? 20_000 : 100_000;
  progress(`replay: writing ${incidents} incidents over 30 days on the ×${scale} county, then jumping through them`);
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/replayWorker.ts', String(scale), String(incidents)], {
    maxBuffer: 2 ** 20,
    timeout: 30 * 60_000,
  });
  return {
    replay: {
      method: 'GET /api/v1/replay/snapshot?at= over HTTP for the whole county (admin and display), at random moments of the 30 days, after a first call that builds the checkpoints',
      ...(JSON.parse(stdout) as Record<string, unknown>),
    },
  };
};
