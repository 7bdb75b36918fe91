import type { SubscribeAck, SubscribeRequest } from '../../shared/contract/socket';
import type { LiveSocket } from './createSocket';

/**
 * Keeps at most one view:subscribe in flight. The server handles a subscribe in several awaited
 * steps (leave the old room, replay, join the new one); two overlapping ones could leave the
 * socket in the wrong room, so a later request waits for the earlier ack and then goes out.
 * reset() (scope switch, disconnect) makes acks of earlier requests count for nothing.
 */
export class SubscriptionGate {
  /** The server acknowledged the newest request: the socket sits in that scope's room. */
  subscribed = false;
  private inFlight = false;
  private queued: { socket: LiveSocket; request: SubscribeRequest } | null = null;
  private generation = 0;

  constructor(
    private readonly ackTimeoutMs: number,
    private readonly onAck: (scope: string, ack: SubscribeAck | Error) => void,
  ) {}

  send(socket: LiveSocket, request: SubscribeRequest): void {
    this.subscribed = false;
    if (this.inFlight) {
      this.queued = { socket, request };
      return;
    }
    this.inFlight = true;
    const generation = this.generation;
    // The callback form, not emitWithAck: it runs in packet order, before any frame sent after the
    // ack, where a promise would settle only after the rest of the batch was handled.
    socket.timeout(this.ackTimeoutMs).emit('view:subscribe', request, (error: Error | null, ack: SubscribeAck) => {
      this.settle(generation, request.scope, error ?? ack);
    });
  }

  reset(): void {
    this.subscribed = false;
    this.queued = null;
    this.generation++;
  }

  private settle(generation: number, scope: string, ack: SubscribeAck | Error): void {
    this.inFlight = false;
    const queued = this.queued;
    this.queued = null;
    if (queued) return this.send(queued.socket, queued.request);
    if (generation !== this.generation) return;
    this.subscribed = !(ack instanceof Error) && ack.ok;
    this.onAck(scope, ack);
  }
}
