import { BENCH_AUTH_SECRET, UNLIMITED_WRITES } from './benchToken';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export type ServerKind = 'jinlin' | 'bare';

export interface ChildServer {
  kind: ServerKind;
  url: string;
  pid: number;
  process: ChildProcess;
  /** The server's own temp DATA_DIR, removed when it stops. */
  dataDir?: string;
}

export interface JinlinOptions {
  sampleScale: number;
  /** Write a V8 CPU profile of the server here (flushed on the graceful stop). */
  profileDir?: string;
}

const REPO_DIR = fileURLToPath(new URL('..', import.meta.url));
/** The generated county is deterministic per seed and scale: generate once, copy into each fresh data dir. */
const COUNTY_CACHE_DIR = join(tmpdir(), 'jinlin-bench-county');
const isCountyFile = (name: string) => name.startsWith('sample-county-') && name.endsWith('.json');

const running = new Set<ChildProcess>();
const stopping = new WeakSet<ChildProcess>();
const tempDirs = new Set<string>();

/** The real server: SQLite store in a fresh temp DATA_DIR, no simulator, API only. */
export const startJinlin = async (options: JinlinOptions): Promise<ChildServer> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jinlin-bench-'));
  tempDirs.add(dataDir);
  copyCountyFiles(COUNTY_CACHE_DIR, dataDir);
  // Benchmarks post far past the per-minute write limits a county needs: measure the server, not the limiter.
  const env = { SIMULATOR: 'off', DATA_DIR: dataDir, STORE: 'sqlite', SAMPLE_SCALE: String(options.sampleScale), AUTH_SECRET: BENCH_AUTH_SECRET, ...UNLIMITED_WRITES };
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  const server = await startChild('jinlin', 'server/main.ts', env, profile);
  copyCountyFiles(dataDir, COUNTY_CACHE_DIR);
  return { ...server, dataDir };
};

export const startBare = (): Promise<ChildServer> => startChild('bare', 'bench/bareServer.ts', {}, []);

/** SIGTERM first (the server closes gracefully and a CPU profile gets written), SIGKILL after 5 s. */
export const stopServer = async (server: ChildServer): Promise<void> => {
  const child = server.process;
  stopping.add(child);
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
  running.delete(child);
  if (server.dataDir) {
    rmSync(server.dataDir, { recursive: true, force: true });
    tempDirs.delete(server.dataDir);
  }
};

/** Synchronous, so it also works from an 'exit' handler: no child and no temp dir outlives the bench. */
export const killAllChildren = (): void => {
  for (const child of running) {
    stopping.add(child);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  running.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
};

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; clock ticks of 1/100 s). */
export const cpuSecondsOf = (pid: number): number => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
};

/** Bytes a process has caused to be written to storage so far (/proc/<pid>/io, Linux). */
export const diskWriteBytesOf = (pid: number): number => {
  try {
    const match = /^write_bytes: (\d+)$/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'));
    return match?.[1] === undefined ? Number.NaN : Number(match[1]);
  } catch {
    return Number.NaN;
  }
};

const copyCountyFiles = (from: string, to: string) => {
  mkdirSync(to, { recursive: true });
  let names: string[] = [];
  try {
    names = readdirSync(from).filter(isCountyFile);
  } catch {
    return;
  }
  const present = new Set(readdirSync(to));
  for (const name of names) {
    if (present.has(name)) continue;
    // Copy, then rename: a concurrent bench never reads half a file (it would regenerate, not fail).
    const temporary = join(to, `${name}.${process.pid}.tmp`);
    copyFileSync(join(from, name), temporary);
    renameSync(temporary, join(to, name));
  }
};

/** Spawns `node --import tsx <entry>` and resolves on its "listening on http://…" line. */
const startChild = (kind: ServerKind, entry: string, env: Record<string, string>, nodeArgs: string[]): Promise<ChildServer> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry], {
      cwd: REPO_DIR,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', CLIENT_DIR: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let stderrTail = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderrTail = (stderrTail + chunk.toString()).slice(-4000)));
    const timer = setTimeout(() => reject(new Error(`${kind} server did not start within 120 s`)), 120_000);
    let started = false;
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      if (!started) return reject(new Error(`${kind} server exited (${code ?? signal}): ${stderrTail}`));
      if (stopping.has(child)) return;
      // Nothing measured after this would be valid: stop everything rather than report NaNs.
      process.stderr.write(`${kind} server (pid ${child.pid}) exited unexpectedly (${code ?? signal}): ${stderrTail}\n`);
      killAllChildren();
      process.exit(signal === 'SIGINT' || signal === 'SIGTERM' ? 130 : 1);
    });
    // Keep reading stdout after the listen line: a full pipe would block the child's writes.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match?.[1] && child.pid !== undefined && !started) {
        started = true;
        clearTimeout(timer);
        resolve({ kind, url: match[1], pid: child.pid, process: child });
      }
    });
  });
