import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../../../shared/domain/incident';
import { claimSessionToken } from '../../../../client/api/claimSessionToken';
import { fetchMe } from '../../../../client/api/fetchMe';
import { HttpError } from '../../../../client/api/HttpError';
import { Outbox, type PendingAction, type SendAnswer } from '../../../../client/outbox/Outbox';
import { postTransition } from '../../../../client/api/postTransition';
import { signToken } from '../../../../server/auth/tokens';
import { GANZHE_STREET, gridIn, incidentAt } from '../../../server/helpers/fixtures';
import { startTestServer, testCounty, type TestServer } from '../../../server/helpers/testServer';
import { manualClock, memoryStorage, outboxDeps, settle } from '../../outbox/outboxHarness';

/** Logs this tab in as the street leader of 甘蔗街道, as the ready URL would. */
const signIn = (token: string) => claimSessionToken({ href: `http://tablet/?token=${token}`, storage: memoryStorage(), replaceUrl: () => undefined });

describe('the tablet against a real server', () => {
  let server: TestServer;

  const report = async (): Promise<Incident> => {
    const reply = await server.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: server.admin,
      payload: incidentAt(gridIn(await testCounty(), GANZHE_STREET)),
    });
    return reply.json<Incident>();
  };

  const incident = async (id: string): Promise<Incident> =>
    (await server.app.inject({ method: 'GET', url: `/api/v1/incidents/${id}`, headers: server.admin })).json<Incident>();

  /** An outbox sending through `send` (the real post, or a wrapper that loses an answer), on a clock the test moves. */
  const runOutbox = (send: (action: PendingAction) => Promise<SendAnswer>) => {
    const clock = manualClock();
    const done: (Incident | null)[] = [];
    const outbox = new Outbox(outboxDeps(send, clock), { changed: () => undefined, done: (_a, answered) => done.push(answered) });
    outbox.start();
    return { outbox, done, clock };
  };

  beforeAll(async () => {
    server = await startTestServer();
    signIn(server.token('street', GANZHE_STREET));
  });
  afterAll(() => server?.close());

  it('learns who it is from /me: a street leader of its street, who sees residents in full', async () => {
    expect(await fetchMe(undefined, server.url)).toMatchObject({ role: 'street', scope: GANZHE_STREET, audience: 'full' });
  });

  it('hears a 401 when its token is not the server’s', async () => {
    signIn(signToken({ role: 'street', scope: GANZHE_STREET, ttlSeconds: 60, now: Date.now() }, 'another-secret').token);
    const refused = await fetchMe(undefined, server.url).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HttpError);
    expect((refused as HttpError).status).toBe(401);
    signIn(server.token('street', GANZHE_STREET));
  });

  it('accepts an incident once although the first answer was lost on the way back', async () => {
    const reported = await report();
    const head = await server.services.store.headSeq();
    const keys: string[] = [];
    let attempts = 0;
    const { outbox, done, clock } = runOutbox(async (action) => {
      keys.push(action.key);
      const answered = await postTransition(action, server.url);
      // The first attempt reaches the server and commits; its answer is lost, as on a dropped 4G cell.
      if (++attempts === 1) throw new TypeError('Failed to fetch');
      return answered;
    });
    outbox.submit(reported.id, { action: 'accept' });
    await expect.poll(() => outbox.actions[0]?.state).toBe('waiting');
    clock.advance(1000);
    await expect.poll(() => outbox.actions.length).toBe(0);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(done[0]?.status).toBe('accepted');
    expect(await server.services.store.headSeq()).toBe(head + 1);
    expect((await incident(reported.id)).timeline.map((s) => s.action)).toEqual(['report', 'accept']);
  });

  it('shows the server’s refusal of a step the incident is not ready for, and sends it only once', async () => {
    const reported = await report();
    let attempts = 0;
    const { outbox } = runOutbox((action) => {
      attempts++;
      return postTransition(action, server.url);
    });
    outbox.submit(reported.id, { action: 'resolve', resolution: '已处理' });
    await expect.poll(() => outbox.actions[0]?.state).toBe('failed');
    await settle();
    expect(outbox.actions[0]?.problem).toMatchObject({ status: 409, code: 'illegal_transition' });
    expect(outbox.actions[0]?.problem?.message).toContain('cannot resolve');
    expect(attempts).toBe(1);
  });

  it('is told an incident outside its street does not exist (404, as the server answers for another scope) and can show it', async () => {
    const elsewhere = await server.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: server.admin,
      payload: incidentAt(gridIn(await testCounty(), '350121107')),
    });
    const { outbox } = runOutbox((action) => postTransition(action, server.url));
    outbox.submit(elsewhere.json<Incident>().id, { action: 'accept' });
    await expect.poll(() => outbox.actions[0]?.state).toBe('failed');
    expect(outbox.actions[0]?.problem).toMatchObject({ status: 404, code: 'incident_not_found' });
  });
});
