import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const LISTEN = /Jinlin listening on (http:\/\/\S+)/;

/** Runs `npm start`'s server on a fresh data dir and collects stdout until `until` holds. */
const run = (command: string, args: string[], env: Record<string, string>, until: (output: string) => boolean): Promise<{ child: ChildProcess; output: () => string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, HOST: '127.0.0.1', PORT: '0', CLIENT_DIR: '', TOUR_AUTOPLAY: 'off', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no listen line in time; output:\n${output.slice(-3000)}`)), 150_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (until(output)) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}; output:\n${output.slice(-3000)}`)));
  });

const stop = (child: ChildProcess | undefined) =>
  new Promise<void>((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('the first start on a fresh data dir', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) await stop(child);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('shows a few progress lines, not one JSON line per step, when stdout is not a terminal', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jinlin-first-run-'));
    dirs.push(dataDir);
    const { child, output } = await run(process.execPath, ['--import', 'tsx', 'server/main.ts'], { DATA_DIR: dataDir, SIMULATOR: 'on', SIM_WARMUP_HOURS: '1' }, (text) => LISTEN.test(text));
    children.push(child);
    const before = output().slice(0, output().search(LISTEN)).split('\n').filter(Boolean);
    // Log lines stay JSON off a terminal (Fastify's own "listening"), but no step of the county is one.
    expect(before.filter((line) => line.includes('"stage"') || line.includes('sample county'))).toEqual([]);
    expect(before.length).toBeGreaterThan(0);
    expect(before.length).toBeLessThanOrEqual(30);
    // Fastify's own JSON "listening" line goes through pino's asynchronous stream and may come first.
    expect(before.filter((line) => !line.startsWith('{')).at(-1)).toMatch(/^Simulator: warmed up, \d+ events/);
  }, 180_000);

  it('redraws one line and logs human-readable text on a terminal', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jinlin-first-run-tty-'));
    dirs.push(dataDir);
    // util-linux `script` gives the server a pseudo-terminal as stdout.
    const command = `${process.execPath} --import tsx server/main.ts`;
    const { child, output } = await run('script', ['-qfec', command, '/dev/null'], { DATA_DIR: dataDir, SIMULATOR: 'off', LOG_LEVEL: 'info' }, (text) => LISTEN.test(text));
    children.push(child);
    const url = LISTEN.exec(output())?.[1] ?? '';
    expect((await fetch(`${url}/api/v1/health`)).status).toBe(200);
    await new Promise<void>((resolve) => {
      const check = () => (/request completed/.test(output()) ? resolve() : setTimeout(check, 20));
      check();
    });
    const before = output().slice(0, output().search(LISTEN));
    expect(before).toContain('\r\u001b[2K');
    expect(before.split('\n').filter((line) => line.trim() !== '').length).toBeLessThanOrEqual(2);
    expect(output()).not.toMatch(/\{"level":/);
    expect(output()).toMatch(/INFO.*request completed/);
  }, 180_000);
});
