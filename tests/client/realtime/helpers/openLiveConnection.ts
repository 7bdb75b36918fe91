import { LiveConnection } from '../../../../client/realtime/LiveConnection';
import type { LiveConnectionOptions } from '../../../../client/realtime/LiveConnectionOptions';
import type { LiveSocketOptions } from '../../../../client/realtime/createSocket';
import { recordConnection } from './recordConnection';

/** Redial quickly: the tests wait on real reconnections to a restarted server. */
export const TEST_SOCKET_OPTIONS: LiveSocketOptions = {
  transports: ['websocket'],
  reconnectionDelay: 50,
  reconnectionDelayMax: 250,
  randomizationFactor: 0,
};

const opened = new Set<LiveConnection>();

/** A connection to `baseUrl` with the real socket.io-client, and a record of what it reported. */
export const openLiveConnection = (baseUrl: string, options: LiveConnectionOptions = {}) => {
  const connection = new LiveConnection({
    baseUrl,
    retryMaxMs: 500,
    ...options,
    socketOptions: { ...TEST_SOCKET_OPTIONS, ...options.socketOptions },
  });
  opened.add(connection);
  return { connection, record: recordConnection(connection) };
};

/** Closes every connection opened since the last call (for afterEach). */
export const closeLiveConnections = (): void => {
  for (const connection of opened) connection.close();
  opened.clear();
};
