import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { errorBody } from '../errors';

/** Seconds a client should wait before retrying elsewhere (the next process is usually up by then). */
const RETRY_AFTER_SECONDS = 2;

/**
 * From now on every HTTP request on a still-open connection is answered 503 with Retry-After and
 * `Connection: close`, before Fastify or Socket.IO see it; requests already running finish.
 * (Fastify's own closing answer has no Retry-After and no stable error code.)
 */
export const startDraining = (server: Server): void => {
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const body = JSON.stringify(errorBody(503, 'shutting_down', 'the server is restarting; retry shortly'));
    response.shouldKeepAlive = false;
    response.writeHead(503, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'retry-after': String(RETRY_AFTER_SECONDS),
      connection: 'close',
    });
    response.end(body);
    // Unread bodies are not waited for: the connection goes once the answer is out.
    response.once('finish', () => request.socket.destroySoon());
  });
};
