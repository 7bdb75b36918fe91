import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { io as connect } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAck, DemoState, TourCommand } from '../../../shared/contract/demo';
import { buildApp } from '../../../server/app';
import { loadConfig } from '../../../server/config';
import { signTestToken, startTestServer, testCounty, TEST_AUTH_SECRET, waitFor, type TestServer, type TestSocket } from '../helpers/testServer';
import { scenarioRunning, ScriptedScenarios } from './fixtures/scriptedScenarios';

/** Three stops of 5 s (county, 甘蔗街道, 三福社区); idle resume after 10 s. */
const SHORT_TOUR = join(import.meta.dirname, 'fixtures', 'shortTour.json');

const sockets: TestSocket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

/**
 * A connected socket and every demo frame it receives, newest last. The listener is there before
 * the connection, as a screen's is: the server sends the state right on connect.
 */
const screen = async (url: string, token?: string) => {
  const frames: { state: DemoState; at: number }[] = [];
  const socket: TestSocket = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: token ? { token } : {} });
  sockets.push(socket);
  socket.on('demo', (state) => frames.push({ state, at: Date.now() }));
  await waitFor(() => frames.length > 0, socket, 2000);
  return { socket, frames, latest: () => (frames.at(-1) as { state: DemoState }).state };
};

const send = (socket: TestSocket, command: unknown): Promise<DemoAck> =>
  new Promise((resolve) => socket.emit('tour:command', command as TourCommand, resolve));

describe('the demo hub over Socket.IO', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { TOUR_FILE: SHORT_TOUR, TOUR_AUTOPLAY: 'off' } });
  });
  afterAll(() => server?.close());

  it('sends the demo state to a screen as soon as it connects', async () => {
    const wall = await screen(server.url);
    expect(wall.latest()).toMatchObject({ sample: true, resetting: false });
    expect(wall.latest().tour).toMatchObject({ title: { zh: '测试观摩' }, stops: [{ id: 'county' }, { id: 'ganzhe' }, { id: 'sanfu' }] });
  });

  it('acks a presenter’s next with the new state, and a display follows within a second', async () => {
    const wall = await screen(server.url);
    const presenter = await screen(server.url, signTestToken('presenter'));
    const before = wall.latest().tour!;
    const sentAt = Date.now();
    const ack = await send(presenter.socket, { action: 'next' });
    expect(ack).toMatchObject({ ok: true, state: { tour: { mode: 'playing', index: (before.index + 1) % 3 } } });
    const revision = ack.ok ? ack.state.tour!.revision : -1;
    await waitFor(() => wall.frames.some((f) => f.state.tour!.revision >= revision), wall.socket, 1000);
    const frame = wall.frames.find((f) => f.state.tour!.revision === revision);
    expect(frame?.state.tour).toMatchObject({ index: (before.index + 1) % 3 });
    expect((frame?.at ?? Infinity) - sentAt).toBeLessThan(1000);
  });

  it('lets an admin jump to a stop', async () => {
    const admin = await screen(server.url, signTestToken('admin'));
    expect(await send(admin.socket, { action: 'jump', index: 2 })).toMatchObject({ ok: true, state: { tour: { index: 2 } } });
  });

  it.each([
    ['a display token', () => signTestToken('display')],
    ['a street leader', () => signTestToken('street', '350121001')],
    ['an operator', () => signTestToken('operator')],
    ['an anonymous wall', () => undefined],
  ])('refuses a tour command from %s with forbidden and changes nothing', async (_who, token) => {
    const wall = await screen(server.url, token());
    // Held still, so that nothing but the command could change it.
    server.services.tour!.command({ action: 'pause' });
    const before = server.services.tour!.state();
    const ack = await send(wall.socket, { action: 'next' });
    expect(ack).toEqual({ ok: false, error: 'forbidden', message: 'presenter or admin token required' });
    expect(server.services.tour!.state()).toBe(before);
  });

  it.each([
    [{ action: 'zoom' }, 'command/action "zoom" is not one of the known values'],
    [{ action: 'jump' }, 'command/index is required'],
    [{ action: 'jump', index: -1 }, 'command/index must be >= 0'],
    [{ action: 'next', to: 2 }, "command has an unknown field 'to'"],
    ['next', 'command must be object'],
    [{ action: 'jump', index: 7 }, 'index must be from 0 to 2, got 7'],
  ])('refuses the malformed command %j with invalid_command naming the field', async (command, message) => {
    const presenter = await screen(server.url, signTestToken('presenter'));
    expect(await send(presenter.socket, command)).toEqual({ ok: false, error: 'invalid_command', message });
  });

  it('refuses scenario and reset commands from a display token', async () => {
    const wall = await screen(server.url, signTestToken('display'));
    const started = await new Promise<DemoAck>((resolve) => wall.socket.emit('scenario:start', { id: 'typhoon' }, resolve));
    const reset = await new Promise<DemoAck>((resolve) => wall.socket.emit('demo:reset', {}, resolve));
    expect([started, reset]).toEqual([
      { ok: false, error: 'forbidden', message: 'presenter or admin token required' },
      { ok: false, error: 'forbidden', message: 'presenter or admin token required' },
    ]);
  });

  it('refuses a scenario it does not know, naming the field', async () => {
    const presenter = await screen(server.url, signTestToken('presenter'));
    const ack = await new Promise<DemoAck>((resolve) => presenter.socket.emit('scenario:start', { id: 'earthquake' } as never, resolve));
    expect(ack).toEqual({ ok: false, error: 'invalid_command', message: 'request/id must be equal to one of the allowed values' });
  });

  describe('with the scenarios attached', () => {
    let scenarios: ScriptedScenarios;
    beforeAll(() => {
      scenarios = new ScriptedScenarios();
      server.services.demoHub.attachScenarios(scenarios);
    });

    it('starts a presenter’s scenario and every screen sees it running', async () => {
      const wall = await screen(server.url);
      const presenter = await screen(server.url, signTestToken('presenter'));
      const ack = await new Promise<DemoAck>((resolve) => presenter.socket.emit('scenario:start', { id: 'homeDay' }, resolve));
      expect(ack).toMatchObject({ ok: true, state: { scenario: { id: 'homeDay', running: true } } });
      expect(scenarios.started).toEqual(['homeDay']);
      scenarios.progress(7);
      await waitFor(() => wall.latest().scenario?.issued === 7, wall.socket, 1000);
    });

    it('passes on the scenarios’ refusal with its code', async () => {
      const presenter = await screen(server.url, signTestToken('presenter'));
      scenarios.refuseNext = scenarioRunning();
      const ack = await new Promise<DemoAck>((resolve) => presenter.socket.emit('scenario:start', { id: 'typhoon' }, resolve));
      expect(ack).toEqual({ ok: false, error: 'scenario_running', message: 'scenario typhoon is still running' });
    });

    it('acks a reset once it is done, and screens see it under way and then over', async () => {
      const wall = await screen(server.url);
      const presenter = await screen(server.url, signTestToken('presenter'));
      const ack = await new Promise<DemoAck>((resolve) => presenter.socket.emit('demo:reset', {}, resolve));
      expect(ack).toMatchObject({ ok: true, state: { resetting: false, scenario: null } });
      expect(scenarios.resets).toBe(1);
      await waitFor(() => wall.latest().scenario === null && !wall.latest().resetting, wall.socket, 1000);
    });
  });
});

