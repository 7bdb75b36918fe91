import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../../shared/domain/incident';
import { claimSessionToken } from '../../../client/api/claimSessionToken';
import { ALARM_ACK, postAlarmAck } from '../../../client/api/alarmAck';
import { Outbox, type PendingAction, type SendAnswer } from '../../../client/outbox/Outbox';
import { pendingText } from '../../../client/screens/tablet/pendingText';
import { GANZHE_STREET, gridIn, incidentAt } from '../../server/helpers/fixtures';
import { startTestServer, testCounty, type TestServer } from '../../server/helpers/testServer';
import { manualClock, memoryStorage, outboxDeps } from '../outbox/outboxHarness';

describe('a street leader acknowledges an alarm from the tablet, against a real server', () => {
  let server: TestServer;

  const reportUrgent = async (): Promise<Incident> =>
    (
      await server.app.inject({
        method: 'POST',
        url: '/api/v1/incidents',
        headers: server.admin,
        payload: incidentAt(gridIn(await testCounty(), GANZHE_STREET), { priority: 'urgent' }),
      })
    ).json<Incident>();

  const runOutbox = (send: (action: PendingAction) => Promise<SendAnswer>) => {
    const clock = manualClock();
    const done: (Incident | null)[] = [];
    const outbox = new Outbox(outboxDeps(send, clock), { changed: () => undefined, done: (_a, answered) => done.push(answered) });
    outbox.start();
    return { outbox, done, clock };
  };

  beforeAll(async () => {
    server = await startTestServer();
    claimSessionToken({ href: `http://tablet/?token=${server.token('street', GANZHE_STREET)}`, storage: memoryStorage(), replaceUrl: () => undefined });
  });
  afterAll(() => server?.close());

  it('acknowledges once although the first answer was lost, and gets the acknowledged incident back', async () => {
    const reported = await reportUrgent();
    const head = await server.services.store.headSeq();
    const keys: string[] = [];
    const { outbox, done, clock } = runOutbox(async (action) => {
      keys.push(action.key);
      const answered = await postAlarmAck(action, server.url);
      if (keys.length === 1) throw new TypeError('Failed to fetch');
      return answered;
    });
    outbox.submit(reported.id, ALARM_ACK);
    await expect.poll(() => outbox.actions[0]?.state).toBe('waiting');
    expect(pendingText(outbox.actions[0]!, clock.now())).toContain('「确认告警」等待发送');
    clock.advance(1000);
    await expect.poll(() => outbox.actions.length).toBe(0);
    expect(new Set(keys).size).toBe(1);
    expect(keys).toHaveLength(2);
    expect(done[0]?.alarmAcknowledgedAt).toBeGreaterThan(0);
    expect(await server.services.store.headSeq()).toBe(head + 1);
  });

  it('shows the server’s 409 when the alarm was already acknowledged elsewhere', async () => {
    const reported = await reportUrgent();
    await server.app.inject({ method: 'POST', url: `/api/v1/incidents/${reported.id}/alarm-ack`, payload: {}, headers: server.admin });
    const { outbox, clock } = runOutbox((action) => postAlarmAck(action, server.url));
    outbox.submit(reported.id, ALARM_ACK);
    await expect.poll(() => outbox.actions[0]?.state).toBe('failed');
    expect(outbox.actions[0]?.problem).toMatchObject({ status: 409, code: 'no_active_alarm' });
    expect(pendingText(outbox.actions[0]!, clock.now())).toMatch(/^「确认告警」未成功/);
  });
});
