import { describe, expect, it } from 'vitest';
import { boundsOf } from '../../../../client/map/regions/boundsOf';

describe('boundsOf', () => {
  it('spans every ring of every polygon', () => {
    const bounds = boundsOf({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[119, 26], [119.5, 26.2], [119.1, 25.9], [119, 26]]] } },
        { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[[[118.8, 26.4], [118.9, 26.4], [118.9, 26.5], [118.8, 26.4]]]] } },
      ],
    });
    expect(bounds).toEqual([[118.8, 25.9], [119.5, 26.5]]);
  });

  it('is null for a collection without coordinates', () => {
    expect(boundsOf({ type: 'FeatureCollection', features: [] })).toBeNull();
  });
});
