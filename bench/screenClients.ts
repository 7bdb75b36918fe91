import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, EventBatch, ServerToClientEvents, SubscribeAck } from '../shared/contract/socket';
import type { CountyLayout } from './countyLayout';
import { nowMs } from './nowMs';
import { createRng } from './rng';

type ScreenSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Share of screens on the county; the rest are split evenly over streets and communities. */
const COUNTY_SHARE = 0.1;
const CONNECT_BATCH = 50;

/**
 * The scope each screen watches: 10 % the county wall, then streets and communities in turn, each
 * group spread round-robin over a shuffled list, so every street has a screen before any has two.
 */
export const planScopes = (layout: CountyLayout, clients: number, seed: number): string[] => {
  const rng = createRng(seed);
  const shuffle = (codes: string[]) => codes.map((code) => ({ code, key: rng() })).sort((a, b) => a.key - b.key).map((x) => x.code);
  const streets = shuffle(layout.streets);
  const communities = shuffle(layout.communities);
  const countyScreens = Math.round(clients * COUNTY_SHARE);
  const scopes: string[] = Array.from({ length: countyScreens }, () => layout.county);
  for (let i = 0; scopes.length < clients; i++) {
    const list = i % 2 === 0 ? streets : communities;
    scopes.push(list[Math.floor(i / 2) % list.length] as string);
  }
  return scopes;
};

export interface ScreenCounts {
  events: number;
  kpiFrames: number;
  heartbeats: number;
  reloads: number;
  disconnects: number;
  /** Size of the first event frame as JSON, to show both servers send comparable payloads. */
  frameBytes: number;
}

/** Real socket.io-client screens in this process, subscribed the way the wall client does. */
export class ScreenClients {
  readonly counts: ScreenCounts = { events: 0, kpiFrames: 0, heartbeats: 0, reloads: 0, disconnects: 0, frameBytes: 0 };
  private readonly sockets: ScreenSocket[] = [];
  private closing = false;

  /** `onIncident(id, receivedMs)` is called for every incident event any screen receives. */
  constructor(private readonly onIncident: (id: string, receivedMs: number) => void) {}

  async connect(url: string, scopes: string[]): Promise<void> {
    for (let i = 0; i < scopes.length; i += CONNECT_BATCH) {
      await Promise.all(scopes.slice(i, i + CONNECT_BATCH).map((scope) => this.connectOne(url, scope)));
    }
  }

  close(): void {
    this.closing = true;
    for (const socket of this.sockets) socket.disconnect();
    this.sockets.length = 0;
  }

  private async connectOne(url: string, scope: string): Promise<void> {
    const socket: ScreenSocket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
    this.sockets.push(socket);
    socket.on('events', (batch) => this.onBatch(batch));
    socket.on('kpi', () => this.counts.kpiFrames++);
    socket.on('heartbeat', () => this.counts.heartbeats++);
    socket.on('reload', () => this.counts.reloads++);
    socket.on('disconnect', () => {
      if (!this.closing) this.counts.disconnects++;
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const ack: SubscribeAck = await socket.timeout(10_000).emitWithAck('view:subscribe', { scope });
    if (!ack.ok) throw new Error(`view:subscribe ${scope}: ${ack.error} ${ack.message}`);
  }

  private onBatch(batch: EventBatch): void {
    const receivedMs = nowMs();
    this.counts.events += batch.events.length;
    if (this.counts.frameBytes === 0) this.counts.frameBytes = Buffer.byteLength(JSON.stringify(batch));
    for (const event of batch.events) if (event.type === 'incident:reported') this.onIncident(event.payload.incident.id, receivedMs);
  }
}
