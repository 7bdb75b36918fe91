import { describe, expect, it } from 'vitest';
import { connectionStateOf, type ConnectionFacts } from '../../../client/realtime/ConnectionStatus';

const healthy: ConnectionFacts = { closed: false, down: false, hasSnapshot: true, stale: false, pending: false, subscribed: true };

describe('the state a connection reports', () => {
  it('is live when it has a snapshot, is subscribed, fresh, and owes no catch-up', () => {
    expect(connectionStateOf(healthy)).toBe('live');
  });

  it('is connecting until the first snapshot, or offline if the server cannot be reached by then', () => {
    expect(connectionStateOf({ ...healthy, hasSnapshot: false })).toBe('connecting');
    expect(connectionStateOf({ ...healthy, hasSnapshot: false, down: true })).toBe('offline');
  });

  it('puts offline before stale, and stale before catching up', () => {
    expect(connectionStateOf({ ...healthy, down: true, stale: true, pending: true })).toBe('offline');
    expect(connectionStateOf({ ...healthy, stale: true, pending: true })).toBe('stale');
    expect(connectionStateOf({ ...healthy, pending: true })).toBe('catching_up');
    expect(connectionStateOf({ ...healthy, subscribed: false })).toBe('catching_up');
  });

  it('is offline once closed', () => {
    expect(connectionStateOf({ ...healthy, closed: true })).toBe('offline');
  });
});
