import { framesOf, type EventFrame, type Heartbeat, type KpiFrame } from '../../shared/contract/socket';
import type { LiveSocket } from './createSocket';
import type { Timers } from './Timers';

export interface SocketLinkHandlers {
  up(): void;
  down(): void;
  frame(frame: EventFrame): void;
  kpi(frame: KpiFrame): void;
  heartbeat(beat: Heartbeat): void;
  reload(): void;
}

/**
 * The socket as the live layer sees it: up or down, and the four server events. Socket.IO redials
 * by itself after a network loss but not after the server's own goodbye (a restart, a deploy, an
 * expired token) nor after a refused handshake, so the link redials then too, after a pause.
 */
export class SocketLink {
  state: 'pending' | 'up' | 'down' = 'pending';
  private cancelRedial: () => void = () => undefined;
  private closed = false;

  constructor(
    readonly socket: LiveSocket,
    private readonly timers: Timers,
    private readonly redialDelayMs: number,
    handlers: SocketLinkHandlers,
  ) {
    socket.on('connect', () => this.changed('up', handlers));
    socket.on('connect_error', () => {
      // Refused by the server's middleware (a missing or expired token): Socket.IO gives up on
      // those for good, but the token may be renewed, or the server's mind changed, by the next try.
      if (!socket.active) this.redialLater();
      this.changed('down', handlers);
    });
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') this.redialLater();
      this.changed('down', handlers);
    });
    socket.on('events', (batch) => {
      for (const frame of framesOf(batch)) handlers.frame(frame);
    });
    socket.on('kpi', (frame) => handlers.kpi(frame));
    socket.on('heartbeat', (beat) => handlers.heartbeat(beat));
    socket.on('reload', () => handlers.reload());
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  close(): void {
    this.closed = true;
    this.cancelRedial();
    this.socket.disconnect();
  }

  private changed(state: 'up' | 'down', handlers: SocketLinkHandlers): void {
    this.state = state;
    if (state === 'up') handlers.up();
    else handlers.down();
  }

  private redialLater(): void {
    this.cancelRedial();
    this.cancelRedial = this.timers.after(this.redialDelayMs, () => {
      if (!this.closed && !this.socket.connected) this.socket.connect();
    });
  }
}
