import type { AlarmFrame } from '../../shared/contract/alarms';
import type { DemoAck, DemoState } from '../../shared/contract/demo';
import { framesOf, type EventFrame, type Heartbeat, type KpiFrame } from '../../shared/contract/socket';
import { DemoCommandError, type DemoRequest } from '../demo/demoRequest';
import type { LiveSocket } from './createSocket';
import type { Timers } from './Timers';

export interface SocketLinkHandlers {
  up(): void;
  down(): void;
  frame(frame: EventFrame): void;
  kpi(frame: KpiFrame): void;
  heartbeat(beat: Heartbeat): void;
  reload(): void;
  /** Demo mode's state, on connect and on every change. */
  demo(state: DemoState): void;
  /** The token scope's active alarms, on connect and on every change (screens without alarms leave it out). */
  alarms?(frame: AlarmFrame): void;
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
    socket.on('demo', (state) => handlers.demo(state));
    socket.on('alarms', (frame) => handlers.alarms?.(frame));
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /**
   * Sends a presenter command and resolves with the server's ack. Refused at once while the socket
   * is down (Socket.IO would buffer it and replay it later, long after the presenter moved on), and
   * rejected when no ack comes within `timeoutMs`.
   */
  request(request: DemoRequest, timeoutMs: number): Promise<DemoAck> {
    if (!this.socket.connected) return Promise.reject(new DemoCommandError('offline', 'not connected to the server'));
    return new Promise((resolve, reject) => {
      const answered = (error: Error | null, ack: DemoAck) =>
        error ? reject(new DemoCommandError('timeout', `no answer within ${timeoutMs} ms`)) : resolve(ack);
      const socket = this.socket.timeout(timeoutMs);
      if (request.event === 'tour:command') socket.emit(request.event, request.payload, answered);
      else if (request.event === 'scenario:start') socket.emit(request.event, request.payload, answered);
      else socket.emit(request.event, request.payload, answered);
    });
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
