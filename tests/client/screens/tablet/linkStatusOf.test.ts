import { describe, expect, it } from 'vitest';
import { linkStatusOf } from '../../../../client/screens/tablet/linkStatusOf';

describe('linkStatusOf', () => {
  it('says the tablet has no network as soon as the browser knows, whatever the socket still thinks', () => {
    expect(linkStatusOf('live', false)).toEqual({ state: 'no_network', label: '无网络', offline: true });
  });

  it('says offline when the server cannot be reached over a working network', () => {
    expect(linkStatusOf('offline', true)).toEqual({ state: 'offline', label: '离线', offline: true });
  });

  it('passes the live connection’s other states through, none of them offline', () => {
    expect(['connecting', 'live', 'catching_up', 'stale'].map((s) => linkStatusOf(s as 'live', true).offline)).toEqual([false, false, false, false]);
    expect(linkStatusOf('stale', true).label).toBe('数据延迟');
  });
});
