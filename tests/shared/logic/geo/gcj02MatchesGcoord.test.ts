import { distance } from '@turf/turf';
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, toDisplayDatum, wgs84ToGcj02 } from '../../../../shared/logic/geo/gcj02';

/** Fujian's bounding box, sampled every 0.05° (≈ 5 km): 99 × 99 points. */
const FUJIAN = { west: 115.8, east: 120.7, south: 23.5, north: 28.4 };
const STEP = 0.05;
const grid = (): [number, number][] => {
  const points: [number, number][] = [];
  for (let lng = FUJIAN.west; lng <= FUJIAN.east; lng += STEP) for (let lat = FUJIAN.south; lat <= FUJIAN.north; lat += STEP) points.push([lng, lat]);
  return points;
};

/** Our hand-written transform is kept (shared/ stays dependency-free) only because it equals the kept library. */
describe('the GCJ-02 transform against gcoord over Fujian', () => {
  const points = grid();

  it('takes WGS-84 to GCJ-02 within 0.01 m of gcoord at every grid point', () => {
    let worst = 0;
    for (const [lng, lat] of points) {
      const ours = wgs84ToGcj02(lng, lat);
      const theirs = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
      worst = Math.max(worst, distance(ours, theirs, { units: 'meters' }));
    }
    expect(points.length).toBeGreaterThan(9000);
    expect(worst).toBeLessThan(0.01);
  });

  // gcoord's own inverse is a one-step approximation (up to ~0.14 m off here); ours iterates, so it
  // is held to the stricter test: gcoord's forward transform of our inverse lands on the start.
  it('takes GCJ-02 back to WGS-84 so that gcoord maps it forward again within 0.01 m', () => {
    let worst = 0;
    for (const [lng, lat] of points) {
      const back = gcj02ToWgs84(lng, lat);
      const again = gcoord.transform(back, gcoord.WGS84, gcoord.GCJ02) as [number, number];
      worst = Math.max(worst, distance([lng, lat], again, { units: 'meters' }));
    }
    expect(worst).toBeLessThan(0.01);
  });

  it('treats CGCS2000 (China’s geodetic datum, within centimetres of WGS-84) as WGS-84', () => {
    for (const [lng, lat] of points.filter((_, i) => i % 97 === 0)) {
      expect(toDisplayDatum(lng, lat, 'cgcs2000')).toEqual(toDisplayDatum(lng, lat, 'wgs84'));
    }
  });
});
