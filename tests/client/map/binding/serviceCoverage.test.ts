import { describe, expect, it } from 'vitest';
import { buildServiceCoverage } from '../../../../client/map/layers/serviceCircles';
import { WALK_RADIUS_M, circlePolygon, distanceM, outsideEveryCircle } from '../../../../client/map/binding/serviceCoverage';
import { makeStation, sampleIndex } from '../mapFixtures';

describe('15-minute service coverage', () => {
  it('measures distances on the ground: 0.01° of latitude is about 1.11 km', () => {
    expect(distanceM([119, 26], [119, 26.01])).toBeCloseTo(1112, -1);
  });

  it('draws a closed circle whose every vertex is the radius away from the centre', () => {
    const ring = circlePolygon([119.2, 26.1], 1000, 32).coordinates[0]!;
    expect(ring).toHaveLength(33);
    expect(ring[0]).toEqual(ring[32]);
    for (const [lng = 0, lat = 0] of ring) expect(distanceM([119.2, 26.1], [lng, lat])).toBeCloseTo(1000, -1);
  });

  it('finds the places farther than the radius from every centre', () => {
    const places = [
      { code: 'near', point: [119.005, 26] as const },
      { code: 'far', point: [119.05, 26] as const },
      { code: 'edge', point: [119, 26.0089] as const },
    ];
    expect(outsideEveryCircle(places, [[119, 26]], WALK_RADIUS_M)).toEqual(['far']);
  });

  it('treats every place as a gap when there is no station at all', () => {
    expect(outsideEveryCircle([{ code: 'a', point: [119, 26] }], [], WALK_RADIUS_M)).toEqual(['a']);
  });

  it('agrees with a brute-force search over a scattered county', () => {
    const centres = Array.from({ length: 60 }, (_, i) => [119 + ((i * 37) % 100) / 500, 26 + ((i * 53) % 100) / 500] as const);
    const places = Array.from({ length: 400 }, (_, i) => ({ code: `p${i}`, point: [119 + ((i * 71) % 200) / 1000, 26 + ((i * 29) % 200) / 1000] as const }));
    const bruteForce = places.filter((p) => centres.every((c) => distanceM(p.point, c) > WALK_RADIUS_M)).map((p) => p.code);
    expect(outsideEveryCircle(places, centres, WALK_RADIUS_M)).toEqual(bruteForce);
  });

  it('circles only the service stations and marks the compounds left outside', () => {
    const index = sampleIndex();
    const stations = [
      makeStation({ id: 'centre', type: 'party_service_center', location: { lng: 119.01, lat: 26.01 } }),
      makeStation({ id: 'room', type: 'compound_room', location: { lng: 119.04, lat: 26.04 } }),
    ];
    const coverage = buildServiceCoverage(stations, index);
    expect(coverage.circles.map((f) => f.properties.id)).toEqual(['centre']);
    expect(coverage.underserved).toEqual(['350121001001002']);
  });
});
