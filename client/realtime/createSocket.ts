import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/contract/socket';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type LiveSocketOptions = Partial<ManagerOptions & SocketOptions>;
export type SocketFactory = (url: string | undefined, options: LiveSocketOptions) => LiveSocket;

/**
 * WebSocket first (no sticky sessions needed when nodes scale out), long-polling if a proxy on
 * the government network refuses the upgrade; reconnect forever, a wall has no one to press F5.
 */
export const DEFAULT_SOCKET_OPTIONS: LiveSocketOptions = {
  transports: ['websocket', 'polling'],
  tryAllTransports: true,
  reconnection: true,
  reconnectionAttempts: Infinity,
  reconnectionDelay: 1000,
  reconnectionDelayMax: 10_000,
  forceNew: true,
};

/** The application's only call into socket.io-client; undefined url = the page's own origin. */
export const createSocket: SocketFactory = (url, options) => (url ? io(url, options) : io(options));
