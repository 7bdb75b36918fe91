import pg from 'pg';

const RECONNECT_MS = 1000;

/**
 * One dedicated connection LISTENing on a channel. Notifications are wake-ups only: when the
 * connection drops (PostgreSQL restarting) it reconnects every second and, once back, calls
 * `onMessage('reconnected')` so the caller re-reads whatever it may have missed.
 */
export class PgListener {
  private client: pg.Client | null = null;
  private closed = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly channel: string,
    private readonly onMessage: (payload: string) => void,
  ) {}

  start(): void {
    void this.connect();
  }

  get connected(): boolean {
    return this.client !== null;
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ ...this.config, statement_timeout: undefined, query_timeout: undefined });
    const lost = () => {
      if (this.client === client) {
        this.client = null;
        this.onMessage('lost');
      }
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      this.retry();
    };
    client.on('error', lost);
    client.on('end', () => this.client === client && lost());
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel.replace(/"/g, '""')}"`);
    } catch {
      lost();
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    client.on('notification', (message) => this.onMessage(message.payload ?? ''));
    this.client = client;
    this.onMessage('reconnected');
  }

  private retry(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connect();
    }, RECONNECT_MS);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}
