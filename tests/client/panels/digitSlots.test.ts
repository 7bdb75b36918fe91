import { describe, expect, it } from 'vitest';
import { digitSlots } from '../../../client/panels/digitSlots';

const text = (value: number) =>
  digitSlots(value)
    .map((slot) => ('digit' in slot ? String(slot.digit) : slot.separator))
    .join('');

describe('digitSlots', () => {
  it('groups thousands', () => {
    expect(text(0)).toBe('0');
    expect(text(999)).toBe('999');
    expect(text(1000)).toBe('1,000');
    expect(text(1234567)).toBe('1,234,567');
  });

  it('keys positions from the right, so the units digit keeps its element when the number grows', () => {
    const units = (value: number) => digitSlots(value).at(-1)?.key;
    expect(units(9)).toBe(units(1_000_009));
    expect(digitSlots(999).map((slot) => slot.key)).toEqual(['d2', 'd1', 'd0']);
    expect(digitSlots(1000).map((slot) => slot.key)).toEqual(['d3', 's3', 'd2', 'd1', 'd0']);
  });

  it('shows whole, non-negative numbers only', () => {
    expect(text(12.6)).toBe('13');
    expect(text(-4)).toBe('0');
  });
});
