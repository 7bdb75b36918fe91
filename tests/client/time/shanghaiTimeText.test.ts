import { describe, expect, it } from 'vitest';
import { shanghaiTimeText } from '../../../client/time/shanghaiTimeText';

describe('shanghaiTimeText', () => {
  // 2026-03-12 23:30 in Shanghai is 15:30 UTC: the day is Shanghai's whatever the tablet's zone.
  const lateEvening = Date.UTC(2026, 2, 12, 15, 30);

  it('gives only the time for the same Shanghai day', () => {
    expect(shanghaiTimeText(lateEvening, lateEvening + 20 * 60_000)).toBe('23:30');
  });

  it('adds the date once the Shanghai day has changed, even when UTC has not', () => {
    expect(shanghaiTimeText(lateEvening, lateEvening + 40 * 60_000)).toBe('3月12日 23:30');
  });
});
