import { describe, expect, it } from 'vitest';
import { diffStates } from '../../../../client/map/binding/diffStates';

describe('diffing feature-state', () => {
  it('sets new and changed values and removes the ones that went', () => {
    const previous = new Map<string, number>([['a', 0.1], ['b', 0.2], ['c', 0.3]]);
    const next = new Map<string, number>([['a', 0.1], ['b', 0.5], ['d', 0]]);
    expect(diffStates(previous, next)).toEqual({ set: [['b', 0.5], ['d', 0]], removed: ['c'] });
  });

  it('sends nothing when nothing changed', () => {
    expect(diffStates(new Map([['a', true]]), new Map([['a', true]]))).toEqual({ set: [], removed: [] });
  });
});
