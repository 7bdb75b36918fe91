import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, isInsideChina, toDisplayDatum, wgs84ToGcj02 } from '../../../../shared/logic/geo/gcj02';
import { distance } from '@turf/turf';

/** Published test vectors of the transform (googollee/eviltransform test suite): [wgsLng, wgsLat, gcjLng, gcjLat]. */
const REFERENCE_POINTS: [string, number, number, number, number][] = [
  ['Shanghai', 121.5272106, 31.1774276, 121.531541859215, 31.17530398364597],
  ['Shenzhen', 113.912316, 22.543847, 113.9171764808363, 22.540796131694766],
  ['Beijing', 116.377817, 39.911954, 116.38404722455657, 39.91334545536069],
];

describe('WGS-84 to GCJ-02', () => {
  it.each(REFERENCE_POINTS)('matches the published reference point in %s', (_, wgsLng, wgsLat, gcjLng, gcjLat) => {
    const [lng, lat] = wgs84ToGcj02(wgsLng, wgsLat);
    expect(lng).toBeCloseTo(gcjLng, 9);
    expect(lat).toBeCloseTo(gcjLat, 9);
  });

  it('shifts a point in Fuzhou by a few hundred metres, as web maps there are offset', () => {
    const [lng, lat] = wgs84ToGcj02(119.296, 26.074);
    const metres = distance([119.296, 26.074], [lng, lat], { units: 'meters' });
    expect(metres).toBeGreaterThan(200);
    expect(metres).toBeLessThan(800);
  });

  it('leaves points outside China unchanged', () => {
    expect(wgs84ToGcj02(-0.1276, 51.5072)).toEqual([-0.1276, 51.5072]);
    expect(wgs84ToGcj02(151.21, -33.87)).toEqual([151.21, -33.87]);
    expect(isInsideChina(119.3, 26.08)).toBe(true);
    expect(isInsideChina(2.35, 48.85)).toBe(false);
  });
});

describe('GCJ-02 to WGS-84', () => {
  it.each(REFERENCE_POINTS)('inverts the published reference point in %s to within a millimetre', (_, wgsLng, wgsLat, gcjLng, gcjLat) => {
    const [lng, lat] = gcj02ToWgs84(gcjLng, gcjLat);
    expect(distance([wgsLng, wgsLat], [lng, lat], { units: 'meters' })).toBeLessThan(0.001);
  });

  it('round-trips any point in China to within a millimetre', () => {
    fc.assert(
      fc.property(fc.double({ min: 73, max: 135, noNaN: true }), fc.double({ min: 18, max: 53, noNaN: true }), (lng, lat) => {
        const [gcjLng, gcjLat] = wgs84ToGcj02(lng, lat);
        const [backLng, backLat] = gcj02ToWgs84(gcjLng, gcjLat);
        expect(distance([lng, lat], [backLng, backLat], { units: 'meters' })).toBeLessThan(0.001);
      }),
      { numRuns: 500 },
    );
  });
});

describe('toDisplayDatum', () => {
  it('converts wgs84 input and passes gcj02 input through', () => {
    expect(toDisplayDatum(119.3, 26.08, 'wgs84')).toEqual(wgs84ToGcj02(119.3, 26.08));
    expect(toDisplayDatum(119.3, 26.08, 'gcj02')).toEqual([119.3, 26.08]);
  });
});