describe('the tour left idle on a server (TOUR_AUTOPLAY on)', () => {
  let app: FastifyInstance;
  let url: string;
  let skewMs = 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'jinlin-tour-idle-'));

  beforeAll(async () => {
    const config = loadConfig({ DATA_DIR: dataDir, SIMULATOR: 'off', CLIENT_DIR: '', LOG_LEVEL: 'warn', AUTH_SECRET: TEST_AUTH_SECRET, TOUR_FILE: SHORT_TOUR, TOUR_AUTOPLAY: 'on' });
    // The tour's real time runs ahead on demand: ten idle seconds pass without ten seconds of test.
    ({ app } = await buildApp(config, { county: await testCounty(), tourNow: () => Date.now() + skewMs }));
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('plays at boot, and a paused tour plays again on every wall idleResumeSec after the last command', async () => {
    const wall = await screen(url);
    expect(wall.latest().tour).toMatchObject({ mode: 'playing', index: 0 });
    const presenter = await screen(url, signTestToken('presenter'));
    expect(await send(presenter.socket, { action: 'pause' })).toMatchObject({ ok: true, state: { tour: { mode: 'paused' } } });
    await waitFor(() => wall.latest().tour!.mode === 'paused', wall.socket, 1000);
    skewMs += 10_000;
    await waitFor(() => wall.latest().tour!.mode === 'playing', wall.socket, 1500);
    expect(wall.latest().tour).toMatchObject({ index: 0, resumesAt: null });
  });
});
