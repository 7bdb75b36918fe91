import type { Feature, Polygon } from 'geojson';

/**
 * A minimal ESRI Shapefile writer for test fixtures: Polygon shapes (type 5) in the .shp and
 * character fields in a dBase III .dbf, UTF-8 with a .cpg saying so. Exterior rings are written
 * clockwise, as the format requires (the reverse of GeoJSON's rule).
 */
export const writeShapefile = (features: readonly Feature<Polygon, Record<string, unknown>>[], fields: readonly string[]) => ({
  shp: shp(features),
  dbf: dbf(features, fields),
  cpg: new TextEncoder().encode('UTF-8'),
  prj: new TextEncoder().encode('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'),
});

const boxOf = (points: number[][]) => [
  Math.min(...points.map((p) => p[0]!)),
  Math.min(...points.map((p) => p[1]!)),
  Math.max(...points.map((p) => p[0]!)),
  Math.max(...points.map((p) => p[1]!)),
];

const shp = (features: readonly Feature<Polygon, Record<string, unknown>>[]): Uint8Array => {
  const records = features.map((feature) => feature.geometry.coordinates.map((ring) => [...ring].reverse()));
  const contentBytes = records.map((rings) => 44 + 4 * rings.length + 16 * rings.reduce((n, ring) => n + ring.length, 0));
  const total = 100 + contentBytes.reduce((sum, bytes) => sum + 8 + bytes, 0);
  const view = new DataView(new ArrayBuffer(total));
  const all = records.flat(2);
  const box = boxOf(all);
  view.setInt32(0, 9994);
  view.setInt32(24, total / 2);
  view.setInt32(28, 1000, true);
  view.setInt32(32, 5, true);
  box.forEach((value, i) => view.setFloat64(36 + 8 * i, value, true));
  let at = 100;
  records.forEach((rings, n) => {
    view.setInt32(at, n + 1);
    view.setInt32(at + 4, contentBytes[n]! / 2);
    at += 8;
    view.setInt32(at, 5, true);
    boxOf(rings.flat()).forEach((value, i) => view.setFloat64(at + 4 + 8 * i, value, true));
    view.setInt32(at + 36, rings.length, true);
    view.setInt32(at + 40, rings.reduce((count, ring) => count + ring.length, 0), true);
    let part = 0;
    rings.forEach((ring, i) => {
      view.setInt32(at + 44 + 4 * i, part, true);
      part += ring.length;
    });
    let point = at + 44 + 4 * rings.length;
    for (const position of rings.flat()) {
      view.setFloat64(point, position[0]!, true);
      view.setFloat64(point + 8, position[1]!, true);
      point += 16;
    }
    at += contentBytes[n]!;
  });
  return new Uint8Array(view.buffer);
};

const dbf = (features: readonly Feature<Polygon, Record<string, unknown>>[], fields: readonly string[]): Uint8Array => {
  const encoder = new TextEncoder();
  const values = features.map((feature) => fields.map((field) => encoder.encode(String(feature.properties[field] ?? ''))));
  const widths = fields.map((_, i) => Math.max(1, ...values.map((row) => row[i]!.length)));
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + widths.reduce((sum, width) => sum + width, 0);
  const bytes = new Uint8Array(headerLength + recordLength * features.length + 1);
  const view = new DataView(bytes.buffer);
  bytes[0] = 0x03;
  bytes.set([126, 1, 1], 1);
  view.setUint32(4, features.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  fields.forEach((field, i) => {
    bytes.set(encoder.encode(field.slice(0, 10)), 32 + 32 * i);
    bytes[32 + 32 * i + 11] = 'C'.charCodeAt(0);
    bytes[32 + 32 * i + 16] = widths[i]!;
  });
  bytes[headerLength - 1] = 0x0d;
  values.forEach((row, n) => {
    let at = headerLength + n * recordLength;
    bytes[at++] = 0x20;
    row.forEach((value, i) => {
      bytes.fill(0x20, at, at + widths[i]!);
      bytes.set(value, at);
      at += widths[i]!;
    });
  });
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
};
