import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAck, DemoState } from '../../../shared/contract/demo';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/contract/socket';
import { DemoCommandError } from '../../../client/demo/demoRequest';
import { createSocket } from '../../../client/realtime/createSocket';
import { SocketLink } from '../../../client/realtime/SocketLink';
import { systemTimers } from '../../../client/realtime/Timers';
import { waitFor } from '../../server/helpers/testServer';
import { demoStateOf } from './demoFixtures';

/**
 * The demo half of the socket link against a real Socket.IO server that plays the part of a
 * server which answers, refuses, or never answers: the client's side of the contract, on its own.
 */
describe('the socket link’s demo channel', () => {
  let http: HttpServer;
  let io: Server<ClientToServerEvents, ServerToClientEvents>;
  let url: string;
  const links: SocketLink[] = [];
  const sent: DemoState = demoStateOf({ sentAt: 1_000 });

  beforeAll(async () => {
    http = createServer();
    io = new Server(http);
    io.on('connection', (socket) => {
      socket.emit('demo', sent);
      socket.on('tour:command', (command, ack) => {
        if (command.action === 'next') ack({ ok: false, error: 'forbidden', message: 'role display may not present' });
        // Any other command is swallowed: the ack never comes.
      });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });
  afterEach(() => {
    for (const link of links.splice(0)) link.close();
  });
  afterAll(async () => {
    await io.close();
  });

  const open = (demo: (state: DemoState) => void = () => undefined, target = url) => {
    const socket = createSocket(target, { transports: ['websocket'], reconnection: false, forceNew: true });
    const link = new SocketLink(socket, systemTimers, 50, {
      up: () => undefined,
      down: () => undefined,
      frame: () => undefined,
      kpi: () => undefined,
      heartbeat: () => undefined,
      reload: () => undefined,
      demo,
    });
    links.push(link);
    return link;
  };

  it('hands every demo frame to the demo handler', async () => {
    const frames: DemoState[] = [];
    open((state) => frames.push(state));
    await waitFor(() => frames.length === 1);
    expect(frames[0]).toEqual(sent);
  });

  it('resolves a command with the server’s ack, a refusal included', async () => {
    const link = open();
    await waitFor(() => link.connected);
    const ack: DemoAck = await link.request({ event: 'tour:command', payload: { action: 'next' } }, 2_000);
    expect(ack).toEqual({ ok: false, error: 'forbidden', message: 'role display may not present' });
  });

  it('rejects a command as unanswered when no ack comes within the timeout', async () => {
    const link = open();
    await waitFor(() => link.connected);
    const started = performance.now();
    const failure = await link.request({ event: 'tour:command', payload: { action: 'pause' } }, 300).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DemoCommandError);
    expect((failure as DemoCommandError).code).toBe('timeout');
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('refuses a command at once, as offline, while the socket is down, rather than send it later', async () => {
    const link = open(undefined, 'http://127.0.0.1:9');
    const failure = await link.request({ event: 'demo:reset', payload: {} }, 5_000).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DemoCommandError);
    expect((failure as DemoCommandError).code).toBe('offline');
  });
});
