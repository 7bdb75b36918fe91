import { describe, expect, it } from 'vitest';
import { scopeStates } from '../../../../client/map/binding/scopeStates';
import { sampleIndex } from '../mapFixtures';

describe('scope states', () => {
  const index = sampleIndex();

  it('highlight and dim nothing when the scope is the whole county', () => {
    expect(scopeStates(index, '350121')).toEqual({ selected: new Set(), outside: new Set() });
  });

  it('select a community and dim its siblings and its ancestors’ siblings, once each', () => {
    const states = scopeStates(index, '350121001001');
    expect([...states.selected]).toEqual(['350121001001']);
    expect([...states.outside].sort()).toEqual(['350121002']);
  });

  it('dim the sibling compound when a compound is the scope', () => {
    const states = scopeStates(index, '350121001001001');
    expect([...states.outside].sort()).toEqual(['350121001001002', '350121002']);
  });

  it('ignore a code the map does not know', () => {
    expect(scopeStates(index, '350121009')).toEqual({ selected: new Set(), outside: new Set() });
  });
});
