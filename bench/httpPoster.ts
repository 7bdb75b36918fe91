import { Agent, request } from 'node:http';
import { benchAuthorization } from './benchToken';

export interface HttpPoster {
  /** POSTs a JSON body; resolves with the status code once the response is fully read. */
  post(path: string, body: string, headers?: Record<string, string>): Promise<number>;
  close(): void;
}

/**
 * Keep-alive HTTP/1.1 with node:http rather than fetch: undici's fetch costs several times the
 * client CPU per request, and on a 2-core machine the client's CPU is taken from the server.
 */
export const createPoster = (baseUrl: string, maxSockets: number): HttpPoster => {
  const url = new URL(baseUrl);
  // Jinlin refuses writes without a token; the bare baseline ignores the header.
  const auth = benchAuthorization();
  const agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...auth, ...headers },
        },
        (res) => {
          res.resume();
          res.once('end', () => resolve(res.statusCode ?? 0));
          res.once('error', reject);
        },
      );
      req.once('error', reject);
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
};
