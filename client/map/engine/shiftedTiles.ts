import { VectorTile, type VectorTileFeature } from '@mapbox/vector-tile';
import { fromVectorTileJs, type VectorTileLayerLike } from '@maplibre/vt-pbf';
import { PbfReader } from 'pbf';
import { sourceParts, tileShift, type SourcePart } from './datumShift';

/** Reads one WGS-84 source tile (already decompressed), or null where the basemap has none. */
export type SourceTileReader = (z: number, x: number, y: number, signal: AbortSignal) => Promise<ArrayBuffer | null>;

interface Loaded {
  part: SourcePart;
  data: ArrayBuffer;
}

const loadParts = async (read: SourceTileReader, z: number, x: number, y: number, signal: AbortSignal): Promise<Loaded[]> => {
  const parts = sourceParts(z, x, y, tileShift(z, x, y));
  const loaded = await Promise.all(parts.map(async (part) => ({ part, data: await read(z, part.x, part.y, signal) })));
  return loaded.filter((item): item is Loaded => item.data !== null && item.data.byteLength > 0);
};

/** A source feature with its geometry moved into the display tile (integer tile coordinates, as MVT stores them). */
const movedFeature = (feature: VectorTileFeature, offsetX: number, offsetY: number): VectorTileFeature => {
  const ox = Math.round(offsetX * feature.extent);
  const oy = Math.round(offsetY * feature.extent);
  return Object.assign(Object.create(feature) as VectorTileFeature, {
    loadGeometry: () =>
      feature.loadGeometry().map((ring) =>
        ring.map((point) => {
          point.x += ox;
          point.y += oy;
          return point;
        }),
      ),
  });
};

/**
 * A GCJ-02 display tile of a WGS-84 vector basemap: the features of the source tiles around it,
 * moved by the datum offset and written out as one MVT. A feature inside two source tiles' buffers
 * comes twice; drawn opaque (basemapStyle.ts) and label-collided, the twin does not show.
 */
export const shiftedVectorTile = async (read: SourceTileReader, z: number, x: number, y: number, signal: AbortSignal): Promise<Uint8Array> => {
  const layers = new Map<string, { name: string; version: number; extent: number; features: VectorTileFeature[] }>();
  for (const { part, data } of await loadParts(read, z, x, y, signal)) {
    const tile = new VectorTile(new PbfReader(new Uint8Array(data)));
    for (const [name, layer] of Object.entries(tile.layers)) {
      const merged = layers.get(name) ?? { name, version: 2, extent: layer.extent, features: [] };
      for (let i = 0; i < layer.length; i++) merged.features.push(movedFeature(layer.feature(i), part.offsetX, part.offsetY));
      layers.set(name, merged);
    }
  }
  const out: Record<string, VectorTileLayerLike> = {};
  for (const [name, layer] of layers) {
    out[name] = { name, version: layer.version, extent: layer.extent, length: layer.features.length, feature: (i) => layer.features[i] as VectorTileFeature };
  }
  return fromVectorTileJs({ layers: out });
};

/** The same for a raster basemap (Tianditu): the source images drawn at their offsets onto one canvas. */
export const shiftedRasterTile = async (read: SourceTileReader, z: number, x: number, y: number, tileSizePx: number, signal: AbortSignal): Promise<ArrayBuffer> => {
  const canvas = new OffscreenCanvas(tileSizePx, tileSizePx);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas for the basemap');
  for (const { part, data } of await loadParts(read, z, x, y, signal)) {
    const image = await createImageBitmap(new Blob([data]));
    context.drawImage(image, Math.round(part.offsetX * tileSizePx), Math.round(part.offsetY * tileSizePx), tileSizePx, tileSizePx);
    image.close();
  }
  return (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer();
};
