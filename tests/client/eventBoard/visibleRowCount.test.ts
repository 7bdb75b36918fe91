import { describe, expect, it } from 'vitest';
import { visibleRowCount } from '../../../client/eventBoard/visibleRowCount';

describe('visibleRowCount', () => {
  it('counts whole rows that fit', () => {
    expect(visibleRowCount(200, 36.8)).toBe(5);
    expect(visibleRowCount(1472, 73.6)).toBe(20);
  });

  it('keeps at least one row, even before layout', () => {
    expect(visibleRowCount(0, 36.8)).toBe(1);
    expect(visibleRowCount(10, 36.8)).toBe(1);
    expect(visibleRowCount(100, 0)).toBe(1);
  });
});
