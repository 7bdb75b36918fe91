/** Where progress goes: process.stdout, or a test's recorder. */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** On a terminal the line is redrawn at most this often; the redraw itself is cheap, the flicker is not. */
const REDRAW_MS = 100;

/**
 * The one line `npm start` shows while it generates the county and warms up. On a terminal it is
 * rewritten in place; into a file or a pipe (CI, systemd) it writes a line when the step changes
 * and at each quarter of a step, so a log holds a few lines, not one per tick.
 */
export class StartupProgress {
  private step = '';
  private quarter = -1;
  private lastDrawMs = 0;
  private drawn = false;

  constructor(
    private readonly out: ProgressOutput = process.stdout,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** `done`/`total` when the step can count its work; `detail` for a running figure (events so far). */
  update(step: string, done?: number, total?: number, detail?: string): void {
    const fraction = done !== undefined && total ? Math.min(1, done / total) : undefined;
    const text = `${step}${fraction === undefined ? '' : ` ${Math.round(fraction * 100)} %`}${detail ? ` (${detail})` : ''}`;
    const newStep = step !== this.step;
    if (newStep) {
      this.step = step;
      this.quarter = -1;
    }
    if (this.out.isTTY) {
      const now = this.nowMs();
      if (!newStep && fraction !== 1 && now - this.lastDrawMs < REDRAW_MS) return;
      this.lastDrawMs = now;
      this.out.write(`\r\u001b[2K${text}`);
      this.drawn = true;
      return;
    }
    const quarter = fraction === undefined ? 0 : Math.floor(fraction * 4);
    if (!newStep && quarter <= this.quarter) return;
    this.quarter = quarter;
    this.out.write(`${text}\n`);
  }

  /** Ends the progress with a closing line; what is printed next starts on a fresh line. */
  finish(message: string): void {
    this.out.write(this.out.isTTY && this.drawn ? `\r\u001b[2K${message}\n` : `${message}\n`);
    this.drawn = false;
    this.step = '';
  }
}

/**
 * Human-readable logs on a terminal (pino-pretty, in pino's worker thread), JSON lines otherwise,
 * for log collectors. Fastify logger options to spread into its `logger`.
 */
export const terminalLogging = (out: ProgressOutput = process.stdout): { transport?: { target: string; options: Record<string, unknown> } } =>
  out.isTTY ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {};
