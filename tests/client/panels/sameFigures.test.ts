import { describe, expect, it } from 'vitest';
import type { ChildFigures } from '../../../shared/contract/snapshot';
import { sameFigures } from '../../../client/panels/sameFigures';

const child = (code: string, open: number): ChildFigures => ({
  code,
  name: code,
  level: 'street',
  households: 1,
  open,
  overdue: 0,
  reportedToday: 0,
  resolvedToday: 0,
});

describe('sameFigures', () => {
  it('holds for equal figures in equal order', () => {
    expect(sameFigures([child('a', 1), child('b', 2)], [child('a', 1), child('b', 2)])).toBe(true);
  });

  it('fails on any changed count, order or length', () => {
    expect(sameFigures([child('a', 1)], [child('a', 2)])).toBe(false);
    expect(sameFigures([child('a', 1), child('b', 2)], [child('b', 2), child('a', 1)])).toBe(false);
    expect(sameFigures([child('a', 1)], [])).toBe(false);
  });
});
