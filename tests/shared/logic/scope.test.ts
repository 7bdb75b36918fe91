import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ancestorsOf,
  isInScope,
  isValidScopeCode,
  lineageOf,
} from '../../../shared/logic/scope';
import { COMMUNITY, COMPOUND, COUNTY, GRID, PATH, STREET } from './logicFixtures';

describe('isValidScopeCode', () => {
  it.each([COUNTY, STREET, COMMUNITY, COMPOUND, GRID])('accepts the level code %s', (code) => {
    expect(isValidScopeCode(code)).toBe(true);
  });

  it.each(['', '35012', '3501211', '35012110000100101x', 'abcdef', '3501211000010010101'])('refuses %j', (code) => {
    expect(isValidScopeCode(code)).toBe(false);
  });
});

describe('ancestorsOf', () => {
  it('reads the ancestors off a grid code, county first', () => {
    expect(ancestorsOf(GRID)).toEqual([COUNTY, STREET, COMMUNITY, COMPOUND]);
    expect(lineageOf(GRID)).toEqual(PATH);
  });

  it('gives a county no ancestors and an invalid code none either', () => {
    expect(ancestorsOf(COUNTY)).toEqual([]);
    expect(ancestorsOf('12345')).toEqual([]);
  });
});

describe('isInScope', () => {
  it('lets a scope see records at or below it', () => {
    for (const scope of PATH) expect(isInScope(PATH, scope)).toBe(true);
  });

  it('hides a record from a sibling street', () => {
    expect(isInScope(PATH, '350121101')).toBe(false);
    expect(isInScope(PATH.slice(0, 3), '350121100002')).toBe(false);
  });

  it('does not let a record see its descendants\' scope: a community screen misses street-level records', () => {
    expect(isInScope([COUNTY, STREET], COMMUNITY)).toBe(false);
  });

  it('resolves a path that names only its most specific region', () => {
    expect(isInScope([GRID], STREET)).toBe(true);
  });

  it('fails closed for an invalid scope', () => {
    expect(isInScope(PATH, '')).toBe(false);
    expect(isInScope(PATH, '3501')).toBe(false);
  });

  it('agrees with the code prefixes for any generated grid', () => {
    const grid = fc.stringMatching(/^[0-9]{17}$/);
    // A second grid sharing a random-length prefix with the first, so near relatives are common.
    const pair = fc
      .tuple(grid, fc.nat(17), grid)
      .map(([g, shared, r]) => [g, g.slice(0, shared) + r.slice(shared)] as const);
    fc.assert(
      fc.property(pair, ([g, o]) => {
        const path = lineageOf(g);
        for (const scope of lineageOf(o)) expect(isInScope(path, scope)).toBe(g.startsWith(scope));
      }),
      { numRuns: 1000 },
    );
  });
});
