import { describe, expect, it } from 'vitest';
import { StartupProgress, terminalLogging } from '../../../server/progress/StartupProgress';

const recorder = (isTTY: boolean) => {
  const chunks: string[] = [];
  let now = 0;
  const out = { isTTY, write: (text: string) => chunks.push(text) };
  return { out, chunks, tick: (ms: number) => (now += ms), now: () => now };
};

describe('the startup progress line', () => {
  it('redraws one line in place on a terminal, then ends it with the closing line', () => {
    const rec = recorder(true);
    const progress = new StartupProgress(rec.out, rec.now);
    for (let done = 1; done <= 100; done++) {
      rec.tick(20);
      progress.update('Sample county: grids', done, 100);
    }
    progress.finish('Sample county ready');
    const text = rec.chunks.join('');
    // One line: every redraw returns to its start, and only the closing line ends it.
    expect(text.indexOf('\n')).toBe(text.length - 1);
    expect(text.startsWith('\r\u001b[2KSample county: grids 1 %')).toBe(true);
    expect(text.endsWith('\r\u001b[2KSample county ready\n')).toBe(true);
    // Throttled: about one redraw per 100 ms of the 2 s, not one per update.
    expect(rec.chunks.length).toBeLessThan(30);
    expect(text).toContain('Sample county: grids 100 %');
  });

  it('writes a few lines, not one per update, into a file or pipe', () => {
    const rec = recorder(false);
    const progress = new StartupProgress(rec.out, rec.now);
    for (const stage of ['streets', 'communities', 'grids']) for (let done = 1; done <= 100; done++) progress.update(`Sample county: ${stage}`, done, 100);
    for (let i = 0; i < 50; i++) progress.update('Simulator: warming up', undefined, undefined, `${i * 100} events`);
    progress.finish('Simulator: warmed up, 4900 events in 3.0 s');
    const lines = rec.chunks.join('').split('\n').filter(Boolean);
    expect(lines.length).toBeLessThanOrEqual(3 * 5 + 1 + 1);
    expect(lines.every((line) => !line.startsWith('{'))).toBe(true);
    expect(lines.at(-1)).toBe('Simulator: warmed up, 4900 events in 3.0 s');
  });

  it('asks for human-readable logs on a terminal and JSON lines elsewhere', () => {
    expect(terminalLogging({ isTTY: true, write: () => true }).transport?.target).toBe('pino-pretty');
    expect(terminalLogging({ isTTY: false, write: () => true })).toEqual({});
  });
});
