import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './repoRoot';

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234, the only origin the page may talk to. */
  readonly origin: string;
  readonly dataDir: string;
  /** Everything the server printed so far, for failure messages. */
  output(): string;
  /** Stops the server (SIGTERM, then SIGKILL after a grace period) and deletes its data folder. */
  stop(): Promise<void>;
}

export interface StartServerOptions {
  /** Extra environment, e.g. `{ SIMULATOR: 'off' }`. */
  env?: Record<string, string>;
  startTimeoutMs?: number;
  stopGraceMs?: number;
}

const LISTEN_LINE = /Jinlin listening on (http:\/\/[^\s/]+)/;
const MAX_KEPT_OUTPUT_CHARS = 20_000;

/**
 * Starts the real server (server/main.ts) on a free port with a fresh, empty data folder, and resolves
 * with its origin once it prints its listen line. Node runs TypeScript through tsx's loader in the
 * same process, so the pid we hold is the server itself and stopping it leaves nothing behind.
 */
/** The local time of day (Asia/Shanghai) e2e servers start their clocks at. */
export const E2E_CLOCK_START = '21:00';

export const startServer = async (options: StartServerOptions = {}): Promise<RunningServer> => {
  const { startTimeoutMs = 60_000, stopGraceMs = 10_000 } = options;
  const dataDir = await mkdtemp(join(tmpdir(), 'jinlin-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    // The demo tour would move every wall around under the other tests' feet: only demo tests turn it on.
    // The county's day starts at 21:00 whenever CI runs: at 3 a.m. in Shanghai the simulated county
    // sleeps (no check-ins, an incident every minute or two) and tests waiting for activity would not see any.
    // No event-loop load shedding: software WebGL and the server share 2 cores, and a lagging loop must not
    // turn the walls' own requests into 503s (shedding has its own server tests).
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, TOUR_AUTOPLAY: 'off', CLOCK_START: E2E_CLOCK_START, PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-MAX_KEPT_OUTPUT_CHARS);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), stopGraceMs);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const origin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listen line within ${startTimeoutMs} ms`)), startTimeoutMs);
      child.stdout.on('data', () => {
        const match = LISTEN_LINE.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${signal ?? code}) before listening`));
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    return { origin, dataDir, output: () => output, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; server output:\n${output}`, { cause: error });
  }
};
