import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../shared/domain/incident';
import { Outbox, OUTBOX_STORAGE_KEY, type PendingAction } from '../../../client/outbox/Outbox';
import { answer, manualClock, memoryStorage, outboxDeps, scriptedSend, settle } from './outboxHarness';
import { incidentReported, NOON_ISH } from '../screens/tablet/tabletFixtures';

const RESOLVE = { action: 'resolve', resolution: '已修复' } as const;

const openOutbox = (deps: ReturnType<typeof outboxDeps>) => {
  const seen: { lists: (readonly PendingAction[])[]; done: (Incident | null)[] } = { lists: [], done: [] };
  const outbox = new Outbox(deps, { changed: (list) => seen.lists.push(list), done: (_a, incident) => seen.done.push(incident) });
  outbox.start();
  return { outbox, seen };
};

describe('the tablet outbox', () => {
  it('sends a tap at once with a key of its own, and lets it go when the server has done it', async () => {
    const incident = incidentReported('INC-1', NOON_ISH, { status: 'resolved' });
    const server = scriptedSend(answer(200, incident));
    const { outbox, seen } = openOutbox(outboxDeps(server.send));
    const action = outbox.submit('INC-1', RESOLVE);
    expect(outbox.actions[0]?.state).toBe('sending');
    await settle();
    expect(server.sent.map((a) => [a.key, a.incidentId, a.body])).toEqual([[action.key, 'INC-1', RESOLVE]]);
    expect(outbox.actions).toEqual([]);
    expect(seen.done).toEqual([incident]);
  });

  it('sends an action whose answer was lost again, after a back-off, with the same key', async () => {
    const clock = manualClock();
    const server = scriptedSend('no answer', 'no answer', answer(200));
    const { outbox } = openOutbox(outboxDeps(server.send, clock));
    outbox.submit('INC-1', RESOLVE);
    await settle();
    expect(outbox.actions[0]).toMatchObject({ state: 'waiting', attempts: 1, problem: { status: 0, code: 'no_answer' } });
    clock.advance(999);
    await settle();
    expect(server.sent).toHaveLength(1);
    clock.advance(1);
    await settle();
    expect(server.sent).toHaveLength(2);
    clock.advance(2000);
    await settle();
    expect(new Set(server.sent.map((a) => a.key)).size).toBe(1);
    expect(server.sent.map((a) => a.attempts)).toEqual([1, 2, 3]);
    expect(outbox.actions).toEqual([]);
  });

  it('treats a busy or failing server as no answer, and waits at least its Retry-After', async () => {
    const clock = manualClock();
    const server = scriptedSend(answer(503, { statusCode: 503, error: 'store_unavailable', message: 'disk busy' }, 5000), answer(200));
    const { outbox } = openOutbox(outboxDeps(server.send, clock));
    outbox.submit('INC-1', RESOLVE);
    await settle();
    expect(outbox.actions[0]).toMatchObject({ state: 'waiting', retryAt: clock.now() + 5000, problem: { status: 503, message: 'disk busy' } });
    clock.advance(5000);
    await settle();
    expect(outbox.actions).toEqual([]);
  });

  it('keeps a refusal with the server’s own message until the leader has read it', async () => {
    const refusal = { statusCode: 409, error: 'illegal_transition', message: 'cannot resolve an incident that is resolved (办结)' };
    const server = scriptedSend(answer(409, refusal));
    const { outbox } = openOutbox(outboxDeps(server.send));
    const action = outbox.submit('INC-1', RESOLVE);
    await settle();
    expect(outbox.actions).toMatchObject([{ key: action.key, state: 'failed', problem: { status: 409, code: 'illegal_transition', message: refusal.message } }]);
    expect(server.sent).toHaveLength(1);
    outbox.dismiss(action.key);
    expect(outbox.actions).toEqual([]);
  });

  it('never lets an action still on its way be dismissed', async () => {
    const server = scriptedSend('never');
    const { outbox } = openOutbox(outboxDeps(server.send));
    const action = outbox.submit('INC-1', RESOLVE);
    outbox.dismiss(action.key);
    expect(outbox.actions.map((a) => a.key)).toEqual([action.key]);
  });

  it('sends one action at a time, oldest first, so two steps on one incident arrive in order', async () => {
    const clock = manualClock();
    const server = scriptedSend('no answer', answer(200), answer(200));
    const { outbox } = openOutbox(outboxDeps(server.send, clock));
    outbox.submit('INC-1', { action: 'accept' });
    outbox.submit('INC-1', { action: 'dispatch', assignee: '城管中队' });
    await settle();
    expect(server.sent.map((a) => a.body.action)).toEqual(['accept']);
    clock.advance(1000);
    await settle();
    await settle();
    expect(server.sent.map((a) => a.body.action)).toEqual(['accept', 'accept', 'dispatch']);
    expect(outbox.actions).toEqual([]);
  });

  it('gives every tap its own key', () => {
    const server = scriptedSend('never');
    const { outbox } = openOutbox(outboxDeps(server.send));
    const first = outbox.submit('INC-1', { action: 'accept' });
    const second = outbox.submit('INC-2', { action: 'accept' });
    expect(first.key).not.toBe(second.key);
  });

  it('sends at once, when the network is back, what waits out a back-off', async () => {
    const clock = manualClock();
    const server = scriptedSend('no answer', answer(200));
    const { outbox } = openOutbox(outboxDeps(server.send, clock));
    outbox.submit('INC-1', RESOLVE);
    await settle();
    outbox.retryNow();
    await settle();
    expect(server.sent).toHaveLength(2);
    expect(outbox.actions).toEqual([]);
  });

  it('survives a reload: an attempt that was out is sent again with its own key', async () => {
    const storage = memoryStorage();
    const before = openOutbox(outboxDeps(scriptedSend('never').send, manualClock(), storage));
    const action = before.outbox.submit('INC-1', RESOLVE);
    before.outbox.close();
    expect(JSON.parse(storage.getItem(OUTBOX_STORAGE_KEY) ?? '[]')).toMatchObject([{ key: action.key, state: 'sending' }]);

    const server = scriptedSend(answer(200));
    const after = openOutbox(outboxDeps(server.send, manualClock(), storage));
    expect(after.seen.lists[0]).toMatchObject([{ key: action.key }]);
    await settle();
    expect(server.sent.map((a) => [a.key, a.body])).toEqual([[action.key, RESOLVE]]);
    expect(JSON.parse(storage.getItem(OUTBOX_STORAGE_KEY) ?? '[]')).toEqual([]);
  });

  it('keeps a refusal across a reload, so it is read before it goes', async () => {
    const storage = memoryStorage();
    const before = openOutbox(outboxDeps(scriptedSend(answer(403, { statusCode: 403, error: 'out_of_scope', message: 'no' })).send, manualClock(), storage));
    before.outbox.submit('INC-1', RESOLVE);
    await settle();
    before.outbox.close();
    const server = scriptedSend();
    const after = openOutbox(outboxDeps(server.send, manualClock(), storage));
    await settle();
    expect(after.outbox.actions).toMatchObject([{ state: 'failed', problem: { status: 403 } }]);
    expect(server.sent).toEqual([]);
  });

  it('ignores what it cannot read in storage rather than failing to start', () => {
    const storage = memoryStorage();
    storage.setItem(OUTBOX_STORAGE_KEY, '{not json');
    expect(openOutbox(outboxDeps(scriptedSend().send, manualClock(), storage)).outbox.actions).toEqual([]);
    storage.setItem(OUTBOX_STORAGE_KEY, JSON.stringify([{ key: 1 }, null]));
    expect(openOutbox(outboxDeps(scriptedSend().send, manualClock(), storage)).outbox.actions).toEqual([]);
  });
});
