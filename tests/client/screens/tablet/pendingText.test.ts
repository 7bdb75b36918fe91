import { describe, expect, it } from 'vitest';
import type { PendingAction } from '../../../../client/outbox/Outbox';
import { pendingText } from '../../../../client/screens/tablet/pendingText';

const action = (overrides: Partial<PendingAction>): PendingAction => ({
  key: 'tablet-1',
  incidentId: 'INC-1',
  body: { action: 'resolve', resolution: '已修复' },
  createdAt: 0,
  attempts: 1,
  state: 'sending',
  retryAt: 0,
  problem: null,
  ...overrides,
});

describe('pendingText', () => {
  it('says an action is being sent, and how often it has been tried', () => {
    expect(pendingText(action({}), 0)).toBe('正在发送「办结」…');
    expect(pendingText(action({ attempts: 3 }), 0)).toBe('正在发送「办结」… 第 3 次尝试');
  });

  it('says why it waits and when it goes again', () => {
    const noNetwork = action({ state: 'waiting', retryAt: 4200, problem: { status: 0, code: 'no_answer', message: 'Failed to fetch' } });
    expect(pendingText(noNetwork, 1000)).toBe('「办结」等待发送：网络未连通，4 秒后重试');
    const busy = action({ state: 'waiting', retryAt: 1000, problem: { status: 503, code: 'store_unavailable', message: 'busy' } });
    expect(pendingText(busy, 1000)).toBe('「办结」等待发送：服务器暂时无法处理（503），正在重试');
  });

  it('gives a refusal its meaning and the server’s own words', () => {
    const refused = action({ state: 'failed', problem: { status: 409, code: 'illegal_transition', message: 'cannot resolve an incident that is resolved' } });
    expect(pendingText(refused, 0)).toBe('「办结」未成功：事件状态已变化，请查看最新进度（409 cannot resolve an incident that is resolved）');
  });
});
