import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/contract/socket';
import type { Role } from '../../../shared/logic/access';
import { buildApp, type Services } from '../../../server/app';
import { signToken } from '../../../server/auth/tokens';
import { createClock, type Clock } from '../../../server/clock';
import { loadConfig } from '../../../server/config';
import type { CountyIndex } from '../../../server/county/CountyIndex';
import { loadCountyIndex } from '../../../server/county/loadCountyIndex';

/** Generated once per machine and reused: the county is deterministic from its seed. */
export const COUNTY_CACHE_DIR = join(tmpdir(), 'jinlin-test-county');

let countyPromise: Promise<CountyIndex> | undefined;
export const testCounty = (): Promise<CountyIndex> => {
  countyPromise ??= loadCountyIndex({ dataDir: COUNTY_CACHE_DIR, sampleSeed: 350121, sampleScale: 1 });
  return countyPromise;
};

export interface TestServer {
  app: FastifyInstance;
  services: Services;
  url: string;
  dataDir: string;
  /** A signed token for this server (default: admin of the whole county). */
  token(role?: Role, scope?: string): string;
  /** `{ authorization: 'Bearer …' }` of an admin: for tests that are not about access control. */
  admin: Record<string, string>;
  close(): Promise<void>;
}

export const TEST_AUTH_SECRET = 'jinlin-test-secret';

export const signTestToken = (role: Role = 'admin', scope = '350121', ttlSeconds = 3600): string =>
  signToken({ role, scope, ttlSeconds, now: Date.now() }, TEST_AUTH_SECRET).token;

/** A real server on port 0 with a fresh SQLite file, no simulator, no static client. */
export const startTestServer = async (
  options: { env?: Record<string, string>; clock?: Clock; listen?: boolean; dataDir?: string; logStream?: { write(line: string): void } } = {},
): Promise<TestServer> => {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'jinlin-test-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    SIMULATOR: 'off',
    CLIENT_DIR: '',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    AUTH_SECRET: TEST_AUTH_SECRET,
    // Event-loop load shedding would answer 503 to the very requests under test whenever parallel suites
    // make this 2-core machine lag; tests of shedding itself set their thresholds (plugins/abuseLimits).
    PRESSURE_MAX_EVENT_LOOP_DELAY_MS: '0',
    ...options.env,
  });
  const { app, services } = await buildApp(config, {
    county: await testCounty(),
    clock: options.clock ?? createClock(),
    ...(options.logStream ? { logStream: options.logStream } : {}),
  });
  const url = options.listen === false ? '' : await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    services,
    url,
    dataDir,
    token: signTestToken,
    admin: { authorization: `Bearer ${signTestToken()}` },
    close: async () => {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const connectSocket = (url: string, token?: string): Promise<TestSocket> =>
  new Promise((resolve, reject) => {
    const socket: TestSocket = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: token ? { token } : {} });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });

/**
 * Waits until `predicate` holds, checking on every event the socket gets (no sleeps). The bound is
 * generous: it only matters when something is wrong, and a CI machine running every suite at once
 * was seen to need more than 10 s for a socket's first snapshot (under the unit tests' 30 s limit).
 */
export const waitFor = (check: () => boolean, socket?: TestSocket, timeoutMs = 25_000): Promise<void> =>
  new Promise((resolve, reject) => {
    if (check()) return resolve();
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error('condition not met in time'));
    }, timeoutMs);
    const poll = setInterval(() => {
      if (check()) {
        cleanup();
        resolve();
      }
    }, 5);
    const onAny = () => {
      if (check()) {
        cleanup();
        resolve();
      }
    };
    socket?.onAny(onAny);
    const cleanup = () => {
      clearTimeout(timer);
      clearInterval(poll);
      socket?.offAny(onAny);
    };
  });
