import type { FeatureCollection, Geometry, Position } from 'geojson';

/** [[west, south], [east, north]], the shape `fitBounds` takes. */
export type LngLatBox = [[number, number], [number, number]];

const positionsOf = function* (geometry: Geometry): Generator<Position> {
  switch (geometry.type) {
    case 'Point':
      yield geometry.coordinates;
      return;
    case 'MultiPoint':
    case 'LineString':
      yield* geometry.coordinates;
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of geometry.coordinates) yield* line;
      return;
    case 'MultiPolygon':
      for (const polygon of geometry.coordinates) for (const ring of polygon) yield* ring;
      return;
    case 'GeometryCollection':
      for (const part of geometry.geometries) yield* positionsOf(part);
  }
};

/** Bounding box of every coordinate in the collection, or null when it has none. */
export const boundsOf = (collection: FeatureCollection): LngLatBox | null => {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const feature of collection.features) {
    if (!feature.geometry) continue;
    for (const [lng, lat] of positionsOf(feature.geometry)) {
      if (lng === undefined || lat === undefined) continue;
      west = Math.min(west, lng);
      east = Math.max(east, lng);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  return west <= east ? [[west, south], [east, north]] : null;
};
