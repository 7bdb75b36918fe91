import { describe, expect, it } from 'vitest';
import { DemoCommandError } from '../../../../client/demo/demoRequest';
import { ackViewOf } from '../../../../client/screens/presenter/ackViewOf';
import { demoStateOf } from '../../demo/demoFixtures';

describe('ackViewOf', () => {
  it('says done for an ok ack', () => {
    expect(ackViewOf({ ok: true, state: demoStateOf() })).toEqual({ tone: 'done', key: 'presenter.done', params: {} });
  });

  it('shows the server’s own message for a refusal', () => {
    expect(ackViewOf({ ok: false, error: 'scenario_running', message: 'a scenario is already running' })).toEqual({
      tone: 'refused',
      key: 'presenter.refused',
      params: { message: 'a scenario is already running' },
    });
  });

  it('says the command was not sent when offline, and unanswered on a timeout', () => {
    expect(ackViewOf(new DemoCommandError('offline', 'x')).key).toBe('presenter.offline');
    expect(ackViewOf(new DemoCommandError('timeout', 'x'))).toEqual({ tone: 'failed', key: 'presenter.timeout', params: {} });
  });

  it('shows any other failure’s message rather than nothing', () => {
    expect(ackViewOf(new Error('boom'))).toEqual({ tone: 'failed', key: 'presenter.refused', params: { message: 'boom' } });
  });
});
