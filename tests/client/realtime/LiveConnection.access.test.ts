import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../../client/api/HttpError';
import type { FetchLike } from '../../../client/api/getJson';
import { signTestToken, startTestServer, waitFor, type TestServer } from '../../server/helpers/testServer';
import { GANZHE_STREET, SHANGJIE_TOWN } from '../../server/helpers/fixtures';
import { closeLiveConnections, openLiveConnection } from './helpers/openLiveConnection';
import { reportIncident } from './helpers/reportIncident';

describe('a live connection to a server that admits no anonymous screens', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ env: { ANONYMOUS_ROLE: 'none', HEARTBEAT_MS: '250' } });
  });
  afterEach(closeLiveConnections);
  afterAll(async () => {
    await server?.close();
  });

  it('shows its token to the API and the socket, and goes live', async () => {
    const { connection, record } = openLiveConnection(server.url, { scope: GANZHE_STREET, token: signTestToken('display') });
    await connection.start();
    await waitFor(() => connection.status.state === 'live');
    await reportIncident(server.url, GANZHE_STREET);
    await waitFor(() => record.seqs.length === 1);
  });

  it('is offline while refused, and live once its token getter has a valid token', async () => {
    const issued: { token?: string } = {};
    const { connection, record } = openLiveConnection(server.url, { scope: GANZHE_STREET, token: () => issued.token });
    void connection.start();
    await waitFor(() => connection.status.state === 'offline' && record.errors.length > 0);
    expect(record.errors[0]).toMatchObject({ status: 401 });
    issued.token = signTestToken('display');
    await waitFor(() => connection.status.state === 'live');
  });

  it("cannot switch a street leader's screen into another street", async () => {
    const token = signTestToken('street', GANZHE_STREET);
    const { connection } = openLiveConnection(server.url, { scope: GANZHE_STREET, token });
    await connection.start();
    await expect(connection.setScope(SHANGJIE_TOWN)).rejects.toBeInstanceOf(HttpError);
    await waitFor(() => connection.status.state === 'live');
    expect(connection.status.scope).toBe(GANZHE_STREET);
  });
});

describe('a live connection whose request hangs', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterEach(closeLiveConnections);
  afterAll(async () => {
    await server?.close();
  });

  it('abandons it after the request timeout and loads the snapshot on the retry', async () => {
    let calls = 0;
    // The first request is accepted and never answered, as over a half-open connection.
    const hangOnce: FetchLike = (url, init) => {
      if (++calls > 1) return fetch(url, init);
      return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    };
    const { connection, record } = openLiveConnection(server.url, { scope: GANZHE_STREET, fetch: hangOnce, requestTimeoutMs: 100 });
    await connection.start();
    expect(record.errors.map((error) => error.name)).toEqual(['TimeoutError']);
    await waitFor(() => connection.status.state === 'live');
  });
});
