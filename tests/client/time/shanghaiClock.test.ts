import { describe, expect, it } from 'vitest';
import { clockTimeOf, shanghaiHourOf } from '../../../client/time/shanghaiClock';

describe('clockTimeOf', () => {
  it('reads the time in Asia/Shanghai, whatever the machine is set to', () => {
    expect(clockTimeOf(Date.UTC(2026, 10, 21, 1, 2, 3))).toBe('09:02:03');
  });

  it('wraps past midnight local time', () => {
    expect(clockTimeOf(Date.UTC(2026, 10, 21, 16, 0, 59))).toBe('00:00:59');
  });
});

describe('shanghaiHourOf', () => {
  it('is UTC plus eight hours', () => {
    expect(shanghaiHourOf(Date.UTC(2026, 10, 21, 15, 30))).toBe(23);
    expect(shanghaiHourOf(Date.UTC(2026, 10, 21, 16, 30))).toBe(0);
  });
});
