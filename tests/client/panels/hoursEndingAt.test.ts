import { describe, expect, it } from 'vitest';
import { hoursEndingAt } from '../../../client/panels/hoursEndingAt';

describe('hoursEndingAt', () => {
  it('lists the Shanghai hours of 24 buckets, oldest first, ending with the current hour', () => {
    const at = Date.UTC(2026, 10, 21, 12, 5); // 20:05 in Shanghai
    const hours = hoursEndingAt(at, 24);
    expect(hours).toHaveLength(24);
    expect(hours.at(-1)).toBe(20);
    expect(hours[0]).toBe(21);
    expect(hours.slice(2, 5)).toEqual([23, 0, 1]);
  });
});
