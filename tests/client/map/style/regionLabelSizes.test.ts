import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { offlineStyle } from '../../../../client/map/style/offlineStyle';
import { MIN_REGION_LABEL_PX, regionLabelSizes } from '../../../../client/map/style/regionShapes/regionLabelLayer';
import { screenScaleOf } from '../../../../client/map/style/screenScale';
import type { MapLevel } from '../../../../client/api/fetchRegions';

/**
 * The wall presets and the root font size each gets (WallScreen's `max(8px, min(100vh / 67.5,
 * 100vw / 120))`): the map's screen scale follows it.
 */
const PRESETS = [
  { name: '1920×1080', remPx: Math.min(1080 / 67.5, 1920 / 120), factor: 1 },
  { name: '3840×2160', remPx: Math.min(2160 / 67.5, 3840 / 120), factor: 2 },
  { name: '3840×1080', remPx: Math.min(1080 / 67.5, 3840 / 120), factor: 1 },
  { name: '7680×2160', remPx: Math.min(2160 / 67.5, 7680 / 120), factor: 2 },
] as const;

/** Each region label layer of the style, by the level whose names it draws. */
const LABEL_LAYERS: Readonly<Record<string, MapLevel>> = {
  'street-label': 'street',
  'community-label': 'community',
  'compound-label': 'compound',
  'grid-label': 'grid',
  'context-label': 'context',
};

/**
 * The smallest text-size a layer draws at any zoom: its size is a linear interpolation by zoom
 * (clamped at the ends), so the smallest of its stop outputs.
 */
const smallestTextSize = (layer: LayerSpecification): number => {
  const size = (layer.layout as Record<string, unknown> | undefined)?.['text-size'];
  if (typeof size === 'number') return size;
  const expression = size as unknown[];
  expect(expression.slice(0, 3)).toEqual(['interpolate', ['linear'], ['zoom']]);
  const outputs = expression.slice(3).filter((_, i) => i % 2 === 1);
  expect(outputs.every((value) => typeof value === 'number')).toBe(true);
  return Math.min(...(outputs as number[]));
};

describe('region labels readable from five metres, at every wall preset', () => {
  it('never lets a level go below its minimum: 14 px at 1080p for every region, more for the county level', () => {
    expect(Math.min(...Object.values(MIN_REGION_LABEL_PX))).toBeGreaterThanOrEqual(14);
    expect(MIN_REGION_LABEL_PX.street).toBeGreaterThan(MIN_REGION_LABEL_PX.community);
    expect(MIN_REGION_LABEL_PX.community).toBeGreaterThan(MIN_REGION_LABEL_PX.grid);
    expect(regionLabelSizes('grid', [[15, 11], [18, 16]])).toEqual([[15, 14], [18, 16]]);
  });

  for (const preset of PRESETS) {
    it(`draws each region label at no less than its minimum × ${preset.factor} on a ${preset.name} wall`, () => {
      const scale = screenScaleOf(preset.remPx);
      expect(scale.factor).toBe(preset.factor);
      const layers = offlineStyle(scale).layers.filter((layer) => layer.id in LABEL_LAYERS);
      expect(layers.map((l) => l.id).sort()).toEqual(Object.keys(LABEL_LAYERS).sort());
      for (const layer of layers) {
        const level = LABEL_LAYERS[layer.id] as MapLevel;
        expect(smallestTextSize(layer), layer.id).toBeGreaterThanOrEqual(MIN_REGION_LABEL_PX[level] * preset.factor);
      }
    });
  }
});
