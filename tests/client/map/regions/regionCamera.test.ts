import { describe, expect, it } from 'vitest';
import { cameraTargetOf, lngLatPairOf } from '../../../../client/map/regions/regionCamera';

const BOUNDS: [[number, number], [number, number]] = [
  [119.1, 26.1],
  [119.3, 26.2],
];

describe('cameraTargetOf', () => {
  it('centres the region as its fit does, at the view’s own zoom, tilt and turn', () => {
    expect(cameraTargetOf({ zoom: 15, pitch: 40, bearing: -20 }, BOUNDS, { center: [119.21, 26.16], zoom: 12.3 })).toEqual({
      center: [119.21, 26.16],
      zoom: 15,
      pitch: 40,
      bearing: -20,
    });
  });

  it('takes the fit’s zoom when the view sets none', () => {
    expect(cameraTargetOf({ pitch: 0, bearing: 0 }, BOUNDS, { center: [119.2, 26.15], zoom: 12.3 }).zoom).toBe(12.3);
  });

  it('aims at the middle of the bounds, keeping the zoom, when the map cannot fit yet', () => {
    const target = cameraTargetOf({ pitch: 10, bearing: 5 }, BOUNDS, undefined);
    expect(target.center[0]).toBeCloseTo(119.2);
    expect(target.center[1]).toBeCloseTo(26.15);
    expect(target).not.toHaveProperty('zoom');
  });
});

describe('lngLatPairOf', () => {
  it('reads every shape MapLibre gives a position in', () => {
    expect(lngLatPairOf([1, 2])).toEqual([1, 2]);
    expect(lngLatPairOf({ lng: 1, lat: 2 })).toEqual([1, 2]);
    expect(lngLatPairOf({ lon: 1, lat: 2 })).toEqual([1, 2]);
  });
});
