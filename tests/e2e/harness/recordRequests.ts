import type { BrowserContext } from 'playwright-core';

export interface RequestLog {
  /** Every URL requested by any page or worker of the context, in order, including WebSockets. */
  readonly urls: readonly string[];
  /** The requests that went to another host, port or scheme than `origin`. */
  offOrigin(): string[];
}

/** In-page URLs never reach the network. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

const isOffOrigin = (url: string, origin: string): boolean => {
  const parsed = new URL(url);
  if (LOCAL_SCHEMES.has(parsed.protocol)) return false;
  const asHttp = parsed.protocol === 'ws:' ? 'http:' : parsed.protocol === 'wss:' ? 'https:' : parsed.protocol;
  return `${asHttp}//${parsed.host}` !== origin;
};

/**
 * Records what the pages of `context` ask for, so a test can assert the screen never talks to
 * anything but its own server. Requests from dedicated workers (MapLibre's) are reported by the
 * context too; WebSockets are not, so each page's are added.
 */
export const recordRequests = (context: BrowserContext, origin: string): RequestLog => {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  context.on('page', (page) => page.on('websocket', (socket) => urls.push(socket.url())));
  return { urls, offOrigin: () => urls.filter((url) => isOffOrigin(url, origin)) };
};
