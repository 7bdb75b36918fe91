import pg from 'pg';

const ATTEMPT_MS = 1000;

/**
 * Leadership of the singletons (simulator) among the nodes of one log: a session-level
 * `pg_try_advisory_lock` held on a connection of its own. The lock goes with the session, so when
 * the leader dies (or its connection does) PostgreSQL frees it and another node takes it on its
 * next attempt, within about a second. The key is derived from the schema, so clusters on other
 * schemas of the same database elect their own leaders.
 */
export class LeaderLock {
  private client: pg.Client | null = null;
  private leading = false;
  private closed = false;
  private timer: NodeJS.Timeout | undefined;
  private attempting = false;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly name: string,
    private readonly onChange: (leading: boolean) => void,
  ) {}

  get isLeader(): boolean {
    return this.leading;
  }

  /** Makes a first attempt (so a node that can lead knows it before it listens), then keeps trying. */
  async start(): Promise<void> {
    await this.attempt();
    this.timer = setInterval(() => void this.attempt(), ATTEMPT_MS);
  }

  private async attempt(): Promise<void> {
    if (this.closed || this.attempting) return;
    this.attempting = true;
    try {
      const client = this.client ?? (await this.connect());
      if (this.leading) {
        // Still holding it as long as the session lives: a trivial statement proves it.
        await client.query('SELECT 1');
        return;
      }
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [this.name]);
      if (rows[0]?.locked && !this.closed) this.set(true);
    } catch {
      this.drop();
    } finally {
      this.attempting = false;
    }
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ ...this.config, statement_timeout: undefined });
    client.on('error', () => this.drop());
    await client.connect();
    this.client = client;
    return client;
  }

  /** The session is gone or in doubt: so is the lock. Stop leading before anyone else can start. */
  private drop(): void {
    const client = this.client;
    this.client = null;
    void client?.end().catch(() => undefined);
    this.set(false);
  }

  private set(leading: boolean): void {
    if (leading === this.leading) return;
    this.leading = leading;
    this.onChange(leading);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    const client = this.client;
    this.client = null;
    this.set(false);
    if (client) await client.end().catch(() => undefined);
  }
}
