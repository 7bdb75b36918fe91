import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { labelPointsOf } from '../../../../client/map/regions/labelPointsOf';
import { pointInPolygon } from '../../../../shared/logic/geo/pointInPolygon';

type District = { name: string; code: string };
const fuzhou = JSON.parse(
  readFileSync(new URL('../../../../data/fuzhou-counties.geojson', import.meta.url), 'utf8'),
) as FeatureCollection<Polygon | MultiPolygon, District>;

describe('label points', () => {
  const points = labelPointsOf(fuzhou);

  it('gives every region exactly one label point carrying its properties', () => {
    expect(points.features.map((f) => f.properties.code)).toEqual(fuzhou.features.map((f) => f.properties.code));
  });

  it('puts each label inside its region, even for districts made of many islands', () => {
    for (const [index, point] of points.features.entries()) {
      const [lng = NaN, lat = NaN] = point.geometry.coordinates;
      expect(pointInPolygon(lng, lat, fuzhou.features[index]!.geometry), point.properties.name).toBe(true);
    }
  });

  it('labels a multi-part region on its largest part', () => {
    const square = (x: number, size: number) => [[[x, 0], [x + size, 0], [x + size, size], [x, size], [x, 0]]];
    const islands: FeatureCollection<MultiPolygon, { code: string }> = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { code: 'a' }, geometry: { type: 'MultiPolygon', coordinates: [square(0, 1), square(10, 4)] } }],
    };
    const [x = NaN, y = NaN] = labelPointsOf(islands).features[0]!.geometry.coordinates;
    expect(x).toBeCloseTo(12, 0);
    expect(y).toBeCloseTo(2, 0);
  });

  it('skips regions without a usable outline', () => {
    const empty: FeatureCollection<Polygon, { code: string }> = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { code: 'x' }, geometry: { type: 'Polygon', coordinates: [] } }],
    };
    expect(labelPointsOf(empty).features).toEqual([]);
  });
});
