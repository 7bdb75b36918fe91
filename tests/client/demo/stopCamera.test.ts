import { describe, expect, it } from 'vitest';
import { stopKeyOf, stopViewOf } from '../../../client/demo/stopCamera';
import { stopOf } from './demoFixtures';

describe('stopViewOf', () => {
  it('takes the stop’s zoom, pitch and bearing as they are', () => {
    expect(stopViewOf(stopOf({ camera: { zoom: 15.5, pitch: 45, bearing: -30 } }))).toEqual({ zoom: 15.5, pitch: 45, bearing: -30 });
  });

  it('fits the region (no zoom) flat and north-up when the stop says nothing', () => {
    expect(stopViewOf(stopOf({ camera: {} }))).toEqual({ pitch: 0, bearing: 0 });
  });
});

describe('stopKeyOf', () => {
  it('names the stop on screen, and nothing when none is', () => {
    expect(stopKeyOf(2, stopOf())).toBe('2:sanfu:350121001002');
    expect(stopKeyOf(2, null)).toBeNull();
  });

  it('tells a jump to another stop from a repeated frame of the same one', () => {
    expect(stopKeyOf(0, stopOf())).toBe(stopKeyOf(0, stopOf()));
    expect(stopKeyOf(0, stopOf())).not.toBe(stopKeyOf(1, stopOf()));
  });
});
